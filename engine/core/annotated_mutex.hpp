#pragma once
// Locking rules the compiler checks: a mutex and a scoped lock that carry Clang's thread-safety
// annotations, and the macros that put those rules on data and functions.
//
//   Mutex mutex;
//   int count GUARDED_BY(mutex);             // read or written only with `mutex` held
//   void bump_locked() REQUIRES(mutex);      // the caller holds it
//   void bump() EXCLUDES(mutex) { MutexLock lock(mutex); bump_locked(); }
//
// Under clang with -Wthread-safety (the thread-safety preset, scripts/test-thread-safety.sh) a
// guarded member touched without its lock, or a REQUIRES function called without it, is a
// compile error; under GCC (the everyday build) the macros expand to nothing. The model is the
// "mutex.h" of Clang's Thread Safety Analysis documentation and Abseil's thread_annotations.h.
//
// Why wrappers: libstdc++'s std::mutex and std::lock_guard carry no annotations (libc++'s do,
// behind _LIBCPP_ENABLE_THREAD_SAFETY_ANNOTATIONS), so the analysis cannot see them lock anything.
//
// What the analysis cannot see, and how the code here copes:
// - A lambda is analysed as a function of its own, without the locks held where it is written.
//   A lambda that runs with the lock held (a wait predicate, a visitor) says so: `[&]()
//   REQUIRES(mutex) { ... }`.
// - Condition variables: MutexLock::wait() releases and retakes the mutex inside the call, so
//   after it returns the lock is held again, which is what the analysis assumes. A wait with a
//   predicate runs the predicate under the lock; the predicate is annotated as above.
// - A reference to a mutex held by another object is another name for the analysis; code that
//   must lock "the host's mutex" from a helper takes the guarded data as an argument from a
//   caller that holds the lock, rather than a second reference to the mutex.

#include <chrono>
#include <condition_variable>
#include <mutex>

#if defined(__clang__)
#define CONCLAB_THREAD_ANNOTATION(x) __attribute__((x))
#else
#define CONCLAB_THREAD_ANNOTATION(x)  // GCC has no thread-safety analysis
#endif

#define CAPABILITY(x) CONCLAB_THREAD_ANNOTATION(capability(x))
#define SCOPED_CAPABILITY CONCLAB_THREAD_ANNOTATION(scoped_lockable)
#define GUARDED_BY(x) CONCLAB_THREAD_ANNOTATION(guarded_by(x))
#define PT_GUARDED_BY(x) CONCLAB_THREAD_ANNOTATION(pt_guarded_by(x))
#define ACQUIRED_BEFORE(...) CONCLAB_THREAD_ANNOTATION(acquired_before(__VA_ARGS__))
#define ACQUIRED_AFTER(...) CONCLAB_THREAD_ANNOTATION(acquired_after(__VA_ARGS__))
#define REQUIRES(...) CONCLAB_THREAD_ANNOTATION(requires_capability(__VA_ARGS__))
#define REQUIRES_SHARED(...) CONCLAB_THREAD_ANNOTATION(requires_shared_capability(__VA_ARGS__))
#define ACQUIRE(...) CONCLAB_THREAD_ANNOTATION(acquire_capability(__VA_ARGS__))
#define RELEASE(...) CONCLAB_THREAD_ANNOTATION(release_capability(__VA_ARGS__))
#define TRY_ACQUIRE(...) CONCLAB_THREAD_ANNOTATION(try_acquire_capability(__VA_ARGS__))
#define EXCLUDES(...) CONCLAB_THREAD_ANNOTATION(locks_excluded(__VA_ARGS__))
#define ASSERT_CAPABILITY(x) CONCLAB_THREAD_ANNOTATION(assert_capability(x))
#define RETURN_CAPABILITY(x) CONCLAB_THREAD_ANNOTATION(lock_returned(x))
// Turns the analysis off for one function. Allowed only with a comment that says why the
// analysis cannot follow it.
#define NO_THREAD_SAFETY_ANALYSIS CONCLAB_THREAD_ANNOTATION(no_thread_safety_analysis)

namespace conclab {

// std::mutex, as a capability the analysis tracks.
class CAPABILITY("mutex") Mutex {
public:
    Mutex() = default;
    Mutex(const Mutex&) = delete;
    Mutex& operator=(const Mutex&) = delete;

    void lock() ACQUIRE() { mutex_.lock(); }
    void unlock() RELEASE() { mutex_.unlock(); }
    bool try_lock() TRY_ACQUIRE(true) { return mutex_.try_lock(); }

private:
    friend class MutexLock;
    std::mutex mutex_;
};

// std::unique_lock over a Mutex: locks on construction, unlocks on destruction, may unlock and
// lock again in between, and waits on a std::condition_variable.
class SCOPED_CAPABILITY MutexLock {
public:
    explicit MutexLock(Mutex& mutex) ACQUIRE(mutex) : lock_(mutex.mutex_) {}
    ~MutexLock() RELEASE() {}
    MutexLock(const MutexLock&) = delete;
    MutexLock& operator=(const MutexLock&) = delete;

    void unlock() RELEASE() { lock_.unlock(); }
    void lock() ACQUIRE() { lock_.lock(); }

    // Releases the mutex while waiting and holds it again on return (a spurious wake-up
    // included: callers loop on their condition).
    void wait(std::condition_variable& cv) { cv.wait(lock_); }
    // Waits until `done()` holds. `done` runs with the mutex held; when it reads guarded data
    // it says so, `[&]() REQUIRES(mutex) { ... }`, and its body is checked like any function.
    // The call below is not checked: the analysis cannot tell that lock_ holds the mutex the
    // predicate names (it is a std::unique_lock, and the predicate's capability is the caller's
    // member), so these three are NO_THREAD_SAFETY_ANALYSIS, as Abseil's Mutex::Await is.
    template <class Done>
    void wait(std::condition_variable& cv, Done done) NO_THREAD_SAFETY_ANALYSIS {
        while (!done()) cv.wait(lock_);
    }
    // The same, giving up at `deadline`; returns done() as last seen.
    template <class Clock, class Duration, class Done>
    bool wait_until(std::condition_variable& cv,
                    const std::chrono::time_point<Clock, Duration>& deadline,
                    Done done) NO_THREAD_SAFETY_ANALYSIS {
        while (!done()) {
            if (cv.wait_until(lock_, deadline) == std::cv_status::timeout) return done();
        }
        return true;
    }
    template <class Rep, class Period, class Done>
    bool wait_for(std::condition_variable& cv, const std::chrono::duration<Rep, Period>& timeout,
                  Done done) NO_THREAD_SAFETY_ANALYSIS {
        return wait_until(cv, std::chrono::steady_clock::now() + timeout, done);
    }
    // Waits once, at most until `deadline` or for `timeout`: for loops that look at guarded
    // data between waits (in the loop's own body, which the analysis checks).
    template <class Clock, class Duration>
    std::cv_status wait_until(std::condition_variable& cv,
                              const std::chrono::time_point<Clock, Duration>& deadline) {
        return cv.wait_until(lock_, deadline);
    }
    template <class Rep, class Period>
    std::cv_status wait_for(std::condition_variable& cv,
                            const std::chrono::duration<Rep, Period>& timeout) {
        return cv.wait_for(lock_, timeout);
    }

private:
    std::unique_lock<std::mutex> lock_;
};

}  // namespace conclab
