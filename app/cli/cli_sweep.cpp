// `conclab-cli sweep`: for each model, steps the connection count and prints throughput and
// latency at each step (X(N), R(N)); JSON and a chart on request.
#include <cstdio>
#include <exception>
#include <stop_token>

#include "cli_output.hpp"
#include "cli_run.hpp"
#include "cli_signals.hpp"
#include "experiment/sweep.hpp"
#include "report/run_report.hpp"
#include "report/sweep_report.hpp"

namespace conclab::cli {

ExitCode sweep_cli(const CliOptions& options, const SweepChartRenderer& render_chart) {
    if (!options.chart_path.empty() && !render_chart) {
        print_error("--chart needs the Qt chart code, which this build left out");
        return ExitCode::Usage;
    }
    std::vector<SweepResult> sweeps;
    bool interrupted = false;
    for (std::size_t m = 0; m < options.models.size() && !interrupted; ++m) {
        SweepSettings settings;
        settings.base = options.run;
        settings.base.server.model = options.models[m];
        settings.connections = options.sweep_connections;
        settings.idle = options.sweep_idle;
        settings.step_s = options.step_s;
        settings.warmup_s = options.sweep_warmup_s;
        const std::string label = run_label(settings.base);
        if (!options.quiet) {
            std::fprintf(stderr,
                         "[%zu/%zu] Sweeping %s over %zu connection counts, %.1f s each "
                         "after %.1f s warm-up (Ctrl-C stops)\n",
                         m + 1, options.models.size(), label.c_str(), settings.connections.size(),
                         settings.step_s, settings.warmup_s);
        }
        auto progress = [&](const SweepProgress& p) {
            if (options.quiet || !p.finished) return;
            std::fprintf(stderr, "  N = %5d  %9.1f req/s  mean %8.2f ms  p99 %8.2f ms%s\n",
                         p.connections, p.finished->rps, p.finished->mean_ms, p.finished->p99_ms,
                         p.finished->little.ok ? "" : "  (Little's law off)");
        };
        SweepResult result;
        std::exception_ptr failure;
        if (run_until_interrupted(
                [&](std::stop_token stop) { result = run_sweep(settings, progress, stop); },
                failure)) {
            interrupted = true;
        }
        if (report_start_failure(failure, " " + label)) return ExitCode::Failed;
        interrupted = interrupted || result.cancelled;
        sweeps.push_back(std::move(result));
    }
    const bool json_to_stdout = options.json_path == "-";
    if (!json_to_stdout || !options.quiet) {
        for (const SweepResult& s : sweeps) {
            (json_to_stdout ? print_err : print_out)("\n" + sweep_text(s));
        }
    }
    bool ok = true;
    if (!options.json_path.empty()) {
        ok &= write_output(options.json_path, sweeps_to_json(sweeps).dump(2) + "\n", options.force);
    }
    if (!options.chart_path.empty() && !sweeps.empty()) {
        if (Result<> written = render_chart(sweeps, options.chart_path, options.force); !written) {
            print_error(written.error());
            ok = false;
        }
    }
    if (interrupted) return ExitCode::Interrupted;
    return ok ? ExitCode::Ok : ExitCode::Failed;
}

}  // namespace conclab::cli
