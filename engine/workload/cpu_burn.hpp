#pragma once
// Handler CPU work that behaves like real computation: it runs until the calling thread has
// consumed the requested CPU time (CLOCK_THREAD_CPUTIME_ID), so when threads or processes compete
// for cores the wall time stretches exactly as it would for real code. Waiting for a lock or
// being descheduled does not count, which is what makes the GIL and the event loop visible.

#include <atomic>
#include <cstdint>

#include "core/clocks.hpp"  // thread_cpu_ns, monotonic_ns: callers of the burn use them too

namespace conclab {

// Burns `micros` of thread CPU time doing integer hashing. Returns a value derived from the work
// so the compiler cannot drop it.
std::uint64_t burn_cpu_us(double micros);
// The same, in 1 ms slices, giving up early once `stop` is set (so a server can stop within its
// 2 s budget even in the middle of a 10 s handler). Returns false if it gave up.
bool burn_cpu_us_unless(double micros, const std::atomic<bool>& stop);

}  // namespace conclab
