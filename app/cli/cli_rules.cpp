#include "cli_rules.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "core/atomic_file.hpp"
#include "core/machine_limits.hpp"
#include "core/result.hpp"
#include "experiment/sweep.hpp"
#include "experiment/validation.hpp"

namespace conclab::cli {

namespace po = boost::program_options;

namespace {

// "event-loop,gil-threads" → the models; the error names the bad one.
Result<> parse_models(const std::string& text, std::vector<Model>& models) {
    models.clear();
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string name = text.substr(start, comma - start);
        auto model = model_from_string(name);
        if (!model) {
            return Failure{"--models: '" + name +
                           "' is not a model (event-loop, gil-threads, process-per-core)"};
        }
        models.push_back(*model);
        start = comma + 1;
    }
    return {};
}

bool given(const po::variables_map& vm, const char* flag) {
    return vm.count(flag) && !vm[flag].defaulted();
}

// --report: run and compare only; the extension picks the format.
Result<> check_report_path(const CliOptions& o) {
    if (o.report_path.empty()) return {};
    if (o.command != Command::Run && o.command != Command::Compare) {
        return Failure{"--report belongs to run and compare"};
    }
    const auto dot = o.report_path.rfind('.');
    std::string ext = dot == std::string::npos ? "" : o.report_path.substr(dot);
    for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (ext != ".html" && ext != ".htm" && ext != ".pdf") {
        return Failure{"--report must end in .html or .pdf, got '" + o.report_path + "'"};
    }
    return {};
}

// --stages for run and compare; the sweep's own flags for sweep.
Result<> check_stages_and_sweep(CliOptions& o, const RawFlags& raw, const po::variables_map& vm) {
    RunConfig& run = o.run;
    if (!raw.stages.empty()) {
        if (o.command != Command::Run && o.command != Command::Compare) {
            return Failure{"--stages belongs to run and compare"};
        }
        Result<std::vector<Stage>> parsed = parse_stages(raw.stages);
        if (!parsed) return Failure{"--stages: " + parsed.error()};
        run.stages = std::move(*parsed);
    }
    // A plan (from --stages or the scenario) sets the length of the run unless --duration does.
    if (!run.stages.empty() && !given(vm, "duration") && raw.scenario.empty()) {
        run.duration_s = stages_duration_s(run.stages);
    }
    const bool sweep_flags =
        given(vm, "step-duration") || vm.count("from") || vm.count("to") || vm.count("steps");
    if (o.command != Command::Sweep) {
        if (sweep_flags)
            return Failure{"--step-duration, --from, --to and --steps belong to sweep"};
        return {};
    }
    if (run.load.rate > 0)
        return Failure{"sweep measures closed-loop connections; --rate does not apply"};
    if (!run.stages.empty())
        return Failure{"sweep sets the connections itself; stages do not apply"};
    const bool list = given(vm, "connections");
    const bool series = vm.count("from") || vm.count("to") || vm.count("steps");
    if (list && series)
        return Failure{"sweep takes --connections LIST or --from/--to/--steps, not both"};
    if (series) {
        if (!vm.count("from") || !vm.count("to") || !vm.count("steps")) {
            return Failure{"sweep needs all of --from, --to and --steps"};
        }
        if (raw.from < 1 || raw.to < raw.from || raw.to > max_connections() || raw.steps < 2 ||
            raw.steps > 100) {
            return Failure{"sweep needs 1 <= --from <= --to <= " +
                           std::to_string(max_connections()) + " and --steps 2..100"};
        }
        o.sweep_connections = geometric_steps(raw.from, raw.to, raw.steps);
    } else if (list) {
        auto connections = parse_connection_list(vm["connections"].as<std::string>());
        if (!connections) return Failure{connections.error()};
        o.sweep_connections = std::move(*connections);
    } else if (raw.scenario_sweep) {
        o.sweep_connections = raw.scenario_sweep->connections;
    } else {
        return Failure{
            "sweep needs --connections LIST (e.g. 1,2,4,8,16,32), --from, --to and --steps, or "
            "a --scenario with a \"sweep\" section"};
    }
    // The scenario's sweep section, under any flag given.
    if (raw.scenario_sweep && !given(vm, "step-duration")) o.step_s = raw.scenario_sweep->step_s;
    if (!(o.step_s > 0 && o.step_s <= 3600)) {  // written so that NaN fails too
        return Failure{"--step-duration must be above 0 and at most 3600 s"};
    }
    o.sweep_warmup_s = given(vm, "warmup")  ? run.warmup_s
                       : raw.scenario_sweep ? raw.scenario_sweep->warmup_s
                                            : 1.0;
    run.warmup_s = 0;  // each point gets its own warm-up
    if (o.models.empty() && raw.scenario_sweep) o.models = raw.scenario_sweep->models;
    if (raw.scenario_sweep && raw.scenario_sweep->idle) o.sweep_idle = true;
    if (o.models.empty()) o.models = {run.server.model};
    return {};
}

// A text flag given with nothing in it ('') is a mistake in a script, not "not given".
Result<> check_given_values(const po::variables_map& vm) {
    for (const char* flag : {"target", "scenario", "stages", "models", "json", "csv", "csv-workers",
                             "chart", "report", "save"}) {
        if (vm.count(flag) && vm[flag].as<std::string>().empty()) {
            return Failure{std::string("--") + flag + " needs a value, got ''"};
        }
    }
    return {};
}

// --kill-worker-at: a run of our own process-per-core server, times within the run.
Result<> check_kill_worker_at(CliOptions& o) {
    if (o.kill_worker_at.empty()) return {};
    if (o.command != Command::Run) return Failure{"--kill-worker-at belongs to run"};
    if (o.run.external || o.run.server.model != Model::ProcessPerCore) {
        return Failure{
            "--kill-worker-at needs --model process-per-core (the other models are one server "
            "process, and a --target's processes are not ours to kill)"};
    }
    for (double t : o.kill_worker_at) {
        if (!(t > 0) || t >= o.run.duration_s) {
            std::ostringstream text;
            text << "--kill-worker-at " << t << ": must be above 0 and before the end of the run ("
                 << o.run.duration_s << " s)";
            return Failure{text.str()};
        }
    }
    std::sort(o.kill_worker_at.begin(), o.kill_worker_at.end());
    return {};
}

// -X, -H, --body and --target, which serve, sweep and calibrate take differently.
Result<> check_target(CliOptions& o, const RawFlags& raw, const po::variables_map& vm) {
    if (o.command == Command::Serve && !raw.target.empty()) {
        return Failure{"--target makes no sense with serve"};
    }
    const bool shaped = vm.count("request") || vm.count("header") || vm.count("body");
    if (shaped && raw.target.empty())
        return Failure{"-X, -H and --body shape the --target's request"};
    if (o.command == Command::Sweep && !raw.target.empty()) {
        return Failure{"sweep starts its own server; --target is not supported by sweep"};
    }
    if (o.command == Command::Calibrate && raw.target.empty()) {
        return Failure{"calibrate needs --target URL: the real server to fit the model to"};
    }
    if (raw.target.empty()) return {};
    Result<ExternalTarget> target = parse_target_url(raw.target, raw.allow_remote);
    if (!target) return Failure{"--target: " + target.error()};
    if (vm.count("request")) target->method = raw.request.method;
    target->headers = raw.request.headers;
    target->body = raw.request.body;
    if (Result<> shape = check_request_shape(*target); !shape) return Failure{shape.error()};
    if (o.command == Command::Run) {
        o.run.external = std::move(*target);
    } else {
        o.target = std::move(*target);
    }
    return {};
}

// The flags that belong to some commands only: --repeat, --models, --save, --chart, --csv.
Result<> check_command_flags(CliOptions& o, const RawFlags& raw) {
    if (o.repeat < 1 || o.repeat > kMaxRepeat) {
        return Failure{"--repeat must be 1.." + std::to_string(kMaxRepeat) + ", got " +
                       std::to_string(o.repeat)};
    }
    if (o.repeat > 1 && o.command != Command::Run && o.command != Command::Compare &&
        o.command != Command::Calibrate && o.command != Command::Validate) {
        return Failure{"--repeat belongs to run, compare, calibrate and validate"};
    }
    if (!raw.models.empty() && o.command != Command::Compare && o.command != Command::Sweep) {
        return Failure{"--models belongs to compare and sweep (run takes --model)"};
    }
    if (!raw.models.empty()) {
        if (Result<> checked = parse_models(raw.models, o.models); !checked) return checked;
    }
    if (o.command == Command::Compare && o.models.empty() && o.variants.empty() && !o.target) {
        return Failure{
            "compare needs --models LIST, a --scenario with a \"compare\" list, or a --target"};
    }
    if (!o.save_path.empty() && o.command != Command::Calibrate) {
        return Failure{"--save belongs to calibrate"};
    }
    if (o.command == Command::Calibrate && !o.chart_path.empty()) {
        return Failure{"calibrate draws no chart; use compare --scenario FITTED.json --target URL"};
    }
    if (o.command != Command::Run && !o.csv_path.empty()) {
        return Failure{
            "--csv belongs to run (compare, sweep, calibrate and validate write --json)"};
    }
    return {};
}

// calibrate and validate: --target, the --grid, and their own defaults for --repeat (calibrate:
// 3, each figure a median), --duration and --warmup (validate: 4 s per run, the first quarter
// of it, at most 1 s, left out).
Result<> check_fit_commands(CliOptions& o, const RawFlags& raw, const po::variables_map& vm) {
    if (!raw.grid.empty() && o.command != Command::Validate)
        return Failure{"--grid belongs to validate"};
    if (o.zero_work_only && o.command != Command::Calibrate)
        return Failure{"--zero-work-only belongs to calibrate"};
    if (given(vm, "max-steps") && o.command != Command::Calibrate)
        return Failure{"--max-steps belongs to calibrate"};
    if (o.max_steps < 1 || o.max_steps > 20)
        return Failure{"--max-steps must be 1..20 (model measurements in calibrate's loop)"};
    if (o.command == Command::Calibrate && !given(vm, "repeat")) o.repeat = 3;
    if (o.command != Command::Validate) return {};
    if (!o.target)
        return Failure{"validate needs --target URL: the real server to check the model against"};
    if (!given(vm, "duration")) o.run.duration_s = 4;
    if (!given(vm, "warmup")) o.run.warmup_s = std::min(1.0, o.run.duration_s / 4);
    if (o.run.warmup_s >= o.run.duration_s)
        return Failure{"--warmup must be shorter than --duration"};
    if (!raw.grid.empty()) {
        const auto points = parse_validation_grid(raw.grid);
        if (!points) return Failure{points.error()};
        for (const ValidationPoint& p : *points) {
            o.validate_cpu_ms.push_back(p.cpu_ms);
            o.validate_io_ms.push_back(p.io_ms);
            o.validate_connections.push_back(p.connections);
        }
    }
    return {};
}

// --csv-workers and --report, and which output may take stdout.
Result<> check_outputs(const CliOptions& o) {
    if (o.command != Command::Run && !o.csv_workers_path.empty()) {
        return Failure{"--csv-workers belongs to run"};
    }
    if (Result<> checked = check_report_path(o); !checked) return checked;
    if (!o.csv_workers_path.empty() &&
        (o.run.external || o.run.server.model != Model::ProcessPerCore)) {
        return Failure{
            "--csv-workers needs --model process-per-core (other models have one server "
            "process: its figures are in --csv)"};
    }
    // Two outputs on stdout would interleave; two on one file, the second would replace the first.
    const std::pair<const char*, const std::string*> files[] = {
        {"--json", &o.json_path},
        {"--csv", &o.csv_path},
        {"--csv-workers", &o.csv_workers_path},
        {"--chart", &o.chart_path},
        {"--report", &o.report_path},
        {"--save", &o.save_path}};
    for (std::size_t i = 0; i < std::size(files); ++i) {
        for (std::size_t j = i + 1; j < std::size(files); ++j) {
            const std::string& a = *files[i].second;
            if (a.empty() || a != *files[j].second) continue;
            if (a == "-") {
                return Failure{
                    std::string("only one of --json, --csv and --csv-workers can write to "
                                "stdout (") +
                    files[i].first + " and " + files[j].first + " both say -)"};
            }
            return Failure{std::string(files[i].first) + " and " + files[j].first +
                           " name the same file " + a};
        }
    }
    // Before the run, not after it: a path that cannot be written would lose the whole run.
    for (const auto& [flag, path] : files) {
        if (path->empty() || *path == "-") continue;
        if (auto writable = check_output_path(*path, o.force); !writable) {
            return Failure{std::string(flag) + ": " + writable.error()};
        }
    }
    return {};
}

Result<> check_chart_path(const CliOptions& o) {
    if (o.chart_path.empty()) return {};
    const auto dot = o.chart_path.rfind('.');
    const std::string ext = dot == std::string::npos ? "" : o.chart_path.substr(dot);
    if (ext != ".png" && ext != ".svg" && ext != ".pdf") {
        return Failure{"--chart must end in .png, .svg or .pdf, got '" + o.chart_path + "'"};
    }
    return {};
}

}  // namespace

// The groups run in this order, which is the order of the errors a wrong command line gets (and
// the target must be in o.run before validate() sees it).
Result<> check_cli_rules(CliOptions& o, const RawFlags& raw, const po::variables_map& vm) {
    if (o.run.duration_s <= 0) return Failure{"--duration must be more than 0 seconds"};
    if (Result<> checked = check_given_values(vm); !checked) return checked;
    if (Result<> checked = check_target(o, raw, vm); !checked) return checked;
    if (Result<> checked = check_command_flags(o, raw); !checked) return checked;
    if (Result<> checked = check_fit_commands(o, raw, vm); !checked) return checked;
    if (Result<> checked = check_stages_and_sweep(o, raw, vm); !checked) return checked;
    if (Result<> checked = check_outputs(o); !checked) return checked;
    if (Result<> checked = check_kill_worker_at(o); !checked) return checked;
    if (auto valid = validate(o.run); !valid) return Failure{valid.error().front()};
    return check_chart_path(o);
}

}  // namespace conclab::cli
