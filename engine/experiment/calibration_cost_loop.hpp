#pragma once
// The closed loop calibrate's later stages share: one framework cost of the model (the cost
// after I/O, the cost per new connection) is fitted so that the model runs at the real server's
// rate on a workload where that cost shows. Real and model alternate, each step's ratio is the
// median of back-to-back pairs, the next value is next_overhead()'s (the median of what the
// steps imply), and a step within the tolerance is verified by one more median; outside, the
// loop goes on from it and verifies once more. Internal to engine/experiment.

#include <functional>
#include <string>
#include <vector>

#include "experiment/calibration.hpp"
#include "experiment/calibration_runs.hpp"
#include "experiment/measurement_runner.hpp"

namespace conclab::calibration_runs {

struct CostLoopSpec {
    CalibrationStep real_step = CalibrationStep::Real;
    CalibrationStep model_step = CalibrationStep::Fit;
    std::string real_what;                          // the progress line of a real run
    std::function<std::string(double)> model_what;  // ... of a model run with this value
    RunConfig real;
    RunConfig model;  // the value is set with `set` on a copy for each run
    std::function<void(RunConfig&, double)> set;
};

// The loop's state; its points are (value in µs, model ÷ real of the pairs).
class CostLoop : public LoopPoints {
public:
    CostLoop(CostLoopSpec spec, CalibrationResult& result, const CalibrationSettings& settings,
             MeasurementRunner& runner)
        : spec_(std::move(spec)), result_(result), settings_(settings), runner_(runner) {}

    // One step: the real server and the model with `value_us`, alternating. The first one's
    // median real run is kept (first_real()). False if cancelled or a run was unusable.
    bool measure(double value_us, std::string how);
    // From the steps measured so far, at most `max_steps` more, each verified as above. False
    // if cancelled or a run was unusable.
    bool converge(int max_steps);

    // The step without the cost ran the model at `without` × the real server; not faster than
    // the tolerance allows, one more median decides (a real server's rate away from zero work
    // moves from run to run). Sets `not_needed` to the report's line (named `name`, measured
    // `at`: "with 50 ms of I/O at 118 connections") when the cost is not needed, and `without`
    // to the ratio the report gives. False if cancelled or a run was unusable.
    bool confirm_needed(const std::string& name, const std::string& at, double& without,
                        std::string& not_needed);
    // The report's line for the value kept once converge() ran: fitted, or the nearest step.
    std::string fitted_line(const std::string& name, const std::string& at, double without) const;

    bool within(double ratio) const;
    // The caller measured a value and its verification within the tolerance itself.
    void mark_converged() { converged_ = true; }
    bool converged() const { return converged_; }
    const std::vector<CostStep>& steps() const { return steps_; }
    const RunResult& first_real() const { return first_real_; }
    // The step kept: the converged one, or the one nearest the real rate.
    const CostStep& kept() const;

private:
    CostLoopSpec spec_;
    CalibrationResult& result_;
    const CalibrationSettings& settings_;
    MeasurementRunner& runner_;
    std::vector<CostStep> steps_;
    RunResult first_real_;
    bool converged_ = false;
};

}  // namespace conclab::calibration_runs
