#pragma once
// Measures an Asio event loop from inside, the way Node's perf_hooks measures libuv's:
//
// - Delay (monitorEventLoopDelay, resolution 10 ms): a timer on the loop due every 10 ms; each
//   firing records how late it came (now − due). CPU work in a handler delays it by as long as
//   the handler runs.
// - Utilisation (eventLoopUtilization): the share of wall time the loop spends outside its poll
//   wait. Asio gives no hook around epoll_wait, so run() drives the io_context itself, one
//   handler at a time: poll_one() runs a handler that is already ready without blocking, and its
//   wall time between two clock reads is busy time (under load every handler runs this way, since
//   sockets are always ready). Only when nothing is ready does run_one() block in the poll and
//   then run one handler; there the handler's share is its thread CPU time (the blocked poll
//   uses none), a lower bound that only matters for short handlers on a nearly idle loop.

#include <atomic>
#include <cstdint>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "core/annotated_mutex.hpp"
#include "server/server.hpp"

namespace conclab {

class LoopMonitor {
public:
    static constexpr std::int64_t kResolutionNs = 10'000'000;  // Node's default, 10 ms

    explicit LoopMonitor(boost::asio::io_context& io);
    // The loop thread's body instead of io.run(): returns when the io_context runs out of work.
    void run();
    // Cancels the timer so that run() can run out of work. Loop thread only (as stop()'s
    // posted clean-up).
    void stop();
    // Any thread.
    LoopReading read() EXCLUDES(mutex_);

private:
    void arm();

    boost::asio::io_context& io_;
    boost::asio::steady_timer timer_;
    bool stopped_ = false;  // loop thread only
    const std::int64_t started_ns_;

    std::atomic<std::uint64_t> busy_ns_{0};          // handlers finished
    std::atomic<std::int64_t> handler_start_ns_{0};  // the poll_one() handler running, or 0
    std::atomic<std::int64_t> due_ns_{0};            // when the timer is due, or 0
    std::uint64_t busy_read_ = 0;                    // the previous reading (read() only)

    Mutex mutex_;  // guards the delays
    DurationHistogram delay_ GUARDED_BY(mutex_);
    std::int64_t delay_max_ns_ GUARDED_BY(mutex_) = 0;  // since the previous read()
};

}  // namespace conclab
