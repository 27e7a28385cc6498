// The arithmetic of calibrate: the first estimate of the overhead and the loop's corrections.
// No runs here, so it is tested on synthetic rates (tst_calibration_fit).
#include <algorithm>
#include <cmath>
#include <string>

#include "experiment/calibration.hpp"

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

// f(o) = 1/model(o) − 1/target, in µs per request: negative while the model is too fast. In the
// model 1/rate grows by o/parallelism, so f is close to a line of slope 1/parallelism; the
// secant uses the measured slope instead, which also covers what the model's own CPU use
// costs the load generator on a small machine.
double next_overhead(const std::vector<OverheadPoint>& points, double target_rps,
                     double parallelism, std::string* how) {
    auto say = [&](const char* text) {
        if (how) *how = text;
    };
    auto f = [&](const OverheadPoint& p) { return kUsPerS / p.model_rps - kUsPerS / target_rps; };
    auto clamp = [](double o) { return std::clamp(o, 0.0, Limits::kMaxOverheadUs); };
    if (points.empty() || target_rps <= 0) {
        say("no measurement");
        return 0;
    }
    const OverheadPoint& last = points.back();
    if (points.size() == 1) {
        say("first estimate: parallelism × (1/real − 1/model)");
        return clamp(last.overhead_us - parallelism * f(last));
    }
    // The bracket: the largest overhead that was still too fast, the smallest that was too slow.
    std::optional<double> lo, hi;
    for (const OverheadPoint& p : points) {
        if (p.model_rps <= 0) continue;
        if (f(p) < 0) {
            lo = std::max(lo.value_or(p.overhead_us), p.overhead_us);
        } else {
            hi = std::min(hi.value_or(p.overhead_us), p.overhead_us);
        }
    }
    const OverheadPoint& before = points[points.size() - 2];
    const double df = f(last) - f(before);
    const double dx = last.overhead_us - before.overhead_us;
    // More overhead must make the model slower: a slope ≤ 0 is noise, not the model.
    if (dx != 0 && df / dx > 0) {
        const double secant = last.overhead_us - f(last) * dx / df;
        const bool inside = (!lo || secant > *lo) && (!hi || secant < *hi);
        if (inside) {
            say("secant through the last two steps");
            return clamp(secant);
        }
    }
    if (lo && hi) {
        say("bisection of the bracket (the secant left it)");
        return clamp((*lo + *hi) / 2);
    }
    // Only one side seen so far, and the secant is of no use: step with the model's slope.
    say("step with the model's slope (1/rate grows by overhead / parallelism)");
    return clamp(last.overhead_us - parallelism * f(last));
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
    if (!has_gil(server)) {
        plan.why_not =
            "the model has no GIL (a thread woken after I/O takes the GIL back from other "
            "waiters; an event loop resumes a request on the thread it is already running)";
        return plan;
    }
    if (zero_work_rps <= 0 || io_ms <= 0) {
        plan.why_not = "no zero-work rate to size the run with";
        return plan;
    }
    const double io_s = io_ms / 1000;
    const double busy = kBusyFactor * zero_work_rps * io_s;
    // Threads in all: a pool per process, or one per connection (threads 0: unbounded).
    const int processes = server.model == Model::ProcessPerCore
                              ? (server.workers > 0 ? server.workers : std::max(1, cores))
                              : 1;
    if (server.threads > 0) {
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
    const int needed = static_cast<int>(std::ceil(busy));
    if (needed > kMaxResumeConnections) {
        plan.why_not = "keeping it busy with " + ms_text(io_ms) + " ms of I/O takes " +
                       std::to_string(needed) + " connections, more than " +
                       std::to_string(kMaxResumeConnections);
        return plan;
    }
    plan.connections = std::max(needed, calibration_connections);
    return plan;
}

}  // namespace conclab
