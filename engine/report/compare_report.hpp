#pragma once
// Reports of several runs: the same experiment repeated (`--repeat N`) and a comparison of
// models (and a real server) on one workload. A "run set" is the repeats of one experiment; a
// single run is a set of one, reported exactly as run_report does.
//
// A repeated run's JSON is a run report whose summary holds medians, plus their spread and the
// reports of every repeat (more keys may be added, none removed):
// {"model":"event-loop", "label":"event-loop", "config":{...}, "repeat":3,
//  "summary":{"rps":X, "requests":X, "errors":X,
//             "latency_ms":{"p50":X,"p90":X,"p99":X,"p999":X,"max":X,"mean":X},
//             "spread":{"rps":{"min":X,"max":X}, "requests":{...}, "errors":{...},
//                       "latency_ms":{"p50":{"min":X,"max":X}, ...}}},
//  "repeats":[<run report>, ...]}
// A comparison: {"runs":[<run report or repeated run report>, ...]}.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "experiment/experiment.hpp"
#include "experiment/repeat_stats.hpp"

namespace conclab {

using RunSet = std::vector<RunResult>;  // the repeats of one experiment, at least one

// "19,800 (19,100–20,500)": the median and min–max, rounded to the digits the spread supports
// (never more than `decimals`); a set of one prints the value alone, with `decimals`.
std::string spread_text(const Spread& spread, int decimals);
// 19759.2 → "19,759" with 0 decimals: thousands grouped with commas.
std::string grouped_number(double value, int decimals);
// A ratio with two significant digits: "0.01", "0.52", "1.97", "12".
std::string ratio_text(double ratio);

nlohmann::json run_set_to_json(const RunSet& runs);
// Each run's figures, then the medians with their spread.
std::string run_set_text(const RunSet& runs);

nlohmann::json comparison_to_json(const std::vector<RunSet>& runs);
// One row per run set: label, req/s, ratio to the first ("0.01× event-loop"), p50, p99, p99.9,
// errors; medians and spreads when repeated.
std::string comparison_text(const std::vector<RunSet>& runs);

}  // namespace conclab
