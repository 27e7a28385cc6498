#include "experiment/sample_series.hpp"

#include <algorithm>
#include <utility>

namespace conclab {

namespace {

template <typename T>
std::optional<T> larger(const std::optional<T>& a, const std::optional<T>& b) {
    if (!a) return b;
    if (!b) return a;
    return std::max(*a, *b);
}

// The mean of two values weighted by the ticks they cover (wa, wb); one missing: the other.
std::optional<double> mean(const std::optional<double>& a, const std::optional<double>& b,
                           double wa, double wb) {
    if (!a) return b;
    if (!b) return a;
    return (*a * wa + *b * wb) / (wa + wb);
}

template <typename T>
std::optional<T> sum(const std::optional<T>& a, const std::optional<T>& b) {
    if (!a) return b;
    if (!b) return a;
    return *a + *b;
}

// Internals are shares, time averages, rates and percentiles: the weighted mean for the first
// kinds, the larger for percentiles and maxima (upper bounds, as for latencies).
Internals merge_internals(const Internals& a, const Internals& b, double wa, double wb) {
    Internals out;
    out.loop_delay_p99_ms = larger(a.loop_delay_p99_ms, b.loop_delay_p99_ms);
    out.loop_delay_max_ms = larger(a.loop_delay_max_ms, b.loop_delay_max_ms);
    out.loop_utilization_pct = mean(a.loop_utilization_pct, b.loop_utilization_pct, wa, wb);
    out.gil_held_pct = mean(a.gil_held_pct, b.gil_held_pct, wa, wb);
    out.gil_waiting_threads = mean(a.gil_waiting_threads, b.gil_waiting_threads, wa, wb);
    out.gil_wait_p99_ms = larger(a.gil_wait_p99_ms, b.gil_wait_p99_ms);
    out.gil_switches_per_s = mean(a.gil_switches_per_s, b.gil_switches_per_s, wa, wb);
    out.gil_drop_requests_per_s =
        mean(a.gil_drop_requests_per_s, b.gil_drop_requests_per_s, wa, wb);
    return out;
}

// A worker present in one of the two served for that part of the merged span only: its rates
// count with that part's weight (zero for the rest).
// Memory and context-switch rates are means over the merged ticks; threads and descriptors are
// readings at a tick's end, so the merged sample keeps the later one's (its t_s is the later's).
Resources merge_resources(const Resources& a, const Resources& b, double wa, double wb) {
    Resources out;
    out.rss_mb = mean(a.rss_mb, b.rss_mb, wa, wb);
    out.context_switches_per_s = mean(a.context_switches_per_s, b.context_switches_per_s, wa, wb);
    out.threads = b.threads ? b.threads : a.threads;
    out.fds = b.fds ? b.fds : a.fds;
    return out;
}

std::optional<std::vector<WorkerSample>> merge_workers(
    const std::optional<std::vector<WorkerSample>>& a,
    const std::optional<std::vector<WorkerSample>>& b, double wa, double wb) {
    if (!a && !b) return std::nullopt;
    std::vector<WorkerSample> out;
    auto add = [&out, total = wa + wb](const WorkerSample& w, double weight) {
        auto same = std::find_if(out.begin(), out.end(),
                                 [&](const WorkerSample& o) { return o.pid == w.pid; });
        if (same == out.end()) {
            WorkerSample part = w;
            part.rps = w.rps * weight / total;
            part.cpu_pct = w.cpu_pct * weight / total;
            out.push_back(part);
        } else {
            same->rps += w.rps * weight / total;
            same->cpu_pct += w.cpu_pct * weight / total;
            same->internals = merge_internals(same->internals, w.internals, total - weight, weight);
            same->resources = merge_resources(same->resources, w.resources, total - weight, weight);
        }
    };
    if (a) {
        for (const WorkerSample& w : *a) add(w, wa);
    }
    if (b) {
        for (const WorkerSample& w : *b) add(w, wb);
    }
    return out;
}

}  // namespace

MetricsSample merge_samples(const MetricsSample& a, const MetricsSample& b, std::size_t a_ticks,
                            std::size_t b_ticks) {
    const double wa = static_cast<double>(a_ticks), wb = static_cast<double>(b_ticks);
    auto weighted = [wa, wb](double x, double y) { return (x * wa + y * wb) / (wa + wb); };
    MetricsSample m;
    m.t_s = b.t_s;  // the end of the later one
    m.rps = weighted(a.rps, b.rps);
    m.errors_per_s = weighted(a.errors_per_s, b.errors_per_s);
    m.responses = a.responses + b.responses;
    m.errors = a.errors + b.errors;
    m.p50_ms = larger(a.p50_ms, b.p50_ms);
    m.p90_ms = larger(a.p90_ms, b.p90_ms);
    m.p99_ms = larger(a.p99_ms, b.p99_ms);
    m.max_ms = larger(a.max_ms, b.max_ms);
    m.p99_uncorrected_ms = larger(a.p99_uncorrected_ms, b.p99_uncorrected_ms);
    m.late = a.late + b.late;
    m.dropped = a.dropped + b.dropped;
    m.client_open = std::max(a.client_open, b.client_open);
    m.server_in_service = mean(a.server_in_service, b.server_in_service, wa, wb);
    m.server_in_service_peak = larger(a.server_in_service_peak, b.server_in_service_peak);
    m.server_waiting = mean(a.server_waiting, b.server_waiting, wa, wb);
    m.server_waiting_peak = larger(a.server_waiting_peak, b.server_waiting_peak);
    m.server_accept_queue = larger(a.server_accept_queue, b.server_accept_queue);
    m.server_requests = sum(a.server_requests, b.server_requests);
    m.server_cpu_pct = mean(a.server_cpu_pct, b.server_cpu_pct, wa, wb);
    m.load_cpu_pct = weighted(a.load_cpu_pct, b.load_cpu_pct);
    m.warmup = a.warmup && b.warmup;  // measured as soon as part of it was
    m.heavy_responses = a.heavy_responses + b.heavy_responses;
    m.internals = merge_internals(a.internals, b.internals, wa, wb);
    m.workers = merge_workers(a.workers, b.workers, wa, wb);
    m.server = merge_resources(a.server, b.server, wa, wb);
    m.server_connections = b.server_connections ? b.server_connections : a.server_connections;
    m.idle_open = b.idle_open;
    return m;
}

SampleSeries::SampleSeries(std::size_t recent, std::size_t older)
    : max_recent_(std::max<std::size_t>(recent, 1)),
      max_older_(std::max<std::size_t>(older + older % 2, 2)) {}  // even: it halves in pairs

void SampleSeries::add(MetricsSample sample) {
    recent_.push_back(std::move(sample));
    if (recent_.size() <= max_recent_) return;
    absorb(std::move(recent_.front()));
    recent_.pop_front();
    ++base_;
}

// The oldest recent tick joins the older sample being filled; a full one (stride_ ticks) joins
// the older part, which halves (and the stride doubles) when it is full.
void SampleSeries::absorb(MetricsSample tick) {
    pending_ = pending_ ? merge_samples(*pending_, tick, pending_ticks_, 1) : std::move(tick);
    if (++pending_ticks_ < stride_) return;
    older_.push_back(std::move(*pending_));
    pending_.reset();
    pending_ticks_ = 0;
    if (older_.size() >= max_older_) downsample_older();
}

void SampleSeries::downsample_older() {
    std::vector<MetricsSample> merged;
    merged.reserve(older_.size() / 2);
    for (std::size_t i = 0; i + 1 < older_.size(); i += 2) {
        merged.push_back(merge_samples(older_[i], older_[i + 1], stride_, stride_));
    }
    older_ = std::move(merged);  // max_older_ is even: no sample is left over
    stride_ *= 2;
}

std::vector<MetricsSample> SampleSeries::since(std::size_t index) const {
    std::vector<MetricsSample> out;
    if (index == 0) {
        out.assign(older_.begin(), older_.end());
        if (pending_) out.push_back(*pending_);
    }
    for (std::size_t i = std::max(index, base_); i < next_index(); ++i) {
        out.push_back(recent_[i - base_]);
    }
    return out;
}

}  // namespace conclab
