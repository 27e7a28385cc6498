#pragma once
// Reports of a sweep (conclab-cli sweep): the JSON document and a text table.
//
// One model:  {"version":…, "model":…, "label":…, "config":{…}, "step_s":S, "warmup_s":W,
//              "points":[{"connections":N, "rps":X, "latency_ms":{"mean","p50","p99"},
//                         "in_service":…, "waiting":…, "server_cpu_pct":…, "errors":…,
//                         "little":{"n":N, "x_r":X·R, "ratio":…, "ok":…, "reason":…}}, …],
//              "fit":{"ok":…, "why_not":…, "lambda":{"value","low","high"}, "sigma":…,
//                     "kappa":…, "n_star":…, "r2":…, "residuals":[…], "caution":…}}
// Several:    {"version":…, "sweeps":[<the above without "version">, …]}

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "experiment/sweep.hpp"

namespace conclab {

nlohmann::json usl_fit_to_json(const UslFit& fit);
nlohmann::json sweep_to_json(const SweepResult& sweep);
nlohmann::json sweeps_to_json(const std::vector<SweepResult>& sweeps);
std::string sweep_text(const SweepResult& sweep);

}  // namespace conclab
