#include "experiment/calibration_connection.hpp"

#include "experiment/calibration_cost_loop.hpp"
#include "experiment/calibration_runs.hpp"

namespace conclab {

using namespace calibration_runs;

namespace {

const std::string kName = "connection_us (framework cost per new connection)";

}  // namespace

bool fit_connection(CalibrationResult& result, const CalibrationSettings& settings,
                    MeasurementRunner& runner) {
    if (!settings.fit_connection) return true;
    const double given = settings.model.server.workload.connection_us;
    if (given > 0) {
        result.not_fitted.push_back(kName + ": " + us_text(given) +
                                    ", given with --connection-us, not fitted");
        return true;
    }
    if (!result.fitted_config.server.keep_alive) {
        result.not_fitted.push_back(kName +
                                    ": not fitted, set to 0: the model closes every connection, "
                                    "so the overhead fitted at zero work includes it");
        return true;
    }
    if (!result.verified) {
        result.not_fitted.push_back(
            kName + ": not fitted, set to 0 (it needs the overhead verified first)");
        return true;
    }
    const std::string at =
        "with a new connection per request at " + connections_text(result.connections);
    CostLoopSpec spec;
    spec.real_step = CalibrationStep::RealClosing;
    spec.model_step = CalibrationStep::FitClosing;
    spec.real_what = "cost per new connection: the real server " + at;
    spec.model_what = [at](double connection_us) {
        return "cost per new connection: the model with " + us_text(connection_us) + " " + at;
    };
    spec.real = result.real.config;
    spec.real.external->headers.push_back("Connection: close");
    spec.model = result.fitted_config;
    spec.model.server.keep_alive = false;
    spec.set = [](RunConfig& c, double connection_us) {
        c.server.workload.connection_us = connection_us;
    };
    CostLoop loop(std::move(spec), result, settings, runner);
    ConnectionFit fit;
    const auto done = [&] {
        fit.real = loop.first_real();
        fit.steps = loop.steps();
        fit.converged = loop.converged();
        result.connection = fit;
        return true;
    };

    if (!loop.measure(0, "without it")) return false;
    const Summary& real = loop.first_real().summary;
    // The client reconnects when the server closes; a server that ignored `Connection: close`
    // kept its connections, and its rate says nothing about new ones.
    if (real.requests > 0 && real.server_closes < real.requests / 2) {
        result.not_fitted.push_back(
            kName +
            ": not fitted, set to 0: asked with Connection: close, the real server "
            "closed only " +
            std::to_string(real.server_closes) + " of " + std::to_string(real.requests) +
            " connections after their response");
        return done();
    }
    double without = loop.steps().front().ratio;
    if (without <= 1 + settings.tolerance) {
        // The bare model already takes new connections as slowly as the real server (or more
        // slowly); one more median before concluding, as for the cost after I/O.
        if (!loop.measure(0, "confirming: without it, one more median")) return false;
        const double again = loop.steps().back().ratio;
        if (again <= 1 + settings.tolerance) {
            result.not_fitted.push_back(kName + ": not fitted, set to 0: " + at +
                                        " the model ran at " + ratio_text(without) + "× and " +
                                        ratio_text(again) + "× the real server, within ±" +
                                        percent_text(settings.tolerance) + " or slower");
            return done();
        }
        without = again;
    }
    if (!loop.converge(settings.connection_max_steps)) return false;
    const CostStep kept = loop.kept();
    fit.connection_us = kept.value_us;
    result.fitted_config.server.workload.connection_us = kept.value_us;
    const std::string figures = "real " + std::to_string(static_cast<long>(loop.real_rps())) +
                                " req/s; the model without it at " + ratio_text(without) + "× that";
    if (loop.converged()) {
        result.fitted.push_back(kName + ": " + us_text(kept.value_us) +
                                ", fitted in a closed loop to the real server's rate " + at + " (" +
                                figures + ")");
    } else {
        result.fitted.push_back(kName + ": " + us_text(kept.value_us) + ", the nearest of " +
                                std::to_string(loop.steps().size()) + " steps, at " +
                                ratio_text(kept.ratio) + "× the real server " + at + ", outside ±" +
                                percent_text(settings.tolerance) + " (" + figures + ")");
    }
    return done();
}

}  // namespace conclab
