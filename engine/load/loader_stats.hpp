#pragma once
// One loader thread's counters since the last take(). The loader thread writes them under a mutex
// that only the collecting thread ever contends for, once per tick, for the time of a swap.

#include <cstdint>
#include <mutex>
#include <string>

#include "metrics/latency_histogram.hpp"
#include "metrics/metrics.hpp"

namespace conclab {

enum class ErrorKind { Connect, Read, Write, Timeout, Status, Parse };

struct LoaderCounts {
    std::uint64_t responses = 0;
    ErrorCounts errors;
    LatencyHistogram latency;
    std::uint64_t reconnects = 0;
    std::string connect_error;  // the last connect failure's message, e.g. "Too many open files"
};

class LoaderStats {
public:
    void response(std::uint64_t latency_us);
    void error(ErrorKind kind);
    void connect_error(const std::string& message);
    void reconnect();
    // Hands over what was counted since the previous take() and starts again from zero.
    LoaderCounts take();

private:
    std::mutex mutex_;
    LoaderCounts counts_;
};

}  // namespace conclab
