#include "experiment/sweep.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>

#include "core/fixed_decimals.hpp"
#include "core/machine_limits.hpp"
#include "experiment/experiment.hpp"
#include "experiment/resource_tracker.hpp"

namespace conclab {

namespace {

// Means of the cost series over the steady state, where measured.
void put_costs(SweepPoint& p, const std::vector<MetricsSample>& series) {
    double sums[5] = {};
    int counts[5] = {};
    for (const MetricsSample& m : series) {
        if (m.warmup) continue;
        const std::optional<double> values[5] = {
            m.server.rss_mb,
            m.server.threads ? std::optional<double>(*m.server.threads) : std::nullopt,
            m.server.context_switches_per_s,
            m.server.fds ? std::optional<double>(*m.server.fds) : std::nullopt,
            m.server_connections ? std::optional<double>(*m.server_connections) : std::nullopt};
        for (int i = 0; i < 5; ++i) {
            if (!values[i]) continue;
            sums[i] += *values[i];
            ++counts[i];
        }
    }
    std::optional<double>* out[5] = {&p.rss_mb, &p.threads, &p.context_switches_per_s, &p.fds,
                                     &p.server_connections};
    for (int i = 0; i < 5; ++i) {
        if (counts[i] > 0) *out[i] = sums[i] / counts[i];
    }
}

SweepPoint point_of(const RunResult& r, int connections) {
    SweepPoint p;
    p.connections = connections;
    p.load_connections = r.config.load.connections;
    put_costs(p, r.series);
    const Summary& s = r.summary;
    p.rps = s.rps;
    p.requests = s.requests;
    p.errors = s.errors;
    p.measured_s = s.measured_s;
    p.load_cpu_pct = s.load_cpu_pct_mean;
    p.server_cpu_pct = s.server_cpu_pct_mean;
    if (s.latency) {
        p.mean_ms = s.latency->mean_ms;
        p.p50_ms = s.latency->p50_ms;
        p.p99_ms = s.latency->p99_ms;
    }
    // Time averages over the steady state (the summary keeps only peaks).
    double in_service = 0, waiting = 0, open = 0;
    int ticks = 0, server_ticks = 0;
    for (const MetricsSample& m : r.series) {
        if (m.warmup) continue;
        ++ticks;
        open += m.client_open;
        if (m.server_in_service) {
            ++server_ticks;
            in_service += *m.server_in_service;
            waiting += m.server_waiting.value_or(0);
        }
    }
    if (ticks > 0) p.client_open = open / ticks;
    if (server_ticks > 0) {
        p.in_service = in_service / server_ticks;
        p.waiting = waiting / server_ticks;
    }
    return p;
}

}  // namespace

LittleCheck check_little(const SweepPoint& p, int load_threads) {
    LittleCheck c;
    c.expected = p.load_connections > 0 ? p.load_connections : p.connections;
    c.measured = p.rps * p.mean_ms / 1000.0;
    c.ratio = c.expected > 0 ? c.measured / c.expected : 0;
    c.ok = std::fabs(c.ratio - 1) <= kLittleTolerance;
    if (c.ok) return c;
    std::vector<std::string> why;
    if (p.requests == 0) why.push_back("no response completed in the measured window");
    if (p.errors > 0) {
        why.push_back(std::to_string(p.errors) +
                      " failed requests held connections but count in neither X nor R");
    }
    if (p.client_open < 0.95 * c.expected) {
        why.push_back("only " + fixed(p.client_open, 1) + " of " + fixed(c.expected, 0) +
                      " connections were open on average (connect failures or slow connects)");
    }
    if (p.load_cpu_pct >= 90.0 * load_threads) {
        why.push_back("the load generator was saturated (" + fixed(p.load_cpu_pct, 0) +
                      " % CPU): time spent in the client between requests is outside R");
    }
    if (why.empty() && c.ratio < 1) {
        why.push_back(
            "X·R below N: connections spent time outside measured requests (client "
            "delay between a response and the next request, reconnects)");
    }
    if (why.empty()) {
        why.push_back(
            "X·R above N: requests that started before the measured window ended in "
            "it (longer latencies than the step, or too few responses; lengthen the "
            "step or the warm-up)");
    }
    for (std::size_t i = 0; i < why.size(); ++i) c.reason += (i ? "; " : "") + why[i];
    return c;
}

std::vector<int> geometric_steps(int from, int to, int steps) {
    std::vector<int> out;
    from = std::max(from, 1);
    to = std::max(to, from);
    steps = std::max(steps, 1);
    for (int i = 0; i < steps; ++i) {
        const double f = steps == 1 ? 0.0 : static_cast<double>(i) / (steps - 1);
        const int n = static_cast<int>(
            std::lround(std::exp(std::log(from) + f * (std::log(to) - std::log(from)))));
        if (out.empty() || n > out.back()) out.push_back(n);
    }
    return out;
}

Result<std::vector<int>> parse_connection_list(const std::string& text) {
    std::vector<int> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string item = text.substr(start, comma - start);
        int n = 0;
        auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), n);
        if (item.empty() || ec != std::errc{} || end != item.data() + item.size() || n < 1 ||
            n > max_connections()) {
            return Failure{"connections: '" + item + "' must be a whole number 1.." +
                           std::to_string(max_connections())};
        }
        out.push_back(n);
        start = comma + 1;
    }
    return out;
}

UslFit fit_sweep(const std::vector<SweepPoint>& points) {
    std::vector<double> n, x;
    for (const SweepPoint& p : points) {
        n.push_back(p.connections);
        x.push_back(p.rps);
    }
    return fit_usl(n, x);
}

std::optional<MemoryPerConnection> memory_per_connection_of(const std::vector<SweepPoint>& points) {
    std::vector<std::pair<double, double>> xy;
    for (const SweepPoint& p : points) {
        if (p.server_connections && p.rss_mb)
            xy.emplace_back(*p.server_connections, *p.rss_mb * 1024);
    }
    return fit_memory_per_connection(xy);
}

SweepResult run_sweep(const SweepSettings& settings, const SweepProgressFn& progress,
                      std::stop_token stop) {
    SweepResult result;
    result.idle = settings.idle;
    result.base = settings.base;
    result.step_s = settings.step_s;
    // Idle connections open over about 2 s (IdleConnections): measured once they are open.
    result.warmup_s = settings.idle ? std::max(settings.warmup_s, kIdleRampS) : settings.warmup_s;
    const int total = static_cast<int>(settings.connections.size());
    for (int i = 0; i < total && !result.cancelled; ++i) {
        const int n = settings.connections[i];
        if (progress) progress({i, total, n, nullptr});
        RunConfig c = settings.base;
        if (settings.idle) {
            c.load.idle_connections = n;
        } else {
            c.load.connections = n;
        }
        c.load.rate = 0;
        c.stages.clear();
        c.warmup_s = result.warmup_s;
        c.duration_s = c.warmup_s + settings.step_s;
        Experiment experiment(c);
        experiment.start();  // throws StartError
        while (!experiment.wait_finished(0.1)) {
            if (stop.stop_requested()) {
                result.cancelled = true;
                break;
            }
        }
        experiment.stop();
        if (result.cancelled) break;
        SweepPoint point = point_of(experiment.result(), n);
        point.little = check_little(point, c.load.threads);
        result.points.push_back(point);
        if (progress) progress({i, total, n, &result.points.back()});
    }
    if (settings.idle) {
        result.fit.ok = false;
        result.fit.why_not = "the load is the same at every point of a sweep of idle connections";
    } else {
        result.fit = fit_sweep(result.points);
    }
    result.memory_per_connection = memory_per_connection_of(result.points);
    return result;
}

}  // namespace conclab
