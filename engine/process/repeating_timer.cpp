#include "process/repeating_timer.hpp"

#include <utility>

namespace conclab {

RepeatingTimer::RepeatingTimer(boost::asio::io_context& io,
                               std::chrono::steady_clock::duration interval,
                               std::function<void()> task)
    : timer_(io), interval_(interval), task_(std::move(task)) {}

void RepeatingTimer::start() {
    arm();
}

void RepeatingTimer::cancel() {
    cancelled_ = true;
    timer_.cancel();
}

void RepeatingTimer::arm() {
    timer_.expires_after(interval_);
    timer_.async_wait([this](boost::system::error_code ec) {
        // Cancelled after this wait had completed: its handler was queued already, with success.
        if (ec || cancelled_) return;
        task_();
        if (!cancelled_) arm();  // the task may have cancelled it
    });
}

}  // namespace conclab
