#pragma once
// What ServerHost shares between its threads: the worker records, what the workers reported,
// the live knobs and the run's bookkeeping, all under one mutex, and how they become the figures
// of a HostTick. The callers are the host thread (spawning, reports, exits, liveness), the
// engine's control thread (knobs, kill, stop) and the sampler (collect); every member here is
// GUARDED_BY the mutex, so a read or write without it does not compile under the
// thread-safety preset. What does not change once the host thread runs (the configuration, the
// worker program, the listening socket) is not here: it is ServerHost's fixed setup.

#include <condition_variable>
#include <cstdint>
#include <list>
#include <map>
#include <string>
#include <vector>

#include "core/annotated_mutex.hpp"
#include "core/run_config.hpp"
#include "process/server_host.hpp"
#include "process/worker_record.hpp"

namespace conclab {

struct HostState {
    mutable Mutex mutex;
    std::condition_variable changed;  // a worker became ready, reported a problem, or exited

    // What the live knobs say now: a replacement worker starts with these, not with the
    // setup's (which are the values at the start).
    struct LiveKnobs {
        Workload workload;
        int threads = 0;
    };
    LiveKnobs live GUARDED_BY(mutex);
    std::list<WorkerRecord> workers GUARDED_BY(mutex);
    std::vector<std::string> problems GUARDED_BY(mutex);  // new since the previous collect
    std::uint64_t requests_collected GUARDED_BY(mutex) = 0;
    std::uint64_t requests_of_exited GUARDED_BY(mutex) = 0;
    std::map<int, std::uint64_t> requests_by_pid GUARDED_BY(mutex);
    bool stopping GUARDED_BY(mutex) = false;
    bool stopped GUARDED_BY(mutex) = false;
    int restarts GUARDED_BY(mutex) = 0;
    // Dead workers whose replacement is being started.
    int replacements_due GUARDED_BY(mutex) = 0;
    std::uint64_t lost_requests GUARDED_BY(mutex) = 0;         // since the last collect
    std::vector<WorkerDeath> worker_deaths GUARDED_BY(mutex);  // since the last collect

    // Workers that neither exited nor were asked to quit.
    int live_workers() const REQUIRES(mutex);
    // The workers' share of a collect: their counts since the previous one, the problems, the
    // losses and deaths (then cleared), whether the server has failed. `now_us`: monotonic µs.
    void collect_into(HostTick& tick, std::int64_t now_us) REQUIRES(mutex);
};

}  // namespace conclab
