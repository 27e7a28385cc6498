#include "experiment/calibration_runs.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "experiment/repeat_stats.hpp"

namespace conclab::calibration_runs {

std::string connections_text(int n) {
    return std::to_string(n) + (n == 1 ? " connection" : " connections");
}

std::string us_text(double us) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f µs", us);
    return text;
}

std::string percent_text(double fraction) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f %%", 100 * fraction);
    return text;
}

std::string ratio_text(double ratio) {
    return std::to_string(ratio).substr(0, 5);
}

RunConfig at_connections(RunConfig c, int n) {
    c.load.connections = n;
    return c;
}

// Built one member at a time: GCC 12 sees an uninitialised optional in a braced list of RunSpecs.
std::vector<RunSpec> two_specs(CalibrationStep first_step, std::string first_what,
                               const RunConfig& first, CalibrationStep second_step,
                               std::string second_what, const RunConfig& second) {
    std::vector<RunSpec> specs(2);
    specs[0].tag = int(first_step);
    specs[0].what = std::move(first_what);
    specs[0].config = first;
    specs[1].tag = int(second_step);
    specs[1].what = std::move(second_what);
    specs[1].config = second;
    return specs;
}

double LoopPoints::real_rps() const {
    std::vector<double> sorted = real_runs;
    std::sort(sorted.begin(), sorted.end());
    return sorted.empty() ? 0 : sorted[(sorted.size() - 1) / 2];
}

std::vector<OverheadPoint> LoopPoints::points() const {
    std::vector<OverheadPoint> out;
    for (const OverheadPoint& p : ratios) out.push_back({p.overhead_us, p.model_rps * real_rps()});
    return out;
}

double median_pair_ratio(const std::vector<RunResult>& firsts,
                         const std::vector<RunResult>& seconds) {
    std::vector<double> ratios;
    for (std::size_t i = 0; i < std::min(firsts.size(), seconds.size()); ++i) {
        if (firsts[i].summary.rps > 0) {
            ratios.push_back(seconds[i].summary.rps / firsts[i].summary.rps);
        }
    }
    return spread_of(std::move(ratios)).median;  // 0 when no pair had a real rate
}

namespace {

// The q-quantile of sorted values, interpolated between neighbours.
double quantile(const std::vector<double>& sorted, double q) {
    const double at = q * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(at);
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (at - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

}  // namespace

std::optional<double> pooled_ratio(const std::vector<double>& real_runs,
                                   const std::vector<double>& model_runs, double tolerance) {
    if (real_runs.size() < kPooledRuns || model_runs.empty()) return std::nullopt;
    std::vector<double> real = real_runs;
    std::sort(real.begin(), real.end());
    const double real_median = quantile(real, 0.5);
    // The middle half of the real runs, so that one disturbed run does not open the gate.
    const double real_spread = quantile(real, 0.75) - quantile(real, 0.25);
    const Spread model = spread_of(model_runs);
    if (real_median <= 0 || model.median <= 0 || real_spread <= 2 * tolerance * real_median) {
        return std::nullopt;
    }
    // The model's runs are steady, so what moved the real ones is the real server itself, not
    // the machine (which would move both, and which pairs cancel).
    if (model.max - model.min > tolerance * model.median) return std::nullopt;
    return model.median / real_median;
}

bool still_getting_faster(const RunResult& run, double margin) {
    return end_over_start(run) > 1 + margin;
}

double end_over_start(const RunResult& run) {
    std::vector<std::uint64_t> measured;
    for (const MetricsSample& tick : run.series) {
        if (!tick.warmup) measured.push_back(tick.responses);
    }
    // Halves of at least two ticks: one tick's count moves more than the margin on its own
    // (a quarter of a second), and a short run would then warm up again at random.
    if (measured.size() < 4) return 1;
    const std::size_t half = measured.size() / 2;
    // An odd count leaves the middle tick out, so that both halves are as long.
    const auto sum = [&](std::size_t from, std::size_t to) {
        std::uint64_t total = 0;
        for (std::size_t i = from; i < to; ++i) total += measured[i];
        return static_cast<double>(total);
    };
    const double first = sum(0, half);
    const double second = sum(measured.size() - half, measured.size());
    return first > 0 ? second / first : 1;
}

}  // namespace conclab::calibration_runs
