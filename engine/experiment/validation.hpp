#pragma once
// Validation: the (calibrated) model against the real server it stands for, on a grid of
// workloads and connection counts. Calibration makes one figure agree (saturated zero-work
// throughput); validation shows how far the model is from the real server everywhere else,
// with error bars: per point req/s, p50 and p99 of both, the ratios model/real, a verdict, and
// the worst ratio over the grid (the fidelity score).
//
// The real server's work per request is asked through the URL: GET <path>?cpu_ms=X&io_ms=Y
// must burn X ms of CPU and then wait Y ms before answering (resources/reference_apps/ has a
// Flask and an Express app that do; docs/validation.md). The model runs the same X and Y as its
// cpu_ms and io_ms, with its own overhead (the calibrated one) on top.
//
// Runs alternate: real, model, real, model… so that both see whatever else the machine does.

#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/run_config.hpp"
#include "experiment/experiment.hpp"
#include "experiment/race_outcomes.hpp"

namespace conclab {

struct ValidationPoint {
    double cpu_ms = 0;
    double io_ms = 0;
    int connections = 10;
};

// CPU-bound (2 ms), I/O-bound (50 ms) and mixed (1 ms + 20 ms) at 10, 100 and 1,000
// connections: the workloads of the article's claims at its scale.
std::vector<ValidationPoint> default_validation_grid();
// "cpu=0,5;io=0,50;c=10,1000": every combination, or an error naming the bad part.
Result<std::vector<ValidationPoint>> parse_validation_grid(std::string_view spec);
// The real server's URL path for a point: the target's path with cpu_ms and io_ms added to its
// query ("/?cpu_ms=2&io_ms=0", "/work?x=1&cpu_ms=2&io_ms=0").
std::string path_for_point(const std::string& path, const ValidationPoint& point);

struct ValidationSettings {
    ExternalTarget real;
    // The model as calibrated (server, overhead), and the load's threads, timeout, duration,
    // warmup and tick of every run; connections and cpu/io work come from each point.
    RunConfig model;
    std::vector<ValidationPoint> points = default_validation_grid();
    // Runs of each side per point; the median counts. A point whose p99 is off while a side's
    // runs disagree by more than the bound, or left requests unanswered (a race at the start of
    // the run), is run again until each side has kRaceRuns, and judged on all of them.
    int repeats = 1;
    double rps_tolerance = 0.15;  // req/s within ±15 %
    double p99_factor = 1.5;      // p99 within a factor 1.5 where the server is saturated
};

struct ValidationSide {
    double rps = 0;
    double p50_ms = 0;
    double p99_ms = 0;
    std::uint64_t errors = 0;
    // The p99 is one of the requests still unanswered when the run ended (at least 1 % of those
    // counted): how long it had waited, so the latency is at least this (Summary::unanswered).
    // Two such p99s agree only as far as the run was long.
    bool p99_lower_bound = false;
    // Over the side's runs (--repeat): each figure above is their median, and these are the
    // lowest and highest, the median's error bar. With one run they are the figure itself.
    int runs = 1;
    double rps_low = 0, rps_high = 0;
    double p99_low_ms = 0, p99_high_ms = 0;
    std::vector<double> rps_runs, p99_runs_ms;  // each run's, in the order they ran
};

struct ValidationPointResult {
    ValidationPoint point;
    ValidationSide real, model;
    RunResult real_run, model_run;  // the median runs
    double rps_ratio = 0;           // model / real
    double p99_ratio = 0;           // model / real
    // p99 counts where the server is saturated: the model's CPU ≥ 80 % of what it can use, or
    // its requests queue (in service + waiting above its workers × threads).
    bool p99_counts = false;
    bool ok = false;
    // ok only against the real server's own spread: its runs disagreed with their median by more
    // than the bound (Node's first burst at 100 connections: p99 224 ms in one run, 4,200 ms in
    // the next), and the model is within the bound of one of those runs, not of their median.
    bool within_real_spread = false;
    // A p99 that lands in one of two outcomes from run to run (race_outcomes.hpp): with
    // kRaceRuns of each side, judged by how often each landed low, ok when the two tallies do
    // not differ more than chance would; counted with the points ok against the real server's
    // own spread.
    std::optional<RaceTally> race;
    std::string verdict;  // "ok", or what is off and its likely reason
    // Every distinct warning of each side's runs (a real server still busy before a run, errors
    // by kind, …), as the runs word them.
    std::vector<std::string> real_warnings, model_warnings;
};

struct ValidationResult {
    std::string shape;  // the model in words
    std::vector<ValidationPointResult> points;
    double worst_rps_ratio = 1;  // by |log r|
    double worst_p99_ratio = 1;  // by |log r|, over the points where p99 counts
    double fidelity = 1;         // the worse of the two
    int outside = 0;             // points not ok
    int within_real_spread = 0;  // points ok only against the real server's own spread
    int repeats = 1;
    bool cancelled = false;
    std::string error;  // a run failed to start, or the real server answered nothing
};

// What validate() reports while it runs (as the calibration's progress).
struct ValidationProgress {
    int index = 0, most = 1;
    std::string what;
    double elapsed_s = 0, duration_s = 0;
    const RunResult* finished = nullptr;
};
using ValidationProgressFn = std::function<void(const ValidationProgress&)>;

// |log r|: 0.8 is as far off as 1.25.
double log_distance(double ratio);
// One side's figures of a point from its run.
ValidationSide validation_side(const RunResult& r);
// From its runs: the median of each figure, with the lowest and highest.
ValidationSide validation_side(const std::vector<RunResult>& runs);
// The verdict of one point from its figures (pure, for tests).
void judge_point(ValidationPointResult& p, const ValidationSettings& settings);

// A judged point to run again until each side has kRaceRuns: only its p99 is off, and either
// side's runs disagree with each other by more than the bound, or a run left requests
// unanswered when it ended (connections still in an accept queue: the start of the run decided
// its tail). `reals` and `models` are the point's runs so far.
bool wants_race_runs(const ValidationPointResult& p, const std::vector<RunResult>& reals,
                     const std::vector<RunResult>& models, const ValidationSettings& settings);

// Blocks for about points × 2 × repeats × duration. Throws StartError when a run cannot start.
ValidationResult validate_model(const ValidationSettings& settings,
                                const ValidationProgressFn& progress = {},
                                std::stop_token stop = {});

}  // namespace conclab
