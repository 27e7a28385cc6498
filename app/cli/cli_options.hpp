#pragma once
// Command line of conclab-cli, parsed with Boost.Program_options so that --help lists every flag
// with its default.

#include <optional>
#include <string>
#include <vector>

#include "cli_exit_code.hpp"
#include "core/run_config.hpp"
#include "core/run_fields.hpp"

namespace conclab::cli {

enum class Command { Run, Serve, Calibrate, Compare, Sweep, Validate };

struct CliOptions {
    Command command = Command::Run;
    RunConfig run;
    std::string json_path;         // "-" = stdout
    std::string csv_path;          // "-" = stdout
    std::string csv_workers_path;  // process per core: one row per worker per tick; "-" = stdout
    std::string chart_path;        // .png, .svg or .pdf
    std::string report_path;       // run, compare: .html or .pdf
    bool force = false;            // overwrite existing output files
    bool quiet = false;            // no progress lines
    int repeat = 1;                // run, compare: run each experiment this many times
    // compare: the models to run in turn (from --models), or the runs of the scenario's
    // "compare" list (variants); sweep: the models.
    std::vector<Model> models;
    std::vector<RunVariant> variants;
    // --scenario: its name and description, which head the --chart.
    std::string scenario_name;
    std::string scenario_description;
    // calibrate, compare: the real server (run puts --target into run.external instead).
    std::optional<ExternalTarget> target;
    std::string save_path;        // calibrate: write the fitted scenario here
    bool zero_work_only = false;  // calibrate: skip the cost after I/O (its runs with ?io_ms=50)
    int max_steps = 6;            // calibrate: model measurements in each loop, at most
    // validate: the grid (empty = the default one, validation.hpp).
    std::vector<double> validate_cpu_ms, validate_io_ms;
    std::vector<int> validate_connections;
    // sweep: the connection counts (from --connections LIST or --from/--to/--steps), the measured
    // time of each point and the warm-up before it; the models (--models, else --model).
    std::vector<int> sweep_connections;
    double step_s = 5;
    double sweep_warmup_s = 1;
    bool sweep_idle = false;  // the counts are idle connections (--idle-sweep)
    // run, process per core: SIGKILL the busiest worker at these times (s), in order.
    std::vector<double> kill_worker_at;
};

constexpr int kMaxRepeat = 100;

struct ParseOutcome {
    std::optional<CliOptions> options;
    std::string message;  // help text (Ok) or an error (Usage)
    ExitCode exit_code = ExitCode::Ok;
};

// argv as given to main (argv[0] is the program).
ParseOutcome parse_command_line(int argc, const char* const* argv);

}  // namespace conclab::cli
