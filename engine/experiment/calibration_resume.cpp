#include "experiment/calibration_resume.hpp"

#include <algorithm>
#include <cmath>
#include <thread>

#include "experiment/calibration_runs.hpp"
#include "experiment/validation.hpp"

namespace conclab {

using namespace calibration_runs;

namespace {

const std::string kName = "resume_us (framework cost after each I/O wait)";
// The real server's rate with I/O at this fraction of what its connections allow (connections ÷
// I/O time) or more: the connections, not its CPU, bound it.
constexpr double kConnectionBound = 0.9;

std::string ratio_text(double ratio) {
    return std::to_string(ratio).substr(0, 5);
}

std::string ms_text(double ms) {
    return std::to_string(static_cast<long>(std::lround(ms))) + " ms";
}

// The loop's state; its points are (resume_us, model ÷ real of the pairs).
struct ResumeLoop : LoopPoints {
    CalibrationResult& result;
    const CalibrationSettings& settings;
    MeasurementRunner& runner;
    RunConfig real, model;
    ResumeFit fit;

    bool within(double ratio) const { return std::abs(ratio - 1) <= settings.tolerance; }
    std::string at() const {
        return "with " + ms_text(fit.io_ms) + " of I/O at " + connections_text(fit.connections);
    }

    bool measure(double resume_us, std::string how) {
        RunConfig m = model;
        m.server.workload.resume_us = resume_us;
        std::vector<RunResult> reals, models;
        if (!runner.alternate(
                two_specs(CalibrationStep::RealWithIo, "cost after I/O: the real server " + at(),
                          real, CalibrationStep::FitWithIo,
                          "cost after I/O: the model with " + us_text(resume_us) +
                              " after each wait " + at(),
                          m),
                settings.repeats, {&reals, &models}, result.error) ||
            !result.error.empty()) {
            return false;
        }
        if (fit.steps.empty()) fit.real = median_run(reals);
        for (const RunResult& r : reals) real_runs.push_back(r.summary.rps);
        const double ratio = median_pair_ratio(reals, models);
        ratios.push_back({resume_us, ratio});
        fit.steps.push_back({resume_us, median_run(models).summary.rps, ratio, std::move(how)});
        return true;
    }

    // The step kept: the converged one, or the one nearest the real rate.
    const ResumeStep& kept() const {
        if (fit.converged) return fit.steps.back();
        return *std::min_element(
            fit.steps.begin(), fit.steps.end(), [](const ResumeStep& a, const ResumeStep& b) {
                return std::abs(std::log(a.ratio)) < std::abs(std::log(b.ratio));
            });
    }
};

}  // namespace

bool fit_resume(CalibrationResult& result, const CalibrationSettings& settings,
                MeasurementRunner& runner) {
    if (!settings.fit_resume) return true;
    if (!result.verified) {
        result.not_fitted.push_back(kName +
                                    ": not fitted, set to 0 (it needs the overhead verified "
                                    "first)");
        return true;
    }
    const double zero_work_rps = result.real_after.summary.rps;
    const ResumePlan plan =
        plan_resume_fit(result.fitted_config.server, zero_work_rps, settings.resume_io_ms,
                        result.connections, static_cast<int>(std::thread::hardware_concurrency()));
    if (!plan.why_not.empty()) {
        result.not_fitted.push_back(kName + ": not fitted, set to 0: " + plan.why_not);
        return true;
    }
    ResumeLoop loop{{}, result, settings, runner, {}, {}, {}};
    loop.fit.io_ms = settings.resume_io_ms;
    loop.fit.connections = plan.connections;
    loop.real = at_connections(result.real.config, plan.connections);
    loop.real.external->path =
        path_for_point(loop.real.external->path, {0, settings.resume_io_ms, plan.connections});
    loop.model = at_connections(result.fitted_config, plan.connections);
    loop.model.server.workload.io_ms = settings.resume_io_ms;

    if (!loop.measure(0, "without it")) return false;
    const ResumeFit& fit = loop.fit;
    const double real_p50 = fit.real.summary.latency ? fit.real.summary.latency->p50_ms : 0;
    if (real_p50 < 0.9 * fit.io_ms) {
        result.not_fitted.push_back(
            kName + ": not fitted, set to 0: the real server did not wait (p50 " +
            std::to_string(real_p50).substr(0, 5) +
            " ms with ?io_ms=" + std::to_string(static_cast<long>(fit.io_ms)) +
            "): it does not follow the ?io_ms= convention of docs/validation.md");
        result.resume = loop.fit;
        return true;
    }
    // Its CPU must be what bounds the real server here, or the cost after I/O cannot show: a
    // fast event loop at 1,000 connections may be bounded by them (1,000 ÷ 50 ms = 20,000 req/s).
    const double connections_allow = fit.connections / (fit.io_ms / 1000);
    if (fit.real.summary.rps >= kConnectionBound * connections_allow) {
        result.not_fitted.push_back(
            kName + ": not fitted, set to 0: " + loop.at() + " the real server served " +
            std::to_string(static_cast<long>(fit.real.summary.rps)) + " req/s, " +
            percent_text(fit.real.summary.rps / connections_allow) +
            " of what its connections allow (" +
            std::to_string(static_cast<long>(connections_allow)) +
            " req/s): its CPU does not bound it there, so the cost after I/O does not show");
        result.resume = loop.fit;
        return true;
    }
    double without = fit.steps.front().ratio;
    if (without <= 1 + settings.tolerance) {
        // Not needed, it seems; but the real server's rate with I/O moves from run to run (real
        // Werkzeug: 1.16–1.17× the model's in most calibrations, 0.97× in one, whose model
        // then ran 1.15× the real server at 1,000 connections). One more median decides.
        if (!loop.measure(0, "confirming: without it, one more median")) return false;
        const double again = fit.steps.back().ratio;
        if (again <= 1 + settings.tolerance) {
            result.not_fitted.push_back(kName + ": not fitted, set to 0: " + loop.at() +
                                        " the model ran at " + ratio_text(without) + "× and " +
                                        ratio_text(again) + "× the real server, within ±" +
                                        percent_text(settings.tolerance) + " or slower");
            result.resume = loop.fit;
            return true;
        }
        without = again;
    }
    // The loop, then one more independent median of the value it reached (the real server's
    // rate with I/O moves more from run to run than with no work: one step inside the tolerance
    // can be luck). Outside it, the loop goes on from that measurement and verifies once more.
    int steps_left = settings.resume_max_steps;
    for (int verification = 0; verification < 2 && !loop.fit.converged; ++verification) {
        bool within = false;
        for (; steps_left > 0 && !within; --steps_left) {
            std::string how;
            const double next =
                next_overhead(loop.points(), loop.real_rps(), result.parallelism, &how);
            if (!loop.measure(next, how)) return false;
            within = loop.within(fit.steps.back().ratio);
        }
        if (!within) break;
        if (!loop.measure(fit.steps.back().resume_us, "verification: one more median")) {
            return false;
        }
        loop.fit.converged = loop.within(fit.steps.back().ratio);
        steps_left = std::max(steps_left, 2);
    }
    const ResumeStep kept = loop.kept();
    loop.fit.resume_us = kept.resume_us;
    result.fitted_config.server.workload.resume_us = kept.resume_us;
    const std::string figures = "real " + std::to_string(static_cast<long>(loop.real_rps())) +
                                " req/s; the model without it at " + ratio_text(without) + "× that";
    if (fit.converged) {
        result.fitted.push_back(kName + ": " + us_text(kept.resume_us) +
                                ", fitted in a closed loop to the real server's rate " + loop.at() +
                                " (" + figures + ")");
    } else {
        result.fitted.push_back(kName + ": " + us_text(kept.resume_us) + ", the nearest of " +
                                std::to_string(fit.steps.size()) + " steps, at " +
                                ratio_text(kept.ratio) + "× the real server " + loop.at() +
                                ", outside ±" + percent_text(settings.tolerance) + " (" + figures +
                                ")");
    }
    result.resume = loop.fit;
    return true;
}

}  // namespace conclab
