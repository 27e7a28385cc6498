#pragma once
// Runs of calibrate and validate, one after another: each a whole Experiment, with progress
// about twice a second, a stop token, and the median of repeated runs. Real and model runs
// alternate so that both see whatever else the machine is doing.

#include <algorithm>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "experiment/experiment.hpp"

namespace conclab {

// What a measurement reports while it runs: the run's number (0-based) and the most runs there
// can be, what it measures, how far it is, and once, at its end, the finished run.
struct RunProgress {
    int index = 0;
    int most = 1;
    int tag = 0;  // the caller's kind of run (CalibrationStep, …)
    std::string what;
    double elapsed_s = 0;
    double duration_s = 0;
    const RunResult* finished = nullptr;
};
using RunProgressFn = std::function<void(const RunProgress&)>;

// One run to make: the caller's tag, the words for the progress, the config.
struct RunSpec {
    int tag = 0;
    std::string what;
    RunConfig config;
};

// Fails when a run cannot be compared or fitted to (it failed, completed nothing, or failed more
// than one request in 20), saying why and naming `who`.
Result<> check_usable(const RunResult& r, const std::string& who);

// The warning of a real server's run whose one request before it (MeasurementRunner::run, see
// load/one_request.hpp) took a second or more, or had no answer in time; empty otherwise.
std::string settle_note(const Result<double>& answered);

// The run nearest the median rate (of an odd count, the median itself). `runs` not empty.
const RunResult& median_run(const std::vector<RunResult>& runs);

// A model run whose keep-alive connections landed unevenly on its worker processes: one worker
// served less than half its fair share of the requests. With workers accepting on one shared
// socket (gunicorn's way, the kernel's race) a burst of new connections can all go to the worker
// that wins the first accept, and on keep-alive they stay there; the run then measures that race,
// not the server's cost per request. False for anything else (one process, round-robin, close,
// fewer than two connections per worker, a worker lost: see worker_slots()).
bool landed_unevenly(const RunResult& model);

class MeasurementRunner {
public:
    MeasurementRunner(RunProgressFn progress, std::stop_token stop, int most_runs)
        : progress_(std::move(progress)), stop_(std::move(stop)), most_runs_(most_runs) {}
    bool cancelled() const { return cancelled_; }
    // `runs` more than the most said at the start (validate's runs of a race), for the progress.
    void expect_more(int runs) { most_runs_ += std::max(runs, 0); }

    // One run; false if cancelled. Throws StartError when it cannot start. A real server's run,
    // and any run after one, waits first until that server answers one request of its kind (at
    // most 60 s).
    [[nodiscard]] bool run(const RunSpec& spec, RunResult& out);

    // `repeats` rounds of the specs in turn (real, model, real, model, …); spec i's runs land
    // in *outs[i]. An unusable run is run once more; unusable twice stops it, with the reason
    // in `error` (true is still returned: only a cancel returns false).
    [[nodiscard]] bool alternate(const std::vector<RunSpec>& specs, int repeats,
                                 const std::vector<std::vector<RunResult>*>& outs,
                                 std::string& error);

    // calibrate's: a model run that landed_unevenly() is run again, at most twice, so that the
    // cost it fits is the cost of every worker serving; the real server it is fitted to spread
    // 10 connections over both its workers in 14 of 14 runs (gunicorn -k gevent -w 2, each
    // worker's CPU from /proc), the model with a small cost per new connection landed them all
    // on one in 5 of 6. How many runs were run again: uneven_reruns().
    void rerun_uneven_model_runs(bool on) { rerun_uneven_ = on; }
    int uneven_reruns() const { return uneven_reruns_; }

private:
    RunProgressFn progress_;
    std::stop_token stop_;
    int most_runs_;
    int index_ = 0;
    bool cancelled_ = false;
    bool rerun_uneven_ = false;
    int uneven_reruns_ = 0;
    std::optional<ExternalTarget> last_real_;  // the real server of the run before, if any
};

}  // namespace conclab
