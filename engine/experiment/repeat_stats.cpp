#include "experiment/repeat_stats.hpp"

#include <algorithm>
#include <cmath>

namespace conclab {

Spread spread_of(std::vector<double> values) {
    Spread s;
    s.count = static_cast<int>(values.size());
    if (values.empty()) return s;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    s.median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    s.min = values.front();
    s.max = values.back();
    return s;
}

namespace {

// The spread of one latency figure over the runs that have latencies.
std::optional<Spread> latency_spread(const std::vector<Summary>& runs,
                                     double LatencySummary::*figure) {
    std::vector<double> values;
    for (const Summary& s : runs) {
        if (s.latency) values.push_back((*s.latency).*figure);
    }
    if (values.empty()) return std::nullopt;
    return spread_of(std::move(values));
}

}  // namespace

RepeatSummary summarise_repeats(const std::vector<Summary>& runs) {
    RepeatSummary r;
    r.runs = static_cast<int>(runs.size());
    std::vector<double> rps, requests, errors;
    for (const Summary& s : runs) {
        rps.push_back(s.rps);
        requests.push_back(static_cast<double>(s.requests));
        errors.push_back(static_cast<double>(s.errors));
    }
    r.rps = spread_of(rps);
    r.requests = spread_of(std::move(requests));
    r.errors = spread_of(std::move(errors));
    r.p50_ms = latency_spread(runs, &LatencySummary::p50_ms);
    r.p90_ms = latency_spread(runs, &LatencySummary::p90_ms);
    r.p99_ms = latency_spread(runs, &LatencySummary::p99_ms);
    r.p999_ms = latency_spread(runs, &LatencySummary::p999_ms);
    r.max_ms = latency_spread(runs, &LatencySummary::max_ms);
    r.mean_ms = latency_spread(runs, &LatencySummary::mean_ms);
    for (std::size_t i = 1; i < rps.size(); ++i) {
        if (std::abs(rps[i] - r.rps.median) < std::abs(rps[r.typical_run] - r.rps.median)) {
            r.typical_run = i;
        }
    }
    return r;
}

double supported_step(const Spread& spread, double finest) {
    const double half_width = (spread.max - spread.min) / 2;
    if (!(half_width > 0) || !std::isfinite(half_width)) return finest;
    const double step = std::pow(10.0, std::floor(std::log10(half_width)));
    return std::max(step, finest);
}

double round_to_step(double value, double step) {
    if (!(step > 0)) return value;
    return std::round(value / step) * step;
}

}  // namespace conclab
