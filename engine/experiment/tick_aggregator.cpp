#include "experiment/tick_aggregator.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace conclab {

namespace {

std::optional<double> ms(const LatencyHistogram& h, double q) {
    if (h.count() == 0) return std::nullopt;
    return h.quantile_us(q) / 1000.0;
}

std::string percent(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f %%", v);
    return text;
}

std::string describe_errors(const ErrorCounts& e) {
    std::ostringstream out;
    const char* sep = "";
    for (const ErrorKindField& kind : kErrorKinds) {
        const std::uint64_t n = e.*kind.count;
        if (n == 0) continue;
        out << sep << n << ' ' << kind.key;
        sep = ", ";
    }
    return out.str();
}

// Mean of each field over the workers that have it; empty when none has it.
Internals mean_of(const std::vector<Internals>& all) {
    Internals out;
    for (const InternalsField& f : kInternalsFields) {
        double sum = 0;
        int n = 0;
        for (const Internals& one : all) {
            if (one.*f.value) {
                sum += *(one.*f.value);
                ++n;
            }
        }
        if (n > 0) out.*f.value = sum / n;
    }
    return out;
}

// The server's processes summed, when every live worker has reported its resources (a
// sum with one missing would dip).
void put_server_resources(MetricsSample& s, const HostTick& h, double tick_s) {
    s.server_connections = h.connections;
    if (h.workers.empty()) return;
    ProcessResources sum;
    std::uint64_t switches = 0;
    for (const WorkerTick& w : h.workers) {
        if (!w.resources) return;
        sum += *w.resources;
        switches += w.context_switches;
    }
    s.server = resources_of(sum, switches, tick_s);
}

}  // namespace

Internals internals_of(const WorkerTick& w) {
    Internals out;
    if (w.loop && w.loop->span_ns > 0) {
        const LoopTick& l = *w.loop;
        out.loop_utilization_pct = std::min(
            100.0, 100.0 * static_cast<double>(l.busy_ns) / static_cast<double>(l.span_ns));
        // No firing and nothing overdue: no delay was measured (a tick shorter than 10 ms).
        if (l.delay.count() > 0 || l.delay_max_ns > 0) {
            out.loop_delay_max_ms = static_cast<double>(l.delay_max_ns) / 1e6;
        }
        if (l.delay.count() > 0) {
            // The bucket's middle may lie a few % above the exact maximum.
            out.loop_delay_p99_ms =
                std::min(l.delay.quantile_ns(0.99) / 1e6, std::max(*out.loop_delay_max_ms, 0.001));
        }
    }
    if (w.gil && w.gil->span_ns > 0) {
        const GilTick& g = *w.gil;
        const double span = static_cast<double>(g.span_ns);
        out.gil_held_pct = std::min(100.0, 100.0 * static_cast<double>(g.held_ns) / span);
        out.gil_waiting_threads = static_cast<double>(g.waiting_area_ns) / span;
        if (g.wait.count() > 0) out.gil_wait_p99_ms = g.wait.quantile_ns(0.99) / 1e6;
        out.gil_switches_per_s = static_cast<double>(g.switches) * 1e9 / span;
        out.gil_drop_requests_per_s = static_cast<double>(g.drop_requests) * 1e9 / span;
    }
    return out;
}

TickAggregator::TickAggregator(double warmup_s, int load_threads, std::size_t recent_samples)
    : warmup_s_(warmup_s), load_threads_(load_threads), series_(recent_samples, recent_samples) {}

MetricsSample TickAggregator::make_sample(const TickInput& tick) const {
    const LoadTick& load = tick.load;
    MetricsSample s;
    s.t_s = tick.t_s;
    s.responses = load.responses;
    s.errors = load.errors.total();
    s.rps = static_cast<double>(s.responses) / tick.tick_s;
    s.errors_per_s = static_cast<double>(s.errors) / tick.tick_s;
    s.p50_ms = ms(load.latency, 0.50);
    s.p90_ms = ms(load.latency, 0.90);
    s.p99_ms = ms(load.latency, 0.99);
    if (load.latency.count() > 0) s.max_ms = load.latency.max_us() / 1000.0;
    s.p99_uncorrected_ms = ms(load.latency_uncorrected, 0.99);
    s.late = load.late;
    s.dropped = load.dropped;
    s.client_open = std::max(load.open_connections_max, load.open_connections);
    s.client_open_end = load.open_connections;
    s.load_cpu_pct = static_cast<double>(load.cpu_ns) / (tick.tick_s * 1e7);
    s.warmup = tick.t_s <= warmup_s_;
    s.heavy_responses = tick.heavy_responses;
    if (tick.host) {
        const HostTick& h = *tick.host;
        s.server_in_service = h.in_service_avg;
        s.server_in_service_peak = h.in_service_peak;
        s.server_waiting = h.waiting_avg;
        s.server_waiting_peak = h.waiting_peak;
        s.server_accept_queue = h.accept_queue ? h.accept_queue->length : 0;
        s.server_requests = h.requests;
        s.server_cpu_pct = static_cast<double>(h.cpu_ns) / (tick.tick_s * 1e7);
        std::vector<Internals> each;
        std::vector<WorkerSample> workers;
        for (const WorkerTick& w : h.workers) {
            each.push_back(internals_of(w));
            workers.push_back({w.pid, static_cast<double>(w.requests) / tick.tick_s,
                               static_cast<double>(w.cpu_ns) / (tick.tick_s * 1e7), each.back(),
                               w.resources
                                   ? resources_of(*w.resources, w.context_switches, tick.tick_s)
                                   : Resources{}});
        }
        s.internals = mean_of(each);
        if (h.process_per_core) s.workers = std::move(workers);
        put_server_resources(s, h, tick.tick_s);
    } else if (tick.target_resources) {
        s.server = resources_of(*tick.target_resources, tick.target_switches, tick.tick_s);
    }
    if (tick.idle) s.idle_open = tick.idle->open;
    if (!tick.host && tick.target_resources) {
        // What the external server holds, as the client sees it.
        s.server_connections =
            std::max(load.open_connections, 0) + s.idle_open + (tick.slow ? tick.slow->open : 0);
    }
    return s;
}

std::vector<std::string> TickAggregator::warnings_of(const TickInput& tick,
                                                     const MetricsSample& s) {
    std::vector<std::string> out;
    if (tick.host) {
        for (const std::string& p : tick.host->problems) out.push_back(p);
        if (tick.host->accept_errors > accept_errors_seen_) {
            out.push_back("the server failed to accept " +
                          std::to_string(tick.host->accept_errors - accept_errors_seen_) +
                          " connection(s), usually for lack of file descriptors (ulimit -n)");
            accept_errors_seen_ = tick.host->accept_errors;
        }
    }
    if (s.load_cpu_pct >= 0.9 * 100.0 * load_threads_) {
        out.push_back("load generator saturated (" + percent(s.load_cpu_pct) + " CPU on " +
                      std::to_string(load_threads_) +
                      " thread(s)): latencies include its own delay");
    }
    if (s.errors > 0) {
        out.push_back("errors: " + describe_errors(tick.load.errors) + " in the last tick");
    }
    if (s.late > 0 || s.dropped > 0) {
        out.push_back("open loop falling behind: " + std::to_string(s.late) + " late, " +
                      std::to_string(s.dropped) +
                      " dropped in the last tick (no free connection: the server, or the pool "
                      "of max_connections, cannot keep up with the rate)");
    }
    if (!tick.load.connect_error.empty()) {
        std::string warning = "cannot open connections: " + tick.load.connect_error;
        if (tick.load.connect_error.find("open files") != std::string::npos) {
            warning += " " + tick.fd_limit_hint;
        }
        out.push_back(std::move(warning));
    }
    return out;
}

void TickAggregator::add_to_summary(const TickInput& tick, const MetricsSample& s) {
    ++measured_ticks_;
    totals_.measured_s += tick.tick_s;
    totals_.requests += s.responses;
    totals_.heavy_requests += s.heavy_responses;
    totals_.error_kinds += tick.load.errors;
    totals_.errors = totals_.error_kinds.total();
    latency_.merge(tick.load.latency);
    latency_uncorrected_.merge(tick.load.latency_uncorrected);
    totals_.late += s.late;
    totals_.dropped += s.dropped;
    totals_.client_open_max = std::max(totals_.client_open_max, s.client_open);
    totals_.server_closes += tick.load.server_closes + tick.load.reconnects;
    totals_.slow_connects += tick.load.slow_connects;
    load_cpu_sum_ += s.load_cpu_pct;
    if (tick.host) {
        totals_.server_in_service_max =
            std::max(totals_.server_in_service_max.value_or(0), *s.server_in_service);
        totals_.server_waiting_max =
            std::max(totals_.server_waiting_max.value_or(0), *s.server_waiting);
        totals_.server_in_service_peak =
            std::max(totals_.server_in_service_peak.value_or(0), *s.server_in_service_peak);
        totals_.server_waiting_peak =
            std::max(totals_.server_waiting_peak.value_or(0), *s.server_waiting_peak);
        totals_.server_accept_queue_max =
            std::max(totals_.server_accept_queue_max.value_or(0), *s.server_accept_queue);
        server_cpu_sum_ += *s.server_cpu_pct;
    }
    for (std::size_t i = 0; i < kInternalsFields.size(); ++i) {
        const std::optional<double>& v = s.internals.*kInternalsFields[i].value;
        if (!v) continue;
        Accumulated& a = internals_sums_[i];
        a.max = a.n == 0 ? *v : std::max(a.max, *v);
        a.sum += *v;
        ++a.n;
    }
    if (tick.host && tick.host->process_per_core) {
        per_worker_ = true;
        for (const WorkerTick& w : tick.host->workers) {
            auto it = std::find_if(worker_totals_.begin(), worker_totals_.end(),
                                   [&](const WorkerTotals& t) { return t.pid == w.pid; });
            if (it == worker_totals_.end())
                it = worker_totals_.insert(it, WorkerTotals{w.pid, 0, 0, 0});
            it->requests += w.requests;
            it->cpu_sum += static_cast<double>(w.cpu_ns) / (tick.tick_s * 1e7);
            ++it->ticks;
        }
    }
}

void TickAggregator::add(TickInput tick) {
    if (tick.host) tick.load.errors.reset += tick.host->lost_requests;
    if (tick.slow) {  // the whole run, warmup included: they are a condition, not a measurement
        if (!totals_.slow_clients) totals_.slow_clients.emplace();
        SlowClientCounts& c = *totals_.slow_clients;
        c.open_max = std::max({c.open_max, tick.slow->open_max, tick.slow->open});
        c.connects += tick.slow->connects;
        c.closed_by_server += tick.slow->closed_by_server;
        c.bytes_sent += tick.slow->bytes_sent;
    }
    if (tick.idle) {  // the whole run, as the slow clients
        if (!totals_.idle_connections) totals_.idle_connections.emplace();
        IdleConnectionCounts& c = *totals_.idle_connections;
        c.open_max = std::max({c.open_max, tick.idle->open_max, tick.idle->open});
        c.connects += tick.idle->connects;
        c.closed_by_server += tick.idle->closed_by_server;
        c.silent = c.silent || tick.idle->silent;
    }
    MetricsSample s = make_sample(tick);
    resources_.add(s, !s.warmup);
    warnings_ = warnings_of(tick, s);
    remember_warnings(tick.t_s);
    if (tick.host) {
        restarts_ = tick.host->restarts;
        for (const WorkerDeath& death : tick.host->worker_deaths) {
            markers_.push_back(AdjustEvent{tick.t_s, "worker", 0, 0, death.marker()});
            losses_.push_back({.t_s = tick.t_s,
                               .pid = death.pid,
                               .replacement = death.replacement,
                               .timed_out = death.timed_out,
                               .cause = death.cause,
                               .rps_before = std::nullopt,
                               .rps_after = std::nullopt});
        }
        have_server_ = true;
        pids_ = tick.host->pids;
        pids_seen_.insert(pids_.begin(), pids_.end());
        servers_failed_ = servers_failed_ || tick.host->failed;
        server_completed_ += tick.host->requests;
        totals_.server_requests = server_completed_;
    }
    if (!s.warmup) add_to_summary(tick, s);
    client_completed_ += s.responses + s.heavy_responses;
    totals_.client_requests_total = client_completed_;
    series_.add(std::move(s));
}

void TickAggregator::add_drain(std::uint64_t responses, const LoadTick& drained, int still_open,
                               const UnansweredRequests& unanswered,
                               std::optional<HostTick> host_final) {
    // Stopped before the measured window began: nothing is summarised, these neither.
    if (measured_ticks_ > 0) {
        latency_.merge(drained.latency);
        latency_uncorrected_.merge(drained.latency_uncorrected);
        const double answered_p99_us = latency_.count() > 0 ? latency_.quantile_us(0.99) : 0;
        for (const std::uint64_t us : unanswered.waited_us) latency_.record(us);
        latency_uncorrected_.merge(unanswered.waited_uncorrected);
        totals_.unanswered = unanswered.count();
        totals_.unanswered_beyond_p99 = unanswered.count_over(answered_p99_us);
        if (unanswered.count() > 0) {
            totals_.unanswered_longest_ms = static_cast<double>(unanswered.longest_us()) / 1000.0;
        }
    }
    totals_.drained_requests = responses;
    client_completed_ += responses;
    totals_.client_requests_total = client_completed_;
    if (host_final) {
        server_completed_ += host_final->requests;
        totals_.server_requests = server_completed_;
    }
    if (still_open > 0) totals_.abandoned_in_flight = still_open;
}

void TickAggregator::note(const std::string& text) {
    if (run_warning_kinds_.insert(text).second) run_warnings_.push_back("at 0.00 s: " + text);
}

void TickAggregator::remember_warnings(double t_s) {
    for (const std::string& w : warnings_) {
        std::string kind;  // the text with every run of digits as '#'
        for (char c : w) {
            const bool digit = c >= '0' && c <= '9';
            if (!digit) {
                kind += c;
            } else if (kind.empty() || kind.back() != '#') {
                kind += '#';
            }
        }
        if (!run_warning_kinds_.insert(kind).second) continue;
        char when[32];
        std::snprintf(when, sizeof when, "at %.2f s: ", t_s);
        run_warnings_.push_back(when + w);
    }
}

std::vector<MetricsSample> TickAggregator::samples_since(std::size_t index) const {
    return series_.since(index);
}

Summary TickAggregator::summary() const {
    Summary out = totals_;
    if (out.measured_s > 0) out.rps = static_cast<double>(out.requests) / out.measured_s;
    auto summarise = [](const LatencyHistogram& h) -> std::optional<LatencySummary> {
        if (h.count() == 0) return std::nullopt;
        LatencySummary l;
        l.p50_ms = h.quantile_us(0.50) / 1000.0;
        l.p90_ms = h.quantile_us(0.90) / 1000.0;
        l.p99_ms = h.quantile_us(0.99) / 1000.0;
        l.p999_ms = h.quantile_us(0.999) / 1000.0;
        l.max_ms = h.max_us() / 1000.0;
        l.min_ms = h.min_us() / 1000.0;
        l.mean_ms = h.mean_us() / 1000.0;
        return l;
    };
    out.latency = summarise(latency_);
    out.latency_uncorrected = summarise(latency_uncorrected_);
    if (latency_.count() > 0) {
        for (double p : kSpectrumPercentiles) {
            const double us =
                p >= 100 ? static_cast<double>(latency_.max_us()) : latency_.quantile_us(p / 100.0);
            out.latency_spectrum.push_back({p, us / 1000.0});
        }
    }
    for (std::size_t i = 0; i < kInternalsFields.size(); ++i) {
        const Accumulated& a = internals_sums_[i];
        if (a.n > 0) out.internals[i] = MeanMax{a.sum / a.n, a.max};
    }
    if (per_worker_) {
        std::uint64_t all = 0;
        for (const WorkerTotals& t : worker_totals_) all += t.requests;
        std::vector<WorkerShare> shares;
        for (const WorkerTotals& t : worker_totals_) {
            shares.push_back(
                {t.pid, t.requests,
                 all > 0 ? 100.0 * static_cast<double>(t.requests) / static_cast<double>(all) : 0,
                 t.ticks > 0 ? t.cpu_sum / t.ticks : 0});
        }
        out.workers = std::move(shares);
    }
    if (measured_ticks_ > 0) {
        out.load_cpu_pct_mean = load_cpu_sum_ / measured_ticks_;
        if (have_server_) out.server_cpu_pct_mean = server_cpu_sum_ / measured_ticks_;
    }
    out.resources = resources_.summary();
    out.server_processes = static_cast<int>(pids_seen_.size());
    if (have_server_) out.worker_restarts = restarts_;
    out.worker_losses = losses_;
    fill_loss_rates(out.worker_losses);
    return out;
}

// The rate before a loss, and once the replacement has had kLossWindowS to take over: what a
// speaker points at ("it dipped, and came back"). Warmup ticks count, as the loss may be there.
void TickAggregator::fill_loss_rates(std::vector<WorkerLoss>& losses) const {
    if (losses.empty()) return;
    const std::vector<MetricsSample> series = series_.since(0);  // older part downsampled
    auto mean_rps = [&](double from_s, double to_s) -> std::optional<double> {
        double sum = 0;
        int n = 0;
        for (const MetricsSample& s : series) {
            if (s.t_s > from_s && s.t_s <= to_s) {
                sum += s.rps;
                ++n;
            }
        }
        if (n == 0) return std::nullopt;
        return sum / n;
    };
    for (std::size_t i = 0; i < losses.size(); ++i) {
        WorkerLoss& loss = losses[i];
        const double next = i + 1 < losses.size() ? losses[i + 1].t_s : 1e300;
        // The tick that saw the loss began before it: the "before" window ends a tick earlier.
        const double tick_s = series.size() >= 2 ? series[1].t_s - series[0].t_s : 0;
        const double before_end = loss.t_s - tick_s;
        loss.rps_before = mean_rps(before_end - kLossWindowS, before_end);
        loss.rps_after = mean_rps(loss.t_s + kLossWindowS, next - tick_s);
    }
}

}  // namespace conclab
