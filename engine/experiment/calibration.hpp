#pragma once
// Calibration: fit the model's per-request framework cost (overhead_us) to a real server, in a
// closed loop, until the fitted model runs as fast as the real server at saturation.
//
// 1. The real server and the model with no overhead are measured in turn, zero-work requests at
//    the calibration's connections (its URL should name a route that does nothing of its own:
//    Flask's "hello world", Express's `res.send('ok')`). Every measurement is the median of a
//    few runs: this machine moves a few per cent from run to run.
// 2. First estimate: in a closed loop whose server is the bottleneck, 1/rate grows by
//    overhead/parallelism, so overhead = parallelism × (1/real − 1/model). Saturated throughput
//    is what is fitted: a one-connection round trip hides what a server does off the request's
//    critical path (Node's garbage collection, work after the response) that a saturated one
//    pays in full.
// 3. The loop: measure the model with the estimate; if its rate is within the tolerance (±5 %)
//    of the real one, stop; otherwise correct the overhead (the median of the answers the
//    measured points imply, robust to one disturbed run) and measure again, at most
//    max_steps times. Each step is kept with its figures, so a calibration that cannot get there
//    says why (the real server is faster than the model with no overhead; the real server's own
//    runs spread more than the tolerance).
// 4. Verified: one more independent median, real and fitted model alternating.
//
// Two overheads. A framework's cost under a GIL is partly work that holds it (routing, Python)
// and partly work that releases it (system calls in C). Only for a model with a GIL (gil-threads,
// or inside process-per-core), and only when the data supports it: after the held part is
// fitted, one connection (where nothing overlaps) is measured; if the real server is still
// slower there than the model by more than the tolerance, the difference is the released part.
// The result says which parts were fitted and why the others were not.
//
// The cost after I/O (Workload::resume_us). A CPython thread woken after a downstream call runs
// on cold caches and takes the GIL back from other waiters: real Werkzeug serves 20–30 % fewer
// requests per second with 50 ms of I/O than with none, at the same CPU. Zero-work requests
// cannot show it, so after the verification, unless a GIL pool's threads bound its rate, the
// real server is asked for 50 ms of I/O per request (`?io_ms=50`, the reference apps'
// convention: docs/validation.md) at connections enough to keep it busy (at most 1,000, where
// its CPU must still bound it), and resume_us is fitted in a loop like the overhead's
// (calibration_resume.cpp). An event loop pays after each wait too: a real Node cluster served
// 1.19× less with 50 ms of I/O at 1,000 connections than its zero-work cost says.
//
// The cost per new connection (Workload::connection_us). Kept-alive zero-work requests do not
// show what a server pays to take a new connection (gevent: a socket object and a greenlet; a
// gthread main loop's turn), which decides how a burst of new connections spreads over workers
// and how fast they are accepted. For a model that keeps connections alive, calibrate then
// measures the real server with `Connection: close` (a new connection per request) against the
// model closing after every response, and fits connection_us in the same kind of loop
// (calibration_connection.cpp): real gunicorn gevent served 9,900 req/s kept alive and 5,350
// closing, about 85 µs per new connection. A value given by the user is kept, not fitted.
//
// The model's shape (event loop, GIL threads, …; engine/core/server_shapes.hpp) is the user's
// choice, and the result names it. Where the real server contradicts it — it closes every
// connection while the model keeps them alive, seen from the client's reconnects, or the other
// way round — the result warns.

#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

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
// True when the model that serves requests (the inner one of process-per-core) has a GIL: only
// then does a released part of the overhead mean something different from the held part.
bool has_gil(const ServerConfig& server);

// Zero-work rates of the real server and of the model with no overhead, at the same connections.
struct RatePair {
    double real_rps = 0;
    double model_rps = 0;
};

struct OverheadFit {
    double overhead_us = 0;
    std::optional<double> overhead_released_us;  // only when the released part was fitted
    bool clamped = false;  // the real server was faster than the model could be made
    std::string note;      // why the fit was clamped, or empty
};

// One measurement at C connections: overhead = parallelism × (1/real − 1/model).
OverheadFit fit_overhead(const RatePair& at_connections, double parallelism);
// Two measurements, at 1 and at C connections: held = parallelism × (1/real_C − 1/model_C),
// held + released = 1/real_1 − 1/model_1 (each part clamped at 0).
OverheadFit fit_released_overhead(const RatePair& at_one, const RatePair& at_connections,
                                  double parallelism);

// One point of the loop: the overhead tried and what the model made of it.
struct OverheadPoint {
    double overhead_us = 0;
    double model_rps = 0;
};
// The next overhead to try so that the model runs at target_rps, from the points measured so
// far (the first one at zero overhead): the first estimate with the model's own slope, then the
// median of the answers each point implies with the slope measured between the points
// (Theil–Sen), so that one disturbed measurement does not lead the loop astray. `how` says which
// ("first estimate", "median of what N steps imply"). Never below 0 or above
// Limits::kMaxOverheadUs.
double next_overhead(const std::vector<OverheadPoint>& points, double target_rps,
                     double parallelism, std::string* how = nullptr);

struct CalibrationSettings {
    ExternalTarget real;  // the real server, with the request to send (method, headers, body)
    // The model to fit, with the load (connections, load threads), duration, warmup and tick of
    // every run. Its workload is ignored: every measurement is zero work plus overhead. With
    // warmup_s = 0, each run leaves out its first quarter (at most 1 s): connecting and the
    // first requests are not the steady state the fit is about.
    RunConfig model;
    int repeats = 3;          // runs per measurement; the median counts
    int max_steps = 6;        // model measurements in the loop before giving up
    double tolerance = 0.05;  // the verified rate within ±5 % of the real one
    bool fit_released = released_overhead_field() != nullptr;
    bool fit_resume = true;    // the cost after I/O, where the model can show it
    double resume_io_ms = 50;  // the I/O per request it is fitted with (the article's)
    int resume_max_steps = 4;  // model measurements in its loop
    // The cost per new connection, where the model keeps connections alive and none was given
    // (Workload::connection_us > 0 in `model` is the user's and is kept).
    bool fit_connection = true;
    int connection_max_steps = 4;  // model measurements in its loop
};

// Whether, and at how many connections, the cost after I/O can be fitted: any model but a GIL
// pool whose threads bound its rate with io_ms of I/O, kept busy with 1.5 × its zero-work rate ×
// the I/O time connections, at most 1,000. why_not says otherwise, in words.
struct ResumePlan {
    int connections = 0;
    std::string why_not;
};
ResumePlan plan_resume_fit(const ServerConfig& server, double zero_work_rps, double io_ms,
                           int calibration_connections, int cores);

enum class CalibrationStep {
    Real,                // the real server at C connections
    Model,               // the model with no overhead at C
    Fit,                 // the model with a candidate overhead at C (the loop)
    RealOneConnection,   // the real server at 1 connection (the released part)
    ModelOneConnection,  // the model with the held part at 1 connection
    VerifyReal,          // the verification: the real server again
    Verify,              // the verification: the fitted model
    RealWithIo,          // the real server with I/O (the cost after I/O)
    FitWithIo,           // the fitted model with I/O and a candidate cost after I/O
    RealClosing,         // the real server, a new connection per request (Connection: close)
    FitClosing,          // the fitted model closing, with a candidate cost per new connection
};

struct CalibrationProgress {
    CalibrationStep step = CalibrationStep::Real;
    int index = 0;              // 0-based number of the run
    int steps = 0;              // the most runs this calibration can take
    std::string what;           // "measuring the real server (http://…) at 10 connections"
    double elapsed_s = 0;       // within this run
    double duration_s = 0;      // of this run
    const RunResult* finished;  // set once, when the run is over; else null
};
using CalibrationProgressFn = std::function<void(const CalibrationProgress&)>;

// One step of the loop, as the report shows it.
struct CalibrationIteration {
    double overhead_us = 0;
    double overhead_released_us = 0;
    double model_rps = 0;  // median
    double ratio = 0;      // model / real
    std::string
        how;  // how the overhead was chosen: "first estimate", "median of what 3 steps imply"
};

// One step of the loop of a framework cost fitted after the overhead (the cost after I/O, the
// cost per new connection).
struct CostStep {
    double value_us = 0;
    double model_rps = 0;  // median
    double ratio = 0;      // model / real
    std::string how;
};
// The cost after I/O's loop, when it ran.
struct ResumeFit {
    double io_ms = 0;
    int connections = 0;
    RunResult real;               // the real server with I/O (the median run)
    std::vector<CostStep> steps;  // the first at 0
    bool converged = false;       // a step within the tolerance
    double resume_us = 0;         // kept: the converged step's, or the nearest one's
};
// The cost per new connection's loop, when it ran: zero-work requests at the calibration's
// connections, each on a new connection (the real server asked with `Connection: close`, the
// model closing after every response).
struct ConnectionFit {
    RunResult real;               // the real server (the median run)
    std::vector<CostStep> steps;  // the first at 0
    bool converged = false;
    double connection_us = 0;  // kept
};

struct CalibrationResult {
    int connections = 0;
    double parallelism = 1;
    int repeats = 1;
    double tolerance = 0.05;
    std::string shape;       // the model's shape in words ("gunicorn gthread" or the model)
    RunResult real;          // zero-work requests at `connections` (the median run)
    RunResult model_before;  // the model with zero overhead at `connections` (the median run)
    std::vector<double> real_rps_runs;  // every run of the real server's first measurement
    // At 1 connection, when the released part was looked at: the real server, and the model
    // with the held part only.
    std::optional<RunResult> real_one, model_before_one;
    std::vector<CalibrationIteration> iterations;
    bool converged = false;  // the loop reached the tolerance
    bool has_fit = false;    // the measurements were usable and `fit` holds the fitted values
    OverheadFit fit;
    std::vector<std::string> fitted;      // which parts were fitted, and how, in words
    std::vector<std::string> not_fitted;  // which were not, and why
    std::optional<ResumeFit> resume;      // the cost after I/O, when its runs took place
    // The cost per new connection, when its runs took place.
    std::optional<ConnectionFit> connection;
    RunConfig fitted_config;  // the model with the fitted overhead (and resume_us)
    RunResult real_after;     // the verification's real server (median run)
    RunResult model_after;    // the verification's fitted model (median run)
    // Verified: the median of the verification's pairs (model ÷ real, back to back); or, where
    // the real server moved by itself, model_after rps ÷ pooled_real_rps (verified_how says so).
    double ratio = 0;
    bool verified = false;  // |ratio − 1| within the tolerance
    // Verified against the median of every real run of the calibration rather than the
    // verification's own pairs (calibration_runs.hpp, pooled_ratio), in words, and that median;
    // empty and 0 when the pairs decided.
    std::string verified_how;
    double pooled_real_rps = 0;
    std::string why_not;                // when not converged or not verified: why
    std::vector<std::string> warnings;  // the real server contradicts the model's shape
    bool cancelled = false;             // stopped through the stop token
    std::string error;                  // why no fit was possible (no responses, errors); or empty
};

// Runs the measurements one after another (repeats × a few steps × the duration), calling
// `progress` at the start of each run, about twice a second during it, and when it finishes.
// Stops early, with cancelled set, when `stop` is requested. Throws StartError when a run cannot
// start. Blocks: a GUI calls it from a worker thread.
CalibrationResult calibrate(const CalibrationSettings& settings,
                            const CalibrationProgressFn& progress = {}, std::stop_token stop = {});

}  // namespace conclab
