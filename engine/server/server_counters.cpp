#include "server/server_counters.hpp"

#include <sys/ioctl.h>
#include <sys/socket.h>

namespace conclab {

void ServerCounters::request_started() {
    const int now = in_service_.fetch_add(1, std::memory_order_relaxed) + 1;
    int peak = in_service_peak_.load(std::memory_order_relaxed);
    while (now > peak && !in_service_peak_.compare_exchange_weak(peak, now)) {
    }
}

void ServerCounters::request_finished() {
    requests_.fetch_add(1, std::memory_order_relaxed);
    in_service_.fetch_sub(1, std::memory_order_relaxed);
}

void ServerCounters::request_abandoned() {
    in_service_.fetch_sub(1, std::memory_order_relaxed);
}

void ServerCounters::accept_failed(const std::string& message) {
    std::lock_guard lock(mutex_);
    ++accept_errors_;
    last_accept_error_ = message;
}

void ServerCounters::connection_opened(int fd) {
    std::lock_guard lock(mutex_);
    connections_[fd] = false;
}

void ServerCounters::connection_closed(int fd) {
    std::lock_guard lock(mutex_);
    connections_.erase(fd);
}

void ServerCounters::set_in_service(int fd, bool in_service) {
    std::lock_guard lock(mutex_);
    auto it = connections_.find(fd);
    if (it != connections_.end()) it->second = in_service;
}

ServerStats ServerCounters::take_stats() {
    ServerStats stats;
    stats.requests = requests_.load(std::memory_order_relaxed);
    stats.in_service = in_service_.load(std::memory_order_relaxed);
    stats.in_service_peak = in_service_peak_.exchange(stats.in_service);
    std::lock_guard lock(mutex_);
    stats.connections = static_cast<int>(connections_.size());
    for (const auto& [fd, serving] : connections_) {
        int unread = 0;
        // Holding the mutex keeps fd from being closed and reused while we look at it.
        if (!serving && ::ioctl(fd, FIONREAD, &unread) == 0 && unread > 0) ++stats.waiting;
    }
    stats.accept_errors = accept_errors_;
    stats.last_accept_error = last_accept_error_;
    return stats;
}

void ServerCounters::shutdown_all_connections() {
    std::lock_guard lock(mutex_);
    for (const auto& [fd, serving] : connections_) ::shutdown(fd, SHUT_RDWR);
}

}  // namespace conclab
