#pragma once
// One server model running inside the current process. Every model has the same shape (accept,
// parse, route, run the workload, respond) and differs only in who runs the workload when: that
// is the whole point of the comparison. A worker process (app/worker) runs exactly one of these.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/duration_histogram.hpp"
#include "core/result.hpp"
#include "core/run_config.hpp"
#include "core/unique_fd.hpp"
#include "gil/global_interpreter_lock.hpp"

namespace conclab {

struct ServerStats {
    std::uint64_t requests = 0;  // responses fully written, since start
    int connections = 0;         // open now
    // Requests that occupy the server now. In the thread models a request is in service from
    // its first byte in a thread's hands (reading it: a slow client that dribbles its request
    // holds that thread just as a handler would) until its response is written; on the event
    // loop, from its complete arrival (reading costs the loop nothing while it waits) until its
    // response is written, its I/O wait included. Either way: what the server is busy with.
    int in_service = 0;
    int in_service_peak = 0;  // highest in_service since the previous stats() call
    int waiting = 0;          // connections whose request has arrived but nobody serves it yet, now
    int waiting_peak = 0;     // highest sampled `waiting` since the previous stats() call
    // Time integrals since start (count × µs), read at clock_us: the average over any window is
    // Δarea / Δclock, so a request that waited a microsecond weighs a microsecond, not a tick.
    std::uint64_t in_service_area_us = 0;  // exact: integrated at every start and finish
    std::uint64_t waiting_area_us = 0;     // sampled every few ms by sample_waiting()
    std::int64_t clock_us = 0;             // monotonic
    std::uint64_t accept_errors = 0;
    std::string last_accept_error;  // e.g. "Too many open files"
    // When the serving loop was last free (monotonic µs, the same clock in every process): the
    // liveness a gunicorn worker shows its arbiter by touching its heartbeat file. Only the code
    // that serves beats it, never a reporter thread, so a worker stuck serving shows its age.
    std::int64_t heartbeat_us = 0;
};

// The event loop measured from inside, as Node's perf_hooks does (see LoopMonitor). Cumulative
// since started_ns and read at clock_ns, so any window is a difference of two readings.
struct LoopReading {
    std::int64_t started_ns = 0;  // monotonic, when the loop started (everything zero then)
    std::int64_t clock_ns = 0;    // monotonic, when read
    std::uint64_t busy_ns = 0;    // wall time spent running handlers, not waiting in the poll
    DurationHistogram delay;      // how late each firing of the 10 ms timer was
    // The worst lateness since the previous reading, including the timer's overdue time if it
    // has not fired yet (a loop blocked for a whole second still reports it).
    std::int64_t delay_max_ns = 0;
};

// What a model measures about its own scheduling; each part is present only in the model that
// has it (the event loop's loop, the GIL model's lock).
struct ServerInternals {
    std::optional<LoopReading> loop;
    std::optional<GlobalInterpreterLock::Stats> gil;
};

class Server {
public:
    virtual ~Server() = default;
    // Takes ownership of a bound, listening TCP socket and starts serving on it; with an empty
    // one it accepts nothing itself and serves only connections handed to adopt_connection().
    virtual void start(UniqueFd listen_fd) = 0;
    // Serves an already accepted connection, whose descriptor it now owns (it serves it, or
    // closes it if it stopped meanwhile): how a round-robin primary hands connections to its
    // workers, as Node's cluster does. `taken` runs on the serving loop once it has taken it: a
    // loop busy with CPU work takes it late, and that is the acknowledgement the primary paces
    // its hand-outs by.
    virtual void adopt_connection(UniqueFd fd, std::function<void()> taken) = 0;
    // Stops taking new connections (this process only; siblings sharing the socket go on).
    // Requests in service finish; used for a graceful scale-down of process-per-core workers.
    virtual void stop_accepting() = 0;
    // Closes every connection and joins every thread. Idempotent.
    virtual void stop() = 0;
    // Live knobs. set_threads fails with the reason when it cannot apply the count.
    virtual void set_workload(const Workload& workload) = 0;
    virtual Result<> set_threads(int threads) = 0;
    virtual ServerStats stats() = 0;
    // Looks at every idle connection for a request that has arrived; call every few ms.
    virtual void sample_waiting() = 0;
    // The model's own internals (loop delay and utilisation, GIL held and waits). Resets the
    // "since the previous call" maxima, so one caller (the worker's reporter) reads it.
    virtual ServerInternals internals() { return {}; }
};

// config.model must be EventLoop or GilThreads (a process-per-core worker passes its inner model).
// Timeouts left at -1 get the model's real defaults (resolved()).
[[nodiscard]] std::unique_ptr<Server> make_server(const ServerConfig& config);

// The Server header value, "conclab-event-loop/1234": model and PID, so a client can tell which
// worker process answered.
std::string server_identity(Model model);

}  // namespace conclab
