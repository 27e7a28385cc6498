#pragma once
// The sampler's bookkeeping, free of threads, clocks and processes: each tick's counts from the
// load generator and the server host become one time-series sample, the live warnings and the
// running summary. Experiment feeds it; tests feed it recorded ticks.
// Not thread-safe: Experiment holds its lock around every call.

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "experiment/resource_tracker.hpp"
#include "experiment/sample_series.hpp"
#include "load/idle_connections.hpp"
#include "load/load_generator.hpp"
#include "load/slow_clients.hpp"
#include "metrics/latency_histogram.hpp"
#include "metrics/metrics.hpp"
#include "process/server_host.hpp"

namespace conclab {

// The internals of one worker's tick (exposed for tests).
Internals internals_of(const WorkerTick& worker);

// The percentiles of the latency spectrum.
inline constexpr std::array<double, 9> kSpectrumPercentiles{50,   75,    90,     95, 99,
                                                            99.9, 99.99, 99.999, 100};

struct TickInput {
    double t_s = 0;     // end of the tick, seconds since the run started
    double tick_s = 0;  // length of the tick
    LoadTick load;      // the main load, with the heavy connections' errors, CPU and connections
    std::uint64_t heavy_responses = 0;        // the heavy connections' responses, kept apart
    std::optional<SlowClientsTick> slow;      // the slow clients, if any: counted apart
    std::optional<HostTick> host;             // empty for an external target
    std::optional<IdleConnectionsTick> idle;  // the idle connections, if any: counted apart
    // An external target with --target-pid: its process tree's reading, and its context
    // switches in the tick.
    std::optional<ProcessResources> target_resources;
    std::uint64_t target_switches = 0;
    std::string fd_limit_hint;  // how to raise the descriptor limit, for a warning
};

class TickAggregator {
public:
    // Samples at or before warmup_s stay out of the summary; load_threads is the loader's
    // capacity (100 % CPU each) for the saturation warning; the latest `recent_samples` are kept
    // as measured and the older ones downsampled (SampleSeries), so that memory stays bounded on
    // long runs.
    TickAggregator(double warmup_s, int load_threads, std::size_t recent_samples = 7200);

    void add(TickInput tick);
    // What completed after the measured window, while stopping (`responses` counts towards the
    // client/server cross-check; `drained` holds their latencies), and what was still waiting
    // for an answer when it gave up: every request sent has a latency in the summary, its
    // response's or, unanswered, how long it had waited (a lower bound). `host_final` holds the
    // workers' last counts.
    void add_drain(std::uint64_t responses, const LoadTick& drained, int still_open,
                   const UnansweredRequests& unanswered, std::optional<HostTick> host_final);
    // The kernel's listen overflows over the run (Summary::listen_overflows).
    void set_listen_overflows(std::optional<std::uint64_t> n) { totals_.listen_overflows = n; }

    std::vector<MetricsSample> samples_since(std::size_t index) const;
    std::size_t next_index() const { return series_.next_index(); }
    Summary summary() const;
    const std::vector<std::string>& warnings() const { return warnings_; }  // of the last tick
    // Every distinct warning of the run, once, with the time it first appeared: "at 3.2 s: …".
    // Warnings that differ only in their numbers ("errors: 3 read" / "errors: 5 read") are one.
    const std::vector<std::string>& run_warnings() const { return run_warnings_; }
    // Chart markers since the last call (a worker died, and which one replaced it).
    std::vector<AdjustEvent> take_markers() { return std::exchange(markers_, {}); }
    const std::vector<int>& pids() const { return pids_; }   // live server PIDs
    bool servers_failed() const { return servers_failed_; }  // every worker gone for good
    void clear_pids() { pids_.clear(); }
    // A note on the run as a whole, kept with its warnings ("at 0.00 s: …").
    void note(const std::string& text);

private:
    MetricsSample make_sample(const TickInput& tick) const;
    std::vector<std::string> warnings_of(const TickInput& tick, const MetricsSample& s);
    void add_to_summary(const TickInput& tick, const MetricsSample& s);
    void remember_warnings(double t_s);

    double warmup_s_;
    int load_threads_;
    SampleSeries series_;
    std::vector<std::string> warnings_;
    std::vector<std::string> run_warnings_;
    std::set<std::string> run_warning_kinds_;
    std::vector<AdjustEvent> markers_;
    std::vector<WorkerLoss> losses_;  // rates filled in by summary()
    void fill_loss_rates(std::vector<WorkerLoss>& losses) const;
    int restarts_ = 0;
    std::vector<int> pids_;
    bool servers_failed_ = false;

    // The measured period (after warmup).
    LatencyHistogram latency_;
    LatencyHistogram latency_uncorrected_;
    Summary totals_;
    double server_cpu_sum_ = 0;
    double load_cpu_sum_ = 0;
    int measured_ticks_ = 0;
    bool have_server_ = false;
    struct Accumulated {
        double sum = 0;
        double max = 0;
        int n = 0;
    };
    std::array<Accumulated, kInternalsFields.size()> internals_sums_;
    struct WorkerTotals {
        int pid = 0;
        std::uint64_t requests = 0;
        double cpu_sum = 0;
        int ticks = 0;
    };
    std::vector<WorkerTotals> worker_totals_;  // in the order first seen
    bool per_worker_ = false;
    std::set<int> pids_seen_;
    ResourceTracker resources_;
    // The whole run (warmup, measured window and drain), for the client/server cross-check.
    std::uint64_t client_completed_ = 0;
    std::uint64_t server_completed_ = 0;
    std::uint64_t accept_errors_seen_ = 0;
};

}  // namespace conclab
