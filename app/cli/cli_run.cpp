#include "cli_run.hpp"

#include <signal.h>

#include <cstdio>
#include <iostream>

#include "process/fd_limit.hpp"
#include "process/server_host.hpp"
#include "core/atomic_file.hpp"
#include "report/run_report.hpp"

namespace conclab::cli {

namespace {

sigset_t stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

// Waits up to `seconds` for SIGINT/SIGTERM; true if one arrived.
bool stop_signal_within(double seconds) {
    const sigset_t set = stop_signals();
    timespec timeout{static_cast<time_t>(seconds),
                     static_cast<long>((seconds - static_cast<time_t>(seconds)) * 1e9)};
    return sigtimedwait(&set, nullptr, &timeout) > 0;
}

void print_progress(const Snapshot& s) {
    if (s.samples.empty()) return;
    const MetricsSample& m = s.samples.back();
    std::fprintf(stderr, "  %6.1f s  %9.1f req/s  p50 %8.2f ms  p99 %8.2f ms  open %5d", m.t_s,
                 m.rps, m.p50_ms.value_or(0), m.p99_ms.value_or(0), m.client_open);
    if (m.server_in_service) {
        std::fprintf(stderr, "  in service %5d  waiting %5d", *m.server_in_service,
                     m.server_waiting.value_or(0));
    }
    if (m.errors > 0)
        std::fprintf(stderr, "  errors %llu", static_cast<unsigned long long>(m.errors));
    std::fprintf(stderr, "\n");
}

bool write_output(const std::string& path, const std::string& content, bool force) {
    if (path == "-") {
        std::cout << content << std::flush;
        return true;
    }
    try {
        write_file_atomically(path, content, force);
        return true;
    } catch (const std::exception& e) {
        std::cerr << "conclab-cli: " << e.what() << "\n";
        return false;
    }
}

}  // namespace

void block_stop_signals() {
    const sigset_t set = stop_signals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

int run_cli(const CliOptions& options, const ChartRenderer& render_chart) {
    if (!options.chart_path.empty() && !render_chart) {
        std::cerr << "conclab-cli: --chart needs the Qt chart code, which this build left out "
                     "(configure with -DCONCLAB_BUILD_GUI=ON)\n";
        return 2;
    }
    Experiment experiment(options.run);
    try {
        experiment.start();
    } catch (const StartError& e) {
        std::cerr << "conclab-cli: cannot start: " << e.what() << "\n";
        return 1;
    }
    const bool json_to_stdout = options.json_path == "-" || options.csv_path == "-";
    if (!options.quiet) {
        std::fprintf(stderr, "Running %s on 127.0.0.1:%u for %.1f s (Ctrl-C stops early)\n",
                     options.run.external
                         ? options.run.external->url.c_str()
                         : std::string(to_string(options.run.server.model)).c_str(),
                     experiment.snapshot().port, options.run.duration_s);
    }
    bool interrupted = false;
    std::size_t next = 0;
    double last_progress = 0;
    while (!experiment.wait_finished(0.0)) {
        if (stop_signal_within(0.2)) {
            interrupted = true;
            std::fprintf(stderr, "Stopping (interrupted)...\n");
            experiment.stop();
            break;
        }
        Snapshot s = experiment.snapshot(next);
        next = s.next_index;
        if (!options.quiet && !s.samples.empty() && s.samples.back().t_s >= last_progress + 1.0) {
            print_progress(s);
            last_progress = s.samples.back().t_s;
        }
    }
    experiment.stop();
    const RunResult result = experiment.result();

    if (!json_to_stdout || !options.quiet) {
        (json_to_stdout ? std::cerr : std::cout) << "\n" << run_result_text(result) << std::flush;
    }
    bool ok = true;
    if (!options.json_path.empty()) {
        ok &= write_output(options.json_path, run_result_to_json(result).dump(2) + "\n",
                           options.force);
    }
    if (!options.csv_path.empty()) {
        ok &= write_output(options.csv_path, run_result_csv(result), options.force);
    }
    if (!options.chart_path.empty()) {
        if (std::string error = render_chart(result, options.chart_path, options.force);
            !error.empty()) {
            std::cerr << "conclab-cli: " << error << "\n";
            ok = false;
        }
    }
    if (interrupted) return 130;
    if (!result.fatal_error.empty() || !ok) return 1;
    return 0;
}

int serve_cli(const CliOptions& options) {
    raise_fd_limit();
    ServerHost host(resolved(options.run.server), ServerHost::default_worker_program());
    try {
        host.start();
    } catch (const StartError& e) {
        std::cerr << "conclab-cli: cannot start: " << e.what() << "\n";
        return 1;
    }
    std::printf("Serving %s on http://127.0.0.1:%u/ for %.0f s (Ctrl-C stops)\n",
                std::string(to_string(options.run.server.model)).c_str(), host.port(),
                options.run.duration_s);
    std::fflush(stdout);
    bool interrupted = false;
    double left = options.run.duration_s;
    std::uint64_t total = 0;
    while (left > 0 && !interrupted) {
        interrupted = stop_signal_within(std::min(left, 1.0));
        left -= 1.0;
        HostTick tick = host.collect();
        total = tick.requests_total;
        for (const std::string& p : tick.problems) std::cerr << "  " << p << "\n";
        if (tick.failed) break;
    }
    host.stop();
    std::printf("Served %llu requests\n", static_cast<unsigned long long>(total));
    return interrupted ? 130 : 0;
}

}  // namespace conclab::cli
