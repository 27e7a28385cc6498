// The arithmetic of calibrate: the first estimate of the overhead and the loop's corrections.
// No runs here, so it is tested on synthetic rates (tst_calibration_fit).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

#include "experiment/calibration.hpp"
#include "experiment/repeat_stats.hpp"

namespace conclab {

double overhead_parallelism(const ServerConfig& server, int cores) {
    if (server.model != Model::ProcessPerCore) return 1;
    const int workers = server.workers > 0 ? server.workers : std::max(cores, 1);
    return std::max(1, std::min(workers, std::max(cores, 1)));
}

bool has_gil(const ServerConfig& server) {
    const Model serving = server.model == Model::ProcessPerCore ? server.inner : server.model;
    return serving == Model::GilThreads;
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

// A pair of steps closer than this (a fraction of the larger overhead) says more about the
// noise than about the slope: ±3 % on a 79 µs request is ±2.4 µs of 1/rate.
constexpr double kMinSlopeSpan = 0.2;

// The slopes between the pairs of steps far enough apart; with_overhead_only: only steps with
// overhead.
std::vector<double> pair_slopes(const std::vector<OverheadPoint>& points, bool with_overhead_only) {
    std::vector<double> slopes;
    for (std::size_t i = 0; i < points.size(); ++i) {
        for (std::size_t j = i + 1; j < points.size(); ++j) {
            const OverheadPoint& a = points[i];
            const OverheadPoint& b = points[j];
            if (with_overhead_only && (a.overhead_us <= 0 || b.overhead_us <= 0)) continue;
            const double span = std::abs(b.overhead_us - a.overhead_us);
            if (span <= 0 || span < kMinSlopeSpan * std::max(a.overhead_us, b.overhead_us)) {
                continue;
            }
            slopes.push_back((kUsPerS / b.model_rps - kUsPerS / a.model_rps) /
                             (b.overhead_us - a.overhead_us));
        }
    }
    return slopes;
}

// The slope of 1/rate (µs per request) in the overhead tried (µs), measured: the median of the
// slopes between every pair of steps far enough apart (Theil–Sen), so one disturbed measurement
// does not set it — pairs of steps with overhead first, as the bare model's point lies off their
// line (the load generator bounds it), then pairs with it; the model's own 1/parallelism while no
// pair is far enough apart. Kept within 0.3–3 × the model's own slope: outside it the steps are
// noise, not the model.
double measured_slope(const std::vector<OverheadPoint>& points, double parallelism) {
    const double model_slope = 1 / parallelism;
    std::vector<double> slopes = pair_slopes(points, true);
    if (slopes.empty()) slopes = pair_slopes(points, false);
    if (slopes.empty()) return model_slope;
    const double median = spread_of(std::move(slopes)).median;
    // More overhead measured faster is noise, not the model.
    if (median <= 0) return model_slope;
    return std::clamp(median, 0.3 * model_slope, 3 * model_slope);
}

}  // namespace

// Each step implies an answer: its overhead, plus what its 1/rate lacks of the target's,
// divided by the slope. The next overhead is the median of those answers: from three steps on,
// one disturbed measurement (a real server's pair of runs 30 % slow on a shared machine) is
// outvoted; with two it moves the answer halfway, and the next step outvotes it. A secant
// through the last two steps, which this replaces, took such a step as the truth and fenced the
// answer out of its bracket: eleven steps and a failed verification in a ci-real run.
double next_overhead(const std::vector<OverheadPoint>& points, double target_rps,
                     double parallelism, std::string* how) {
    auto say = [&](std::string text) {
        if (how) *how = std::move(text);
    };
    auto clamp = [](double o) { return std::clamp(o, 0.0, Limits::kMaxOverheadUs); };
    std::vector<OverheadPoint> usable;
    for (const OverheadPoint& p : points) {
        if (p.model_rps > 0) usable.push_back(p);
    }
    if (usable.empty() || target_rps <= 0) {
        say("no measurement");
        return 0;
    }
    const double target_us = kUsPerS / target_rps;
    auto implied = [&](const OverheadPoint& p, double slope) {
        return p.overhead_us + (target_us - kUsPerS / p.model_rps) / slope;
    };
    if (usable.size() == 1) {
        say("first estimate: parallelism × (1/real − 1/model)");
        return clamp(implied(usable.front(), 1 / parallelism));
    }
    const double slope = measured_slope(usable, parallelism);
    // The bare model's rate is bounded by more than the line (the load generator's CPU): once
    // two steps with overhead are measured, the answer comes from them.
    std::vector<double> answers;
    for (const OverheadPoint& p : usable) {
        if (p.overhead_us > 0) answers.push_back(implied(p, slope));
    }
    if (answers.size() < 2) {
        answers.clear();
        for (const OverheadPoint& p : usable) answers.push_back(implied(p, slope));
    }
    char slope_text[32];
    std::snprintf(slope_text, sizeof slope_text, "%.2f", slope * parallelism);
    const std::size_t steps = answers.size();
    const double answer = spread_of(std::move(answers)).median;
    // At or below no overhead, where the bare model was too fast: the steps contradict each other
    // (noise). Halfway to the smallest overhead measured too slow, as a bisection would.
    std::optional<double> smallest_too_slow;
    for (const OverheadPoint& p : usable) {
        if (p.overhead_us > 0 && p.model_rps < target_rps) {
            smallest_too_slow = std::min(smallest_too_slow.value_or(p.overhead_us), p.overhead_us);
        }
    }
    if (answer <= 0 && smallest_too_slow) {
        say("half the smallest overhead measured too slow (the steps contradict each other)");
        return *smallest_too_slow / 2;
    }
    say("median of what " + std::to_string(steps) + " steps imply (slope " + slope_text +
        "× the model's)");
    return clamp(answer);
}

namespace {

constexpr int kMaxResumeConnections = 1000;
// Requests in flight that keep a server busy with I/O: its zero-work rate × the wait (Little's
// law), and half again so that the CPU, not the connections, is what bounds it.
constexpr double kBusyFactor = 1.5;

std::string rate_text(double rps) {
    return std::to_string(static_cast<long>(std::lround(rps)));
}

std::string ms_text(double ms) {
    std::string t = std::to_string(ms);
    while (t.back() == '0') t.pop_back();
    if (t.back() == '.') t.pop_back();
    return t;
}

}  // namespace

ResumePlan plan_resume_fit(const ServerConfig& server, double zero_work_rps, double io_ms,
                           int calibration_connections, int cores) {
    ResumePlan plan;
    if (zero_work_rps <= 0 || io_ms <= 0) {
        plan.why_not = "no zero-work rate to size the run with";
        return plan;
    }
    const double io_s = io_ms / 1000;
    const double busy = kBusyFactor * zero_work_rps * io_s;
    if (has_gil(server) && server.threads > 0) {
        // A GIL pool's threads in all, a pool per process (threads 0: one per connection).
        const int processes = server.model == Model::ProcessPerCore
                                  ? (server.workers > 0 ? server.workers : std::max(1, cores))
                                  : 1;
        const int threads = server.threads * processes;
        const double bound = threads / io_s;
        if (threads < busy) {
            plan.why_not = "with " + ms_text(io_ms) + " ms of I/O its " + std::to_string(threads) +
                           " threads, not its CPU, bound the rate (" + std::to_string(threads) +
                           " ÷ " + ms_text(io_ms) + " ms = " + rate_text(bound) +
                           " req/s, below its zero-work " + rate_text(zero_work_rps) +
                           " req/s): the cost after I/O does not show in its rate";
            return plan;
        }
    }
    // More than 1,000 connections would be needed for a fast server (a Node cluster: 1,400):
    // at 1,000 the run still shows the cost if the real server's CPU, not its connections,
    // bounds it there, which fit_resume() checks from the real server's rate.
    const int needed = static_cast<int>(std::ceil(busy));
    plan.connections = std::max(std::min(needed, kMaxResumeConnections), calibration_connections);
    return plan;
}

}  // namespace conclab
