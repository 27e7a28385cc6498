#pragma once
// Reports of a calibration (experiment/calibration.hpp): JSON, text, and the scenario that keeps
// the fitted values.
//
// JSON (more keys may be added, none removed):
// {"real":{"url":"http://…","label":…,"connections":10,"rps":X,"requests":N,"errors":N,
//          "latency_ms":{"p50":X,"p99":X,...}},
//  "model_before":{"model":"event-loop","label":…,"overhead_us":0,"rps":X,...},
//  "real_one_connection":{...}|null, "model_before_one_connection":{...}|null,
//  "parallelism":1, "overhead_us":X, "overhead_released_us":X|null, "fit_note":"…"|null,
//  "model_after":{"model":…,"overhead_us":X,"rps":X,...}, "ratio":X|null, "error":"…"|null,
//  "cancelled":false}
// overhead_released_us is null when it was not fitted (one measurement).

#include <string>

#include <nlohmann/json.hpp>

#include "experiment/calibration.hpp"
#include "scenario/scenario.hpp"

namespace conclab {

nlohmann::json calibration_to_json(const CalibrationResult& result);
std::string calibration_text(const CalibrationResult& result);
// The fitted model as a scenario (name and description say what it was fitted to).
Scenario calibration_scenario(const CalibrationResult& result);

}  // namespace conclab
