#pragma once
// The load generator's clock: monotonic nanoseconds (a vDSO call, no system call).

#include <chrono>
#include <cstdint>

namespace conclab {

inline std::int64_t load_clock_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace conclab
