#pragma once
// What every stage of calibrate shares: runs of the real server and the model in pairs, the
// median of the pairs' ratios, and the words its report uses for connections, µs and percents.
// Internal to engine/experiment (calibration.cpp and its stages).

#include <optional>
#include <string>
#include <vector>

#include "core/run_config.hpp"
#include "experiment/calibration.hpp"
#include "experiment/measurement_runner.hpp"

namespace conclab::calibration_runs {

std::string connections_text(int n);
std::string us_text(double us);
std::string percent_text(double fraction);
std::string ratio_text(double ratio);  // "1.234"

RunConfig at_connections(RunConfig c, int n);

// Two runs to alternate, tagged with their steps.
std::vector<RunSpec> two_specs(CalibrationStep first_step, std::string first_what,
                               const RunConfig& first, CalibrationStep second_step,
                               std::string second_what, const RunConfig& second);

// A closed loop's measurements so far, the overhead's or the cost after I/O's: each step's value
// and the median of its pairs' ratios (model ÷ real), and every real run. next_overhead() sees
// the steps as rates beside the median of every real run so far, which moves less than any one.
struct LoopPoints {
    std::vector<OverheadPoint> ratios;
    std::vector<double> real_runs;

    double real_rps() const;
    std::vector<OverheadPoint> points() const;
};

// The median of each pair's ratio, second / first: a pair ran back to back, so what the machine
// did meanwhile (other work, frequency) touches both and cancels in the ratio.
double median_pair_ratio(const std::vector<RunResult>& firsts,
                         const std::vector<RunResult>& seconds);

// When a verification's (or a step's) pairs of runs disagree with the fit: the median of its
// model runs over the median of every real run of the calibration so far (`real_runs`, its own
// included). Only where the real server moves by itself: at least kPooledRuns real runs whose
// middle half spans more than twice the tolerance of their median (one disturbed run does not
// count), while the model's runs beside them spread no more than the tolerance (the machine was
// steady: what moved the real runs is the server). Real Express, 2 s runs back to back on an
// idle machine: 10,134 to 12,446 req/s, and its 10 s means over 90 s 9,117 to 12,363. Pairs
// cancel what moves the machine, not what moves one server; all of its runs, pooled, average
// that out. Nullopt where the pairs stand.
inline constexpr std::size_t kPooledRuns = 6;
std::optional<double> pooled_ratio(const std::vector<double>& real_runs,
                                   const std::vector<double>& model_runs, double tolerance);

// Whether a run's server was still getting faster as it ended: the second half of its measured
// ticks completed more than `margin` (a fraction) more responses than the first half (false
// with fewer than four measured ticks: too short to tell). A fresh
// Node compiles its hot paths over its first seconds (real Express, 10 connections, per second:
// 6,508, 10,065, 12,442, 13,125, then 12,000-13,000), so one warm-up run is not enough for it.
bool still_getting_faster(const RunResult& run, double margin);
// The responses of the second half of a run's measured ticks over those of the first half; 1
// when the run is too short to tell (see still_getting_faster).
double end_over_start(const RunResult& run);

}  // namespace conclab::calibration_runs
