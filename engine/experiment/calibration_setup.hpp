#pragma once
// What calibrate runs, set up from the user's settings: the model's runs (zero work, the
// overhead being fitted) and the words for its shape, and the check that the real server keeps
// or closes its connections as the model does. Internal to engine/experiment (calibration.cpp).

#include <string>

#include "core/run_config.hpp"
#include "experiment/calibration.hpp"

namespace conclab::calibration_runs {

// The model run of the settings, as calibration measures it: its own server (no target, no
// heavy connections), zero work, and some warmup.
RunConfig calibration_base(const RunConfig& model);
// `c` with the framework cost held (under the GIL, where there is one) and released.
RunConfig with_overhead(RunConfig c, double held_us, double released_us);
// The shape's name from the table of server shapes, else the model's.
std::string shape_words(const ServerConfig& server);
// The real server closes connections after its responses while the model keeps them, or the
// other way round: the fit then prices connection set-up into the wrong place. Warns in
// result.warnings.
void check_keep_alive(CalibrationResult& result, const RunConfig& model);

}  // namespace conclab::calibration_runs
