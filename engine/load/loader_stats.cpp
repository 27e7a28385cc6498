#include "load/loader_stats.hpp"

#include <utility>

namespace conclab {

void LoaderStats::response(std::uint64_t latency_us, std::uint64_t uncorrected_us) {
    MutexLock lock(mutex_);
    ++counts_.responses;
    counts_.latency.record(latency_us);
    counts_.latency_uncorrected.record(uncorrected_us);
}

void LoaderStats::late_and_dropped(std::uint64_t late, std::uint64_t dropped) {
    if (late == 0 && dropped == 0) return;
    MutexLock lock(mutex_);
    counts_.late += late;
    counts_.dropped += dropped;
}

void LoaderStats::error(ErrorKind kind) {
    MutexLock lock(mutex_);
    ++counts_.errors[kind];
}

void LoaderStats::connect_error(const std::string& message) {
    MutexLock lock(mutex_);
    ++counts_.errors.connect;
    if (counts_.connect_error != message) counts_.connect_error = message;
}

void LoaderStats::reconnect() {
    MutexLock lock(mutex_);
    ++counts_.reconnects;
}

void LoaderStats::server_closed() {
    MutexLock lock(mutex_);
    ++counts_.server_closes;
}

void LoaderStats::slow_connect() {
    MutexLock lock(mutex_);
    ++counts_.slow_connects;
}

LoaderCounts LoaderStats::take() {
    LoaderCounts fresh;  // allocates its histogram here, outside the lock
    MutexLock lock(mutex_);
    std::swap(fresh, counts_);
    return fresh;
}

}  // namespace conclab
