#include "cli_run.hpp"

#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <stop_token>

#include "cli_output.hpp"
#include "cli_signals.hpp"
#include "experiment/comparison.hpp"
#include "experiment/repeat_stats.hpp"
#include "process/fd_limit.hpp"
#include "process/server_host.hpp"
#include "report/compare_report.hpp"
#include "report/run_report.hpp"

namespace conclab::cli {

namespace {

void print_progress(const Snapshot& s) {
    if (s.samples.empty()) return;
    const MetricsSample& m = s.samples.back();
    std::fprintf(stderr, "  %6.1f s  %9.1f req/s  p50 %8.2f ms  p99 %8.2f ms  open %5d", m.t_s,
                 m.rps, m.p50_ms.value_or(0), m.p99_ms.value_or(0), m.client_open);
    if (m.server_in_service) {
        // The tick's peaks are counts (whole); its time averages say they are averages.
        std::fprintf(stderr, "  in service %5d peak %7.1f avg  waiting %5d peak %7.1f avg",
                     m.server_in_service_peak.value_or(0), *m.server_in_service,
                     m.server_waiting_peak.value_or(0), m.server_waiting.value_or(0));
        if (m.server_accept_queue.value_or(0) > 0) {
            std::fprintf(stderr, "  accept queue %5d", *m.server_accept_queue);
        }
    }
    if (m.errors > 0)
        std::fprintf(stderr, "  errors %llu", static_cast<unsigned long long>(m.errors));
    std::fprintf(stderr, "\n");
}

}  // namespace

void block_stop_signals() {
    const sigset_t set = stop_signals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

namespace {

struct RunOutcome {
    RunResult result;
    bool started = false;
    bool interrupted = false;
};

// Runs one experiment to its end (or Ctrl-C), with progress lines on stderr; kills the busiest
// worker at each of `kill_at` (seconds, ascending).
RunOutcome run_one(const RunConfig& config, bool quiet, const std::string& heading,
                   const std::vector<double>& kill_at = {}) {
    RunOutcome out;
    Experiment experiment(config);
    try {
        experiment.start();
    } catch (const StartError& e) {
        print_error("cannot start" + (heading.empty() ? std::string() : " " + heading) + ": " +
                    e.what());
        return out;
    }
    out.started = true;
    if (!quiet) {
        std::fprintf(stderr, "%sRunning %s on 127.0.0.1:%u for %.1f s (Ctrl-C stops early)\n",
                     heading.empty() ? "" : (heading + " ").c_str(),
                     config.external ? config.external->url.c_str()
                                     : std::string(to_string(config.server.model)).c_str(),
                     experiment.snapshot().port, config.duration_s);
    }
    std::size_t next = 0;
    double last_progress = 0;
    std::size_t kills = 0;
    while (!experiment.wait_finished(0.0)) {
        if (kills < kill_at.size() && experiment.snapshot().elapsed_s >= kill_at[kills]) {
            const auto killed = experiment.kill_worker();
            if (killed) {
                std::fprintf(stderr, "  killed worker %d (SIGKILL) at %.1f s\n", *killed,
                             kill_at[kills]);
            } else {
                std::fprintf(stderr, "  could not kill a worker at %.1f s: %s\n", kill_at[kills],
                             killed.error().c_str());
            }
            ++kills;
        }
        if (stop_signal_within(0.2)) {
            out.interrupted = true;
            std::fprintf(stderr, "Stopping (interrupted)...\n");
            experiment.stop();
            break;
        }
        Snapshot s = experiment.snapshot(next);
        next = s.next_index;
        if (!quiet && !s.samples.empty() && s.samples.back().t_s >= last_progress + 1.0) {
            print_progress(s);
            last_progress = s.samples.back().t_s;
        }
    }
    experiment.stop();
    out.result = experiment.result();
    return out;
}

// The repeats of one experiment; stops at Ctrl-C or a run that cannot start. A run cut short by
// Ctrl-C is kept only when it is the only one.
struct SetOutcome {
    RunSet runs;
    bool interrupted = false;
    bool start_failed = false;
};

SetOutcome run_repeats(const RunConfig& config, int repeat, bool quiet, const std::string& heading,
                       const std::vector<double>& kill_at = {}) {
    SetOutcome out;
    for (int i = 0; i < repeat; ++i) {
        std::string h = heading;
        if (repeat > 1) {
            h += (h.empty() ? "" : " ") + std::string("repeat ") + std::to_string(i + 1) + "/" +
                 std::to_string(repeat) + ":";
        }
        RunOutcome one = run_one(config, quiet, h, kill_at);
        if (!one.started) {
            out.start_failed = true;
            break;
        }
        if (one.interrupted) {
            out.interrupted = true;
            if (out.runs.empty()) out.runs.push_back(std::move(one.result));
            break;
        }
        out.runs.push_back(std::move(one.result));
    }
    return out;
}

// A run that stopped early, or in which every request failed (said on stderr): exit code 1.
bool has_failed_run(const RunSet& runs) {
    bool failed = false;
    for (const RunResult& r : runs) {
        if (!r.fatal_error.empty()) failed = true;
        if (r.summary.requests == 0 && r.summary.errors > 0) {
            print_error("every request failed (" + std::to_string(r.summary.errors) + " errors" +
                        (r.config.external ? " from " + r.config.external->url : std::string()) +
                        "); see the error kinds above");
            failed = true;
        }
    }
    return failed;
}

// The run to chart for a set: the one whose req/s is closest to the median.
const RunResult& typical(const RunSet& runs) {
    if (runs.size() == 1) return runs.front();
    std::vector<Summary> summaries;
    for (const RunResult& r : runs) summaries.push_back(r.summary);
    return runs[summarise_repeats(summaries).typical_run];
}

// --chart and --report alike: `render` (a ChartRenderer or ReportRenderer) to `path`, if given.
bool write_rendered(const ChartRenderer& render, const std::vector<RunResult>& runs,
                    const std::string& path, const CliOptions& options) {
    if (path.empty()) return true;
    if (Result<> written = render(runs, path, options.force,
                                  {options.scenario_name, options.scenario_description});
        !written) {
        print_error(written.error());
        return false;
    }
    return true;
}

bool charts_available(const CliOptions& options, const ChartRenderer& render_chart,
                      const ReportRenderer& render_report) {
    if (!options.chart_path.empty() && !render_chart) {
        print_error(
            "--chart needs the Qt chart code, which this build left out (configure with "
            "-DCONCLAB_BUILD_GUI=ON)");
        return false;
    }
    if (!options.report_path.empty() && !render_report) {
        print_error(
            "--report needs the Qt chart code, which this build left out (configure with "
            "-DCONCLAB_BUILD_GUI=ON); --json writes the figures");
        return false;
    }
    return true;
}

}  // namespace

ExitCode run_cli(const CliOptions& options, const ChartRenderer& render_chart,
                 const ReportRenderer& render_report) {
    if (!charts_available(options, render_chart, render_report)) return ExitCode::Usage;
    const SetOutcome set =
        run_repeats(options.run, options.repeat, options.quiet, {}, options.kill_worker_at);
    if (set.runs.empty()) return set.interrupted ? ExitCode::Interrupted : ExitCode::Failed;

    const bool json_to_stdout =
        options.json_path == "-" || options.csv_path == "-" || options.csv_workers_path == "-";
    if (!json_to_stdout || !options.quiet) {
        (json_to_stdout ? print_err : print_out)("\n" + run_set_text(set.runs));
    }
    bool ok = true;
    if (!options.json_path.empty()) {
        ok &= write_output(options.json_path, run_set_to_json(set.runs).dump(2) + "\n",
                           options.force);
    }
    if (!options.csv_path.empty()) {
        // Repeated: the series of the typical run (the one closest to the median).
        ok &= write_output(options.csv_path, run_result_csv(typical(set.runs)), options.force);
    }
    if (!options.csv_workers_path.empty()) {
        ok &= write_output(options.csv_workers_path, run_result_workers_csv(typical(set.runs)),
                           options.force);
    }
    ok &= write_rendered(render_chart, {typical(set.runs)}, options.chart_path, options);
    ok &= write_rendered(render_report, {typical(set.runs)}, options.report_path, options);
    if (set.interrupted) return ExitCode::Interrupted;
    if (set.start_failed || has_failed_run(set.runs) || !ok) return ExitCode::Failed;
    return ExitCode::Ok;
}

ExitCode compare_cli(const CliOptions& options, const ChartRenderer& render_chart,
                     const ReportRenderer& render_report) {
    if (!charts_available(options, render_chart, render_report)) return ExitCode::Usage;
    const std::vector<RunConfig> plan =
        options.variants.empty() ? comparison_runs(options.run, options.models, options.target)
                                 : comparison_runs(options.run, options.variants, options.target);
    std::vector<RunSet> sets;
    // A run that cannot start ends the comparison; one that fails while running is reported
    // with the others (a real server that refuses the request shape, say).
    bool interrupted = false, start_failed = false;
    for (std::size_t i = 0; i < plan.size() && !interrupted && !start_failed; ++i) {
        const std::string heading = "[" + std::to_string(i + 1) + "/" +
                                    std::to_string(plan.size()) + "] " + run_label(plan[i]);
        SetOutcome set = run_repeats(plan[i], options.repeat, options.quiet, heading);
        interrupted = set.interrupted;
        start_failed = set.start_failed;
        if (!set.runs.empty()) sets.push_back(std::move(set.runs));
    }
    if (sets.empty()) return interrupted ? ExitCode::Interrupted : ExitCode::Failed;

    const bool json_to_stdout = options.json_path == "-";
    if (!json_to_stdout || !options.quiet) {
        (json_to_stdout ? print_err : print_out)("\n" + comparison_text(sets));
    }
    bool ok = true;
    if (!options.json_path.empty()) {
        ok &=
            write_output(options.json_path, comparison_to_json(sets).dump(2) + "\n", options.force);
    }
    std::vector<RunResult> charted;
    for (const RunSet& set : sets) charted.push_back(typical(set));
    ok &= write_rendered(render_chart, charted, options.chart_path, options);
    ok &= write_rendered(render_report, charted, options.report_path, options);
    if (interrupted) return ExitCode::Interrupted;
    bool failed = start_failed;
    for (const RunSet& set : sets) failed |= has_failed_run(set);
    return failed || !ok ? ExitCode::Failed : ExitCode::Ok;
}

ExitCode serve_cli(const CliOptions& options) {
    raise_fd_limit();
    ServerHost host(resolved(options.run.server), ServerHost::default_worker_program());
    try {
        host.start();
    } catch (const StartError& e) {
        print_error(std::string("cannot start: ") + e.what());
        return ExitCode::Failed;
    }
    std::printf("Serving %s on http://127.0.0.1:%u/ for %.0f s (Ctrl-C stops)\n",
                std::string(to_string(options.run.server.model)).c_str(), host.port(),
                options.run.duration_s);
    std::fflush(stdout);
    bool interrupted = false;
    bool failed = false;
    double left = options.run.duration_s;
    while (left > 0 && !interrupted && !failed) {
        interrupted = stop_signal_within(std::min(left, 1.0));
        left -= 1.0;
        HostTick tick = host.collect();
        for (const std::string& p : tick.problems) print_err("  " + p + "\n");
        failed = tick.failed;
    }
    host.stop();
    // After stop(): the workers' final reports are in.
    const HostTick final_tick = host.collect();
    for (const std::string& p : final_tick.problems) print_err("  " + p + "\n");
    std::printf("Served %llu requests\n",
                static_cast<unsigned long long>(final_tick.requests_total));
    if (failed) {
        print_error(
            "every server worker has exited and none could be restarted; the server "
            "stopped early");
        return ExitCode::Failed;
    }
    return interrupted ? ExitCode::Interrupted : ExitCode::Ok;
}

}  // namespace conclab::cli
