#pragma once
// Requests the load generator has sent and not had answered, by how long each has waited so far:
// a lower bound of its latency. A run that ends while a server starves some connections (a
// gevent worker serving one client back to back, connections left in an accept queue) would
// otherwise report the tail of the requests that were answered only, and look fast.

#include <algorithm>
#include <cstdint>

#include "metrics/latency_histogram.hpp"

namespace conclab {

struct UnansweredRequests {
    LatencyHistogram waited;              // since the intended send (as LoadTick::latency)
    LatencyHistogram waited_uncorrected;  // since the actual send

    void add(std::int64_t since_intended_ns, std::int64_t since_sent_ns) {
        waited.record(micros(since_intended_ns));
        waited_uncorrected.record(micros(since_sent_ns));
    }
    void merge(const UnansweredRequests& other) {
        waited.merge(other.waited);
        waited_uncorrected.merge(other.waited_uncorrected);
    }
    std::uint64_t count() const { return waited.count(); }

private:
    static std::uint64_t micros(std::int64_t ns) {
        return static_cast<std::uint64_t>(std::max<std::int64_t>(ns + 500, 0) / 1000);
    }
};

}  // namespace conclab
