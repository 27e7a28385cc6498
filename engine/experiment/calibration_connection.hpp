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
//
// `start_us`: where the loop starts, first_connection_estimate()'s value (0: from scratch, with
// a first step without it).
bool fit_connection(CalibrationResult& result, const CalibrationSettings& settings,
                    MeasurementRunner& runner, double start_us);

// Whether calibrate fits the cost per new connection for this model (it keeps connections alive,
// none was given, the settings ask for it).
bool fits_connection(const CalibrationSettings& settings, const RunConfig& model);

// Before the overhead's loop: a first value, from the real server closing against `model` (the
// overhead's first estimate) closing, one pair of medians, so that the overhead is then fitted
// with new connections spread over workers as they will be (with none, a gevent model's idle
// worker takes a burst of new connections alone, and the loop chases that noise: 8 steps).
// Kept in result.connection as its first step. 0 when the model is not slower than the real
// server there. False if cancelled or a run was unusable (result.error).
bool first_connection_estimate(CalibrationResult& result, const CalibrationSettings& settings,
                               MeasurementRunner& runner, const RunConfig& model, double& out_us);

}  // namespace conclab
