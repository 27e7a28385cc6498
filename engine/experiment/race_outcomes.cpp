#include "experiment/race_outcomes.hpp"

#include <algorithm>
#include <cmath>

#include "experiment/repeat_stats.hpp"

namespace conclab {

namespace {

// log of n choose k.
double log_choose(int n, int k) {
    return std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0);
}

}  // namespace

double fisher_exact_two_sided(int a, int b, int c, int d) {
    if (a < 0 || b < 0 || c < 0 || d < 0) return 1;
    const int row1 = a + b, row2 = c + d, col1 = a + c, n = a + b + c + d;
    if (n == 0) return 1;
    // P(top-left cell = x): the hypergeometric distribution of the margins.
    const auto probability = [&](int x) {
        return std::exp(log_choose(row1, x) + log_choose(row2, col1 - x) - log_choose(n, col1));
    };
    const double observed = probability(a);
    double p = 0;
    for (int x = std::max(0, col1 - row2); x <= std::min(row1, col1); ++x) {
        const double px = probability(x);
        if (px <= observed * (1 + 1e-9)) p += px;  // ties count, as R's fisher.test does
    }
    return std::min(1.0, p);
}

std::optional<RaceTally> race_tally(const std::vector<double>& real_p99_ms,
                                    const std::vector<double>& model_p99_ms, double factor) {
    std::vector<double> all(real_p99_ms);
    all.insert(all.end(), model_p99_ms.begin(), model_p99_ms.end());
    if (real_p99_ms.empty() || model_p99_ms.empty() ||
        std::any_of(all.begin(), all.end(), [](double v) { return !(v > 0); })) {
        return std::nullopt;
    }
    std::sort(all.begin(), all.end());
    std::optional<double> boundary;
    for (std::size_t i = 1; i < all.size(); ++i) {
        if (all[i] <= all[i - 1] * factor) continue;
        if (boundary) return std::nullopt;  // a second gap: three outcomes
        boundary = std::sqrt(all[i] * all[i - 1]);
    }
    if (!boundary) return std::nullopt;
    const auto low = [&](const std::vector<double>& runs) {
        return static_cast<int>(
            std::count_if(runs.begin(), runs.end(), [&](double v) { return v < *boundary; }));
    };
    RaceTally t;
    t.boundary_ms = *boundary;
    t.real_low = low(real_p99_ms);
    t.real_runs = static_cast<int>(real_p99_ms.size());
    t.model_low = low(model_p99_ms);
    t.model_runs = static_cast<int>(model_p99_ms.size());
    t.p_value = fisher_exact_two_sided(t.real_low, t.real_runs - t.real_low, t.model_low,
                                       t.model_runs - t.model_low);
    for (const bool below : {true, false}) {
        const auto in_outcome = [&](const std::vector<double>& runs) {
            std::vector<double> out;
            for (double v : runs) {
                if ((v < *boundary) == below) out.push_back(v);
            }
            return out;
        };
        const std::vector<double> real = in_outcome(real_p99_ms);
        const std::vector<double> model = in_outcome(model_p99_ms);
        if (real.empty() || model.empty()) continue;
        const double a = spread_of(real).median, b = spread_of(model).median;
        if (std::max(a, b) > std::min(a, b) * factor) t.levels_agree = false;
    }
    return t;
}

}  // namespace conclab
