#pragma once
// The engine's outputs: plain value structs that the sampler produces and every front end reads.
// Nothing here knows about threads, sockets or Qt.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace conclab {

// Failures by kind, as wrk and oha count them; none of them ever aborts a run.
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
    std::uint64_t total() const {
        return connect + read + write + timeout + status + parse + reset;
    }
    ErrorCounts& operator+=(const ErrorCounts& other);
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
};

struct LatencySummary {
    double p50_ms = 0, p90_ms = 0, p99_ms = 0, p999_ms = 0, max_ms = 0, mean_ms = 0, min_ms = 0;
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
    std::optional<double> server_in_service_max;  // peaks of the per-tick averages
    std::optional<double> server_waiting_max;
    std::optional<int> server_accept_queue_max;
    // Cross-check of the whole run (warmup, measured window and the final drain): responses the
    // client completed and requests the servers completed. They are equal unless requests were
    // still in flight when the run ended (abandoned_in_flight connections).
    std::uint64_t client_requests_total = 0;
    std::optional<std::uint64_t> server_requests;
    std::uint64_t drained_requests = 0;  // completed after the measured window, while stopping
    std::uint64_t heavy_requests = 0;    // completed by the heavy connections (measured window)
    int abandoned_in_flight = 0;
    std::optional<double> server_cpu_pct_mean;
    double load_cpu_pct_mean = 0;
    int server_processes = 0;            // distinct server PIDs seen
    std::optional<int> worker_restarts;  // workers replaced after dying; empty for a --target
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
