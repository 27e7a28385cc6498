#pragma once
// One loader thread: its own single-threaded io_context, the connections assigned to it, and a
// periodic sweep for timeouts and connect retries (one timer per thread, not one per request).
// Other threads talk to it only through set_target(), set_rate(), take(), cpu_ns() and stop().
//
// Open loop (set_open_loop() before start()): an arrival timer hands out requests at their
// intended times (ArrivalSchedule); each goes to an idle connection, or to a new one while the
// pool is below its maximum, or else waits in the backlog as late, for the next connection that
// frees up, until it is dropped `timeout` after its intended time.

#include <time.h>

#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "load/arrival_schedule.hpp"
#include "load/load_connection.hpp"
#include "load/load_shared.hpp"
#include "load/loader_stats.hpp"
#include "load/request_backlog.hpp"
#include "load/unanswered_requests.hpp"

namespace conclab {

class LoaderThread final : public RequestSource {
public:
    LoaderThread(int index, LoadShared& shared);
    ~LoaderThread();  // stop()s
    LoaderThread(const LoaderThread&) = delete;
    LoaderThread& operator=(const LoaderThread&) = delete;

    // Open loop, before start(): `rate` requests/s for this thread, the first due `phase` of an
    // interval after start(), over at most `max_connections` connections.
    void set_open_loop(double rate, double phase, int max_connections);
    void start();
    // Thread-safe: this thread should keep `connections` connections in its loop (closed loop).
    void set_target(int connections);
    // Thread-safe, open loop: requests per second from now on (0 pauses the arrivals).
    void set_rate(double rate);
    // Thread-safe: asks the loop to close every socket and end, without waiting.
    void request_stop();
    // Thread-safe, idempotent: closes every socket, stops the loop, joins.
    void stop();
    // Thread-safe: counters since the previous take().
    LoaderCounts take() { return stats_.take(); }
    // CPU time this thread has used so far. Not concurrently with stop().
    std::uint64_t cpu_ns() const;
    // Thread-safe: the requests its connections have begun and not had answered, by how long
    // each has waited so far (those still connecting only, with `connecting_only`). Asked of
    // the loop thread: the future is ready once it answers; invalid when the thread has stopped.
    std::future<UnansweredRequests> unanswered(bool connecting_only);

    std::optional<std::int64_t> next_request() override;
    void idle(LoadConnection& connection) override;

private:
    void run();
    void arm_arrivals();
    void on_arrivals();
    void dispatch(std::int64_t intended_ns);
    void reconcile(int target);
    void arm_sweep();
    void shut_down_connections();

    int index_;
    LoadShared& shared_;
    boost::asio::io_context io_{1};  // one thread runs it
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
    boost::asio::steady_timer sweep_timer_{io_};
    LoaderStats stats_;  // outlives the connections that write to it
    std::vector<std::unique_ptr<LoadConnection>> connections_;
    std::thread thread_;
    clockid_t cpu_clock_{};
    bool have_cpu_clock_ = false;
    std::uint64_t final_cpu_ns_ = 0;  // read after join
    bool stop_requested_ = false;

    // Open loop only; touched by this thread alone once it runs.
    bool open_loop_ = false;
    double initial_rate_ = 0;
    double phase_ = 0;
    int max_pool_ = 0;
    ArrivalSchedule schedule_;
    RequestBacklog backlog_{0};
    std::vector<LoadConnection*> idle_;  // connections of connections_ waiting for a request
    boost::asio::steady_timer arrival_timer_{io_};
};

}  // namespace conclab
