#include "server/server_base.hpp"

#include <algorithm>
#include <utility>

#include <boost/asio/post.hpp>

#include "core/thread_name.hpp"

namespace conclab {

ServerBase::ServerBase(Model model, const Workload& workload, const ServerTimeouts& timeouts,
                       bool keep_alive)
    : identity_(server_identity(model)),
      workload_(workload),
      timeouts_(timeouts),
      keep_alive_(keep_alive) {}

void ServerBase::start_io(UniqueFd listen_fd, const std::string& thread_name,
                          std::function<void()> run) {
    acceptor_.start(std::move(listen_fd));
    beat_when_free();
    io_thread_ = std::thread([thread_name, run = std::move(run)] {
        set_thread_name(thread_name);
        run();
    });
}

void ServerBase::beat_when_free() {
    if (heartbeat_timer_beats()) counters_.beat();
    heartbeat_.expires_after(kHeartbeat);
    heartbeat_.async_wait([this](boost::system::error_code ec) {
        if (!ec && !stopping_) beat_when_free();
    });
}

bool ServerBase::mark_stopped() {
    if (stopped_) return false;
    stopped_ = true;
    return true;
}

void ServerBase::close_io(std::function<void()> also) {
    boost::asio::post(io_, [this, also = std::move(also)] {
        acceptor_.close();
        heartbeat_.cancel();
        if (also) also();
    });
}

void ServerBase::join_io() {
    if (io_thread_.joinable()) {
        io_thread_.join();
    } else {
        io_.run();  // never started: run the posted clean-up here
    }
}

std::optional<double> ServerBase::request_time_limit_s(bool header_pending) const {
    std::optional<double> limit;
    if (header_pending && timeouts_.header_s > 0) limit = timeouts_.header_s;
    if (timeouts_.request_s > 0) {
        limit = limit ? std::min(*limit, timeouts_.request_s) : timeouts_.request_s;
    }
    return limit;
}

void ServerBase::adopt_connection(UniqueFd fd, std::function<void()> taken) {
    // Stopped, nothing would serve it: `fd` closes here, at once, instead of waiting in the
    // stopped io_context's queue until the server is destroyed.
    if (stopping_) return;
    acceptor_.adopt(std::move(fd), std::move(taken));
}

void ServerBase::stop_accepting() {
    acceptor_.stop_accepting();
}

void ServerBase::set_workload(const Workload& workload) {
    workload_.set(workload);
}

ServerStats ServerBase::stats() {
    return counters_.take_stats();
}

void ServerBase::sample_waiting() {
    counters_.sample_waiting();
}

}  // namespace conclab
