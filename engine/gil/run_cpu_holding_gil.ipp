#pragma once
// Template body of run_cpu_holding_gil(); included by global_interpreter_lock.hpp.

#include <algorithm>

#include "workload/cpu_burn.hpp"

namespace conclab {

template <typename OnSlice>
bool run_cpu_holding_gil(GlobalInterpreterLock& gil, double micros, OnSlice&& on_slice) {
    double left = micros;
    while (left > 0) {
        if (gil.is_shut_down()) return false;
        const double slice = std::min(left, kGilSliceUs);
        const std::int64_t start = monotonic_ns();
        burn_cpu_us(slice);
        on_slice(start, monotonic_ns());
        left -= slice;
        if (left > 0 && gil.drop_requested() && !gil.yield_to_waiter()) return false;
    }
    return true;
}

}  // namespace conclab
