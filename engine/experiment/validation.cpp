#include "experiment/validation.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <thread>

#include "core/fixed_decimals.hpp"
#include "core/server_shapes.hpp"
#include "experiment/calibration.hpp"
#include "experiment/measurement_runner.hpp"
#include "experiment/repeat_stats.hpp"
#include "experiment/validation_reasons.hpp"

namespace conclab {

double log_distance(double ratio) {
    return ratio > 0 ? std::abs(std::log(ratio)) : INFINITY;
}

namespace {

double mean_of(const RunResult& r, std::optional<double> MetricsSample::*field) {
    double sum = 0;
    int n = 0;
    for (const MetricsSample& s : r.series) {
        if (s.warmup || !(s.*field)) continue;
        sum += *(s.*field);
        ++n;
    }
    return n > 0 ? sum / n : 0;
}

// Saturated, as the model shows it: its CPU ≥ 80 % of the cores it can use, or requests waiting
// (on an accepted connection nobody serves, or in the kernel's accept queue).
bool saturated(const RunResult& model) {
    const ServerConfig server = resolved(model.config.server);
    const int cores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    const double usable =
        server.model == Model::ProcessPerCore ? std::min(std::max(server.workers, 1), cores) : 1.0;
    if (model.summary.server_cpu_pct_mean && *model.summary.server_cpu_pct_mean >= 80 * usable) {
        return true;
    }
    double accept_queue = 0;
    int n = 0;
    for (const MetricsSample& s : model.series) {
        if (s.warmup || !s.server_accept_queue) continue;
        accept_queue += *s.server_accept_queue;
        ++n;
    }
    if (n > 0) accept_queue /= n;
    return mean_of(model, &MetricsSample::server_waiting) + accept_queue >= 1;
}

}  // namespace

ValidationSide validation_side(const RunResult& r) {
    ValidationSide s;
    s.rps = s.rps_low = s.rps_high = r.summary.rps;
    if (r.summary.latency) {
        s.p50_ms = r.summary.latency->p50_ms;
        s.p99_ms = s.p99_low_ms = s.p99_high_ms = r.summary.latency->p99_ms;
    }
    s.rps_runs = {s.rps};
    s.p99_runs_ms = {s.p99_ms};
    s.errors = r.summary.errors;
    const std::uint64_t starved = r.summary.unanswered_beyond_p99;
    s.p99_lower_bound = starved > 0 && starved * 100 >= r.summary.requests + r.summary.unanswered;
    return s;
}

ValidationSide validation_side(const std::vector<RunResult>& runs) {
    if (runs.size() <= 1) return runs.empty() ? ValidationSide{} : validation_side(runs.front());
    std::vector<ValidationSide> each;
    for (const RunResult& r : runs) each.push_back(validation_side(r));
    const auto spread = [&each](double ValidationSide::*field) {
        std::vector<double> values;
        for (const ValidationSide& s : each) values.push_back(s.*field);
        return spread_of(std::move(values));
    };
    const Spread rps = spread(&ValidationSide::rps);
    const Spread p99 = spread(&ValidationSide::p99_ms);
    ValidationSide s;
    s.runs = static_cast<int>(runs.size());
    s.rps = rps.median;
    s.rps_low = rps.min;
    s.rps_high = rps.max;
    s.p50_ms = spread(&ValidationSide::p50_ms).median;
    s.p99_ms = p99.median;
    s.p99_low_ms = p99.min;
    s.p99_high_ms = p99.max;
    for (const ValidationSide& one : each) {
        s.rps_runs.push_back(one.rps);
        s.p99_runs_ms.push_back(one.p99_ms);
    }
    s.errors = median_run(runs).summary.errors;
    // The median p99 is a lower bound when a run it comes from had one (the middle run, or
    // either of the middle two of an even count).
    std::sort(each.begin(), each.end(),
              [](const ValidationSide& a, const ValidationSide& b) { return a.p99_ms < b.p99_ms; });
    s.p99_lower_bound =
        each[(each.size() - 1) / 2].p99_lower_bound || each[each.size() / 2].p99_lower_bound;
    return s;
}

namespace {

// Within [run × below, run × above] of one of the real server's runs, where those runs
// themselves are not all within [median × below, median × above]: a real server that disagrees
// with itself by more than the bound has no one figure to meet, and each of its runs is an
// outcome as real as the median (Node's first burst at 100 connections: one accept per turn of
// the loop either wins the race with the clients' first requests, p99 224 ms, or loses it,
// 4,200 ms). A model between two such outcomes, near neither, is not within.
bool within_real_spread(double model, double median, const std::vector<double>& runs, double below,
                        double above) {
    const auto within = [below, above](double value, double around) {
        return value >= around * below - 1e-12 && value <= around * above + 1e-12;
    };
    const bool unsettled =
        std::any_of(runs.begin(), runs.end(), [&](double run) { return !within(run, median); });
    return unsettled &&
           std::any_of(runs.begin(), runs.end(), [&](double run) { return within(model, run); });
}

// req/s within the tolerance of the real server's median or, where the real server's runs
// disagree by more than that, of one of them.
struct RateVerdict {
    bool ok = false;
    bool by_spread = false;
};
RateVerdict rate_verdict(const ValidationPointResult& p, const ValidationSettings& settings) {
    const double tolerance = settings.rps_tolerance;
    if (std::abs(p.rps_ratio - 1) <= tolerance + 1e-12) return {true, false};
    const bool by_spread =
        p.real.runs >= 2 &&
        within_real_spread(p.model.rps, p.real.rps, p.real.rps_runs, 1 - tolerance, 1 + tolerance);
    return {by_spread, by_spread};
}

// p99 within the factor of the real server's median, or not counted at this point.
bool p99_within_median(const ValidationPointResult& p, const ValidationSettings& settings) {
    return !p.p99_counts || log_distance(p.p99_ratio) <= std::log(settings.p99_factor) + 1e-12;
}

}  // namespace

bool wants_race_runs(const ValidationPointResult& p, const std::vector<RunResult>& reals,
                     const std::vector<RunResult>& models, const ValidationSettings& settings) {
    if (!p.p99_counts || std::min(reals.size(), models.size()) >= kRaceRuns) return false;
    // Off or ok only against the real server's spread alike: more runs may turn either way.
    if (p99_within_median(p, settings) || !rate_verdict(p, settings).ok) return false;
    const auto disagrees = [&](const ValidationSide& s) {
        return s.p99_low_ms > 0 && s.p99_high_ms > s.p99_low_ms * settings.p99_factor;
    };
    const auto left_some = [](const std::vector<RunResult>& runs) {
        return std::any_of(runs.begin(), runs.end(),
                           [](const RunResult& r) { return validation_side(r).p99_lower_bound; });
    };
    return disagrees(p.real) || disagrees(p.model) || left_some(reals) || left_some(models);
}

void judge_point(ValidationPointResult& p, const ValidationSettings& settings) {
    p.rps_ratio = p.real.rps > 0 ? p.model.rps / p.real.rps : 0;
    p.p99_ratio = p.real.p99_ms > 0 ? p.model.p99_ms / p.real.p99_ms : 0;
    const double factor = settings.p99_factor;
    const RateVerdict rate = rate_verdict(p, settings);
    bool rps_ok = rate.ok && !rate.by_spread;
    bool p99_ok = p99_within_median(p, settings);
    p.within_real_spread = false;
    p.race.reset();
    // Each run's p99 in one of two outcomes, with enough runs of each side: judged by how often
    // each side landed low, before the medians and the real server's spread (a median of such
    // runs may be a figure neither side ever produced, and one run of the real server landing
    // low would otherwise excuse a model that always does).
    if (rate.ok && !p99_ok && p.real.runs >= kRaceRuns && p.model.runs >= kRaceRuns) {
        const auto race = race_tally(p.real.p99_runs_ms, p.model.p99_runs_ms, factor);
        if (race && race->levels_agree) {
            p.race = race;
            // The tallies first: a table cell shows the start of a verdict.
            const std::string tallies =
                "p99 below " + fixed(race->boundary_ms, 0) + " ms in " +
                std::to_string(race->real_low) + " of " + std::to_string(race->real_runs) +
                " real runs and " + std::to_string(race->model_low) + " of " +
                std::to_string(race->model_runs) +
                " model runs (Fisher's exact test p = " + fixed(race->p_value, 3) + ")";
            p.ok = race->p_value >= kRaceSameP;
            p.within_real_spread = p.ok;
            p.verdict = p.ok ? "ok as a race: " + tallies +
                                   ": each run lands low or high, and how often does not "
                                   "differ between the two beyond chance"
                             : "OFF (p99 " + fixed(p.p99_ratio, 2) +
                                   "×): likely a race: " + tallies +
                                   ": one side lands low more often; the two take the first "
                                   "burst of connections at another pace";
            return;
        }
    }
    if (!(rps_ok && p99_ok) && p.real.runs >= 2) {
        const bool p99_by_spread =
            !p99_ok && within_real_spread(p.model.p99_ms, p.real.p99_ms, p.real.p99_runs_ms,
                                          1 / factor, factor);
        p.within_real_spread = rate.ok && (p99_ok || p99_by_spread);
        rps_ok = rate.ok;
        p99_ok = p99_ok || p99_by_spread;
    }
    p.ok = rps_ok && p99_ok;
    if (p.within_real_spread) {
        p.verdict = "ok within the real server's own spread: its " + std::to_string(p.real.runs) +
                    " runs ranged " + fixed(p.real.rps_low, 0) + "–" + fixed(p.real.rps_high, 0) +
                    " req/s and " + fixed(p.real.p99_low_ms, 1) + "–" +
                    fixed(p.real.p99_high_ms, 1) + " ms p99";
        return;
    }
    if (p.ok) {
        p.verdict = "ok";
        return;
    }
    std::string what;
    if (!rps_ok) what = "req/s " + fixed(p.rps_ratio, 2) + "×";
    if (!p99_ok)
        what += (what.empty() ? "" : ", ") + std::string("p99 ") + fixed(p.p99_ratio, 2) + "×";
    p.verdict = "OFF (" + what + "): likely " + likely_reason(p, rps_ok);
}

ValidationResult validate_model(const ValidationSettings& settings,
                                const ValidationProgressFn& progress, std::stop_token stop) {
    ValidationResult result;
    result.repeats = std::max(1, settings.repeats);
    const ServerShape* shape = shape_of(settings.model.server);
    result.shape =
        shape ? std::string(shape->name) : std::string(to_string(settings.model.server.model));
    auto report = [&progress](const RunProgress& p) {
        if (progress) progress({p.index, p.most, p.what, p.elapsed_s, p.duration_s, p.finished});
    };
    const int most = static_cast<int>(settings.points.size()) * 2 * result.repeats;
    MeasurementRunner runner(report, std::move(stop), most);
    for (const ValidationPoint& point : settings.points) {
        RunConfig model = settings.model;
        model.external.reset();
        model.stages.clear();
        model.load.rate = 0;
        model.load.connections = point.connections;
        model.server.workload.cpu_ms = point.cpu_ms;
        model.server.workload.io_ms = point.io_ms;
        RunConfig real = model;
        real.external = settings.real;
        real.external->path = path_for_point(settings.real.path, point);
        const std::string at = " at cpu " + fixed(point.cpu_ms, 1) + " ms, io " +
                               fixed(point.io_ms, 1) + " ms, " + std::to_string(point.connections) +
                               " connections";
        std::vector<RunResult> reals, models;
        std::string error;
        if (!runner.alternate({{0, "the real server" + at, real}, {1, result.shape + at, model}},
                              result.repeats, {&reals, &models}, error)) {
            result.cancelled = true;
            return result;
        }
        ValidationPointResult p;
        p.point = point;
        const auto judge = [&] {
            p.real_run = median_run(reals);
            if (!models.empty()) p.model_run = median_run(models);
            p.real = validation_side(reals);
            p.model = validation_side(models);
            p.p99_counts = !models.empty() && saturated(p.model_run);
            judge_point(p, settings);
        };
        judge();
        if (error.empty() && wants_race_runs(p, reals, models, settings)) {
            const int more = kRaceRuns - static_cast<int>(std::min(reals.size(), models.size()));
            runner.expect_more(2 * more);
            if (!runner.alternate({{0, "the real server" + at + " (a race: more runs)", real},
                                   {1, result.shape + at + " (a race: more runs)", model}},
                                  more, {&reals, &models}, error)) {
                result.cancelled = true;
                return result;
            }
            judge();
        }
        const auto distinct = [](const std::vector<RunResult>& runs) {
            std::vector<std::string> out;
            for (const RunResult& r : runs) {
                for (const std::string& w : r.warnings) {
                    if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
                }
            }
            return out;
        };
        p.real_warnings = distinct(reals);
        p.model_warnings = distinct(models);
        if (!error.empty()) {
            p.ok = false;
            p.within_real_spread = false;
            p.race.reset();
            p.verdict = "OFF: " + error;
        }
        result.points.push_back(std::move(p));
    }
    for (const ValidationPointResult& p : result.points) {
        if (!p.ok) ++result.outside;
        if (p.ok && p.within_real_spread) ++result.within_real_spread;
        if (log_distance(p.rps_ratio) > log_distance(result.worst_rps_ratio)) {
            result.worst_rps_ratio = p.rps_ratio;
        }
        if (p.p99_counts && log_distance(p.p99_ratio) > log_distance(result.worst_p99_ratio)) {
            result.worst_p99_ratio = p.p99_ratio;
        }
    }
    result.fidelity = log_distance(result.worst_rps_ratio) >= log_distance(result.worst_p99_ratio)
                          ? result.worst_rps_ratio
                          : result.worst_p99_ratio;
    return result;
}

}  // namespace conclab
