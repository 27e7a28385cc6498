#pragma once
// The engine's one front door. A front end (GUI, CLI, test) builds a RunConfig, starts an
// Experiment, adjusts knobs while it runs, reads snapshots as often as it likes, and stops it.
// Everything behind this interface (server processes, loader threads, the sampler) is private:
// callers never touch engine threads.
//
// Thread safety: every public member may be called from any thread; snapshot() is cheap enough
// to call many times a second.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/run_config.hpp"
#include "core/start_error.hpp"
#include "metrics/metrics.hpp"

namespace conclab {

enum class RunState {
    Idle,      // constructed, not started
    Running,   // load and servers are up
    Finished,  // stopped (duration over, stop() called, or a fatal error); all resources freed
};

struct Snapshot {
    RunState state = RunState::Idle;
    double elapsed_s = 0;
    std::uint16_t port = 0;              // where the server (or external target) listens
    std::vector<MetricsSample> samples;  // samples with index >= the `since` argument
    std::size_t next_index = 0;          // pass back as `since` to get only new samples
    std::vector<AdjustEvent> events;     // every knob change so far
    Summary summary;                     // of the measured period so far
    RunConfig config;                    // current values, adjustments applied
    std::vector<std::string>
        warnings;                  // of the last tick, e.g. "load generator saturated (98 % CPU)"
    std::string fatal_error;       // why the run ended early, if it did
    std::vector<int> server_pids;  // the live server processes
};

// The final record of a run: what reports and exports are made of.
struct RunResult {
    RunConfig config;        // as started
    RunConfig final_config;  // after adjustments
    Summary summary;
    std::vector<MetricsSample> series;
    std::vector<AdjustEvent> events;
    std::vector<std::string> warnings;  // every distinct warning of the run, with its first time
    std::string fatal_error;
    std::vector<Diagnosis> diagnosis;  // what stands out, one line each (experiment/diagnosis)
};

class Experiment {
public:
    explicit Experiment(RunConfig config);
    ~Experiment();  // stops the run if it is still going
    Experiment(const Experiment&) = delete;
    Experiment& operator=(const Experiment&) = delete;

    // Starts servers and load. Throws StartError with a user-facing message.
    void start();
    // Applies the given knobs within one tick. Returns one message per rejected knob (the others
    // are still applied); empty = all applied.
    std::vector<std::string> adjust(const Knobs& knobs);
    // Fault injection (process-per-core): SIGKILL to the worker `pid`, or without one to the
    // busiest (most requests in the last tick). The server replaces it as it would after a
    // crash; the series show the death marker, the lost requests and the new PID. Returns the
    // PID killed, or why nothing was.
    Result<int> kill_worker(std::optional<int> pid = std::nullopt);
    // Stops load and servers; joins every thread and reaps every process (within 2 s).
    // Idempotent; also called by the destructor.
    void stop();
    // Blocks until the run has finished (duration over or stopped elsewhere); false on timeout.
    [[nodiscard]] bool wait_finished(double timeout_s);

    RunState state() const;
    Snapshot snapshot(std::size_t since = 0) const;
    RunResult result() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace conclab
