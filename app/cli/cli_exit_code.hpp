#pragma once
// conclab-cli's exit codes, the contract scripts read: one name each, so no path returns a bare
// number that means something else.

namespace conclab::cli {

enum class ExitCode : int {
    Ok = 0,            // done, every output written
    Failed = 1,        // could not start, failed while running, or an output could not be written
    Usage = 2,         // a bad command line or input file, refused before anything ran
    NotVerified = 3,   // measured, but the model is not within its tolerance (calibrate, validate)
    Interrupted = 130  // stopped by Ctrl-C, SIGTERM or SIGHUP; what was measured is reported
};

constexpr int to_int(ExitCode code) {
    return static_cast<int>(code);
}

}  // namespace conclab::cli
