#pragma once
// One loader thread: its own single-threaded io_context, the connections assigned to it, and a
// periodic sweep for timeouts and connect retries (one timer per thread, not one per request).
// Other threads talk to it only through set_target(), take(), cpu_ns() and stop().

#include <time.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "load/load_connection.hpp"
#include "load/load_shared.hpp"
#include "load/loader_stats.hpp"

namespace conclab {

class LoaderThread {
public:
    LoaderThread(int index, LoadShared& shared);
    ~LoaderThread();  // stop()s
    LoaderThread(const LoaderThread&) = delete;
    LoaderThread& operator=(const LoaderThread&) = delete;

    void start();
    // Thread-safe: this thread should keep `connections` connections in its loop.
    void set_target(int connections);
    // Thread-safe: asks the loop to close every socket and end, without waiting.
    void request_stop();
    // Thread-safe, idempotent: closes every socket, stops the loop, joins.
    void stop();
    // Thread-safe: counters since the previous take().
    LoaderCounts take() { return stats_.take(); }
    // CPU time this thread has used so far. Not concurrently with stop().
    std::uint64_t cpu_ns() const;

private:
    void run();
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
};

}  // namespace conclab
