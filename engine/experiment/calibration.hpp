#pragma once
// Calibration: fit the model's per-request framework cost (overhead_us) to a real server.
//
// 1. The real server is measured as it is, with zero-work requests (its URL should name a route
//    that does nothing of its own: Flask's "hello world", Express's `res.send('ok')`).
// 2. The model is measured with zero overhead on the same connections, duration and load threads.
// 3. The difference of the two times per request, times the number of requests whose overhead
//    the model can burn at once (1 for an event loop or a GIL, the cores for process-per-core),
//    is the overhead to add: in a closed loop whose server is the bottleneck, 1/rate grows by
//    overhead/parallelism.
// 4. The model is run once more with the fitted value, to verify: ratio = model after / real.
//
// What this cannot capture: the fit makes one number — zero-work throughput at one connection
// count — agree. It does not make the real server's latency distribution, its behaviour under
// CPU or I/O work, its keep-alive policy (Werkzeug closes every connection) or its memory and
// start-up costs agree; a real server that is faster than the model with no overhead at all
// cannot be matched (the fit stays at 0 and says so).
//
// Two overheads. A framework's cost is partly work that holds the GIL (routing, Python code)
// and partly work that releases it (socket reads and writes in C). When the run-field registry
// has "overhead_released_us" (the released part), calibrate() fits both from two measurements:
// at one connection nothing overlaps, so the time per request grows by held + released; at C
// connections the held part is serialised, so 1/rate grows by held / parallelism. Without that
// field there is one unknown and one measurement (fit_overhead); fit_released_overhead() below
// is the seam, and calibrate() picks it up by itself once the field exists.

#include <functional>
#include <optional>
#include <stop_token>
#include <string>

#include "core/run_config.hpp"
#include "core/run_fields.hpp"
#include "experiment/experiment.hpp"

namespace conclab {

// The registry's field for the GIL-released part of the overhead, if this build has one.
inline const RunField* released_overhead_field() {
    return find_run_field("overhead_released_us");
}

// How many requests' overhead the model can burn at the same time: 1 for the event loop and for
// GIL threads (the overhead holds the loop or the lock); min(workers, cores) for process-per-core.
double overhead_parallelism(const ServerConfig& server, int cores);

// Zero-work rates of the real server and of the model with no overhead, at the same connections.
struct RatePair {
    double real_rps = 0;
    double model_rps = 0;
};

struct OverheadFit {
    double overhead_us = 0;
    std::optional<double> overhead_released_us;  // only from the two-measurement fit
    bool clamped = false;  // the real server was faster than the model could be made
    std::string note;      // why the fit was clamped, or empty
};

// One measurement at C connections: overhead = parallelism × (1/real − 1/model).
OverheadFit fit_overhead(const RatePair& at_connections, double parallelism);
// Two measurements, at 1 and at C connections: held = parallelism × (1/real_C − 1/model_C),
// held + released = 1/real_1 − 1/model_1 (each part clamped at 0).
OverheadFit fit_released_overhead(const RatePair& at_one, const RatePair& at_connections,
                                  double parallelism);

struct CalibrationSettings {
    ExternalTarget real;  // the real server, with the request to send (method, headers, body)
    // The model to fit, with the load (connections, load threads), duration, warmup and tick of
    // every measurement. Its workload is ignored: every measurement is zero work plus overhead.
    // With warmup_s = 0, each run leaves out its first quarter (at most 1 s): connecting and
    // the first requests are not the steady state the fit is about.
    RunConfig model;
    bool fit_released = released_overhead_field() != nullptr;
};

enum class CalibrationStep { Real, Model, RealOneConnection, ModelOneConnection, Verify };

struct CalibrationProgress {
    CalibrationStep step = CalibrationStep::Real;
    int index = 0;              // 0-based number of the step
    int steps = 0;              // how many steps this calibration takes
    std::string what;           // "measuring the real server (http://…) at 10 connections"
    double elapsed_s = 0;       // within this step
    double duration_s = 0;      // of this step
    const RunResult* finished;  // set once, when the step's run is over; else null
};
using CalibrationProgressFn = std::function<void(const CalibrationProgress&)>;

struct CalibrationResult {
    int connections = 0;
    double parallelism = 1;
    RunResult real;          // zero-work requests at `connections`
    RunResult model_before;  // the model with zero overhead at `connections`
    std::optional<RunResult> real_one, model_before_one;  // at 1 connection (two-measurement fit)
    bool has_fit = false;  // the measurements were usable and `fit` holds the fitted values
    OverheadFit fit;
    RunConfig fitted;        // the model with the fitted overhead, as verified
    RunResult model_after;   // the verification run
    double ratio = 0;        // model_after rps / real rps
    bool cancelled = false;  // stopped through the stop token; later fields are empty
    std::string error;       // why no fit was possible (no responses, errors); or empty
};

// Runs the measurements one after another (a few times the duration), calling `progress` at the
// start of each step, about twice a second during it, and when it finishes. Stops early, with
// cancelled set, when `stop` is requested. Throws StartError when a run cannot start.
// Blocks: a GUI calls it from a worker thread.
CalibrationResult calibrate(const CalibrationSettings& settings,
                            const CalibrationProgressFn& progress = {}, std::stop_token stop = {});

}  // namespace conclab
