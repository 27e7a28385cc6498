#include "experiment/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <thread>

#include "experiment/calibration_connection.hpp"
#include "experiment/calibration_resume.hpp"
#include "experiment/calibration_runs.hpp"
#include "experiment/calibration_setup.hpp"
#include "experiment/measurement_runner.hpp"
#include "experiment/repeat_stats.hpp"

namespace conclab {

namespace {

using namespace calibration_runs;

// How many times a verification outside the tolerance sends the loop on (each: its steps, then a
// verification again) before calibrate says it is not verified.
constexpr int kVerificationsAgain = 2;
// Runs of the real server before the first measurement, while each is faster at its end than at
// its start (a fresh Express took two; a server already warm, one).
constexpr int kMostWarmUps = 5;

// A measurement of the loop: the real server and the model alternating, their median runs and
// the median of the pairs' ratios.
struct Paired {
    RunResult real, model;
    double ratio = 0;
    // Against the median of every real run so far, where those spread more than twice the
    // tolerance (calibration_runs::pooled_ratio); nullopt otherwise.
    std::optional<double> pooled;
};

// Its points are (held overhead, model ÷ real of the pairs) at C connections.
struct Loop : LoopPoints {
    CalibrationResult& result;
    const RunConfig& base;
    MeasurementRunner& runner;
    const CalibrationSettings& settings;
    double released_us = 0;

    // The point nearest the real rate: the last one when the loop converged.
    double best_overhead() const {
        const OverheadPoint* best = &ratios.back();
        for (const OverheadPoint& p : ratios) {
            if (std::abs(std::log(p.model_rps)) < std::abs(std::log(best->model_rps))) best = &p;
        }
        return result.converged ? ratios.back().overhead_us : best->overhead_us;
    }
    bool within(double ratio) const { return std::abs(ratio - 1) <= settings.tolerance; }

    // False if cancelled or a run was unusable (result.error says which).
    bool paired(const std::vector<RunSpec>& specs, Paired& out) {
        std::vector<RunResult> reals, models;
        if (!runner.alternate(specs, settings.repeats, {&reals, &models}, result.error) ||
            !result.error.empty()) {
            return false;
        }
        out.real = median_run(reals);
        out.model = median_run(models);
        for (const RunResult& r : reals) real_runs.push_back(r.summary.rps);
        out.ratio = median_pair_ratio(reals, models);
        std::vector<double> model_runs;
        for (const RunResult& m : models) model_runs.push_back(m.summary.rps);
        out.pooled = pooled_ratio(real_runs, model_runs, settings.tolerance);
        return true;
    }

    // Steps until the model's rate is within the tolerance; false if cancelled or a run failed.
    bool converge(int max_steps) {
        for (int step = 0; step < max_steps; ++step) {
            std::string how;
            const double overhead = next_overhead(points(), real_rps(), result.parallelism, &how);
            const std::string n = "step " + std::to_string(result.iterations.size() + 1) + ": ";
            Paired m;
            if (!paired(two_specs(CalibrationStep::Real, n + "the real server", result.real.config,
                                  CalibrationStep::Fit,
                                  n + std::string(to_string(base.server.model)) + " with " +
                                      us_text(overhead) + " overhead at " +
                                      connections_text(result.connections),
                                  with_overhead(base, overhead, released_us)),
                        m)) {
                return false;
            }
            ratios.push_back({overhead, m.ratio});
            // As the verification (verify()): a server that wanders on its own more than pairs
            // cancel is met at the median of all its runs.
            const bool by_pooled = !within(m.ratio) && m.pooled && within(*m.pooled);
            if (by_pooled) {
                how += "; the pairs gave " + ratio_text(m.ratio) + "×, the median of all " +
                       std::to_string(real_runs.size()) +
                       " real runs (which moved by themselves, the model's runs did not) " +
                       ratio_text(*m.pooled) + "×";
            }
            result.iterations.push_back(
                {overhead, released_us, m.model.summary.rps, by_pooled ? *m.pooled : m.ratio, how});
            if (within(m.ratio) || by_pooled) {
                result.converged = true;
                return true;
            }
            if (overhead >= Limits::kMaxOverheadUs) break;
        }
        result.converged = false;
        return true;
    }

    // Why the loop did not get within the tolerance, from the figures it has.
    std::string why_not_converged() const {
        const auto [lo, hi] = std::minmax_element(real_runs.begin(), real_runs.end());
        const double spread = real_rps() > 0 ? (*hi - *lo) / real_rps() : 0;
        const CalibrationIteration& last = result.iterations.back();
        std::string text = "after " + std::to_string(result.iterations.size()) +
                           " steps the model runs at " + ratio_text(last.ratio) +
                           "× the real server, outside ±" + percent_text(settings.tolerance);
        if (spread > settings.tolerance) {
            return text + ": the real server's own runs spread " + percent_text(spread) +
                   " (more than the tolerance); measure longer (--duration) or more often "
                   "(--repeat), or on a quieter machine";
        }
        return text +
               ": the model's rate does not follow its overhead as 1/rate = t0 + "
               "overhead/parallelism here (the model or the load generator is short of "
               "CPU on this machine, or the real server's cost depends on the load)";
    }

    // The released part: at one connection nothing overlaps, so what the real server still
    // costs more than the model with the held part is work that runs beside the GIL.
    bool fit_released() {
        const double held = ratios.back().overhead_us;
        const RunConfig real_one = at_connections(result.real.config, 1);
        const RunConfig model_one = at_connections(with_overhead(base, held, 0), 1);
        std::vector<RunResult> reals, models;
        if (!runner.alternate(
                two_specs(CalibrationStep::RealOneConnection, "the real server at 1 connection",
                          real_one, CalibrationStep::ModelOneConnection,
                          "the model with " + us_text(held) + " held at 1 connection", model_one),
                settings.repeats, {&reals, &models}, result.error) ||
            !result.error.empty()) {
            return false;
        }
        result.real_one = median_run(reals);
        result.model_before_one = median_run(models);
        // Pairs again: at one connection a busy machine's scheduling delays weigh most.
        const double ratio_one = median_pair_ratio(reals, models);
        const double r1 = result.real_one->summary.rps, m1 = ratio_one * r1;
        const double extra_us = 1e6 / r1 - 1e6 / m1;
        const std::string figures =
            "at 1 connection the real server ran at " + std::to_string(static_cast<long>(r1)) +
            " req/s, the model with the held part alone at " + ratio_text(ratio_one) + "× that";
        if (extra_us <= settings.tolerance * 1e6 / r1) {
            result.not_fitted.push_back(
                "overhead_released_us (framework cost without the GIL): not fitted, set to 0: " +
                figures + ", within ±" + percent_text(settings.tolerance) + " or slower");
            return true;
        }
        const std::vector<OverheadPoint> held_only = ratios;
        const std::size_t fitted_lines = result.fitted.size();
        released_us = std::min(extra_us, Limits::kMaxOverheadUs);
        ratios.assign(1, held_only.back());  // the earlier points had no released part
        result.fitted.push_back(
            "overhead_released_us (framework cost without the GIL): " + us_text(released_us) +
            ", what the real server still costs " + "more at 1 connection (" + figures + ")");
        // The released part uses CPU beside the GIL holder: on a small machine it may move the
        // saturated rate, so the held part is checked (and corrected) again.
        if (!converge(std::max(2, settings.max_steps / 2))) return false;
        if (result.converged) return true;
        // The data does not support it: with the released part the model cannot be made as fast
        // as the real server at C connections. Back to the held part alone, which converged.
        const double tried = released_us;
        released_us = 0;
        ratios = held_only;
        result.converged = true;
        result.fitted.resize(fitted_lines);
        result.not_fitted.push_back(
            "overhead_released_us (framework cost without the GIL): not fitted, set to 0: " +
            figures + ", but with " + us_text(tried) +
            " released the model could not be "
            "brought within ±" +
            percent_text(settings.tolerance) + " at " + connections_text(result.connections) +
            " again: the difference at 1 connection is not work beside the GIL here (on a "
            "busy machine it is mostly waiting for a core)");
        return true;
    }

    // One more independent median, real and fitted model alternating.
    bool verify(const RunConfig& fitted) {
        Paired m;
        if (!paired(two_specs(CalibrationStep::VerifyReal, "verifying: the real server again",
                              result.real.config, CalibrationStep::Verify,
                              "verifying: the model with " +
                                  us_text(fitted.server.workload.overhead_us) + " overhead",
                              fitted),
                    m)) {
            return !runner.cancelled();  // an unusable run: result.error says why
        }
        result.real_after = m.real;
        result.model_after = m.model;
        result.ratio = m.ratio;
        result.verified = within(result.ratio);
        result.verified_how.clear();
        result.pooled_real_rps = 0;
        if (!result.verified && m.pooled && within(*m.pooled)) {
            const Spread real = spread_of(real_runs);
            result.pooled_real_rps = real.median;
            result.verified_how =
                "against the median of the real server's " + std::to_string(real.count) +
                " runs in this calibration (" + std::to_string(std::lround(real.median)) +
                " req/s), not the verification's own pairs (" + ratio_text(result.ratio) +
                "×): its runs spread " + percent_text((real.max - real.min) / real.median) +
                " while the model's stayed within " + percent_text(settings.tolerance) +
                ", a wander of the server's own that pairs of runs do not cancel";
            result.ratio = *m.pooled;
            result.verified = true;
        }
        if (!result.verified && result.why_not.empty()) {
            result.why_not = "the verification's median ran at " + ratio_text(result.ratio) +
                             "× the real server, outside ±" + percent_text(settings.tolerance) +
                             " although the loop got within it: the machine's load moved "
                             "(see the load average), or the runs are too short";
        }
        return true;
    }
};

// The real server and the bare model, alternating; their medians open the loop. Returns the
// median of the pairs' ratios (0 if cancelled or unusable: result says which).
double first_measurements(CalibrationResult& result, const RunConfig& real, const RunConfig& bare,
                          MeasurementRunner& runner, const CalibrationSettings& settings) {
    std::vector<RunResult> reals, models;
    const std::string at = " at " + connections_text(result.connections);
    if (!runner.alternate(two_specs(CalibrationStep::Real,
                                    "measuring the real server (" + settings.real.url + ")" + at,
                                    real, CalibrationStep::Model,
                                    "measuring " + result.shape + " with no overhead" + at, bare),
                          settings.repeats, {&reals, &models}, result.error)) {
        return 0;
    }
    if (!reals.empty()) result.real = median_run(reals);
    if (!models.empty()) result.model_before = median_run(models);
    for (const RunResult& r : reals) result.real_rps_runs.push_back(r.summary.rps);
    return median_pair_ratio(reals, models);
}

}  // namespace

CalibrationResult calibrate(const CalibrationSettings& settings,
                            const CalibrationProgressFn& progress, std::stop_token stop) {
    CalibrationResult result;
    // Not const: a first estimate of the cost per new connection joins it before the loop.
    RunConfig base = calibration_base(settings.model);
    const RunConfig bare = with_overhead(base, 0, 0);
    RunConfig real = base;
    real.external = settings.real;
    result.connections = base.load.connections;
    result.repeats = std::max(1, settings.repeats);
    result.tolerance = settings.tolerance;
    result.shape = shape_words(base.server);
    result.parallelism = overhead_parallelism(
        resolved(base.server), static_cast<int>(std::thread::hardware_concurrency()));
    const bool released = settings.fit_released && released_overhead_field() &&
                          has_gil(base.server) && result.connections > 1;
    // The usual course (the progress bar's length; a longer one stretches it): the first pair,
    // the steps, the released part, a verification, one more step and verification, and the
    // cost after I/O and the cost per new connection (each: without it, its confirmation, the
    // steps, two verifications).
    const bool resume = settings.fit_resume;
    const bool connection = fits_connection(settings, base);
    const int pairs = 1 + settings.max_steps + 1 +
                      (released ? 1 + std::max(2, settings.max_steps / 2) : 0) + 2 +
                      (resume ? 2 + settings.resume_max_steps + 2 : 0) +
                      (connection ? 1 + 2 + settings.connection_max_steps + 2 : 0);
    const int most_runs = 1 + 2 * result.repeats * pairs;  // 1: the real server's usual warm-up
    auto report = [&progress](const RunProgress& p) {
        if (!progress) return;
        progress({CalibrationStep(p.tag), p.index, p.most, p.what, p.elapsed_s, p.duration_s,
                  p.finished});
    };
    MeasurementRunner runner(report, stop, most_runs);
    runner.rerun_uneven_model_runs(true);
    CalibrationSettings s = settings;
    s.repeats = result.repeats;
    Loop loop{{}, result, base, runner, s, 0};
    auto cancelled = [&] {
        result.cancelled = runner.cancelled();
        return result;
    };

    // A freshly started server is slower in its first seconds: real Werkzeug ran 1,637 req/s in
    // a calibration's first measurement and 1,892 in its verification, its runs spread 38 %, and
    // the loop could not converge. So it runs first, not counted, until a run ends no faster
    // than it began (a fresh Node needs two: see still_getting_faster), at most kMostWarmUps.
    for (int warm_ups = 1;; ++warm_ups) {
        RunResult warm_up;
        if (!runner.run(
                {int(CalibrationStep::Real), "warming up the real server (not counted)", real},
                warm_up)) {
            return cancelled();
        }
        if (!still_getting_faster(warm_up, s.tolerance)) break;
        if (warm_ups == kMostWarmUps) {
            // Measured anyway: the user's server is what it is, but the fit may chase it.
            result.warnings.push_back(
                "the real server was still getting faster after " + std::to_string(warm_ups) +
                " unmeasured runs (its last ended " + percent_text(end_over_start(warm_up) - 1) +
                " faster than it began): calibrate again once it has settled");
            break;
        }
    }
    const double before = first_measurements(result, real, bare, runner, s);
    if (runner.cancelled()) return cancelled();
    if (!result.error.empty()) return result;
    check_keep_alive(result, base);
    for (double r : result.real_rps_runs) loop.real_runs.push_back(r);
    loop.ratios.push_back({0, before});
    result.fit = fit_overhead({loop.real_rps(), before * loop.real_rps()}, result.parallelism);
    result.has_fit = true;
    // The cost per new connection decides how new connections spread over a model's workers,
    // even at zero work: a first estimate of it now, so that the overhead is fitted with them
    // spread as they will be; the last stage fits it.
    double first_connection_us = 0;
    if (connection && before >= 1 - s.tolerance) {
        if (!first_connection_estimate(result, s, runner,
                                       with_overhead(base, result.fit.overhead_us, 0),
                                       first_connection_us)) {
            return result.error.empty() ? cancelled() : result;
        }
        // The loop's opening point, the bare model, ran without it; next_overhead() leaves that
        // point out once two steps with an overhead are in, and the verification measures the
        // model as it will be saved.
        base.server.workload.connection_us = first_connection_us;
    }
    if (before < 1 - s.tolerance) {
        // Nothing to do: more overhead only makes the model slower still.
        result.why_not = "the real server (" + std::to_string(long(result.real.summary.rps)) +
                         " req/s) is faster than the model with no overhead at all (" +
                         std::to_string(long(result.model_before.summary.rps)) +
                         " req/s): the model cannot be made faster, so the overhead stays 0";
        result.fit = OverheadFit{0, std::nullopt, true, result.why_not};
    } else if (loop.within(before)) {
        result.converged = true;
        result.iterations.push_back({0, 0, result.model_before.summary.rps, before,
                                     "no overhead needed: the bare model is within the tolerance"});
    } else if (!loop.converge(s.max_steps)) {
        return result.error.empty() ? cancelled() : result;
    }
    if (released && result.converged && !loop.fit_released()) {
        return result.error.empty() ? cancelled() : result;
    }
    if (!result.converged && result.why_not.empty() && !result.iterations.empty()) {
        result.why_not = loop.why_not_converged();
    }
    if (!result.error.empty()) return result;
    if ((!released || (!result.converged && loop.released_us == 0)) && released_overhead_field()) {
        result.not_fitted.push_back(
            has_gil(base.server)
                ? "overhead_released_us (framework cost without the GIL): not fitted, set to 0 "
                  "(it needs more than 1 connection and the loop to converge first)"
                : "overhead_released_us: not fitted, set to 0: " + result.shape +
                      " has no GIL, so all of the framework's cost is one figure");
    }
    // The verification is one more measurement of the fitted overhead. Outside the tolerance while
    // the loop was within it (the real server warmed up, the machine moved), the loop goes on
    // from it, as from any step, and verifies again: a closed loop to the verified rate.
    for (int again = 0;; ++again) {
        result.fit.overhead_us = loop.best_overhead();
        if (loop.released_us > 0) result.fit.overhead_released_us = loop.released_us;
        result.fitted_config = with_overhead(base, result.fit.overhead_us, loop.released_us);
        if (!loop.verify(result.fitted_config)) return cancelled();
        if (!result.error.empty() || result.verified || !result.converged ||
            again == kVerificationsAgain || result.fit.clamped) {
            break;
        }
        loop.ratios.push_back({result.fit.overhead_us, result.ratio});  // one more point
        result.iterations.push_back(
            {result.fit.overhead_us, loop.released_us, result.model_after.summary.rps, result.ratio,
             "verification: outside ±" + percent_text(s.tolerance) + ", the loop goes on from it"});
        result.converged = false;
        result.why_not.clear();
        if (!loop.converge(s.max_steps)) return result.error.empty() ? cancelled() : result;
        if (!result.converged) {
            result.why_not = loop.why_not_converged();
            break;
        }
    }
    if (!result.fit.clamped) {
        result.fitted.insert(
            result.fitted.begin(),
            "overhead_us (framework cost per request" +
                std::string(has_gil(base.server) ? ", holding the GIL" : "") +
                "): " + us_text(result.fit.overhead_us) +
                ", fitted in a closed loop to the real server's saturated rate at " +
                connections_text(result.connections));
    }
    // The cost per new connection before the cost after I/O: the latter's runs open hundreds
    // of connections at once, and how they spread over workers depends on the former.
    const double verified_connection_us = result.fitted_config.server.workload.connection_us;
    if (result.error.empty() && !fit_connection(result, s, runner, first_connection_us)) {
        return result.error.empty() ? cancelled() : result;
    }
    // The overhead was verified with the first estimate (or the cost given); a value the last
    // stage moved by more than the tolerance is verified again, so that the ratio reported is the
    // saved model's. (Compared with what the verification ran, not with the first estimate: a
    // cost given with --connection-us has none, and was verified again for nothing; that second
    // look alone failed two of four real Express calibrations here, 1.08 and 0.81.)
    const double fitted_connection_us = result.fitted_config.server.workload.connection_us;
    if (result.error.empty() && result.verified &&
        std::abs(fitted_connection_us - verified_connection_us) >
            s.tolerance * std::max(fitted_connection_us, verified_connection_us)) {
        if (!loop.verify(result.fitted_config)) return cancelled();
    }
    if (result.error.empty() && !fit_resume(result, s, runner)) {
        return result.error.empty() ? cancelled() : result;
    }
    if (result.error.empty() && !result.verified && result.why_not.empty()) {
        result.why_not = "not verified";
    }
    if (runner.uneven_reruns() > 0) {
        result.warnings.push_back(
            std::to_string(runner.uneven_reruns()) +
            " model runs were run again because one worker had served less than half its share "
            "(the connections landed on the worker that won the kernel's accept race): a small "
            "cost per new connection lets one worker take a whole burst");
    }
    return result;
}

}  // namespace conclab
