// `conclab-cli calibrate`: fits the model's knobs to a real server by measuring both, prints the
// fit, and saves it as a scenario when asked.
#include <cstdio>
#include <exception>
#include <stop_token>

#include "cli_output.hpp"
#include "cli_run.hpp"
#include "cli_signals.hpp"
#include "experiment/calibration.hpp"
#include "report/calibration_report.hpp"
#include "report/run_report.hpp"
#include "scenario/scenario.hpp"

namespace conclab::cli {

ExitCode calibrate_cli(const CliOptions& options) {
    CalibrationSettings settings;
    settings.real = *options.target;
    settings.model = options.run;
    settings.repeats = options.repeat;
    settings.fit_resume = !options.zero_work_only;
    settings.max_steps = options.max_steps;
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
    if (report_start_failure(failure)) return ExitCode::Failed;
    if (!json_to_stdout || !options.quiet) {
        (json_to_stdout ? print_err : print_out)("\n" + calibration_text(result));
    }
    bool ok = true;
    if (!options.json_path.empty()) {
        ok &= write_output(options.json_path, calibration_to_json(result).dump(2) + "\n",
                           options.force);
    }
    if (!options.save_path.empty() && result.has_fit && !result.cancelled) {
        // The scenario file's own writer, with --force deciding over an existing file.
        const bool saved = write_output(
            options.save_path, scenario_to_json(calibration_scenario(result)), options.force);
        if (saved && !options.quiet) std::fprintf(stderr, "Saved %s\n", options.save_path.c_str());
        ok &= saved;
    }
    if (result.cancelled) return ExitCode::Interrupted;
    if (!result.error.empty() || !ok) return ExitCode::Failed;
    // Measured, but the fitted model is not within the tolerance: a script must not take the
    // fit for a good one.
    return result.verified ? ExitCode::Ok : ExitCode::NotVerified;
}

}  // namespace conclab::cli
