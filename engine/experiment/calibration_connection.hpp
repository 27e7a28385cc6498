#pragma once
// calibrate's last stage: the cost per new connection (Workload::connection_us; see
// calibration.hpp). Internal to calibrate (calibration.cpp).

#include "experiment/calibration.hpp"
#include "experiment/measurement_runner.hpp"

namespace conclab {

// Fits connection_us on top of result.fitted_config (the verified overhead, and the cost after
// I/O if fitted): zero-work requests at the calibration's connections, each on a new
// connection — the real server asked with `Connection: close`, the model closing after every
// response — alternating, in a closed loop like the overhead's. Only for a model that keeps
// connections alive and was given no connection_us (a value given is kept). Says in
// result.fitted or result.not_fitted what came of it, keeps its runs in result.connection and
// the value in result.fitted_config. False if cancelled or a run was unusable (result.error).
bool fit_connection(CalibrationResult& result, const CalibrationSettings& settings,
                    MeasurementRunner& runner);

}  // namespace conclab
