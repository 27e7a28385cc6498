#pragma once
// Requests the load generator has sent and not had answered, by how long each has waited so far:
// a lower bound of its latency. A run that ends while a server starves some connections (a
// gevent worker serving one client back to back, connections left in an accept queue) would
// otherwise report the tail of the requests that were answered only, and look fast.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/clocks.hpp"
#include "metrics/latency_histogram.hpp"

namespace conclab {

struct UnansweredRequests {
    LatencyHistogram waited;              // since the intended send (as LoadTick::latency)
    LatencyHistogram waited_uncorrected;  // since the actual send

    std::vector<std::uint64_t> waited_us;  // each, as `waited` (one per connection at most)

    void add(std::int64_t since_intended_ns, std::int64_t since_sent_ns) {
        const std::uint64_t us = rounded_micros(since_intended_ns);
        waited.record(us);
        waited_uncorrected.record(rounded_micros(since_sent_ns));
        waited_us.push_back(us);
    }
    void merge(const UnansweredRequests& other) {
        waited.merge(other.waited);
        waited_uncorrected.merge(other.waited_uncorrected);
        waited_us.insert(waited_us.end(), other.waited_us.begin(), other.waited_us.end());
    }
    std::uint64_t count() const { return waited.count(); }
    // How many had waited longer than `us`: with the answered requests' p99, those a server
    // starved rather than served slowly (a fair server's last requests wait less than its tail).
    std::uint64_t count_over(double us) const {
        return static_cast<std::uint64_t>(std::count_if(waited_us.begin(), waited_us.end(),
                                                        [us](std::uint64_t w) { return w > us; }));
    }
};

}  // namespace conclab
