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
    // Each request's wait since its intended send (as LoadTick::latency), kept one by one (one per
    // connection at most) rather than in a histogram: count_over() needs them exact, and the
    // summary records them into its own latency histogram.
    std::vector<std::uint64_t> waited_us;
    LatencyHistogram waited_uncorrected;  // since the actual send

    void add(std::int64_t since_intended_ns, std::int64_t since_sent_ns) {
        waited_us.push_back(rounded_micros(since_intended_ns));
        waited_uncorrected.record(rounded_micros(since_sent_ns));
    }
    void merge(const UnansweredRequests& other) {
        waited_us.insert(waited_us.end(), other.waited_us.begin(), other.waited_us.end());
        waited_uncorrected.merge(other.waited_uncorrected);
    }
    std::uint64_t count() const { return waited_us.size(); }
    std::uint64_t longest_us() const {
        return waited_us.empty() ? 0 : *std::max_element(waited_us.begin(), waited_us.end());
    }
    // How many had waited longer than `us`: with the answered requests' p99, those a server
    // starved rather than served slowly (a fair server's last requests wait less than its tail).
    std::uint64_t count_over(double us) const {
        return static_cast<std::uint64_t>(std::count_if(waited_us.begin(), waited_us.end(),
                                                        [us](std::uint64_t w) { return w > us; }));
    }
};

}  // namespace conclab
