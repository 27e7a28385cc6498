#pragma once
// Runs one experiment for conclab-cli: progress on stderr, summary on stdout, reports to files,
// Ctrl-C (SIGINT/SIGTERM/SIGHUP) stops the run cleanly and still reports what was measured.

#include <functional>
#include <string>
#include <vector>

#include "cli_options.hpp"
#include "experiment/experiment.hpp"
#include "experiment/sweep.hpp"

namespace conclab::cli {

// Renders the charts of `runs` to `path` (one run: its metrics in distinct colours; several:
// overlaid, aligned at t = 0, as the GUI's Compare), or fails with why it could not. Supplied
// by the main() of a build with the Qt chart code; empty in an engine-only build.
// A preset's name and description, when the runs came from a --scenario with a name, head the
// chart (title, then the description over the usual subtitle).
struct ChartHeading {
    std::string name;
    std::string description;
};
using ChartRenderer =
    std::function<Result<>(const std::vector<RunResult>& runs, const std::string& path,
                           bool overwrite, const ChartHeading& heading)>;

// Writes the report of `runs` (.html or .pdf by the extension, charts included); same contract as
// ChartRenderer. Empty in an engine-only build.
using ReportRenderer = ChartRenderer;
// `conclab-cli sweep --chart`: X(N) and R(N) of the sweeps, the models overlaid; same contract.
using SweepChartRenderer = std::function<Result<>(const std::vector<SweepResult>& sweeps,
                                                  const std::string& path, bool overwrite)>;

// Blocks SIGINT, SIGTERM and SIGHUP in the calling thread; call first thing in main(), before any
// thread starts, so that they wait for run_cli()'s sigtimedwait instead of killing the process.
void block_stop_signals();

// `run` (with --repeat), `compare` and `calibrate`: Ok, Failed (could not start, failed, an
// output not written), Usage (charts asked of a build without them) or Interrupted.
ExitCode run_cli(const CliOptions& options, const ChartRenderer& render_chart,
                 const ReportRenderer& render_report = {});
ExitCode compare_cli(const CliOptions& options, const ChartRenderer& render_chart,
                     const ReportRenderer& render_report = {});
ExitCode calibrate_cli(const CliOptions& options);
ExitCode sweep_cli(const CliOptions& options, const SweepChartRenderer& render_chart);
// `conclab-cli serve`: only the server side, for an external load tool; same exit codes.
ExitCode serve_cli(const CliOptions& options);

}  // namespace conclab::cli
