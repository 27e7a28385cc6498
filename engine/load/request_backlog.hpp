#pragma once
// Open loop: requests that fell due while no connection of the pool was free. They wait here, in
// the order they fell due, and keep their intended times (the latency of each is still counted
// from it); one still unsent `timeout` after its intended time is dropped. Pure: the caller
// passes the time and counts what it is told (every request pushed here is late).

#include <cstdint>
#include <deque>
#include <optional>

namespace conclab {

class RequestBacklog {
public:
    explicit RequestBacklog(std::int64_t timeout_ns) : timeout_ns_(timeout_ns) {}

    void push(std::int64_t intended_ns) { due_.push_back(intended_ns); }
    // Removes the requests that waited `timeout` or longer past their intended time; returns
    // how many.
    std::uint64_t drop_expired(std::int64_t now_ns) {
        std::uint64_t dropped = 0;
        while (!due_.empty() && now_ns - due_.front() >= timeout_ns_) {
            due_.pop_front();
            ++dropped;
        }
        return dropped;
    }
    // The oldest waiting request's intended time, taken out of the backlog.
    std::optional<std::int64_t> pop() {
        if (due_.empty()) return std::nullopt;
        const std::int64_t t = due_.front();
        due_.pop_front();
        return t;
    }
    bool empty() const { return due_.empty(); }
    std::size_t size() const { return due_.size(); }
    void clear() { due_.clear(); }

private:
    std::int64_t timeout_ns_;
    std::deque<std::int64_t> due_;
};

}  // namespace conclab
