#pragma once
// What every loader thread of one LoadGenerator reads (set once before the threads start) and the
// open-connection gauge they all update (only on connect and close, never per request).

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <string>

#include <boost/asio/ip/tcp.hpp>

namespace conclab {

struct LoadShared {
    boost::asio::ip::tcp::endpoint endpoint;
    std::string request;  // the same bytes for every request
    std::int64_t timeout_ns = 0;

    std::atomic<int> open{0};
    std::atomic<int> open_peak{0};  // since the last take_open_peak()

    void opened() {
        const int now = open.fetch_add(1, std::memory_order_relaxed) + 1;
        int peak = open_peak.load(std::memory_order_relaxed);
        while (now > peak &&
               !open_peak.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
        }
    }
    void closed() { open.fetch_sub(1, std::memory_order_relaxed); }
    // Returns the peak since the previous call and restarts it from the current count.
    int take_open_peak() {
        const int now = open.load(std::memory_order_relaxed);
        return std::max(now, open_peak.exchange(now, std::memory_order_relaxed));
    }
};

}  // namespace conclab
