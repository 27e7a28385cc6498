// conclab-cli: the headless front end of the engine, for scripts, CI and reproducible numbers.
#include <iostream>

#include "cli_options.hpp"
#include "cli_run.hpp"
#include "cli_validate.hpp"
#ifdef CONCLAB_HAVE_CHARTS
#include "qt_chart_renderer.hpp"
#include "qt_report_renderer.hpp"
#include "qt_validation_renderer.hpp"
#endif

int main(int argc, char** argv) {
    conclab::cli::block_stop_signals();  // before any engine thread exists
    auto parsed = conclab::cli::parse_command_line(argc, argv);
    if (!parsed.options) {
        (parsed.exit_code == 0 ? std::cout : std::cerr) << parsed.message;
        return parsed.exit_code;
    }
    if (parsed.options->command == conclab::cli::Command::Serve) {
        return conclab::cli::serve_cli(*parsed.options);
    }
    if (parsed.options->command == conclab::cli::Command::Sweep) {
        conclab::cli::SweepChartRenderer sweep_charts;
#ifdef CONCLAB_HAVE_CHARTS
        sweep_charts = conclab::cli::make_qt_sweep_chart_renderer(argc, argv);
#endif
        return conclab::cli::sweep_cli(*parsed.options, sweep_charts);
    }
    if (parsed.options->command == conclab::cli::Command::Validate) {
        conclab::cli::ValidationChartRenderer validation_chart;
#ifdef CONCLAB_HAVE_CHARTS
        validation_chart = conclab::cli::make_qt_validation_chart_renderer(argc, argv);
#endif
        return conclab::cli::validate_cli(*parsed.options, validation_chart);
    }
    if (parsed.options->command == conclab::cli::Command::Calibrate) {
        return conclab::cli::calibrate_cli(*parsed.options);
    }
    conclab::cli::ChartRenderer charts;
    conclab::cli::ReportRenderer reports;
#ifdef CONCLAB_HAVE_CHARTS
    charts = conclab::cli::make_qt_chart_renderer(argc, argv);
    reports = conclab::cli::make_qt_report_renderer(argc, argv);
#endif
    if (parsed.options->command == conclab::cli::Command::Compare) {
        return conclab::cli::compare_cli(*parsed.options, charts, reports);
    }
    return conclab::cli::run_cli(*parsed.options, charts, reports);
}
