#include "server/loop_monitor.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

#include "core/clocks.hpp"

namespace conclab {

LoopMonitor::LoopMonitor(boost::asio::io_context& io)
    : io_(io), timer_(io), started_ns_(monotonic_ns()) {}

void LoopMonitor::arm() {
    const std::int64_t due = monotonic_ns() + kResolutionNs;
    due_ns_.store(due, std::memory_order_relaxed);
    timer_.expires_after(std::chrono::nanoseconds(kResolutionNs));
    timer_.async_wait([this, due](boost::system::error_code ec) {
        if (ec || stopped_) return;
        const std::int64_t late = std::max<std::int64_t>(0, monotonic_ns() - due);
        {
            MutexLock lock(mutex_);
            delay_.record(late);
            delay_max_ns_ = std::max(delay_max_ns_, late);
        }
        arm();
    });
}

void LoopMonitor::run() {
    arm();
    for (;;) {
        const std::int64_t start = monotonic_ns();
        handler_start_ns_.store(start, std::memory_order_relaxed);
        const std::size_t ran = io_.poll_one();
        const std::int64_t end = monotonic_ns();
        // Cleared before the sum grows: a concurrent read() may miss this handler for a moment
        // (the next reading has it) but never counts it twice.
        handler_start_ns_.store(0, std::memory_order_relaxed);
        if (ran > 0) {
            busy_ns_.fetch_add(static_cast<std::uint64_t>(end - start), std::memory_order_relaxed);
            continue;
        }
        if (io_.stopped()) break;
        const std::int64_t cpu_before = thread_cpu_ns();
        if (io_.run_one() == 0) break;
        busy_ns_.fetch_add(
            static_cast<std::uint64_t>(std::max<std::int64_t>(0, thread_cpu_ns() - cpu_before)),
            std::memory_order_relaxed);
    }
    due_ns_.store(0, std::memory_order_relaxed);
}

void LoopMonitor::stop() {
    stopped_ = true;
    timer_.cancel();
}

LoopReading LoopMonitor::read() {
    LoopReading r;
    r.started_ns = started_ns_;
    const std::uint64_t finished = busy_ns_.load(std::memory_order_relaxed);
    const std::int64_t running = handler_start_ns_.load(std::memory_order_relaxed);
    const std::int64_t due = due_ns_.load(std::memory_order_relaxed);
    r.clock_ns = monotonic_ns();
    // The handler running now counts up to now, so a long CPU-bound handler shows in the tick
    // it runs in; never less than the previous reading, never more than the wall time.
    std::uint64_t busy = finished;
    if (running != 0 && r.clock_ns > running) {
        busy += static_cast<std::uint64_t>(r.clock_ns - running);
    }
    busy = std::min<std::uint64_t>(busy, static_cast<std::uint64_t>(r.clock_ns - started_ns_));
    busy_read_ = std::max(busy_read_, busy);
    r.busy_ns = busy_read_;
    MutexLock lock(mutex_);
    r.delay = delay_;
    r.delay_max_ns = std::exchange(delay_max_ns_, 0);
    if (due != 0 && r.clock_ns > due) r.delay_max_ns = std::max(r.delay_max_ns, r.clock_ns - due);
    return r;
}

}  // namespace conclab
