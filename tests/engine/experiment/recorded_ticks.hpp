#pragma once
// Recorded ticks with server internals, as a worker would report them: for the tick aggregator
// and diagnosis tests (no processes, threads or clocks).

#include "experiment/tick_aggregator.hpp"

namespace conclab::recorded {

constexpr double kTickS = 0.25;
constexpr std::int64_t kSpanNs = 250'000'000;

// An event loop that ran handlers busy_pct of the tick and whose 10 ms timer fired
// `firings` times, each delay_ms late.
inline WorkerTick loop_worker(int pid, std::uint64_t requests, double busy_pct, double delay_ms,
                              int firings = 20, double cpu_pct = 50) {
    WorkerTick w;
    w.pid = pid;
    w.requests = requests;
    w.cpu_ns = static_cast<std::uint64_t>(cpu_pct * kTickS * 1e7);
    LoopTick l;
    l.span_ns = kSpanNs;
    l.busy_ns = static_cast<std::uint64_t>(busy_pct / 100 * kSpanNs);
    for (int i = 0; i < firings; ++i) l.delay.record(static_cast<std::int64_t>(delay_ms * 1e6));
    l.delay_max_ns = static_cast<std::int64_t>(delay_ms * 1e6);
    w.loop = l;
    return w;
}

// A GIL held held_pct of the tick, with `waiting` threads blocked on it on average.
inline WorkerTick gil_worker(int pid, std::uint64_t requests, double held_pct, double waiting,
                             double wait_ms, std::uint64_t switches = 45,
                             std::uint64_t drops = 40) {
    WorkerTick w;
    w.pid = pid;
    w.requests = requests;
    w.cpu_ns = static_cast<std::uint64_t>(held_pct * kTickS * 1e7);
    GilTick g;
    g.span_ns = kSpanNs;
    g.held_ns = static_cast<std::uint64_t>(held_pct / 100 * kSpanNs);
    g.waiting_area_ns = static_cast<std::uint64_t>(waiting * kSpanNs);
    g.acquisitions = 50;
    g.switches = switches;
    g.drop_requests = drops;
    for (int i = 0; i < 50; ++i) g.wait.record(static_cast<std::int64_t>(wait_ms * 1e6));
    w.gil = g;
    return w;
}

inline TickInput tick(double t_s, std::vector<WorkerTick> workers, bool process_per_core = false,
                      double load_cpu_pct = 30, double in_service = 1, double waiting = 0,
                      std::uint64_t latency_us = 5000) {
    TickInput in;
    in.t_s = t_s;
    in.tick_s = kTickS;
    HostTick h;
    for (const WorkerTick& w : workers) {
        h.requests += w.requests;
        h.cpu_ns += w.cpu_ns;
        h.pids.push_back(w.pid);
    }
    in.load.responses = h.requests;
    for (std::uint64_t i = 0; i < h.requests; ++i) in.load.latency.record(latency_us);
    in.load.open_connections = in.load.open_connections_max = 10;
    in.load.cpu_ns = static_cast<std::uint64_t>(load_cpu_pct * kTickS * 1e7);
    h.in_service_avg = in_service;
    h.in_service_peak = static_cast<int>(in_service);
    h.waiting_avg = waiting;
    h.waiting_peak = static_cast<int>(waiting);
    h.process_per_core = process_per_core;
    h.workers = std::move(workers);
    in.host = h;
    return in;
}

// Summary of `ticks` identical ticks made by make(t_s).
template <typename Make>
Summary summary_of(int ticks, Make make, int load_threads = 1) {
    TickAggregator a(0, load_threads);
    for (int i = 1; i <= ticks; ++i) a.add(make(i * kTickS));
    return a.summary();
}

}  // namespace conclab::recorded
