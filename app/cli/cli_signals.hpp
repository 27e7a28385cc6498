#pragma once
// Ctrl-C for conclab-cli: SIGINT, SIGTERM and SIGHUP are blocked in every thread
// (block_stop_signals) and waited for here, so a run, sweep or calibration stops cleanly and still
// reports what it has.

#include <signal.h>

#include <atomic>
#include <cstdio>
#include <exception>
#include <stop_token>
#include <string>
#include <thread>

namespace conclab::cli {

sigset_t stop_signals();

// Waits up to `seconds` for SIGINT/SIGTERM/SIGHUP; true if one arrived.
[[nodiscard]] bool stop_signal_within(double seconds);

// Runs `task(stop_token)` on a thread while this one watches for Ctrl-C, which asks the task to
// stop (it returns what it has). Returns true when interrupted; an exception of the task comes
// back in `failure`.
template <typename Task>
bool run_until_interrupted(Task task, std::exception_ptr& failure) {
    std::atomic<bool> done{false};
    bool interrupted = false;
    std::jthread worker([&](std::stop_token stop) {
        try {
            task(stop);
        } catch (...) {
            failure = std::current_exception();
        }
        done = true;
    });
    while (!done) {
        if (stop_signal_within(0.2)) {
            std::fprintf(stderr, "Stopping (interrupted)...\n");
            worker.request_stop();
            interrupted = true;
            break;
        }
    }
    return interrupted;  // the jthread joins here
}

// After run_until_interrupted: a task that could not start its servers (StartError) is said as
// "cannot start<what>: <reason>" on stderr and gives true; any other exception is rethrown.
[[nodiscard]] bool report_start_failure(const std::exception_ptr& failure,
                                        const std::string& what = "");

}  // namespace conclab::cli
