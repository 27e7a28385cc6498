#pragma once
// Runs the server side of an experiment in real OS processes: one conclab-worker for the event
// loop and the GIL model (a Node or a Flask process), N of them sharing one listening socket for
// process-per-core (Node's cluster with SCHED_NONE, gunicorn's prefork: every worker accept()s
// and the kernel decides who wins). The host creates the socket, so it can read the kernel's
// accept queue, and collects the workers' counters over their control sockets.
//
// Workers are started by executing the worker program (posix_spawn, no fork of this
// multi-threaded process), die with the host thread that started them (PR_SET_PDEATHSIG), and are
// always reaped by stop().

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/duration_histogram.hpp"
#include "core/result.hpp"
#include "core/run_config.hpp"
#include "metrics/process_resources.hpp"
#include "server/listen_socket.hpp"

namespace conclab {

// One worker's internals since the previous collect: differences of its cumulative readings,
// over the worker's own clock (span_ns), so that a report that arrives late is not lost.
struct LoopTick {
    std::int64_t span_ns = 0;
    std::uint64_t busy_ns = 0;
    DurationHistogram delay;        // the timer's firings in the span
    std::int64_t delay_max_ns = 0;  // worst lateness reported since the previous collect
};
struct GilTick {
    std::int64_t span_ns = 0;
    std::uint64_t held_ns = 0;
    std::uint64_t waiting_area_ns = 0;  // thread·ns
    std::uint64_t acquisitions = 0;
    std::uint64_t switches = 0;
    std::uint64_t drop_requests = 0;
    DurationHistogram wait;  // per acquisition in the span
};
struct WorkerTick {
    int pid = 0;
    std::uint64_t requests = 0;    // since the previous collect
    std::uint64_t cpu_ns = 0;      // since the previous collect
    std::optional<LoopTick> loop;  // the event loop's (or an event-loop worker's)
    std::optional<GilTick> gil;    // the GIL model's (or a GIL worker's)
    bool stale = false;            // no report for kStaleReportUs: its figures are old
    // Its memory, threads and descriptors as last reported, and its context switches since the
    // previous collect; empty until its first report.
    std::optional<ProcessResources> resources;
    std::uint64_t context_switches = 0;
};

// A worker that ended without being asked to: killed, crashed, or killed for timing out.
struct WorkerDeath {
    int pid = 0;
    int replacement = 0;     // the PID that took its place; 0 when none was started
    bool timed_out = false;  // the host killed it: its heartbeat was older than the timeout
    std::string cause;       // short, for a label: "SIGKILL", "status 1"
    // The chart marker, short enough for a label: "worker 1234 killed (SIGKILL) → 1240".
    std::string marker() const;
};

// What the server side did since the previous collect().
struct HostTick {
    std::uint64_t requests = 0;        // responses written, since the previous collect
    std::uint64_t requests_total = 0;  // since start
    int connections = 0;
    int in_service = 0;
    int in_service_peak = 0;  // sum over workers of each one's peak since the previous collect
    int waiting_peak = 0;     // the same for requests arrived-not-served (sampled)
    // Time averages since the previous collect (Little's L): requests in service, and requests
    // arrived on an accepted connection that nobody serves yet; summed over the workers.
    double in_service_avg = 0;
    double waiting_avg = 0;
    std::optional<AcceptQueue> accept_queue;       // the kernel's queue, now
    std::uint64_t cpu_ns = 0;                      // CPU of all workers since the previous collect
    std::vector<int> pids;                         // live workers
    std::map<int, std::uint64_t> requests_by_pid;  // every worker ever, cumulative
    std::vector<std::string> problems;             // new since the previous collect
    std::uint64_t accept_errors = 0;               // since start
    bool failed = false;                           // no worker left and none can be started
    int restarts = 0;                              // workers replaced since start
    std::uint64_t lost_requests = 0;  // in service on workers that died, since the last collect
    std::vector<WorkerDeath> worker_deaths;  // since the previous collect
    bool process_per_core = false;           // the workers are one server, not one each
    std::vector<WorkerTick> workers;         // live workers, in start order
    // Live workers that have stopped reporting (SIGSTOP, starved): left out of connections,
    // in service and waiting above, which would otherwise repeat their last report as live.
    int stale_workers = 0;
};

class ServerHost {
public:
    // `config` as resolved() (workers and backlog filled in).
    ServerHost(ServerConfig config, std::string worker_program);
    ~ServerHost();
    ServerHost(const ServerHost&) = delete;
    ServerHost& operator=(const ServerHost&) = delete;

    void start();  // throws StartError
    std::uint16_t port() const;

    void set_workload(const Workload& workload);
    Result<> set_threads(int threads);  // or why not
    Result<> set_workers(int workers);  // process-per-core only
    // Fault injection: SIGKILL to the live worker `pid` (process-per-core only), or to the
    // first live one when pid is 0. Its death is then handled as any crash: counted, marked and
    // replaced. Returns the PID killed, or why nothing was.
    Result<int> kill_worker(int pid);
    HostTick collect();
    void stop();  // every worker reaped, the socket closed; within 2 s

    // conclab-worker next to the running executable, or $CONCLAB_WORKER.
    static std::string default_worker_program();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace conclab
