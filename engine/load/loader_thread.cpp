#include "load/loader_thread.hpp"

#include <pthread.h>

#include <chrono>
#include <future>
#include <memory>
#include <string>

#include <boost/asio/post.hpp>

#include "core/clocks.hpp"

namespace conclab {

namespace {

constexpr auto kSweepInterval = std::chrono::milliseconds(100);

}  // namespace

LoaderThread::LoaderThread(int index, LoadShared& shared) : index_(index), shared_(shared) {}

LoaderThread::~LoaderThread() {
    stop();
}

void LoaderThread::set_open_loop(double rate, double phase, int max_connections) {
    open_loop_ = true;
    initial_rate_ = rate;
    phase_ = phase;
    max_pool_ = max_connections;
}

void LoaderThread::start() {
    work_.emplace(io_.get_executor());
    arm_sweep();
    if (open_loop_) {
        backlog_ = RequestBacklog(shared_.timeout_ns);
        boost::asio::post(io_, [this] {
            schedule_.start(monotonic_ns(), initial_rate_, phase_);
            arm_arrivals();
        });
    }
    thread_ = std::thread([this] { run(); });
    have_cpu_clock_ = pthread_getcpuclockid(thread_.native_handle(), &cpu_clock_) == 0;
}

void LoaderThread::run() {
    const std::string name = "cl-load-" + std::to_string(index_);
    pthread_setname_np(pthread_self(), name.substr(0, 15).c_str());
    io_.run();
    final_cpu_ns_ = static_cast<std::uint64_t>(thread_cpu_ns());
}

void LoaderThread::set_target(int connections) {
    boost::asio::post(io_, [this, connections] { reconcile(connections); });
}

void LoaderThread::set_rate(double rate) {
    boost::asio::post(io_, [this, rate] {
        schedule_.set_rate(rate, monotonic_ns());
        arm_arrivals();
    });
}

void LoaderThread::arm_arrivals() {
    const auto due = schedule_.next_due();
    if (!due) {
        arrival_timer_.cancel();
        return;
    }
    arrival_timer_.expires_at(
        std::chrono::steady_clock::time_point(std::chrono::nanoseconds(*due)));
    arrival_timer_.async_wait([this](const boost::system::error_code& ec) {
        if (!ec) on_arrivals();
    });
}

// Everything due by now goes out, however late the timer fired: a request is never skipped.
void LoaderThread::on_arrivals() {
    const std::int64_t now = monotonic_ns();
    while (auto intended = schedule_.take_due(now)) dispatch(*intended);
    arm_arrivals();
}

void LoaderThread::dispatch(std::int64_t intended_ns) {
    if (backlog_.empty() && !idle_.empty()) {
        LoadConnection* c = idle_.back();
        idle_.pop_back();
        c->send(intended_ns);
        return;
    }
    if (backlog_.empty() && static_cast<int>(connections_.size()) < max_pool_) {
        connections_.push_back(std::make_unique<LoadConnection>(io_, shared_, stats_, this));
        connections_.back()->send(intended_ns);
        return;
    }
    backlog_.push(intended_ns);  // behind the requests already waiting: first due, first sent
    stats_.late_and_dropped(1, 0);
}

std::optional<std::int64_t> LoaderThread::next_request() {
    stats_.late_and_dropped(0, backlog_.drop_expired(monotonic_ns()));
    return backlog_.pop();
}

void LoaderThread::idle(LoadConnection& connection) {
    idle_.push_back(&connection);
}

// Prefers the cheapest change: growing first takes back connections that are still finishing
// their last request, then reuses closed ones; shrinking first drops those that wait to retry a
// connect (no socket, no request), then the newest.
void LoaderThread::reconcile(int target) {
    int active = 0;
    for (const auto& c : connections_) active += c->active() ? 1 : 0;
    for (const auto& c : connections_) {
        if (active >= target) break;
        if (c->retiring()) {
            c->start();
            ++active;
        }
    }
    for (const auto& c : connections_) {
        if (active >= target) break;
        if (c->closed()) {
            c->start();
            ++active;
        }
    }
    while (active < target) {
        connections_.push_back(std::make_unique<LoadConnection>(io_, shared_, stats_));
        connections_.back()->start();
        ++active;
    }
    for (auto it = connections_.rbegin(); it != connections_.rend() && active > target; ++it) {
        if ((*it)->active() && (*it)->backing_off()) {
            (*it)->retire();
            --active;
        }
    }
    for (auto it = connections_.rbegin(); it != connections_.rend() && active > target; ++it) {
        if ((*it)->active()) {
            (*it)->retire();
            --active;
        }
    }
}

void LoaderThread::arm_sweep() {
    sweep_timer_.expires_after(kSweepInterval);
    sweep_timer_.async_wait([this](const boost::system::error_code& ec) {
        if (ec) return;
        const std::int64_t now = monotonic_ns();
        for (const auto& c : connections_) c->sweep(now);
        // Requests no connection took in time are dropped even while every connection is stuck.
        if (open_loop_) stats_.late_and_dropped(0, backlog_.drop_expired(now));
        arm_sweep();
    });
}

void LoaderThread::shut_down_connections() {
    for (const auto& c : connections_) c->shut_down();
    idle_.clear();
    backlog_.clear();
    arrival_timer_.cancel();
    sweep_timer_.cancel();
    work_.reset();
    io_.stop();
}

// The sockets are closed by their own thread, so with many threads they close in parallel.
void LoaderThread::request_stop() {
    if (!thread_.joinable() || stop_requested_) return;
    stop_requested_ = true;
    boost::asio::post(io_, [this] { shut_down_connections(); });
}

void LoaderThread::stop() {
    if (!thread_.joinable()) return;
    request_stop();
    thread_.join();
    have_cpu_clock_ = false;
    // In case the loop had already ended: nothing runs any more, so this is safe from here.
    for (const auto& c : connections_) c->shut_down();
    connections_.clear();
}

std::future<UnansweredRequests> LoaderThread::unanswered(bool connecting_only) {
    if (!thread_.joinable() || stop_requested_) return {};
    auto gathered = std::make_shared<std::promise<UnansweredRequests>>();
    std::future<UnansweredRequests> result = gathered->get_future();
    // Runs on the loop thread, which stop() joins before this object goes: `this` outlives it.
    boost::asio::post(io_, [this, gathered, connecting_only] {
        UnansweredRequests out;
        const std::int64_t now = monotonic_ns();
        for (const auto& c : connections_) {
            const auto w = c->waiting();
            if (w && (w->connecting || !connecting_only)) {
                out.add(now - w->intended_ns, now - w->started_ns);
            }
        }
        gathered->set_value(std::move(out));
    });
    return result;
}

std::uint64_t LoaderThread::cpu_ns() const {
    if (have_cpu_clock_) return static_cast<std::uint64_t>(read_clock_ns(cpu_clock_));
    return final_cpu_ns_;
}

}  // namespace conclab
