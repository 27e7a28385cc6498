#include "experiment/calibration_connection.hpp"

#include "experiment/calibration_cost_loop.hpp"
#include "experiment/calibration_runs.hpp"

namespace conclab {

using namespace calibration_runs;

namespace {

const std::string kName = "connection_us (framework cost per new connection)";

std::string at_text(const CalibrationResult& result) {
    return "with a new connection per request at " + connections_text(result.connections);
}

// The stage's runs: the real server asked to close, the model closing after every response.
CostLoopSpec closing_spec(const CalibrationResult& result, const RunConfig& model) {
    const std::string at = at_text(result);
    CostLoopSpec spec;
    spec.real_step = CalibrationStep::RealClosing;
    spec.model_step = CalibrationStep::FitClosing;
    spec.real_what = "cost per new connection: the real server " + at;
    spec.model_what = [at](double connection_us) {
        return "cost per new connection: the model with " + us_text(connection_us) + " " + at;
    };
    spec.real = result.real.config;
    spec.real.external->headers.push_back("Connection: close");
    spec.model = model;
    spec.model.server.keep_alive = false;
    spec.set = [](RunConfig& c, double connection_us) {
        c.server.workload.connection_us = connection_us;
    };
    return spec;
}

// The client reconnects when the server closes; a server that ignored `Connection: close` kept
// its connections, and its rate says nothing about new ones. Empty when it closed them.
std::string did_not_close(const Summary& real) {
    if (real.requests == 0 || real.server_closes >= real.requests / 2) return {};
    return kName +
           ": not fitted, set to 0: asked with Connection: close, the real server closed only " +
           std::to_string(real.server_closes) + " of " + std::to_string(real.requests) +
           " connections after their response";
}

}  // namespace

bool fits_connection(const CalibrationSettings& settings, const RunConfig& model) {
    return settings.fit_connection && model.server.keep_alive &&
           model.server.workload.connection_us <= 0;
}

bool first_connection_estimate(CalibrationResult& result, const CalibrationSettings& settings,
                               MeasurementRunner& runner, const RunConfig& model, double& out_us) {
    out_us = 0;
    CostLoop loop(closing_spec(result, model), result, settings, runner);
    if (!loop.measure(0, "without it, with " + us_text(model.server.workload.overhead_us) +
                             " overhead (the overhead's first estimate)")) {
        return false;
    }
    ConnectionFit fit;
    fit.real = loop.first_real();
    fit.steps = loop.steps();
    result.connection = fit;
    if (!did_not_close(fit.real.summary).empty()) return true;
    if (fit.steps.front().ratio <= 1 + settings.tolerance) return true;
    out_us = next_overhead(loop.points(), loop.real_rps(), result.parallelism);
    return true;
}

bool fit_connection(CalibrationResult& result, const CalibrationSettings& settings,
                    MeasurementRunner& runner, double start_us) {
    if (!settings.fit_connection) return true;
    const double given = settings.model.server.workload.connection_us;
    if (given > 0) {
        result.not_fitted.push_back(kName + ": " + us_text(given) +
                                    ", as given (--connection-us, or its slider), not fitted");
        return true;
    }
    if (!result.fitted_config.server.keep_alive) {
        result.not_fitted.push_back(kName +
                                    ": not fitted, set to 0: the model closes every connection, "
                                    "so the overhead fitted at zero work includes it");
        return true;
    }
    if (!result.verified) {
        // The overhead was fitted (and not verified) with the first estimate: kept with it, so
        // that the model saved is the one measured.
        if (start_us > 0) {
            result.not_fitted.push_back(kName + ": " + us_text(start_us) +
                                        ", the first estimate, kept: the overhead fitted with it "
                                        "was not verified, so it was not fitted further");
            if (result.connection) result.connection->connection_us = start_us;
            return true;
        }
        result.not_fitted.push_back(
            kName + ": not fitted, set to 0 (it needs the overhead verified first)");
        return true;
    }
    const std::string at = at_text(result);
    RunConfig model = result.fitted_config;
    model.server.workload.connection_us = 0;
    CostLoop loop(closing_spec(result, model), result, settings, runner);
    // The first estimate's step, measured before the overhead was fitted, stays in the report.
    ConnectionFit fit = result.connection.value_or(ConnectionFit{});
    const std::size_t earlier_steps = fit.steps.size();
    const auto done = [&] {
        if (earlier_steps == 0) fit.real = loop.first_real();
        fit.steps.resize(earlier_steps);
        fit.steps.insert(fit.steps.end(), loop.steps().begin(), loop.steps().end());
        fit.converged = loop.converged();
        fit.connection_us = result.fitted_config.server.workload.connection_us;
        result.connection = fit;
        return true;
    };
    const auto not_fitted = [&](const std::string& why) {
        result.fitted_config.server.workload.connection_us = 0;
        result.not_fitted.push_back(why);
        return done();
    };
    if (earlier_steps > 0) {
        if (const std::string why = did_not_close(fit.real.summary); !why.empty()) {
            return not_fitted(why);
        }
    }
    double without = earlier_steps > 0 ? fit.steps.front().ratio : 0;
    bool verified_first = false;
    if (start_us > 0) {
        // From the first estimate, now with the fitted overhead: within the tolerance twice (a
        // verification median), it is kept as it is.
        if (!loop.measure(start_us, "the first estimate, with the fitted overhead")) return false;
        if (loop.within(loop.steps().back().ratio)) {
            if (!loop.measure(start_us, "verification: one more median")) return false;
            verified_first = loop.within(loop.steps().back().ratio);
        }
    } else {
        if (!loop.measure(0, "without it")) return false;
        if (const std::string why = did_not_close(loop.first_real().summary); !why.empty()) {
            return not_fitted(why);
        }
        // The bare model may already take new connections as slowly as the real server (or
        // more slowly): as for the cost after I/O, one more median decides.
        without = loop.steps().back().ratio;
        std::string not_needed;
        if (!loop.confirm_needed(kName, at, without, not_needed)) return false;
        if (!not_needed.empty()) return not_fitted(not_needed);
    }
    if (verified_first) {
        loop.mark_converged();
    } else if (!loop.converge(settings.connection_max_steps)) {
        return false;
    }
    result.fitted_config.server.workload.connection_us = loop.kept().value_us;
    result.fitted.push_back(loop.fitted_line(kName, at, without));
    return done();
}

}  // namespace conclab
