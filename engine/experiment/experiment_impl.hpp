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
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "experiment/experiment.hpp"
#include "experiment/tick_aggregator.hpp"
#include "load/idle_connections.hpp"
#include "load/load_generator.hpp"
#include "load/slow_clients.hpp"
#include "process/server_host.hpp"

namespace conclab {

struct Experiment::Impl {
    using Clock = std::chrono::steady_clock;

    RunConfig initial;
    RunConfig current;

    mutable std::mutex mutex;      // guards the state below; the sampler holds it only briefly
    std::condition_variable wake;  // stop requests and the end of the run
    RunState state = RunState::Idle;
    bool stop_requested = false;
    std::unique_ptr<ServerHost> host;
    std::unique_ptr<LoadGenerator> load;
    std::unique_ptr<LoadGenerator> heavy;   // the heavy connections, if any
    std::unique_ptr<SlowClients> slow;      // the slow clients, if any
    std::unique_ptr<IdleConnections> idle;  // the idle connections, if any
    // An external target's process (--target-pid) and its switches at the previous tick.
    int target_pid = 0;
    std::optional<std::uint64_t> target_switches_seen;
    std::thread sampler;
    std::mutex lifecycle;  // serialises start() and stop()
    // The load plan (stages): applied by the sampler after every tick until it ends or a hand
    // sets connections or rate. plan_mutex makes "is the plan on? then set" one step, for the
    // sampler and adjust() alike.
    std::mutex plan_mutex;
    bool plan_active = false;  // guarded by plan_mutex

    Clock::time_point started;
    double finished_elapsed_s = 0;
    std::uint16_t port = 0;
    std::vector<AdjustEvent> events;
    std::string fatal_error;
    std::unique_ptr<TickAggregator> ticks;  // the series and summary; guarded by `mutex`

    double elapsed_s() const {
        if (state == RunState::Finished) return finished_elapsed_s;
        if (state == RunState::Idle) return 0;
        return std::chrono::duration<double>(Clock::now() - started).count();
    }

    // The sampler thread (experiment_sampler.cpp).
    void sampler_main();
    void sample_tick(double t_s, double tick_s);
    TickInput collect_tick(double t_s, double tick_s);
    void apply_plan(double t_s);
    void shut_down();
    LoadTick wait_for_drain(LoadGenerator& generator);
    void collect_target_resources(TickInput& in);

    // adjust()'s parts (experiment.cpp): `wanted` is the current config with the knobs set; each
    // part hands its share to whoever applies it and takes `mutex` only to commit what it did.
    void commit(const Knobs& knobs, double t_s, const RunConfig& wanted,
                void (*take)(RunConfig& current, const RunConfig& wanted));
    void adjust_load(const Knobs& knobs, const RunConfig& wanted, double t_s,
                     std::vector<std::string>& rejected);
    void adjust_workload(const Knobs& knobs, const RunConfig& wanted, double t_s,
                         std::vector<std::string>& rejected);
    void adjust_server_size(const Knobs& knobs, const RunConfig& wanted, double t_s,
                            std::vector<std::string>& rejected);
};

}  // namespace conclab
