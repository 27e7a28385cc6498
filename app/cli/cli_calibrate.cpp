// `conclab-cli calibrate`: fits the model's knobs to a real server by measuring both, prints the
// fit, and saves it as a scenario when asked.
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <stop_token>

#include "cli_output.hpp"
#include "cli_run.hpp"
#include "cli_signals.hpp"
#include "experiment/calibration.hpp"
#include "report/calibration_report.hpp"
#include "report/run_report.hpp"

namespace conclab::cli {

int calibrate_cli(const CliOptions& options) {
    CalibrationSettings settings;
    settings.real = *options.target;
    settings.model = options.run;
    settings.repeats = options.repeat;
    const bool json_to_stdout = options.json_path == "-";
    if (!options.quiet) {
        std::fprintf(stderr, "Calibrating %s to %s (%.1f s per run, median of %d; Ctrl-C stops)\n",
                     run_label(options.run).c_str(), settings.real.url.c_str(),
                     options.run.duration_s, settings.repeats);
    }
    auto progress = [&](const CalibrationProgress& p) {
        if (options.quiet) return;
        if (p.finished) {
            std::fprintf(stderr, "        %.1f req/s, %llu errors\n", p.finished->summary.rps,
                         static_cast<unsigned long long>(p.finished->summary.errors));
        } else if (p.elapsed_s == 0) {
            std::fprintf(stderr, "  [%d/%d] %s\n", p.index + 1, p.steps, p.what.c_str());
        }
    };
    CalibrationResult result;
    std::exception_ptr failure;
    run_until_interrupted(
        [&](std::stop_token stop) { result = calibrate(settings, progress, stop); }, failure);
    if (failure) {
        try {
            std::rethrow_exception(failure);
        } catch (const StartError& e) {
            std::cerr << "conclab-cli: cannot start: " << e.what() << "\n";
            return 1;
        }
    }
    if (!json_to_stdout || !options.quiet) {
        (json_to_stdout ? std::cerr : std::cout) << "\n" << calibration_text(result) << std::flush;
    }
    bool ok = true;
    if (!options.json_path.empty()) {
        ok &= write_output(options.json_path, calibration_to_json(result).dump(2) + "\n",
                           options.force);
    }
    if (!options.save_path.empty() && result.has_fit && !result.cancelled) {
        try {
            if (!options.force && std::ifstream(options.save_path)) {
                throw std::runtime_error(options.save_path +
                                         " exists; use --force to overwrite it");
            }
            save_scenario_file(options.save_path, calibration_scenario(result));
            if (!options.quiet) std::fprintf(stderr, "Saved %s\n", options.save_path.c_str());
        } catch (const std::exception& e) {
            std::cerr << "conclab-cli: " << e.what() << "\n";
            ok = false;
        }
    }
    if (result.cancelled) return 130;
    if (!result.error.empty() || !ok) return 1;
    // Measured, but the fitted model is not within the tolerance: a script must not take the
    // fit for a good one.
    return result.verified ? 0 : 3;
}

}  // namespace conclab::cli
