#pragma once
// Open a saved run: reads a JSON report written by `conclab-cli run|compare --json` or by the
// GUI's File → Export data back into RunResults, so that a run measured headless can be shown
// (and compared) as if it had just run. Accepts the four shapes the writers produce:
//   a run report (run_result_to_json), a repeated run ({"repeat":N, "repeats":[...]}),
//   a comparison ({"runs":[...]}, from the CLI) and the GUI's {"comparison":[...]}.
// A broken or foreign document gives an error naming the first bad value, never a crash.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.hpp"
#include "experiment/experiment.hpp"
#include "report/compare_report.hpp"

namespace conclab {

struct SavedRuns {
    // One set for a run (its repeats, if repeated); one set per run of a comparison.
    std::vector<RunSet> sets;
    bool comparison = false;             // the document was a comparison (even of one run)
    std::vector<RunResult> all() const;  // every run, in order
};

// The runs, or the first bad value: "runs[1].summary.rps: expected a number".
Result<SavedRuns> parse_saved_runs(std::string_view json_text);
// As parse_saved_runs, the reason prefixed with the path.
Result<SavedRuns> load_saved_runs_file(const std::string& path);
// One run report; throws JsonFieldError naming the bad value.
RunResult run_result_from_json(const nlohmann::json& report);

}  // namespace conclab
