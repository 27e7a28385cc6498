#pragma once
// Finished runs made up for the GUI's drawing and report tests: what the engine would have
// handed over, with round figures a test can look for. No server runs.

#include <cmath>

#include "experiment/experiment.hpp"

namespace conclab::test {

// One run of the article's comparison (1,000 connections, 50 ms of I/O, a pool of 10 threads for
// the GIL model) as the charts draw it: `ticks` quarter-second samples around `rps`, each
// model's own internals, and the server's memory, threads and context switches (a zero among
// the GIL's waiting threads, drawn at the log floor).
inline RunResult synthetic_chart_run(Model model, double rps, double p50, int ticks) {
    RunResult r;
    r.config.server.model = model;
    r.config.server.threads = 10;
    r.config.load.connections = 1000;
    r.config.server.workload.io_ms = 50;
    r.config.duration_s = ticks * 0.25;
    for (int i = 1; i <= ticks; ++i) {
        MetricsSample s;
        s.t_s = i * 0.25;
        s.rps = rps * (1 + 0.05 * std::sin(i));
        s.p50_ms = p50;
        s.p90_ms = p50 * 1.2;
        s.p99_ms = p50 * 1.5;
        s.client_open = 1000;
        s.server_in_service = model == Model::EventLoop ? 1000 : 10;
        s.server_waiting = model == Model::EventLoop ? 0 : 990;
        s.server_accept_queue = 0;
        s.server_cpu_pct = 30;
        s.load_cpu_pct = 20;
        if (model == Model::EventLoop) {
            s.internals.loop_delay_p99_ms = 0.4;
            s.internals.loop_utilization_pct = 80;
        } else {
            s.internals.gil_held_pct = 3;
            s.internals.gil_waiting_threads = i % 4 == 0 ? 0.0 : 0.2;
        }
        s.server.rss_mb = model == Model::EventLoop ? 5.2 : 4.4;
        s.server.threads = model == Model::EventLoop ? 1 : 12;
        s.server.context_switches_per_s = 900 + 50 * (i % 3);
        r.series.push_back(s);
    }
    r.summary.rps = rps;
    return r;
}

// A short finished run as a report reads it: 2 s measured at 1,234.5 req/s, latency p50 1 ms,
// p99 4.56 ms, eight ticks of about 1,000 req/s on 5 connections.
inline RunResult recorded_run() {
    RunResult r;
    r.final_config = r.config;
    r.summary.rps = 1234.5;
    r.summary.measured_s = 2;
    r.summary.latency = LatencySummary{1, 2, 3, 4.56, 7, 1.5, 0.5};
    for (int i = 1; i <= 8; ++i) {
        MetricsSample m;
        m.t_s = 0.25 * i;
        m.rps = 1000 + 10 * i;
        m.p50_ms = 1;
        m.p90_ms = 2;
        m.p99_ms = 3;
        m.client_open = 5;
        r.series.push_back(m);
    }
    return r;
}

}  // namespace conclab::test
