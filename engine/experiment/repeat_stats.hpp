#pragma once
// The same experiment run N times (`--repeat N`): the median of each figure with its spread
// (min–max), and how many digits that spread supports. Pure functions of finished summaries, so
// the CLI, the GUI and tests share them.
//
// Why the median and min–max rather than mean ± standard deviation: with 3 to 10 runs on a
// shared machine one disturbed run is common, and the median ignores it while min–max still
// shows it happened; neither assumes a normal distribution.

#include <cstddef>
#include <optional>
#include <vector>

#include "metrics/metrics.hpp"

namespace conclab {

struct Spread {
    double median = 0;
    double min = 0;
    double max = 0;
    int count = 0;  // values it was made of
};

// Median (the mean of the middle two for an even count), min and max. Empty input → count 0.
Spread spread_of(std::vector<double> values);

struct RepeatSummary {
    int runs = 0;
    Spread rps;
    Spread requests;
    Spread errors;
    // Over the runs in which a response completed; empty when none did.
    std::optional<Spread> p50_ms, p90_ms, p99_ms, p999_ms, max_ms, mean_ms;
    // The run whose req/s is closest to the median: the one to chart as "typical".
    std::size_t typical_run = 0;
};

RepeatSummary summarise_repeats(const std::vector<Summary>& runs);

// The rounding step the spread supports: the power of ten of half its width, so that
// 19,759 (18,970–20,550) keeps hundreds. Never finer than `finest` (the precision the figure is
// printed with anyway); `finest` also when the spread is zero (one run, or identical runs).
double supported_step(const Spread& spread, double finest);
// `value` rounded to a multiple of `step`.
double round_to_step(double value, double step);

}  // namespace conclab
