#pragma once
// Counters every server model keeps, and the registry of its open connections. The registry is
// how "waiting" is measured without guessing: an idle connection (no thread or loop serving it)
// whose socket already holds unread bytes has a request that has arrived and nobody serves yet.

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clocks.hpp"
#include "server/server.hpp"

namespace conclab {

class ServerCounters {
public:
    void request_started();
    void request_finished();   // a response was fully written
    void request_abandoned();  // the connection failed while in service
    // One request served on connection `fd`, in service from began to ended: how both models
    // account for it. `written`: its response went out (finished), or not (abandoned).
    void request_began(int fd);
    void request_ended(int fd, bool written);
    void accept_failed(const std::string& message);
    // The serving loop is free now (see ServerStats::heartbeat_us); any thread.
    void beat();

    void connection_opened(int fd);
    void connection_closed(int fd);
    void set_in_service(int fd, bool in_service);

    // Counts the idle connections that hold unread bytes (a request nobody serves yet) and adds
    // the count to the waiting time integral. Called every few milliseconds by the worker.
    void sample_waiting();
    // Fills everything but what the model knows better itself; resets the peaks.
    ServerStats take_stats();
    // Shuts down every registered socket so that blocked reads and writes return (stop()).
    void shutdown_all_connections();

private:
    void change_in_service(int delta);
    int count_waiting();

    std::atomic<std::uint64_t> requests_{0};
    std::atomic<std::int64_t> heartbeat_ns_{monotonic_ns()};  // a new server counts as free

    // In service and waiting, with their time integrals (guarded by integral_mutex_).
    std::mutex integral_mutex_;
    int in_service_ = 0;
    int in_service_peak_ = 0;
    std::int64_t in_service_since_ns_ = 0;  // last change
    long double in_service_area_ns_ = 0;
    int waiting_ = 0;  // at the last sample
    int waiting_peak_ = 0;
    std::int64_t waiting_since_ns_ = 0;  // last sample
    long double waiting_area_ns_ = 0;

    std::mutex mutex_;
    std::unordered_map<int, bool> connections_;  // fd -> in service
    std::uint64_t accept_errors_ = 0;
    std::string last_accept_error_;
};

}  // namespace conclab
