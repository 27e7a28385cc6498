#include "experiment/calibration_cost_loop.hpp"

#include <algorithm>
#include <cmath>

namespace conclab::calibration_runs {

bool CostLoop::within(double ratio) const {
    return std::abs(ratio - 1) <= settings_.tolerance;
}

bool CostLoop::measure(double value_us, std::string how) {
    RunConfig model = spec_.model;
    spec_.set(model, value_us);
    std::vector<RunResult> reals, models;
    if (!runner_.alternate(two_specs(spec_.real_step, spec_.real_what, spec_.real, spec_.model_step,
                                     spec_.model_what(value_us), model),
                           settings_.repeats, {&reals, &models}, result_.error) ||
        !result_.error.empty()) {
        return false;
    }
    if (steps_.empty()) first_real_ = median_run(reals);
    for (const RunResult& r : reals) real_runs.push_back(r.summary.rps);
    const double ratio = median_pair_ratio(reals, models);
    ratios.push_back({value_us, ratio});
    steps_.push_back({value_us, median_run(models).summary.rps, ratio, std::move(how)});
    return true;
}

bool CostLoop::converge(int max_steps) {
    // The loop, then one more independent median of the value it reached (a real server's rate
    // away from zero work moves more from run to run: one step inside the tolerance can be
    // luck). Outside it, the loop goes on from that measurement and verifies once more.
    int steps_left = max_steps;
    for (int verification = 0; verification < 2 && !converged_; ++verification) {
        bool inside = false;
        for (; steps_left > 0 && !inside; --steps_left) {
            std::string how;
            const double next = next_overhead(points(), real_rps(), result_.parallelism, &how);
            if (!measure(next, how)) return false;
            inside = within(steps_.back().ratio);
        }
        if (!inside) break;
        if (!measure(steps_.back().value_us, "verification: one more median")) return false;
        converged_ = within(steps_.back().ratio);
        steps_left = std::max(steps_left, 2);
    }
    return true;
}

bool CostLoop::confirm_needed(const std::string& name, const std::string& at, double& without,
                              std::string& not_needed) {
    if (without > 1 + settings_.tolerance) return true;
    if (!measure(0, "confirming: without it, one more median")) return false;
    const double again = steps_.back().ratio;
    if (again <= 1 + settings_.tolerance) {
        not_needed = name + ": not fitted, set to 0: " + at + " the model ran at " +
                     ratio_text(without) + "× and " + ratio_text(again) +
                     "× the real server, within ±" + percent_text(settings_.tolerance) +
                     " or slower";
        return true;
    }
    without = again;
    return true;
}

std::string CostLoop::fitted_line(const std::string& name, const std::string& at,
                                  double without) const {
    const CostStep& step = kept();
    const std::string figures = "real " + std::to_string(static_cast<long>(real_rps())) +
                                " req/s; the model without it at " + ratio_text(without) + "× that";
    if (converged_) {
        return name + ": " + us_text(step.value_us) +
               ", fitted in a closed loop to the real server's rate " + at + " (" + figures + ")";
    }
    return name + ": " + us_text(step.value_us) + ", the nearest of " +
           std::to_string(steps_.size()) + " steps, at " + ratio_text(step.ratio) +
           "× the real server " + at + ", outside ±" + percent_text(settings_.tolerance) + " (" +
           figures + ")";
}

const CostStep& CostLoop::kept() const {
    if (converged_) return steps_.back();
    return *std::min_element(steps_.begin(), steps_.end(),
                             [](const CostStep& a, const CostStep& b) {
                                 return std::abs(std::log(a.ratio)) < std::abs(std::log(b.ratio));
                             });
}

}  // namespace conclab::calibration_runs
