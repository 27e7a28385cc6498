#pragma once
// Counters every server model keeps, and the registry of its open connections. The registry is
// how "waiting" is measured without guessing: an idle connection (no thread or loop serving it)
// whose socket already holds unread bytes has a request that has arrived and nobody serves yet.

#include <atomic>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "core/annotated_mutex.hpp"
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
    void accept_failed(const std::string& message) EXCLUDES(mutex_);
    // The serving loop is free now (see ServerStats::heartbeat_us); any thread.
    void beat();

    void connection_opened(int fd) EXCLUDES(mutex_);
    void connection_closed(int fd) EXCLUDES(mutex_);
    void set_in_service(int fd, bool in_service) EXCLUDES(mutex_);

    // Counts the idle connections that hold unread bytes (a request nobody serves yet) and adds
    // the count to the waiting time integral. Called every few milliseconds by the worker; it
    // skips the call while its own cost says so (at most 1 % of a core, see the .cpp).
    void sample_waiting() EXCLUDES(mutex_, integral_mutex_);
    // Fills everything but what the model knows better itself; resets the peaks.
    ServerStats take_stats() EXCLUDES(mutex_, integral_mutex_);
    // Shuts down every registered socket so that blocked reads and writes return (stop()).
    void shutdown_all_connections() EXCLUDES(mutex_);

private:
    void change_in_service(int delta) EXCLUDES(integral_mutex_);
    int count_waiting() EXCLUDES(mutex_);

    // A sample that took d is followed by none before kSamplerCostRatio × d.
    static constexpr std::int64_t kSamplerCostRatio = 100;
    std::atomic<std::int64_t> next_sample_ns_{0};

    std::atomic<std::uint64_t> requests_{0};
    std::atomic<std::int64_t> heartbeat_ns_{monotonic_ns()};  // a new server counts as free

    // In service and waiting, with their time integrals.
    Mutex integral_mutex_;
    int in_service_ GUARDED_BY(integral_mutex_) = 0;
    int in_service_peak_ GUARDED_BY(integral_mutex_) = 0;
    std::int64_t in_service_since_ns_ GUARDED_BY(integral_mutex_) = 0;  // last change
    long double in_service_area_ns_ GUARDED_BY(integral_mutex_) = 0;
    int waiting_ GUARDED_BY(integral_mutex_) = 0;  // at the last sample
    int waiting_peak_ GUARDED_BY(integral_mutex_) = 0;
    std::int64_t waiting_since_ns_ GUARDED_BY(integral_mutex_) = 0;  // last sample
    long double waiting_area_ns_ GUARDED_BY(integral_mutex_) = 0;

    // The open connections; held while a descriptor is looked at, so it is not closed and
    // reused meanwhile.
    Mutex mutex_;
    std::unordered_map<int, bool> connections_ GUARDED_BY(mutex_);  // fd -> in service
    std::uint64_t accept_errors_ GUARDED_BY(mutex_) = 0;
    std::string last_accept_error_ GUARDED_BY(mutex_);
};

}  // namespace conclab
