#include "process/worker_liveness.hpp"

#include <cstdio>

namespace conclab {

namespace {

std::string seconds_text(double s) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", s);
    return text;
}

}  // namespace

std::vector<int> mark_timed_out_workers(std::list<WorkerRecord>& workers, double timeout_s,
                                        std::int64_t now_us, std::vector<std::string>& problems) {
    std::vector<int> timed_out;
    for (WorkerRecord& w : workers) {
        if (!w.ready || w.exited || w.quitting || w.timed_out || w.last.heartbeat_us <= 0) {
            continue;
        }
        const double silent_s = static_cast<double>(now_us - w.last.heartbeat_us) / 1e6;
        if (silent_s <= timeout_s) continue;
        w.timed_out = true;
        problems.push_back("server worker " + std::to_string(w.pid) +
                           " timed out: its serving loop has not been free for " +
                           seconds_text(silent_s) + " (worker_timeout_s " +
                           seconds_text(timeout_s) + ", gunicorn's WORKER TIMEOUT); killing it");
        timed_out.push_back(w.pid);
    }
    return timed_out;
}

UnexpectedExit judge_unexpected_exit(const WorkerRecord& worker, int status, int restarts) {
    UnexpectedExit verdict;
    // Like gunicorn's arbiter: a worker that was serving is replaced. One that never got ready
    // is not, so a broken worker cannot loop.
    verdict.replace = worker.ready && restarts < kMaxWorkerRestarts;
    verdict.problem =
        "server worker " + std::to_string(worker.pid) +
        (worker.timed_out ? " was killed after timing out (" : " exited unexpectedly (") +
        WorkerProcess::describe_exit(status) + ")" +
        (verdict.replace ? "; starting a replacement"
         : worker.ready
             ? "; not replaced: " + std::to_string(kMaxWorkerRestarts) + " restarts already"
             : "; it never got ready, so it is not replaced");
    return verdict;
}

WorkerDeath describe_death(const WorkerRecord& worker, int status, int replacement) {
    return {.pid = worker.pid,
            .replacement = replacement,
            .timed_out = worker.timed_out,
            .cause = WorkerProcess::short_exit(status)};
}

std::string WorkerDeath::marker() const {
    const char* what = timed_out                    ? " timed out ("
                       : cause.rfind("SIG", 0) == 0 ? " killed ("
                                                    : " exited (";
    return "worker " + std::to_string(pid) + what + cause + ")" +
           (replacement != 0 ? " \u2192 " + std::to_string(replacement) : std::string());
}

}  // namespace conclab
