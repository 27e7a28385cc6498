#pragma once
// What the host knows of one worker process, kept up to date from the worker's reports, and how
// those cumulative reports become the per-collect differences of a HostTick. The host
// (ServerHost) owns the records and guards them with its mutex; nothing here locks.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/unique_fd.hpp"
#include "gil/global_interpreter_lock.hpp"
#include "process/server_host.hpp"
#include "process/worker_process.hpp"
#include "process/worker_protocol.hpp"
#include "server/server.hpp"

namespace conclab {

// A worker reports every 100 ms from a thread of its own, whatever its serving loop does. One
// silent for this long is stopped (SIGSTOP, a debugger) or starved of CPU: what it said last is
// old news, not its state now ("in service 20" at 0 req/s).
inline constexpr std::int64_t kStaleReportUs = 3'000'000;

struct WorkerRecord {
    std::unique_ptr<WorkerProcess> process;
    int pid = 0;
    bool ready = false;
    bool quitting = false;  // asked to quit: its exit is expected
    bool exited = false;
    bool timed_out = false;  // killed by the host for a heartbeat older than the timeout
    bool handed = false;     // round-robin: handed a connection its loop has not taken yet
    worker_protocol::Stats last;
    int peak_since_collect = 0;
    int waiting_peak_since_collect = 0;
    worker_protocol::Stats at_collect;  // the report the previous collect() used, for averages
    UniqueFd own_listen;                // reuseport scheduling: this worker's own listening socket
    std::uint64_t cpu_ns_collected = 0;
    // CPU is a rate over the worker's own report clock, not the collect's: a worker loaded with
    // 19,000 connections reports late, and "CPU since the last report" per tick read 0 %, 110 %,
    // 0 %, … for a steady 55 %. A tick without a newer report repeats the last rate.
    std::int64_t cpu_clock_collected_us = 0;  // report clock of cpu_ns_collected
    std::int64_t collected_at_us = 0;         // when the previous collect ran
    double cpu_rate = 0;                      // CPU ns per µs of the last report span, / 1000
    std::uint64_t requests_collected = 0;
    // The model's internals: latest reading, and the one the previous collect() used.
    std::optional<LoopReading> loop, loop_at_collect;
    std::int64_t loop_delay_max_since_collect = 0;
    std::optional<GlobalInterpreterLock::Stats> gil, gil_at_collect;
    // The process's resources: latest reading, and the switches the previous collect() counted.
    std::optional<ProcessResources> resources;
    std::uint64_t switches_collected = 0;

    // Takes one line the worker sent: its readiness, counters or internals; anything the user
    // should see (an unreadable line, an error) goes to `problems`, prefixed with the worker.
    // `requests_by_pid` keeps every worker's cumulative requests, also after it is gone.
    void take_message(const std::string& line, std::vector<std::string>& problems,
                      std::map<int, std::uint64_t>& requests_by_pid);

    // Adds this worker's share of a collect to `tick` (counts, peaks, averages, CPU, its
    // WorkerTick) and its cumulative requests to `requests_total`, then starts the next
    // "since the previous collect" from here. A worker whose last report is older than
    // kStaleReportUs at `now_us` (monotonic µs) is stale: its WorkerTick says so, its gauges
    // (connections, in service, waiting) stay out of the live sums, and `problems` gets one line
    // when it falls silent and one when it reports again.
    void collect_into(HostTick& tick, std::uint64_t& requests_total, std::int64_t now_us,
                      std::vector<std::string>& problems);
    bool stale = false;

private:
    // The averages since the previous collect: the growth of the time integrals over the growth
    // of the worker's clock, both as of its latest report.
    void add_time_averages(HostTick& tick);
    // The internals since the previous collect. Before the first collect the difference is from
    // the start of the loop or lock, where everything was zero.
    void add_internals(WorkerTick& out);
    // The worker's CPU over this collect's span, at the rate of its reports (see cpu_rate).
    std::uint64_t cpu_ns_of_collect(std::int64_t now_us);
};

}  // namespace conclab
