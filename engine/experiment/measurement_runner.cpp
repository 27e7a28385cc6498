#include "experiment/measurement_runner.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "experiment/diagnosis.hpp"
#include "load/one_request.hpp"

namespace conclab {

namespace {

// How long a real server may take to answer one request before a run: real gunicorn sync took
// about 10 s to serve what a run of 1,000 connections left queued (load/one_request.hpp).
constexpr double kSettleLimitS = 60;
// A wait long enough to be worth a line in the run's warnings.
constexpr double kSettleNoteS = 1;

std::string seconds_text(double s) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", s);
    return text;
}

}  // namespace

std::string settle_note(const Result<double>& answered) {
    if (answered && *answered >= kSettleNoteS) {
        return "before this run the real server took " + seconds_text(*answered) +
               " s to answer one request: it was still serving connections an earlier run left "
               "in its accept queue";
    }
    if (!answered && answered.error().starts_with("no answer within")) {
        return "before this run the real server answered no request within " +
               seconds_text(kSettleLimitS) +
               " s: it may still be serving connections an earlier run left in its accept queue";
    }
    return {};
}

Result<> check_usable(const RunResult& r, const std::string& who) {
    if (!r.fatal_error.empty()) return Failure{who + " failed: " + r.fatal_error};
    if (r.summary.requests == 0) {
        return Failure{who + " completed no response (" + std::to_string(r.summary.errors) +
                       " errors; see the report)"};
    }
    // A few errors (a reset at the end) do not matter; many mean the rate is not the server's.
    if (r.summary.errors * 20 > r.summary.requests) {
        return Failure{who + " answered with " + std::to_string(r.summary.errors) + " errors for " +
                       std::to_string(r.summary.requests) +
                       " responses; a rate with that many errors is not the server's"};
    }
    return {};
}

const RunResult& median_run(const std::vector<RunResult>& runs) {
    std::vector<const RunResult*> sorted;
    for (const RunResult& r : runs) sorted.push_back(&r);
    std::sort(sorted.begin(), sorted.end(), [](const RunResult* a, const RunResult* b) {
        return a->summary.rps < b->summary.rps;
    });
    return *sorted[(sorted.size() - 1) / 2];
}

bool landed_unevenly(const RunResult& model) {
    const RunConfig& c = model.config;
    if (c.external || c.server.model != Model::ProcessPerCore ||
        c.server.scheduling != Scheduling::Kernel || !c.server.keep_alive) {
        return false;
    }
    const int workers = worker_slots(c, model.summary);
    if (workers == 0) return false;
    if (c.load.connections < 2 * workers) return false;  // too few to spread evenly anyway
    const double fair_pct = 100.0 / workers;
    return std::any_of(model.summary.workers->begin(), model.summary.workers->end(),
                       [&](const WorkerShare& w) { return w.share_pct < fair_pct / 2; });
}

bool MeasurementRunner::run(const RunSpec& spec, RunResult& out) {
    using Clock = std::chrono::steady_clock;
    RunProgress p{index_, std::max(most_runs_, index_ + 1), spec.tag, spec.what,
                  0,      spec.config.duration_s,           nullptr};
    ++index_;
    if (progress_) progress_(p);
    // A real server first answers one request of the run's kind on a new connection, so that
    // what an earlier run left in its accept queue is served before this run measures it; and
    // so does the real server of the run before a model's run, whose leftovers would take the
    // model's CPU. A server that refuses or fails it fails its own run, which says why.
    std::string settling;
    const std::optional<ExternalTarget> settle =
        spec.config.external ? spec.config.external : last_real_;
    last_real_ = spec.config.external;
    if (settle) {
        settling = settle_note(time_one_request(load_target_of(*settle), kSettleLimitS, stop_));
        if (stop_.stop_requested()) {
            cancelled_ = true;
            return false;
        }
    }
    Experiment experiment(spec.config);
    experiment.start();  // throws StartError
    const auto started = Clock::now();
    auto next_report = started + std::chrono::milliseconds(500);
    while (!experiment.wait_finished(0.1)) {
        if (stop_.stop_requested()) {
            cancelled_ = true;
            break;
        }
        if (progress_ && Clock::now() >= next_report) {
            p.elapsed_s = std::chrono::duration<double>(Clock::now() - started).count();
            progress_(p);
            next_report += std::chrono::milliseconds(500);
        }
    }
    experiment.stop();
    out = experiment.result();
    if (!settling.empty()) out.warnings.insert(out.warnings.begin(), "at 0.00 s: " + settling);
    if (cancelled_) return false;
    if (progress_) {
        p.elapsed_s = spec.config.duration_s;
        p.finished = &out;
        progress_(p);
    }
    return true;
}

bool MeasurementRunner::alternate(const std::vector<RunSpec>& specs, int repeats,
                                  const std::vector<std::vector<RunResult>*>& outs,
                                  std::string& error) {
    for (int r = 0; r < repeats; ++r) {
        for (std::size_t i = 0; i < specs.size(); ++i) {
            const bool of_real = specs[i].config.external.has_value();
            RunResult result;
            if (!run(specs[i], result)) return false;
            const std::string who = of_real ? "the real server" : "the model";
            auto usable = check_usable(result, who);
            if (!usable) {
                // Once more: on a busy machine a server can stall for a whole short run. Twice
                // in a row is the server's doing, and the measurement stops.
                if (!run(specs[i], result)) return false;
                usable = check_usable(result, who);
            }
            for (int again = 0; usable && rerun_uneven_ && again < 2 && landed_unevenly(result);
                 ++again) {
                if (!run(specs[i], result)) return false;
                ++uneven_reruns_;
                usable = check_usable(result, who);
            }
            outs[i]->push_back(std::move(result));
            if (!usable) {
                error = usable.error();
                return true;
            }
        }
    }
    return true;
}

}  // namespace conclab
