#include "experiment/calibration.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

namespace conclab {

double overhead_parallelism(const ServerConfig& server, int cores) {
    if (server.model != Model::ProcessPerCore) return 1;
    const int workers = server.workers > 0 ? server.workers : std::max(cores, 1);
    return std::max(1, std::min(workers, std::max(cores, 1)));
}

namespace {

constexpr double kUsPerS = 1e6;

// Seconds per request more on the real server than on the model, or a negative number.
double extra_s_per_request(const RatePair& r) {
    return 1.0 / r.real_rps - 1.0 / r.model_rps;
}

bool usable(const RatePair& r) {
    return r.real_rps > 0 && r.model_rps > 0;
}

const char* kFasterThanModel =
    "the real server is faster than the model with no overhead at all; the model cannot be made "
    "faster, so the overhead stays 0";

}  // namespace

OverheadFit fit_overhead(const RatePair& at_connections, double parallelism) {
    OverheadFit fit;
    if (!usable(at_connections)) {
        fit.note = "no rate to fit to";
        return fit;
    }
    const double extra = extra_s_per_request(at_connections);
    if (extra <= 0) {
        fit.clamped = true;
        fit.note = kFasterThanModel;
        return fit;
    }
    fit.overhead_us = parallelism * extra * kUsPerS;
    return fit;
}

OverheadFit fit_released_overhead(const RatePair& at_one, const RatePair& at_connections,
                                  double parallelism) {
    OverheadFit fit = fit_overhead(at_connections, parallelism);
    if (!usable(at_one)) {
        fit.note = "no rate at one connection to fit to";
        fit.overhead_released_us = 0;
        return fit;
    }
    // At one connection nothing overlaps: the whole overhead, held and released, is on the path.
    const double total_us = std::max(0.0, extra_s_per_request(at_one) * kUsPerS);
    if (fit.overhead_us > total_us) {
        // Noise, or a real server that serialises more than the model does: the held part
        // cannot exceed what one request costs alone.
        fit.overhead_us = total_us;
    }
    fit.overhead_released_us = total_us - fit.overhead_us;
    return fit;
}

namespace {

using Clock = std::chrono::steady_clock;

struct Step {
    CalibrationStep step;
    std::string what;
    RunConfig config;
};

// One measurement; false if cancelled.
bool measure(const Step& step, int index, int steps, const CalibrationProgressFn& progress,
             const std::stop_token& stop, RunResult& out) {
    CalibrationProgress p{step.step, index, steps, step.what, 0, step.config.duration_s, nullptr};
    if (progress) progress(p);
    Experiment experiment(step.config);
    experiment.start();  // throws StartError
    const auto started = Clock::now();
    auto next_report = started + std::chrono::milliseconds(500);
    bool cancelled = false;
    while (!experiment.wait_finished(0.1)) {
        if (stop.stop_requested()) {
            cancelled = true;
            break;
        }
        if (progress && Clock::now() >= next_report) {
            p.elapsed_s = std::chrono::duration<double>(Clock::now() - started).count();
            progress(p);
            next_report += std::chrono::milliseconds(500);
        }
    }
    experiment.stop();
    out = experiment.result();
    if (cancelled) return false;
    if (progress) {
        p.elapsed_s = step.config.duration_s;
        p.finished = &out;
        progress(p);
    }
    return true;
}

// Why a measurement cannot be fitted to, or empty.
std::string unusable(const RunResult& r, const std::string& who) {
    if (!r.fatal_error.empty()) return who + " failed: " + r.fatal_error;
    if (r.summary.requests == 0) {
        return who + " completed no response (" + std::to_string(r.summary.errors) +
               " errors; see the report)";
    }
    // A few errors (a reset at the end) do not matter; many mean the rate is not the server's.
    if (r.summary.errors * 20 > r.summary.requests) {
        return who + " answered with " + std::to_string(r.summary.errors) + " errors for " +
               std::to_string(r.summary.requests) +
               " responses; a rate with that many errors is not the server's";
    }
    return {};
}

std::string connections_text(int n) {
    return std::to_string(n) + (n == 1 ? " connection" : " connections");
}

// The model run of the settings, as calibration measures it: its own server (no target, no
// heavy connections) and some warmup.
RunConfig calibration_base(const RunConfig& model) {
    RunConfig base = model;
    base.external.reset();
    base.load.heavy_connections = 0;
    if (base.warmup_s <= 0 && base.duration_s > 0) {
        base.warmup_s = std::min(1.0, base.duration_s / 4);
    }
    return base;
}

// The model with no overhead at all: the fit adds what the real server costs on top.
RunConfig without_overhead(const RunConfig& base) {
    RunConfig model_zero = base;
    model_zero.server.workload = Workload{};
    if (const RunField* released = released_overhead_field()) {
        released->set_number(model_zero, 0);
    }
    return model_zero;
}

// The real server and the bare model at `connections`; with two points, both at 1 connection
// too (what tells the released part of the overhead from the held one).
std::vector<Step> measurement_steps(const CalibrationSettings& settings, const RunConfig& real,
                                    const RunConfig& model_zero, int connections, bool two_points) {
    auto at = [](RunConfig c, int n) {
        c.load.connections = n;
        return c;
    };
    const std::string model_name(to_string(model_zero.server.model));
    std::vector<Step> steps = {
        {CalibrationStep::Real,
         "measuring the real server (" + settings.real.url + ") at " +
             connections_text(connections),
         real},
        {CalibrationStep::Model,
         "measuring " + model_name + " with no overhead at " + connections_text(connections),
         model_zero}};
    if (two_points) {
        steps.push_back({CalibrationStep::RealOneConnection,
                         "measuring the real server at 1 connection", at(real, 1)});
        steps.push_back({CalibrationStep::ModelOneConnection,
                         "measuring " + model_name + " with no overhead at 1 connection",
                         at(model_zero, 1)});
    }
    return steps;
}

// The overhead that makes the bare model as fast as the real server, from the measured rates;
// then the model with it.
void fit_to_measurements(CalibrationResult& result, const RunConfig& model_zero, bool two_points) {
    const RatePair at_c{result.real.summary.rps, result.model_before.summary.rps};
    if (two_points) {
        const RatePair at_one{result.real_one->summary.rps, result.model_before_one->summary.rps};
        result.fit = fit_released_overhead(at_one, at_c, result.parallelism);
    } else {
        result.fit = fit_overhead(at_c, result.parallelism);
    }
    result.fit.overhead_us = std::min(result.fit.overhead_us, Limits::kMaxOverheadUs);
    result.has_fit = true;

    result.fitted = model_zero;
    result.fitted.server.workload.overhead_us = result.fit.overhead_us;
    if (const RunField* released = released_overhead_field();
        released && result.fit.overhead_released_us) {
        released->set_number(result.fitted,
                             std::min(*result.fit.overhead_released_us, released->max));
    }
}

}  // namespace

CalibrationResult calibrate(const CalibrationSettings& settings,
                            const CalibrationProgressFn& progress, std::stop_token stop) {
    CalibrationResult result;
    const RunConfig base = calibration_base(settings.model);
    const RunConfig model_zero = without_overhead(base);
    RunConfig real = base;
    real.external = settings.real;
    const int connections = base.load.connections;
    result.connections = connections;
    result.parallelism = overhead_parallelism(
        resolved(base.server), static_cast<int>(std::thread::hardware_concurrency()));
    const bool two_points = settings.fit_released && released_overhead_field() && connections > 1;
    const std::vector<Step> steps =
        measurement_steps(settings, real, model_zero, connections, two_points);
    const int total_steps = static_cast<int>(steps.size()) + 1;  // + the verification

    RunResult* outputs[] = {&result.real, &result.model_before, nullptr, nullptr};
    if (two_points) {
        result.real_one.emplace();
        result.model_before_one.emplace();
        outputs[2] = &*result.real_one;
        outputs[3] = &*result.model_before_one;
    }
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (!measure(steps[i], static_cast<int>(i), total_steps, progress, stop, *outputs[i])) {
            result.cancelled = true;
            return result;
        }
        const bool of_real = steps[i].step == CalibrationStep::Real ||
                             steps[i].step == CalibrationStep::RealOneConnection;
        result.error = unusable(*outputs[i], of_real ? "the real server" : "the model");
        if (!result.error.empty()) return result;
    }
    fit_to_measurements(result, model_zero, two_points);

    char what[160];
    std::snprintf(what, sizeof what, "verifying: %s with %.1f µs overhead at %s",
                  std::string(to_string(base.server.model)).c_str(), result.fit.overhead_us,
                  connections_text(connections).c_str());
    const Step verify{CalibrationStep::Verify, what, result.fitted};
    if (!measure(verify, total_steps - 1, total_steps, progress, stop, result.model_after)) {
        result.cancelled = true;
        return result;
    }
    result.error = unusable(result.model_after, "the fitted model");
    if (result.real.summary.rps > 0) {
        result.ratio = result.model_after.summary.rps / result.real.summary.rps;
    }
    return result;
}

}  // namespace conclab
