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

// How many connections each side kept busy (Little's law: req/s × mean latency), when both
// runs have latencies.
struct BusyConnections {
    double real = 0;
    double model = 0;
};
std::optional<BusyConnections> busy_connections(const ValidationPointResult& p) {
    const Summary& real = p.real_run.summary;
    const Summary& model = p.model_run.summary;
    if (!real.latency || !model.latency || real.latency->mean_ms <= 0 ||
        model.latency->mean_ms <= 0) {
        return std::nullopt;
    }
    return BusyConnections{real.rps * real.latency->mean_ms / 1000,
                           model.rps * model.latency->mean_ms / 1000};
}

// The likely reason a point is off, from what the runs show.
// `rps_ok`: the point's req/s is within the tolerance (judge_point's verdict on it).
std::string likely_reason(const ValidationPointResult& p, bool rps_ok) {
    const Summary& real = p.real_run.summary;
    if (real.errors > 0 && real.errors * 100 > real.requests) {
        return "the real server failed " + std::to_string(real.errors) + " requests (connect " +
               std::to_string(real.error_kinds.connect) + ", read " +
               std::to_string(real.error_kinds.read) + ", timeout " +
               std::to_string(real.error_kinds.timeout) +
               "): its rate is what it survived, not its capacity";
    }
    // A response that took ≥ 0.9 s: a full accept queue (the kernel dropped a SYN, retried after
    // 1 s, or the handshake's last ACK), or a server that accepts slowly (Node: one accept per
    // turn of a busy loop), whose clients' first requests wait while the kernel holds them. The
    // kernel's count of overflows tells which; a retried connect alone proves an overflow.
    const bool long_tail =
        real.latency && real.latency->max_ms >= 900 && p.point.connections >= 100;
    const std::string slowest = fixed(real.latency ? real.latency->max_ms : 0, 0);
    if (long_tail && real.listen_overflows.value_or(0) > 0) {
        return "the real server's accept queue overflowed (the kernel dropped " +
               std::to_string(*real.listen_overflows) + " handshakes; the slowest response took " +
               slowest + " ms): its listen backlog or accept loop holds fewer than the model's";
    }
    if (long_tail && real.slow_connects > 0) {
        return "the real server's accept queue overflowed (" + std::to_string(real.slow_connects) +
               " connects were retried after 1 s; the slowest response took " + slowest +
               " ms): its listen backlog or accept loop holds fewer than the model's";
    }
    // Requests still unanswered when a run ended are in its p99 at how long they had waited
    // (Summary::unanswered): connections a side had not accepted yet, or starved. Real Express,
    // 1,000 connections × 50 ms of I/O: none; the model left about 120 in its accept queue after
    // 4 s (one accept per turn of its loop), its p99 1.5 s against 142 ms.
    const Summary& model = p.model_run.summary;
    const auto unanswered_text = [](const Summary& s) {
        return std::to_string(s.unanswered) +
               " requests unanswered when the run ended (the longest had waited " +
               fixed(s.unanswered_longest_ms.value_or(0) / 1000, 1) + " s)";
    };
    if (p.point.connections >= 100 && p.p99_ratio > 1 &&
        model.unanswered >= 2 * real.unanswered + 10) {
        return "the model left " + unanswered_text(model) + ", the real server " +
               std::to_string(real.unanswered) +
               ": the model took new connections more slowly than the real server (one accept "
               "per turn of its loop) or starved some";
    }
    if (p.point.connections >= 100 && p.p99_ratio < 1 &&
        real.unanswered >= 2 * model.unanswered + 10) {
        return "the real server left " + unanswered_text(real) + ", the model " +
               std::to_string(model.unanswered) +
               ": the real server took new connections more slowly than the model (one accept "
               "per turn of its loop) or starved some";
    }
    // The same rate and a model tail far longer than the real server's: some of the model's
    // connections waited to be taken, as when a loop loses the first burst's race (one accept
    // per turn once its turns grow long) or its accept queue overflows. Express's model, 50 ms
    // of I/O at 1,000 connections (2026-12-06 15:30): p99 1.1-1.4 s at 1.04× the real server's
    // rate, whose p99 was 163-203 ms; the fallback below had called it "serves more at once".
    if (rps_ok && p.p99_ratio > 1 && p.point.connections >= 100 && model.latency && real.latency &&
        model.latency->max_ms >= 900 && model.latency->max_ms >= 3 * real.latency->max_ms) {
        const std::string overflowed = model.listen_overflows.value_or(0) > 0
                                           ? "; the kernel dropped " +
                                                 std::to_string(*model.listen_overflows) +
                                                 " handshakes, retried after 1 s"
                                           : std::string();
        return "the model's slowest response took " + fixed(model.latency->max_ms, 0) +
               " ms, the real server's " + fixed(real.latency->max_ms, 0) +
               " ms, at about the same rate: some of the model's connections waited to be "
               "taken (it took the first burst of new connections more slowly than the real "
               "server, one accept per turn of its loop once its turns grew long" +
               overflowed + ")";
    }
    // Little's law: a closed loop keeps req/s × mean latency of its connections busy, all of
    // them when every one has been accepted; a side that keeps far fewer left the others waiting
    // to be accepted (its mean latency now includes requests left unanswered, at how long they
    // had waited, which the rate does not count: the estimate errs high).
    // Real Express, CPU-bound at 1,000 connections: about 930 busy, its p99 2.6 s; the model
    // about 210, its p99 0.8 s, before unanswered requests counted.
    if (const auto seen = busy_connections(p); seen && p.point.connections >= 100) {
        const double all = p.point.connections;
        const std::string of = " of " + std::to_string(p.point.connections);
        if (seen->model < 0.6 * all && seen->real >= 0.8 * all) {
            return "the model kept only about " + fixed(seen->model, 0) + of +
                   " connections busy (req/s × mean latency), the real server about " +
                   fixed(seen->real, 0) +
                   ": the model accepted new connections more slowly (it pays its cost per new "
                   "connection, connection_us, where it accepts; fitted with Connection: close, "
                   "that cost includes what closing one costs)";
        }
        if (seen->real < 0.6 * all && seen->model >= 0.8 * all) {
            return "the real server kept only about " + fixed(seen->real, 0) + of +
                   " connections busy (req/s × mean latency), the model about " +
                   fixed(seen->model, 0) +
                   ": the real server accepted new connections more slowly (one accept per turn "
                   "of a busy loop, as Node's and gthread's)";
        }
    }
    if (long_tail && real.listen_overflows && p.p99_ratio < 1) {  // measured: none
        return "the real server accepted new connections slowly (the kernel dropped no "
               "handshake, yet a response waited up to " +
               slowest +
               " ms): one accept per turn of its busy loop, as Node's, while the model accepted "
               "them sooner (its cost per new connection, --connection-us, is smaller)";
    }
    // Same rate, and the real server's p99 about a turn more than its p50 where the model's is
    // its p50: the real loop served some requests a turn late. Real Express, 10 connections x
    // 2 ms of CPU: p50 21 ms, p99 40 ms; a level-triggered epoll's ready list makes a connection
    // that was not readable when the loop polled wait behind the others (EventLoopServer).
    if (p.point.io_ms == 0 && p.point.cpu_ms > 0 && rps_ok && p.real.p50_ms > 0 &&
        p.model.p50_ms > 0 && p.real.p99_ms >= 1.6 * p.real.p50_ms &&
        p.model.p99_ms <= 1.2 * p.model.p50_ms) {
        return "the real server answered some requests a turn late (its p99 " +
               fixed(p.real.p99_ms / p.real.p50_ms, 1) +
               "× its p50), the model each in its "
               "turn (" +
               fixed(p.model.p99_ms / p.model.p50_ms, 1) +
               "×): a connection whose next request comes just after the loop polls waits a turn "
               "more, a race with the client's round trip that the load generator in the "
               "model's process wins more often";
    }
    if (p.point.io_ms == 0 && p.point.cpu_ms > 0) {
        return p.rps_ratio > 1 ? "the real server's CPU work costs more than cpu_ms of thread "
                                 "CPU (its interpreter, garbage collection, a busy loop that "
                                 "shares the core)"
                               : "the model's CPU work costs more here than the real server's "
                                 "(the fitted overhead is too large under CPU load)";
    }
    if (p.rps_ratio > 1) {
        return "the model serves more at once than the real server (a limit of threads, "
               "connections or the accept queue the model lacks)";
    }
    return "the model is slower here: the framework cost fitted at zero work is larger than the "
           "real server pays on this workload";
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
