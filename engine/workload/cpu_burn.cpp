#include "workload/cpu_burn.hpp"

#include <atomic>

#include "core/clocks.hpp"

namespace conclab {

namespace {
// Where burned results go, so that no optimiser can prove the work useless.
std::atomic<std::uint64_t> g_burn_sink{0};
}  // namespace

std::uint64_t burn_cpu_us(double micros) {
    if (micros <= 0) return 0;
    const std::int64_t deadline = thread_cpu_ns() + static_cast<std::int64_t>(micros * 1000.0);
    std::uint64_t state = 0x9E3779B97F4A7C15ull;
    // Reading the thread CPU clock is a system call (~0.3 µs), so check it only every few
    // microseconds of work; 256 rounds of xorshift-multiply take roughly that long.
    do {
        for (int i = 0; i < 256; ++i) {
            state ^= state >> 33;
            state *= 0xFF51AFD7ED558CCDull;
            state ^= state << 7;
        }
    } while (thread_cpu_ns() < deadline);
    g_burn_sink.fetch_xor(state, std::memory_order_relaxed);
    return state;
}

bool burn_cpu_us_unless(double micros, const std::atomic<bool>& stop) {
    constexpr double kSliceUs = 1000;
    for (double left = micros; left > 0; left -= kSliceUs) {
        if (stop.load(std::memory_order_relaxed)) return false;
        burn_cpu_us(left < kSliceUs ? left : kSliceUs);
    }
    return true;
}

}  // namespace conclab
