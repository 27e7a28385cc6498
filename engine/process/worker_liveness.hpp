#pragma once
// The host's two duties toward workers that stop serving, as gunicorn's arbiter has them: kill a
// worker whose heartbeat is older than the worker timeout (murder_workers), and replace a worker
// that died while serving — but not forever, so that a worker that keeps crashing does not turn
// into a fork loop. The decisions and their messages only; the host sends the signals and
// spawns the replacements.

#include <chrono>
#include <cstdint>
#include <list>
#include <string>
#include <vector>

#include "process/worker_record.hpp"

namespace conclab {

inline constexpr int kMaxWorkerRestarts = 20;
// How often the host looks at its workers' heartbeats (gunicorn's arbiter wakes about once a
// second; finer here so that short timeouts in tests are kept to within a tenth of a second).
inline constexpr auto kLivenessCheck = std::chrono::milliseconds(100);

// Marks every serving worker whose heartbeat (the time its serving loop was last free) is older
// than `timeout_s` at `now_us` (monotonic µs) as timed out, with one line each in `problems`,
// and returns their pids for the caller to kill. A worker that reports on while its loop is
// stuck times out; so does one that stops reporting altogether, its heartbeat ageing all the same.
std::vector<int> mark_timed_out_workers(std::list<WorkerRecord>& workers, double timeout_s,
                                        std::int64_t now_us, std::vector<std::string>& problems);

// A worker exited that nobody asked to leave.
struct UnexpectedExit {
    bool replace = false;  // it was serving and the restart budget is not spent
    std::string problem;   // what the user is told, e.g. "server worker 12 exited unexpectedly …"
};
UnexpectedExit judge_unexpected_exit(const WorkerRecord& worker, int status, int restarts);

// What the run records of a worker that exited unexpectedly with wait status `status`;
// `replacement` is the PID that took its place, or 0.
WorkerDeath describe_death(const WorkerRecord& worker, int status, int replacement);

}  // namespace conclab
