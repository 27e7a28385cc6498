#include "gil/global_interpreter_lock.hpp"

#include <algorithm>

#include "core/clocks.hpp"

namespace conclab {

GlobalInterpreterLock::GlobalInterpreterLock(std::chrono::microseconds switch_interval)
    : since_ns_(monotonic_ns()),
      started_ns_(since_ns_),
      interval_(std::max(switch_interval, std::chrono::microseconds(1))) {}

// Brings the held time and the waiting integral up to now_ns; called under mutex_ before every
// change of locked_ or waiters_, so both are exact (not sampled).
void GlobalInterpreterLock::advance(std::int64_t now_ns) const {
    if (since_ns_ != 0 && now_ns > since_ns_) {
        const std::int64_t dt = now_ns - since_ns_;
        if (locked_) held_ns_ += static_cast<std::uint64_t>(dt);
        waiting_area_ns_ += static_cast<long double>(waiters_) * static_cast<long double>(dt);
    }
    since_ns_ = std::max(since_ns_, now_ns);
}

bool GlobalInterpreterLock::acquire() {
    const std::int64_t called_ns = monotonic_ns();  // waiting for mutex_ is waiting too
    MutexLock lock(mutex_);
    bool waiting = false;
    while (locked_ && !shutdown_) {
        if (!waiting) {
            advance(monotonic_ns());
            ++waiters_;
            waiting = true;
        }
        const std::uint64_t saved_switch_number = switch_number_;
        const bool timed_out = lock.wait_for(cond_, interval_) == std::cv_status::timeout;
        // Timed out and nobody took the lock meanwhile: ask the holder to drop it.
        if (timed_out && locked_ && switch_number_ == saved_switch_number &&
            !drop_request_.load(std::memory_order_relaxed)) {
            drop_request_.store(true, std::memory_order_relaxed);
            ++drop_request_count_;
        }
    }
    const std::int64_t now = monotonic_ns();
    advance(now);
    if (waiting) --waiters_;
    if (shutdown_) return false;
    locked_ = true;
    ++acquisitions_;
    wait_.record(now - called_ns);
    if (last_holder_ != std::this_thread::get_id()) ++hand_offs_;
    last_holder_ = std::this_thread::get_id();
    // As in CPython, every take counts, also a re-take by the same thread: a waiter whose timeout
    // sees the number moved does not request a drop.
    ++switch_number_;
    switch_cond_.notify_all();
    // Whoever asked, the lock has been handed over: the request is served.
    drop_request_.store(false, std::memory_order_relaxed);
    return true;
}

void GlobalInterpreterLock::release() {
    MutexLock lock(mutex_);
    advance(monotonic_ns());
    locked_ = false;
    cond_.notify_one();
    if (drop_request_.load(std::memory_order_relaxed)) {
        // Forced switching: do not come back until another thread has had the lock.
        const auto me = std::this_thread::get_id();
        lock.wait(switch_cond_, [&]() REQUIRES(mutex_) { return last_holder_ != me || shutdown_; });
    }
}

bool GlobalInterpreterLock::yield_to_waiter() {
    release();
    return acquire();
}

bool GlobalInterpreterLock::let_a_waiter_run() {
    {
        MutexLock lock(mutex_);
        if (shutdown_) return false;
        if (waiters_ == 0) return true;
        advance(monotonic_ns());
        locked_ = false;
        cond_.notify_one();
        const auto me = std::this_thread::get_id();
        lock.wait(switch_cond_, [&]() REQUIRES(mutex_) { return last_holder_ != me || shutdown_; });
    }
    return acquire();
}

void GlobalInterpreterLock::shutdown() {
    MutexLock lock(mutex_);
    shutdown_ = true;
    shutdown_flag_ = true;
    cond_.notify_all();
    switch_cond_.notify_all();
}

std::chrono::microseconds GlobalInterpreterLock::switch_interval() const {
    MutexLock lock(mutex_);
    return interval_;
}

void GlobalInterpreterLock::set_switch_interval(std::chrono::microseconds interval) {
    MutexLock lock(mutex_);
    interval_ = std::max(interval, std::chrono::microseconds(1));
}

GlobalInterpreterLock::Stats GlobalInterpreterLock::stats() const {
    MutexLock lock(mutex_);
    const std::int64_t now = monotonic_ns();
    advance(now);
    Stats s;
    s.switches = hand_offs_;
    s.drop_requests = drop_request_count_;
    s.acquisitions = acquisitions_;
    s.held_ns = held_ns_;
    s.waiting_area_ns = static_cast<std::uint64_t>(waiting_area_ns_);
    s.clock_ns = now;
    s.started_ns = started_ns_;
    s.wait = wait_;
    return s;
}

bool run_cpu_holding_gil(GlobalInterpreterLock& gil, double micros) {
    return run_cpu_holding_gil(gil, micros, [](std::int64_t, std::int64_t) {});
}

}  // namespace conclab
