#pragma once
// The engine's clocks, in nanoseconds. All of them are vDSO calls on Linux (no system call) except
// the CPU-time clocks of the thread and the process, which cost ~0.3 µs each.

#include <time.h>

#include <cstdint>

namespace conclab {

// Any clock by id, e.g. another thread's CPU clock from pthread_getcpuclockid(); 0 on failure.
inline std::int64_t read_clock_ns(clockid_t clock) {
    timespec ts{};
    if (clock_gettime(clock, &ts) != 0) return 0;
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// Steady wall-clock time, for latencies, ticks and deadlines.
inline std::int64_t monotonic_ns() {
    return read_clock_ns(CLOCK_MONOTONIC);
}
// CPU time the calling thread has used: what makes simulated handler work stretch under
// contention exactly as real computation does.
inline std::int64_t thread_cpu_ns() {
    return read_clock_ns(CLOCK_THREAD_CPUTIME_ID);
}
// CPU time of the whole process (all its threads).
inline std::int64_t process_cpu_ns() {
    return read_clock_ns(CLOCK_PROCESS_CPUTIME_ID);
}

// A duration in whole microseconds, rounded to the nearest, never negative: how the load
// generator records a latency (answered, or how long an unanswered request has waited).
inline std::uint64_t rounded_micros(std::int64_t ns) {
    return static_cast<std::uint64_t>((ns > -500 ? ns + 500 : 0) / 1000);
}

}  // namespace conclab
