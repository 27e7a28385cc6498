#include "experiment/calibration_resume.hpp"

#include <algorithm>
#include <cmath>
#include <thread>

#include "experiment/calibration_cost_loop.hpp"
#include "experiment/calibration_runs.hpp"
#include "experiment/validation.hpp"

namespace conclab {

using namespace calibration_runs;

namespace {

const std::string kName = "resume_us (framework cost after each I/O wait)";
// The real server's rate with I/O at this fraction of what its connections allow (connections ÷
// I/O time) or more: the connections, not its CPU, bound it.
constexpr double kConnectionBound = 0.9;

std::string ms_text(double ms) {
    return std::to_string(static_cast<long>(std::lround(ms))) + " ms";
}

std::string at(const ResumeFit& fit) {
    return "with " + ms_text(fit.io_ms) + " of I/O at " + connections_text(fit.connections);
}

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
    ResumeFit fit;
    fit.io_ms = settings.resume_io_ms;
    fit.connections = plan.connections;
    CostLoopSpec spec;
    spec.real_step = CalibrationStep::RealWithIo;
    spec.model_step = CalibrationStep::FitWithIo;
    spec.real_what = "cost after I/O: the real server " + at(fit);
    spec.model_what = [fit](double resume_us) {
        return "cost after I/O: the model with " + us_text(resume_us) + " after each wait " +
               at(fit);
    };
    spec.real = at_connections(result.real.config, plan.connections);
    spec.real.external->path =
        path_for_point(spec.real.external->path, {0, settings.resume_io_ms, plan.connections});
    spec.model = at_connections(result.fitted_config, plan.connections);
    spec.model.server.workload.io_ms = settings.resume_io_ms;
    spec.set = [](RunConfig& c, double resume_us) { c.server.workload.resume_us = resume_us; };
    CostLoop loop(std::move(spec), result, settings, runner);
    const auto done = [&] {
        fit.real = loop.first_real();
        fit.steps = loop.steps();
        fit.converged = loop.converged();
        result.resume = fit;
        return true;
    };

    if (!loop.measure(0, "without it")) return false;
    const RunResult& real = loop.first_real();
    const double real_p50 = real.summary.latency ? real.summary.latency->p50_ms : 0;
    if (real_p50 < 0.9 * fit.io_ms) {
        result.not_fitted.push_back(
            kName + ": not fitted, set to 0: the real server did not wait (p50 " +
            std::to_string(real_p50).substr(0, 5) +
            " ms with ?io_ms=" + std::to_string(static_cast<long>(fit.io_ms)) +
            "): it does not follow the ?io_ms= convention of docs/validation.md");
        return done();
    }
    // Its CPU must be what bounds the real server here, or the cost after I/O cannot show: a
    // fast event loop at 1,000 connections may be bounded by them (1,000 ÷ 50 ms = 20,000 req/s).
    const double connections_allow = fit.connections / (fit.io_ms / 1000);
    if (real.summary.rps >= kConnectionBound * connections_allow) {
        result.not_fitted.push_back(
            kName + ": not fitted, set to 0: " + at(fit) + " the real server served " +
            std::to_string(static_cast<long>(real.summary.rps)) + " req/s, " +
            percent_text(real.summary.rps / connections_allow) +
            " of what its connections allow (" +
            std::to_string(static_cast<long>(connections_allow)) +
            " req/s): its CPU does not bound it there, so the cost after I/O does not show");
        return done();
    }
    // Not needed, it seems, when the model was not faster; but the real server's rate with I/O
    // moves from run to run (real Werkzeug: 1.16–1.17× the model's in most calibrations, 0.97×
    // in one, whose model then ran 1.15× the real server at 1,000 connections), so one more
    // median decides.
    double without = loop.steps().front().ratio;
    std::string not_needed;
    if (!loop.confirm_needed(kName, at(fit), without, not_needed)) return false;
    if (!not_needed.empty()) {
        result.not_fitted.push_back(not_needed);
        return done();
    }
    if (!loop.converge(settings.resume_max_steps)) return false;
    fit.resume_us = loop.kept().value_us;
    result.fitted_config.server.workload.resume_us = fit.resume_us;
    result.fitted.push_back(loop.fitted_line(kName, at(fit), without));
    return done();
}

}  // namespace conclab
