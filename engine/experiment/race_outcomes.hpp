#pragma once
// A race at one point of validate: each run's p99 lands in one of two outcomes far apart, and
// which one is decided early in the run. Node's first burst at 100 connections is one: its loop
// takes one new connection per turn, and either it has taken all 100 before their first
// requests arrive (p99 about 230 ms, 2 ms of CPU each) or it has not, and the rest wait in its
// accept queue for seconds (p99 3,200-4,200 ms). Real Express and the model each land either
// way from run to run (docs/validation.md, "A race is judged by its tallies"); which way depends
// on how fast the client connects against how fast the loop accepts, to within tens of
// microseconds.
//
// The median of three runs of such a point is a coin toss on both sides, so two servers with
// the same race disagree at it as often as not, and a median of an even count can be a figure
// neither produced. What can be compared is how often each lands low: with enough runs of each
// (kRaceRuns), Fisher's exact test on the two tallies says whether they differ more than chance
// would.

#include <optional>
#include <vector>

namespace conclab {

// Runs of each side before a race is judged by its tallies. With 9 and 9: a model that always
// lands low against a real server that did in 4 of 9 is p = 0.029, a model in 1 of 9 against a
// real server in 5 of 9 p = 0.13; 8 of 9 against 1 of 9 is p = 0.003. (With 6 and 6, 2 of 6
// against 6 of 6 is p = 0.061: too few runs to tell a model that never loses the race from a
// real server that mostly does.)
inline constexpr int kRaceRuns = 9;
// Below this the two tallies differ more than chance would.
inline constexpr double kRaceSameP = 0.05;

struct RaceTally {
    double boundary_ms = 0;  // between the two outcomes (the geometric mean across the gap)
    int real_low = 0, real_runs = 0;
    int model_low = 0, model_runs = 0;
    double p_value = 1;  // Fisher's exact test, two-sided, of real_low/real_runs vs model's
    // In each outcome both sides landed in, their medians there are within the factor: the two
    // outcomes are the same two on both sides, not a low group that one side's values stretch
    // (a group is a chain of neighbours each within the factor, so it can span any width).
    bool levels_agree = true;
};

// The two outcomes of both sides' p99s taken together: sorted, they fall into exactly two groups,
// split where one value is more than `factor` times the one below it, with no such gap within a
// group. Nothing when there is no such gap, or more than one (three outcomes), or a run
// without a p99.
std::optional<RaceTally> race_tally(const std::vector<double>& real_p99_ms,
                                    const std::vector<double>& model_p99_ms, double factor);

// Fisher's exact test of the 2×2 table [[a, b], [c, d]], two-sided: the probability, with the
// table's margins fixed, of a table as unlikely as this one or less.
double fisher_exact_two_sided(int a, int b, int c, int d);

}  // namespace conclab
