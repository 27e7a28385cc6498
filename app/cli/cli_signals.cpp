#include "cli_signals.hpp"

#include "cli_output.hpp"
#include "core/start_error.hpp"

namespace conclab::cli {

sigset_t stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    // A closed terminal or `kill -HUP` ends a run as SIGTERM does: stopped cleanly, summarised.
    sigaddset(&set, SIGHUP);
    return set;
}

// Waits up to `seconds` for a stop signal; true if one arrived.
bool stop_signal_within(double seconds) {
    const sigset_t set = stop_signals();
    timespec timeout{static_cast<time_t>(seconds),
                     static_cast<long>((seconds - static_cast<time_t>(seconds)) * 1e9)};
    return sigtimedwait(&set, nullptr, &timeout) > 0;
}

bool report_start_failure(const std::exception_ptr& failure, const std::string& what) {
    if (!failure) return false;
    try {
        std::rethrow_exception(failure);
    } catch (const StartError& e) {
        print_error("cannot start" + what + ": " + e.what());
    }
    return true;
}

}  // namespace conclab::cli
