#pragma once
// Runs of the shipped presets for the recipe tests (tst_recipes, tst_recipe_cpu_ratios): the
// preset files as shipped, scaled down in time only, on real worker processes and the real load
// generator. Needs CONCLAB_PRESETS_DIR.

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <algorithm>
#include <string>
#include <vector>

#include "experiment/comparison.hpp"
#include "experiment/experiment.hpp"
#include "scenario/scenario.hpp"

namespace conclab::test {

constexpr double kHangS = 60;  // only catches a hang
constexpr double kNoLimit = 1e300;

// The largest number of requests any server held in service at one moment during the run.
inline int in_service_peak(const RunResult& r) {
    int peak = 0;
    for (const MetricsSample& m : r.series)
        peak = std::max(peak, m.server_in_service_peak.value_or(0));
    return peak;
}

inline RunResult run(RunConfig config) {
    Experiment e(std::move(config));
    e.start();
    if (!e.wait_finished(kHangS)) qFatal("run did not finish");
    RunResult r = e.result();
    if (!r.fatal_error.empty()) qFatal("run failed: %s", r.fatal_error.c_str());
    return r;
}

inline Scenario preset(const char* file) {
    const std::string path = std::string(CONCLAB_PRESETS_DIR) + "/" + file;
    Result<Scenario> parsed = load_scenario_file(path);
    if (!parsed) qFatal("%s", parsed.error().c_str());
    return *parsed;
}

// The preset's runs (its comparison, or the one run), each shortened to `seconds`.
inline std::vector<RunResult> run_preset(const char* file, double seconds) {
    const Scenario s = preset(file);
    std::vector<RunConfig> plan =
        s.compare.empty() ? std::vector<RunConfig>{s.run} : comparison_runs(s.run, s.compare);
    std::vector<RunResult> results;
    for (RunConfig& c : plan) {
        c.duration_s = seconds;
        c.warmup_s = 1;
        results.push_back(run(c));
    }
    return results;
}

inline QString rates(const std::vector<RunResult>& r) {
    QStringList parts;
    for (const RunResult& x : r) parts << QString::number(x.summary.rps, 'f', 1);
    return parts.join(" vs ") + " req/s";
}

// Whether run `b` of the preset's comparison serves between `low` and `high` × run `a`'s req/s
// (at least low, less than high), both runs serving. A throughput ratio on a shared 2-core
// machine depends on what else runs, so the comparison gets two more chances before the
// direction is called wrong; `seen` says what each attempt measured.
inline bool ratio_within(const char* file, std::size_t a, std::size_t b, double low, double high,
                         QString& seen) {
    for (int attempt = 0; attempt < 3; ++attempt) {
        const auto r = run_preset(file, 3);
        seen += (seen.isEmpty() ? "" : "; then ") + rates(r);
        if (r[a].summary.rps <= 0 || r[b].summary.rps <= 0) continue;  // a run that served nothing
        const double ratio = r[b].summary.rps / r[a].summary.rps;
        if (ratio >= low && ratio < high) return true;
    }
    return false;
}

}  // namespace conclab::test
