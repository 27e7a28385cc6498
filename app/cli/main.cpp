// conclab-cli: the headless front end of the engine, for scripts, CI and reproducible numbers.
#include <cstdio>

#include "cli_output.hpp"
#include "cli_run.hpp"
#include "cli_validate.hpp"
#ifdef CONCLAB_HAVE_CHARTS
#include "qt_chart_renderer.hpp"
#include "qt_report_renderer.hpp"
#include "qt_validation_renderer.hpp"
#endif

namespace {

using conclab::cli::ExitCode;

// Everything conclab-cli prints to stdout ends up here: a summary or report that could not be
// written (stdout on a full disk, `> /dev/full`) is a failure, not a silent exit 0.
ExitCode checked_stdout(ExitCode code) {
    if (code != ExitCode::Ok) return code;  // a failure already said why
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        conclab::cli::print_error("cannot write to stdout; the output is lost");
        return ExitCode::Failed;
    }
    return code;
}

ExitCode run_command(int argc, char** argv) {
    namespace cli = conclab::cli;
    auto parsed = cli::parse_command_line(argc, argv);
    if (!parsed.options) {
        if (parsed.exit_code == ExitCode::Ok) {
            cli::print_out(parsed.message);
        } else {
            cli::print_err(parsed.message);
        }
        return parsed.exit_code;
    }
    const cli::CliOptions& options = *parsed.options;
    switch (options.command) {
        case cli::Command::Serve:
            return cli::serve_cli(options);
        case cli::Command::Calibrate:
            return cli::calibrate_cli(options);
        case cli::Command::Sweep: {
            cli::SweepChartRenderer sweep_charts;
#ifdef CONCLAB_HAVE_CHARTS
            sweep_charts = cli::make_qt_sweep_chart_renderer(argc, argv);
#endif
            return cli::sweep_cli(options, sweep_charts);
        }
        case cli::Command::Validate: {
            cli::ValidationChartRenderer validation_chart;
#ifdef CONCLAB_HAVE_CHARTS
            validation_chart = cli::make_qt_validation_chart_renderer(argc, argv);
#endif
            return cli::validate_cli(options, validation_chart);
        }
        case cli::Command::Run:
        case cli::Command::Compare:
            break;
    }
    cli::ChartRenderer charts;
    cli::ReportRenderer reports;
#ifdef CONCLAB_HAVE_CHARTS
    charts = cli::make_qt_chart_renderer(argc, argv);
    reports = cli::make_qt_report_renderer(argc, argv);
#endif
    if (options.command == cli::Command::Compare) {
        return cli::compare_cli(options, charts, reports);
    }
    return cli::run_cli(options, charts, reports);
}

}  // namespace

int main(int argc, char** argv) {
    conclab::cli::block_stop_signals();  // before any engine thread exists
    return conclab::cli::to_int(checked_stdout(run_command(argc, argv)));
}
