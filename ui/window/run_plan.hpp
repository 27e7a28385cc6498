#pragma once
// What the runs on screen were started as: one run, or a comparison — the plan's runs in order,
// each repeated `repeats` times in a row. A comparison's results come back in that order, so the
// plan groups them into sets (one per run of the plan, the table's rows) and gives each run the
// colour of its set.

#include <QString>

#include <vector>

#include "core/run_config.hpp"
#include "report/compare_report.hpp"

namespace conclab::ui {

struct RunPlan {
    bool comparing = false;
    std::vector<RunConfig> configs;  // of the comparison running or last run, once each
    int repeats = 1;                 // of each of them

    // The runs to start: each config `repeats` times in a row.
    std::vector<RunConfig> runs() const;
    // The set a run belongs to (its colour): its config's place in the plan.
    int set_of(int run) const { return comparing ? run / repeats : 0; }
    // Consecutive results grouped by repeats (the last set shorter if stopped early).
    std::vector<RunSet> group(const std::vector<RunResult>& results) const;
};

// What a run is called in legends and headings, where room is short: a real server without its
// URL (the summary table gives it).
QString chart_label(const RunConfig& config);

}  // namespace conclab::ui
