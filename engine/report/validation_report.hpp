#pragma once
// Reports of a validation (experiment/validation.hpp): the JSON and the text table.
//
// JSON (more keys may be added, none removed):
// {"points":[{"cpu_ms":2,"io_ms":0,"connections":10,
//             "real":{"rps":X,"p50_ms":X,"p99_ms":X,"errors":N,"runs":N,
//                     "rps_low":X,"rps_high":X,"p99_low_ms":X,"p99_high_ms":X,
//                     "rps_runs":[X,…],"p99_runs_ms":[X,…]},
//             "model":{…the same…},
//             "rps_ratio":X,"p99_ratio":X,"p99_counts":true,"ok":true,
//             "within_real_spread":false,"verdict":"ok",
//             "race":null or {"boundary_ms":X,"real_low":N,"real_runs":N,"model_low":N,
//                             "model_runs":N,"p_value":X} (a p99 judged by its tallies),
//             "warnings":{"real":["at 0.00 s: …"],"model":[]}}, …],
//  "worst_rps_ratio":X,"worst_p99_ratio":X,"fidelity":X,"outside":N,"within_real_spread":N,
//  "shape":"gunicorn gthread","target":"http://…","model_config":{…},"repeats":1}

#include <string>

#include <nlohmann/json.hpp>

#include "experiment/validation.hpp"

namespace conclab {

nlohmann::json validation_to_json(const ValidationResult& result,
                                  const ValidationSettings& settings);
std::string validation_text(const ValidationResult& result, const ValidationSettings& settings);
// The CSV the GUI's Export writes: one row per point.
std::string validation_csv(const ValidationResult& result);

}  // namespace conclab
