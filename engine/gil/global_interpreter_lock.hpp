#pragma once
// A global interpreter lock that follows CPython's "new GIL" (Python/ceval_gil.c, since 3.2):
//
// - A thread that wants the lock waits on a condition variable with a timeout of one switch
//   interval. If the timeout expires and the lock has not changed hands meanwhile (the switch
//   counter is unchanged), it sets a drop request.
// - The holder checks for a drop request between small slices of work (CPython: the eval breaker,
//   between bytecodes) and then releases the lock.
// - Forced switching: a thread that releases because of a drop request waits until another thread
//   has taken the lock, so it cannot grab it straight back.
// - Blocking I/O releases the lock around the wait (Py_BEGIN_ALLOW_THREADS) and re-takes it after.
//
// Written by hand because it is the mechanism under study: no library lock has these semantics.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <thread>

#include "core/annotated_mutex.hpp"
#include "core/duration_histogram.hpp"

namespace conclab {

class GlobalInterpreterLock {
public:
    explicit GlobalInterpreterLock(std::chrono::microseconds switch_interval);

    // take_gil(). Returns false only after shutdown() (the caller must then not run work).
    bool acquire() EXCLUDES(mutex_);
    // drop_gil(): releases; if a drop request is pending, waits until another thread has the lock.
    void release() EXCLUDES(mutex_);
    // The eval-breaker check: cheap, called between slices of work.
    bool drop_requested() const { return drop_request_.load(std::memory_order_relaxed); }
    // What the eval loop does on a drop request: release (with forced switching), then re-take.
    bool yield_to_waiter();
    // The holder (a caller that holds the lock) lets one waiting thread run before it goes on,
    // if a thread waits: release, wait until another thread has taken the lock, re-take. With
    // no waiter it keeps the lock. What a thread that must wait on another one for a lock of
    // its own, in the middle of its Python, pays when the GIL is contended (gthread's main loop:
    // see GilThreadServer::run_turn). Returns false only after shutdown().
    bool let_a_waiter_run() EXCLUDES(mutex_);
    // Wakes every waiter for good; acquire() returns false from now on, and work running under
    // the lock stops at its next slice.
    void shutdown() EXCLUDES(mutex_);
    bool is_shut_down() const { return shutdown_flag_.load(std::memory_order_relaxed); }

    std::chrono::microseconds switch_interval() const EXCLUDES(mutex_);
    void set_switch_interval(std::chrono::microseconds interval) EXCLUDES(mutex_);

    // What the lock knows about itself, as CPython's gil_load samples it; all cumulative since
    // construction and read at clock_ns, so the share over any window is Δ / Δclock_ns.
    struct Stats {
        std::uint64_t switches = 0;         // times the lock changed hands
        std::uint64_t drop_requests = 0;    // times a waiter timed out and asked for the lock
        std::uint64_t acquisitions = 0;     // takes of the lock (re-takes by the same thread too)
        std::uint64_t held_ns = 0;          // time the lock was held, exact (every take and drop)
        std::uint64_t waiting_area_ns = 0;  // ∫ threads blocked in acquire() dt, thread·ns
        std::int64_t clock_ns = 0;          // monotonic, when read
        std::int64_t started_ns = 0;        // monotonic, when the lock was made (all zero then)
        DurationHistogram wait;  // per acquisition: from calling acquire() to holding the lock
    };
    Stats stats() const EXCLUDES(mutex_);

private:
    mutable Mutex mutex_;
    std::condition_variable cond_;         // signalled when the lock is released
    std::condition_variable switch_cond_;  // signalled when a thread takes the lock
    bool locked_ GUARDED_BY(mutex_) = false;
    bool shutdown_ GUARDED_BY(mutex_) = false;
    std::thread::id last_holder_ GUARDED_BY(mutex_);
    // Takes of the lock, as CPython's gil->switch_number.
    std::uint64_t switch_number_ GUARDED_BY(mutex_) = 0;
    // Takes by a thread other than the last holder.
    std::uint64_t hand_offs_ GUARDED_BY(mutex_) = 0;
    std::uint64_t drop_request_count_ GUARDED_BY(mutex_) = 0;
    // Instrumentation; advance() integrates up to a time.
    void advance(std::int64_t now_ns) const REQUIRES(mutex_);
    mutable std::int64_t since_ns_ GUARDED_BY(mutex_) = 0;
    const std::int64_t started_ns_;
    mutable std::uint64_t held_ns_ GUARDED_BY(mutex_) = 0;
    mutable long double waiting_area_ns_ GUARDED_BY(mutex_) = 0;
    int waiters_ GUARDED_BY(mutex_) = 0;  // threads blocked in acquire()
    std::uint64_t acquisitions_ GUARDED_BY(mutex_) = 0;
    DurationHistogram wait_ GUARDED_BY(mutex_);
    // Set under mutex_, read without it: the eval breaker's cheap check.
    std::atomic<bool> drop_request_{false};
    std::atomic<bool> shutdown_flag_{false};
    std::chrono::microseconds interval_ GUARDED_BY(mutex_);
};

// Runs `micros` of CPU work while holding the lock (which the caller already holds), in slices,
// honouring drop requests between slices like CPython's eval loop. `on_slice(start_ns, end_ns)`,
// if given, is told the monotonic interval of each slice (tests use it to prove no overlap).
// Returns false if the lock was shut down meanwhile.
template <typename OnSlice>
bool run_cpu_holding_gil(GlobalInterpreterLock& gil, double micros, OnSlice&& on_slice);
bool run_cpu_holding_gil(GlobalInterpreterLock& gil, double micros);

// Length of one slice of work between eval-breaker checks. CPython checks every few bytecodes;
// 50 µs keeps the hand-off latency far below the 5 ms interval at negligible clock-read cost.
inline constexpr double kGilSliceUs = 50.0;

}  // namespace conclab

#include "gil/run_cpu_holding_gil.ipp"
