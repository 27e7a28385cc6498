#pragma once
// Experiment's private state, shared by the files that implement it: experiment.cpp (the public
// members: start, adjust, kill_worker, stop, snapshots) and experiment_sampler.cpp (the sampler
// thread: one tick after another, the load plan, and the end of the run). Only the experiment
// part's own .cpp files can include it: it needs load/ and process/, which this part links
// privately, so a front end that tried would not compile.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/annotated_mutex.hpp"
#include "experiment/experiment.hpp"
#include "experiment/tick_aggregator.hpp"
#include "load/idle_connections.hpp"
#include "load/load_generator.hpp"
#include "load/slow_clients.hpp"
#include "process/server_host.hpp"

namespace conclab {

struct Experiment::Impl {
    using Clock = std::chrono::steady_clock;

    // Three locks, always taken in this order when more than one is held:
    //   lifecycle   serialises start(), adjust(), kill_worker() and stop();
    //   plan_mutex  makes "is the plan on? then set the load" one step, for the sampler's plan
    //               and adjust() alike;
    //   mutex       the run's shared state below, held only briefly (snapshots, bookkeeping).
    // The parts (host, load, ...) are set by start() before the sampler starts and stay until
    // the Impl is destroyed: fixed setup, read by the sampler and the public calls unlocked.

    RunConfig initial;  // set by the constructor, then read-only

    Mutex lifecycle ACQUIRED_BEFORE(plan_mutex);
    std::thread sampler GUARDED_BY(lifecycle);

    // The load plan (stages): applied by the sampler after every tick until it ends or a hand
    // sets connections or rate.
    Mutex plan_mutex ACQUIRED_BEFORE(mutex);
    bool plan_active GUARDED_BY(plan_mutex) = false;

    mutable Mutex mutex;
    std::condition_variable wake;  // stop requests and the end of the run
    // The settings now: written under `mutex` by adjust() (holding lifecycle) and by the plan
    // (holding plan_mutex); adjust()'s parts read it holding lifecycle (see experiment.cpp).
    RunConfig current GUARDED_BY(mutex);
    RunState state GUARDED_BY(mutex) = RunState::Idle;
    bool stop_requested GUARDED_BY(mutex) = false;
    Clock::time_point started GUARDED_BY(mutex);
    // The kernel's ListenOverflows when the run began; empty for a server on another machine.
    std::optional<std::uint64_t> listen_overflows_at_start;
    double finished_elapsed_s GUARDED_BY(mutex) = 0;
    std::vector<AdjustEvent> events GUARDED_BY(mutex);
    std::string fatal_error GUARDED_BY(mutex);
    // The series and summary.
    std::unique_ptr<TickAggregator> ticks GUARDED_BY(mutex) PT_GUARDED_BY(mutex);

    // Fixed setup, from start() on (see above).
    std::unique_ptr<ServerHost> host;
    std::unique_ptr<LoadGenerator> load;
    std::unique_ptr<LoadGenerator> heavy;   // the heavy connections, if any
    std::unique_ptr<SlowClients> slow;      // the slow clients, if any
    std::unique_ptr<IdleConnections> idle;  // the idle connections, if any
    int target_pid = 0;                     // an external target's process (--target-pid)
    std::uint16_t port = 0;
    // The sampler's own: the target's switches at the previous tick.
    std::optional<std::uint64_t> target_switches_seen;

    double elapsed_s() const REQUIRES(mutex) {
        if (state == RunState::Finished) return finished_elapsed_s;
        if (state == RunState::Idle) return 0;
        return std::chrono::duration<double>(Clock::now() - started).count();
    }

    // The sampler thread (experiment_sampler.cpp).
    void sampler_main() EXCLUDES(mutex, plan_mutex);
    void sample_tick(double t_s, double tick_s) EXCLUDES(mutex);
    TickInput collect_tick(double t_s, double tick_s) EXCLUDES(mutex);
    void apply_plan(double t_s) EXCLUDES(mutex, plan_mutex);
    void shut_down() EXCLUDES(mutex);
    LoadTick wait_for_drain(LoadGenerator& generator);
    void collect_target_resources(TickInput& in);

    // adjust()'s parts (experiment.cpp): `wanted` is the current config with the knobs set; each
    // part hands its share to whoever applies it and takes `mutex` only to read `current` and to
    // commit what it did. adjust() holds `lifecycle`, so no run starts or stops meanwhile.
    void commit(const Knobs& knobs, double t_s, const RunConfig& wanted,
                void (*take)(RunConfig& current, const RunConfig& wanted)) EXCLUDES(mutex);
    void adjust_load(const Knobs& knobs, const RunConfig& wanted, double t_s,
                     std::vector<std::string>& rejected) REQUIRES(lifecycle)
        EXCLUDES(plan_mutex, mutex);
    void adjust_workload(const Knobs& knobs, const RunConfig& wanted, double t_s,
                         std::vector<std::string>& rejected) REQUIRES(lifecycle) EXCLUDES(mutex);
    void adjust_server_size(const Knobs& knobs, const RunConfig& wanted, double t_s,
                            std::vector<std::string>& rejected) REQUIRES(lifecycle) EXCLUDES(mutex);
};

}  // namespace conclab
