#pragma once
// A task that runs every `interval` on an io_context's thread until cancel(): the host's
// liveness check (gunicorn's arbiter waking to look at its workers' heartbeats).
//
// Why not a bare steady_timer that re-arms itself in its handler: cancel() only aborts a wait
// that is still pending. A wait that has already expired has its handler queued with success,
// and cancel() cannot take that back; if the handler then re-arms, the timer ticks on for ever
// and the io_context never runs out of work. ServerHost::stop() cancels the check and joins the
// host thread once its loop runs dry, so a check falling due in the same turn of the loop as the
// stop hung the run for good (a GIL-threads run in tst_internals_chart, 1 in ~50 under load).
// Here a cancelled timer's queued handler runs nothing and arms nothing.

#include <chrono>
#include <functional>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

namespace conclab {

class RepeatingTimer {
public:
    RepeatingTimer(boost::asio::io_context& io, std::chrono::steady_clock::duration interval,
                   std::function<void()> task);
    RepeatingTimer(const RepeatingTimer&) = delete;
    RepeatingTimer& operator=(const RepeatingTimer&) = delete;

    // Once: the first run is one interval from now. On the io_context's thread, or before it runs.
    void start();
    // The io_context's thread: no run from now on, also none whose time had come already; the
    // io_context then holds no work of this timer's.
    void cancel();

private:
    void arm();

    boost::asio::steady_timer timer_;
    const std::chrono::steady_clock::duration interval_;
    const std::function<void()> task_;
    bool cancelled_ = false;  // the io_context's thread only
};

}  // namespace conclab
