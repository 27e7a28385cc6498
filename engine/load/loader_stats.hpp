#pragma once
// One loader thread's counters since the last take(). The loader thread writes them under a mutex
// that only the collecting thread ever contends for, once per tick, for the time of a swap.

#include <cstdint>
#include <string>

#include "core/annotated_mutex.hpp"
#include "metrics/latency_histogram.hpp"
#include "metrics/metrics.hpp"

namespace conclab {

// A connect that took this long had a SYN retransmitted (Linux waits 1 s before the first
// retry): the server's accept queue was full. A server that accepts slowly does not slow the
// connect, which the kernel completes; only its first response.
inline constexpr std::int64_t kSlowConnectNs = 900'000'000;

struct LoaderCounts {
    std::uint64_t responses = 0;
    ErrorCounts errors;
    LatencyHistogram latency;  // from the intended send time (the same as below in a closed loop)
    LatencyHistogram latency_uncorrected;  // from the actual send
    std::uint64_t late = 0;                // open loop: due while no connection was free
    std::uint64_t dropped = 0;             // open loop: still unsent `timeout` after being due
    std::uint64_t reconnects = 0;
    std::uint64_t server_closes = 0;  // responses after which the server closed the connection
    std::uint64_t slow_connects = 0;  // connects that took kSlowConnectNs or more
    std::string connect_error;  // the last connect failure's message, e.g. "Too many open files"
};

class LoaderStats {
public:
    void response(std::uint64_t latency_us, std::uint64_t uncorrected_us) EXCLUDES(mutex_);
    void late_and_dropped(std::uint64_t late, std::uint64_t dropped) EXCLUDES(mutex_);
    void error(ErrorKind kind) EXCLUDES(mutex_);
    void connect_error(const std::string& message) EXCLUDES(mutex_);
    void reconnect() EXCLUDES(mutex_);
    void server_closed() EXCLUDES(mutex_);
    void slow_connect() EXCLUDES(mutex_);
    // Hands over what was counted since the previous take() and starts again from zero.
    LoaderCounts take() EXCLUDES(mutex_);

private:
    Mutex mutex_;
    LoaderCounts counts_ GUARDED_BY(mutex_);
};

}  // namespace conclab
