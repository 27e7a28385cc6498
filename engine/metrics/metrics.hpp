#pragma once
// The engine's outputs: plain value structs that the sampler produces and every front end reads.
// Nothing here knows about threads, sockets or Qt.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace conclab {

// Failures by kind, as wrk and oha count them; none of them ever aborts a run.
enum class ErrorKind { Connect, Read, Write, Timeout, Status, Parse, Reset };

struct ErrorCounts {
    std::uint64_t connect = 0;  // refused, unreachable, out of file descriptors
    std::uint64_t read = 0;     // reset or closed while a response was due
    std::uint64_t write = 0;    // the request could not be sent
    std::uint64_t timeout = 0;  // no complete response within the request timeout
    std::uint64_t status = 0;   // a response that was not 2xx
    std::uint64_t parse = 0;    // a response that is not valid HTTP/1.1
    // In service on a server worker that died (the engine knows from the worker's last report);
    // the client re-sends them on a new connection, so they also appear as later responses.
    std::uint64_t reset = 0;
    std::uint64_t total() const;
    std::uint64_t& operator[](ErrorKind kind);  // the member that counts `kind`
    ErrorCounts& operator+=(const ErrorCounts& other);
    bool operator==(const ErrorCounts&) const = default;
};

// The kinds of ErrorCounts, in the order of ErrorKind and of every report; the key is the word
// for the kind in JSON reports ("error_kinds": {"connect": 0, ...}), the text summary and the
// warnings. Counting, sums, reports and readers go through this table: a new kind is an
// enumerator, a member and a row.
struct ErrorKindField {
    ErrorKind kind;
    std::string_view key;
    std::uint64_t ErrorCounts::*count;
};
inline constexpr std::array<ErrorKindField, 7> kErrorKinds{{
    {ErrorKind::Connect, "connect", &ErrorCounts::connect},
    {ErrorKind::Read, "read", &ErrorCounts::read},
    {ErrorKind::Write, "write", &ErrorCounts::write},
    {ErrorKind::Timeout, "timeout", &ErrorCounts::timeout},
    {ErrorKind::Status, "status", &ErrorCounts::status},
    {ErrorKind::Parse, "parse", &ErrorCounts::parse},
    {ErrorKind::Reset, "reset", &ErrorCounts::reset},
}};
static_assert(
    [] {
        for (std::size_t i = 0; i < kErrorKinds.size(); ++i) {
            if (static_cast<std::size_t>(kErrorKinds[i].kind) != i) return false;
        }
        return true;
    }(),
    "kErrorKinds lists the kinds in the order of ErrorKind");

// What a server model measured about its own scheduling in one tick, inside the server (never
// estimated). Each value is empty for a model that does not have that part: the loop's for the
// event loop, the GIL's for GIL threads. With process per core, the worker's own values are
// per worker and the tick's value is their mean.
struct Internals {
    std::optional<double> loop_delay_p99_ms;     // how late the 10 ms timer fired (p99 of the tick)
    std::optional<double> loop_delay_max_ms;     // ... and at worst (also a timer still overdue)
    std::optional<double> loop_utilization_pct;  // share of the tick spent running handlers
    std::optional<double> gil_held_pct;          // share of the tick the GIL was held
    std::optional<double> gil_waiting_threads;   // threads blocked on the GIL, time average
    std::optional<double> gil_wait_p99_ms;       // wait per acquisition, p99
    std::optional<double> gil_switches_per_s;    // hand-offs to another thread
    std::optional<double> gil_drop_requests_per_s;  // waiters that timed out and forced a drop
};

// The keys of Internals as the reports write them (JSON and CSV), in this order.
struct InternalsField {
    std::string_view key;
    std::optional<double> Internals::*value;
};
inline constexpr std::array<InternalsField, 8> kInternalsFields{{
    {"loop_delay_p99_ms", &Internals::loop_delay_p99_ms},
    {"loop_delay_max_ms", &Internals::loop_delay_max_ms},
    {"loop_utilization_pct", &Internals::loop_utilization_pct},
    {"gil_held_pct", &Internals::gil_held_pct},
    {"gil_waiting_threads", &Internals::gil_waiting_threads},
    {"gil_wait_p99_ms", &Internals::gil_wait_p99_ms},
    {"gil_switches_per_s", &Internals::gil_switches_per_s},
    {"gil_drop_requests_per_s", &Internals::gil_drop_requests_per_s},
}};

// What a server process (or all of them, summed) holds at the end of a tick: the cost of its
// connections. Each is empty when not measured (an external target without --target-pid, a
// worker that has not reported yet).
struct Resources {
    std::optional<double> rss_mb;                  // resident memory, MiB
    std::optional<int> threads;                    // kernel tasks
    std::optional<double> context_switches_per_s;  // voluntary + involuntary, in the tick
    std::optional<int> fds;                        // open descriptors
};

// One process-per-core worker in one tick.
struct WorkerSample {
    int pid = 0;
    double rps = 0;       // requests it completed per second
    double cpu_pct = 0;   // its CPU, 100 = one core
    Internals internals;  // its inner model's
    Resources resources;  // its own
};

// One tick of the time series. Latencies are of the responses completed in that tick; they are
// empty when none completed (no made-up zero). Server fields are empty for an external target.
struct MetricsSample {
    double t_s = 0;  // end of the tick, seconds since the run started
    double rps = 0;
    double errors_per_s = 0;
    std::uint64_t responses = 0;  // completed in this tick
    std::uint64_t errors = 0;     // in this tick
    // From each request's intended send time: in an open loop this includes the time a request
    // waited for a free connection (corrected for coordinated omission, as wrk2); in a closed
    // loop a request is sent when it is due, and p99_uncorrected_ms is the same as p99_ms.
    std::optional<double> p50_ms, p90_ms, p99_ms, max_ms;
    std::optional<double> p99_uncorrected_ms;  // from the actual send
    std::uint64_t late = 0;     // open loop: requests due while no connection was free
    std::uint64_t dropped = 0;  // open loop: of those, given up `timeout` after being due
    int client_open = 0;        // connections the load generator has open (peak within the tick)
    int client_open_end = 0;    // ... at the end of the tick (where a load plan has brought it)
    // Time averages over the tick (Little's L), so a request that waited a microsecond is not a
    // queue: requests a thread or the loop is busy with, and requests that have arrived on an
    // accepted connection that nobody serves yet. Peaks within the tick are kept apart.
    std::optional<double> server_in_service;
    std::optional<int> server_in_service_peak;
    std::optional<double> server_waiting;
    std::optional<int> server_waiting_peak;
    std::optional<int> server_accept_queue;        // connections the kernel holds, not yet accepted
    std::optional<std::uint64_t> server_requests;  // requests the server completed in this tick
    std::optional<double> server_cpu_pct;          // CPU of all server processes, 100 = one core
    double load_cpu_pct = 0;                       // CPU of the loader threads, 100 = one core
    bool warmup = false;                           // true while the warmup period lasts
    std::uint64_t heavy_responses = 0;  // of the heavy connections, kept out of the above
    Internals internals;                // measured inside the server (mean over workers)
    std::optional<std::vector<WorkerSample>> workers;  // process per core only
    // The server's processes summed (series keys server_rss_mb, server_threads,
    // server_context_switches_per_s, server_fds), and the connections they hold: the server's
    // own count, or for an external target what the client holds open.
    Resources server;
    std::optional<int> server_connections;
    int idle_open = 0;  // idle connections (--idle-connections) open at the end of the tick
};

// The slow clients of a run (--slow-clients), over the whole run: counted apart from the load.
struct SlowClientCounts {
    int open_max = 0;                    // most open at once
    std::uint64_t connects = 0;          // connections opened, the first ones and the reconnects
    std::uint64_t closed_by_server = 0;  // times the server gave up on one (a timeout, 408, a
                                         // killed worker): 0 = they held on all run
    std::uint64_t bytes_sent = 0;
};

struct LatencySummary {
    double p50_ms = 0, p90_ms = 0, p99_ms = 0, p999_ms = 0, max_ms = 0, mean_ms = 0, min_ms = 0;
};

// A series' mean and peak over the measured ticks that had a value.
struct MeanMax {
    double mean = 0;
    double max = 0;
};

// One process-per-core worker over the measured period.
struct WorkerShare {
    int pid = 0;
    std::uint64_t requests = 0;
    double share_pct = 0;  // of the requests all workers completed
    double cpu_pct_mean = 0;
};

// A server worker that ended during the run without being asked to (killed, crashed, timed
// out), and the client's rate around it: whether the server recovered once it was replaced.
struct WorkerLoss {
    double t_s = 0;  // the tick that saw it gone
    int pid = 0;
    int replacement = 0;     // 0: not replaced
    bool timed_out = false;  // killed by the host for a stale heartbeat
    std::string cause;       // "SIGKILL", "status 1"
    // Mean req/s over the kLossWindowS before it, and from kLossWindowS after it to the next
    // loss or the end of the run; empty when the run has no tick there.
    std::optional<double> rps_before;
    std::optional<double> rps_after;
};
inline constexpr double kLossWindowS = 2.0;

// One point of the latency percentile spectrum (HdrHistogram's percentile distribution).
struct LatencyPoint {
    double percentile = 0;  // 50, 75, 90, 99, 99.9, ...
    double ms = 0;
};

// Why a run behaved as it did, in one line, with the figures it rests on (experiment/diagnosis).
struct Diagnosis {
    std::string rule;  // "gil-bound", "loop-blocked", ...
    std::string text;
    std::vector<std::pair<std::string, double>> evidence;  // in the order the text uses them
};

// Resident memory against open connections, a least-squares line through every tick of the run
// (warm-up included: memory per connection does not warm up): its slope is what one more
// connection costs. Empty when the connections did not vary enough to fit a line.
struct MemoryPerConnection {
    double kib = 0;  // slope, KiB per connection
    double r2 = 0;   // fit quality, 1 = every tick on the line
    int points = 0;  // ticks fitted
    int connections_min = 0, connections_max = 0;
};

// Mean and peak of each resource over the measured ticks, and the memory per connection.
struct ResourceSummary {
    std::optional<MeanMax> rss_mb, threads, context_switches_per_s, fds;
    std::optional<MemoryPerConnection> memory_per_connection;
};

// Idle connections (--idle-connections) over the whole run, counted apart from the load.
struct IdleConnectionCounts {
    int open_max = 0;
    std::uint64_t connects = 0;
    std::uint64_t closed_by_server = 0;  // the server gave up on one (a timeout, a killed worker)
    bool silent = false;  // the server closes after each response: they connect and send nothing
};

// Totals of the measured period (after warmup).
struct Summary {
    double measured_s = 0;
    std::uint64_t requests = 0;  // completed responses seen by the client
    std::uint64_t errors = 0;
    ErrorCounts error_kinds;
    double rps = 0;
    std::optional<LatencySummary> latency;  // empty when nothing completed; from intended times
    std::optional<LatencySummary> latency_uncorrected;  // from the actual sends
    std::uint64_t late = 0;     // open loop: requests due while no connection was free
    std::uint64_t dropped = 0;  // open loop: of those, given up `timeout` after being due
    int client_open_max = 0;
    // In service and waiting are counts at an instant. The *_peak are the most at any instant
    // the servers saw (whole numbers: "10 served at once, 990 waiting"); the *_max are the
    // highest per-tick time averages (Little's L over a tick: fractions, and not counts).
    std::optional<int> server_in_service_peak;
    std::optional<int> server_waiting_peak;
    std::optional<double> server_in_service_max;  // highest per-tick average
    std::optional<double> server_waiting_max;     // highest per-tick average
    // Connections the server closed: after a response (Connection: close, HTTP/1.0), or idle
    // between two requests (the keep-alive race). About one per request for a server that does
    // not keep connections alive (Werkzeug, gunicorn sync); near 0 for one that does.
    std::uint64_t server_closes = 0;
    // Connects that took ≥ 0.9 s: the server's accept queue was full and a SYN was retransmitted
    // (kSlowConnectNs). A server that is merely slow to accept delays first responses instead.
    std::uint64_t slow_connects = 0;
    // Handshakes the kernel dropped on a full accept queue during the run (ListenOverflows, the
    // whole machine's: see listen_overflows.hpp); empty for a server on another machine.
    std::optional<std::uint64_t> listen_overflows;
    std::optional<int> server_accept_queue_max;
    // Cross-check of the whole run (warmup, measured window and the final drain): responses the
    // client completed and requests the servers completed. They are equal unless requests were
    // still in flight when the run ended (abandoned_in_flight connections).
    std::uint64_t client_requests_total = 0;
    std::optional<std::uint64_t> server_requests;
    std::uint64_t drained_requests = 0;  // completed after the measured window, while stopping
    std::uint64_t heavy_requests = 0;    // completed by the heavy connections (measured window)
    int abandoned_in_flight = 0;
    // Requests still unanswered when the run gave up on them (after the drain), and the longest
    // any had waited. They are in the latencies at how long they had waited, a lower bound: a
    // server that starves some connections does not look fast for it.
    std::uint64_t unanswered = 0;
    std::optional<double> unanswered_longest_ms;
    // Of those, how many had waited longer than the answered requests' p99: starved, not merely
    // slow (a fair server's last requests have waited less than its tail). These decide whether
    // the p99 is a lower bound (validate) and the requests-unanswered diagnosis.
    std::uint64_t unanswered_beyond_p99 = 0;
    std::optional<double> server_cpu_pct_mean;
    double load_cpu_pct_mean = 0;
    int server_processes = 0;               // distinct server PIDs seen
    std::optional<int> worker_restarts;     // workers replaced after dying; empty for a --target
    std::vector<WorkerLoss> worker_losses;  // every worker that died during the run, in order
    std::optional<SlowClientCounts> slow_clients;          // empty when there were none
    std::optional<IdleConnectionCounts> idle_connections;  // empty when there were none
    // Empty for an external target without --target-pid.
    std::optional<ResourceSummary> resources;
    // Latency against percentile, from the run's histogram; empty when nothing completed.
    std::vector<LatencyPoint> latency_spectrum;
    // Mean and peak of each Internals series, indexed as kInternalsFields; empty when the
    // model has no such part.
    std::array<std::optional<MeanMax>, kInternalsFields.size()> internals;
    const std::optional<MeanMax>& internal(std::string_view key) const;
    std::optional<std::vector<WorkerShare>> workers;  // process per core only
};

// A knob changed during a run; charts draw it as a labelled marker.
struct AdjustEvent {
    double t_s = 0;
    std::string knob;  // "connections", "cpu_ms", ... or "worker" for a worker's death
    double from = 0;
    double to = 0;
    std::string note;           // when set, the label: "worker 1234 died (signal 9) → 1240"
    std::string label() const;  // "connections 10 → 100"
};

}  // namespace conclab
