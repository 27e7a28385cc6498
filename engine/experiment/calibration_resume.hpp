#pragma once
// calibrate's last stage: the cost after I/O (Workload::resume_us; see calibration.hpp).
// Internal to calibrate (calibration.cpp).

#include "experiment/calibration.hpp"
#include "experiment/measurement_runner.hpp"

namespace conclab {

// Fits resume_us on top of result.fitted_config, the verified overhead: the real server and the
// model with settings.resume_io_ms of I/O per request, alternating, at the connections
// plan_resume_fit() gives, in a closed loop like the overhead's. Says in result.fitted or
// result.not_fitted what came of it, keeps its runs in result.resume and the value in
// result.fitted_config. False if cancelled or a run was unusable (result.error says which).
bool fit_resume(CalibrationResult& result, const CalibrationSettings& settings,
                MeasurementRunner& runner);

}  // namespace conclab
