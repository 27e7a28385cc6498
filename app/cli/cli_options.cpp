#include "cli_options.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include <boost/program_options.hpp>

#include "cli_fit_help.hpp"
#include "cli_rules.hpp"
#include "core/run_fields.hpp"
#include "core/server_shapes.hpp"
#include "experiment/sweep.hpp"
#include "scenario/scenario.hpp"

namespace conclab::cli {

namespace po = boost::program_options;

namespace {

const char* kUsage =
    "Usage: conclab-cli run [options]        run an experiment: a server plus the load generator\n"
    "       conclab-cli compare [options]    run several models (and a real server) in turn on\n"
    "                                        one workload, with one table and one chart\n"
    "       conclab-cli calibrate [options]  fit the model's overhead to a real server (--target)\n"
    "       conclab-cli validate [options]   run the (calibrated) model and a real server on a\n"
    "                                        grid of workloads and connections, and compare\n"
    "       conclab-cli sweep [options]      measure X(N) at a series of connection counts,\n"
    "                                        check Little's law and fit the USL\n"
    "       conclab-cli serve [options]      only start the server, e.g. for wrk or curl; it "
    "stops\n"
    "                                        after --duration (default 10 s) or on Ctrl-C\n"
    "\n"
    "Starts a real HTTP/1.1 server on 127.0.0.1 in the chosen concurrency model, drives it with\n"
    "closed-loop keep-alive connections for the given duration, and prints what happened\n"
    "(wrk-like). Every run stops by itself and leaves no process or port behind.\n"
    "\n"
    "Examples:\n"
    "  conclab-cli run --model event-loop --connections 1000 --io-ms 50 --duration 10\n"
    "  conclab-cli run --model gil-threads --threads 10 --connections 1000 --io-ms 50\n"
    "  conclab-cli run --model process-per-core --workers 2 --connections 10 --cpu-ms 5\n"
    "  conclab-cli run --model process-per-core --workers 2 --io-ms 2 --kill-worker-at 3\n"
    "  conclab-cli run --target http://127.0.0.1:5000/ --connections 50 --duration 10\n"
    "  conclab-cli run --model gil-threads --cpu-ms 1 --repeat 5 --duration 3\n"
    "  conclab-cli compare --models event-loop,gil-threads --io-ms 50 -c 1000 --chart cmp.png\n"
    "  conclab-cli compare --models gil-threads --threads 0 --target http://127.0.0.1:5000/\n"
    "  conclab-cli calibrate --target http://127.0.0.1:5000/ --model gil-threads --threads 0\n"
    "                        --save flask.json\n"
    "  conclab-cli calibrate --target http://127.0.0.1:3000/ --shape express --save e.json\n"
    "  conclab-cli validate --target http://127.0.0.1:3000/ --scenario e.json --chart v.png\n"
    "  conclab-cli run --model event-loop --cpu-ms 5 --rate 300 --max-connections 10\n"
    "  conclab-cli run --model event-loop --io-ms 20 --stages 5s:10,10s:1000,5s:0\n"
    "  conclab-cli sweep --models event-loop,gil-threads --cpu-ms 1 --connections 1,2,4,8,16,32\n"
    "  conclab-cli sweep --model process-per-core --from 1 --to 1024 --steps 11 --json s.json\n";

// Every run field of the registry becomes a flag with its default and help, grouped as the
// registry groups them. Values are kept as text and read by the registry, so the CLI, scenario
// files and the worker accept exactly the same values with the same messages.
void add_run_field_options(po::options_description& options, FieldGroup group) {
    for (const RunField& field : run_fields()) {
        if (field.group != group) continue;
        std::string name(field.flag);
        if (field.short_flag) name += std::string(",") + field.short_flag;
        options.add_options()(name.c_str(),
                              po::value<std::string>()
                                  ->default_value(field_default_text(field))
                                  ->value_name(field.kind == FieldKind::Choice ? "NAME" : "N"),
                              field_help(field).c_str());
    }
}

po::options_description all_options(CliOptions& o, RawFlags& raw) {
    std::string& target = raw.target;
    std::string& scenario = raw.scenario;
    std::string& models = raw.models;
    bool& allow_remote = raw.allow_remote;
    ExternalTarget& request = raw.request;
    po::options_description server("Server (ignored with --target)");
    add_run_field_options(server, FieldGroup::Server);
    po::options_description work("Workload per request");
    add_run_field_options(work, FieldGroup::Workload);
    po::options_description load("Load");
    add_run_field_options(load, FieldGroup::Load);
    add_run_field_options(load, FieldGroup::Run);
    // clang-format off
    load.add_options()
        ("target", po::value(&target),
         "drive an existing server instead, e.g. http://127.0.0.1:5000/ (compare: run it as "
         "well, labelled \"real server\"; calibrate: the server to fit to)")
        ("request,X", po::value(&request.method)->value_name("METHOD"),
         "--target: the request method, as curl -X (GET)")
        ("header,H", po::value(&request.headers)->composing()->value_name("'NAME: VALUE'"),
         "--target: a request header, as curl -H; repeat for more")
        ("body", po::value(&request.body)->value_name("TEXT"),
         "--target: the request body, sent with its Content-Length")
        ("allow-remote", po::bool_switch(&allow_remote),
         "allow a --target that is not on this machine")
        ("scenario", po::value(&scenario),
         "start from a scenario file (flags given as well override it; compare also takes its "
         "\"compare\" list)")
        ("repeat", po::value(&o.repeat)->default_value(1)->value_name("N"),
         "run, compare: run each experiment N times and report the median and min-max")
        ("shape", po::value(&raw.shape)->value_name("NAME"),
         ("the real server the model stands for, setting the model's fields (flags given as "
          "well refine it): " + server_shape_keys()).c_str())
        ("grid", po::value(&raw.grid)->value_name("SPEC"),
         "validate: the points, e.g. cpu=0,5;io=0,50;c=10,1000 (every combination of cpu_ms and "
         "io_ms at every connection count); default: CPU-bound, I/O-bound and mixed at 10, 100 "
         "and 1,000 connections")
        ("models", po::value(&models)->value_name("LIST"),
         "compare, sweep: the models to run in turn, e.g. event-loop,gil-threads,process-per-core")
        ("stages", po::value(&raw.stages)->value_name("LIST"),
         "a load plan as k6 stages, e.g. 5s:10,10s:1000,5s:0 (duration:target; targets are "
         "connections, or req/s with --rate); ramps linearly from the starting value; "
         "--duration defaults to the plan's length")
        ("step-duration", po::value(&o.step_s)->default_value(5)->value_name("S"),
         "sweep: seconds measured at each connection count (after --warmup, default 1 s)")
        ("from", po::value(&raw.from)->value_name("N"),
         "sweep: the first connection count of a geometric series (with --to and --steps), "
         "instead of --connections LIST")
        ("to", po::value(&raw.to)->value_name("N"), "sweep: the last connection count")
        ("steps", po::value(&raw.steps)->value_name("K"), "sweep: how many connection counts")
        ("kill-worker-at", po::value(&o.kill_worker_at)->composing()->value_name("SECONDS"),
         "run, process-per-core: SIGKILL the busiest worker this many seconds into the run, to "
         "watch the server replace it; repeat for more kills");
    po::options_description output("Output");
    output.add_options()
        ("json", po::value(&o.json_path), "write the JSON report to FILE, or - for stdout")
        ("csv", po::value(&o.csv_path), "write the time series as CSV to FILE, or - for stdout")
        ("csv-workers", po::value(&o.csv_workers_path)->value_name("FILE"),
         "process-per-core: write one CSV row per worker per tick (pid, req/s, CPU, internals) "
         "to FILE, or - for stdout")
        ("chart", po::value(&o.chart_path), "render the charts to FILE.png, .svg or .pdf")
        ("report", po::value(&o.report_path)->value_name("FILE"),
         "run, compare: write a report (charts, summary with p99.9, diagnosis, warnings, knob "
         "changes, model, machine) to FILE.html (self-contained) or FILE.pdf (slides)")
        ("save", po::value(&o.save_path),
         "calibrate: write the fitted model as a scenario FILE.json")
        ("force", po::bool_switch(&o.force), "overwrite output files that exist")
        ("quiet,q", po::bool_switch(&o.quiet), "no progress lines while running")
        ("version", "print the version and exit")
        ("help,h", "show this help");
    // clang-format on
    po::options_description all;
    all.add(server).add(work).add(load).add(output);
    return all;
}

// Starts from the scenario (or the defaults) and applies every flag the user gave over it.
std::string apply_run_fields(const po::variables_map& vm, const std::string& scenario_path,
                             const std::string& shape, CliOptions& o,
                             std::vector<RunVariant>& compare,
                             std::optional<ScenarioSweep>& sweep_section, bool sweep) {
    RunConfig& run = o.run;
    if (!scenario_path.empty()) {
        ScenarioParse parsed = load_scenario_file(scenario_path);
        if (!parsed.scenario) return parsed.error;
        run = parsed.scenario->run;
        compare = parsed.scenario->compare;
        sweep_section = parsed.scenario->sweep;
        o.scenario_name = parsed.scenario->name;
        o.scenario_description = parsed.scenario->description;
    }
    if (!shape.empty()) {  // over the scenario, under the flags
        const ServerShape* found = find_server_shape(shape);
        if (!found)
            return "--shape must be one of " + server_shape_keys() + ", got '" + shape + "'";
        apply_server_shape(*found, run.server);
    }
    for (const RunField& field : run_fields()) {
        const std::string flag(field.flag);
        if (!vm.count(flag) || vm[flag].defaulted()) continue;
        if (sweep && field.key == "connections") continue;  // sweep: a list, read apart
        if (std::string problem = set_field_from_text(field, run, vm[flag].as<std::string>());
            !problem.empty()) {
            return problem;
        }
    }
    return {};
}

}  // namespace

ParseOutcome parse_command_line(int argc, const char* const* argv) {
    ParseOutcome out;
    CliOptions o;
    RawFlags raw;
    const po::options_description all = all_options(o, raw);

    const std::string first = argc < 2 ? "" : argv[1];
    auto help_text = [&] {
        std::ostringstream text;
        text << kUsage << "\n";
        if (first == "calibrate") text << calibrate_help() << "\n";
        if (first == "validate") text << validate_help() << "\n";
        text << all;
        return text.str();
    };
    auto error = [&](const std::string& message) {
        const std::string command = first == "serve" || first == "compare" ||
                                            first == "calibrate" || first == "sweep" ||
                                            first == "validate"
                                        ? first
                                        : "run";
        out.message = "conclab-cli: " + message + "\nTry 'conclab-cli " + command + " --help'.\n";
        out.exit_code = 2;
        return out;
    };

    if (first.empty() || first == "--help" || first == "-h" || first == "help") {
        out.message = help_text();
        out.exit_code = first.empty() ? 2 : 0;
        return out;
    }
    if (first == "--version") {
        out.message = std::string("conclab-cli ") + CONCLAB_VERSION + "\n";
        return out;
    }
    if (first == "serve") {
        o.command = Command::Serve;
    } else if (first == "calibrate") {
        o.command = Command::Calibrate;
    } else if (first == "compare") {
        o.command = Command::Compare;
    } else if (first == "sweep") {
        o.command = Command::Sweep;
    } else if (first == "validate") {
        o.command = Command::Validate;
    } else if (first != "run") {
        return error("unknown command '" + first +
                     "' (use run, compare, sweep, calibrate, validate or serve)");
    }

    po::variables_map vm;
    try {
        // No positional arguments: a stray word is a mistake, not something to ignore.
        const po::positional_options_description no_positionals;
        po::store(po::command_line_parser(argc - 1, argv + 1)
                      .options(all)
                      .positional(no_positionals)
                      .run(),
                  vm);
        if (vm.count("help")) {
            out.message = help_text();
            return out;
        }
        if (vm.count("version")) {
            out.message = std::string("conclab-cli ") + CONCLAB_VERSION + "\n";
            return out;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        return error(e.what());
    }
    std::vector<RunVariant> scenario_compare;
    if (std::string problem = apply_run_fields(vm, raw.scenario, raw.shape, o, scenario_compare,
                                               raw.scenario_sweep, o.command == Command::Sweep);
        !problem.empty()) {
        return error(problem);
    }
    if (o.command == Command::Compare && raw.models.empty()) o.variants = scenario_compare;
    if (std::string problem = check_cli_rules(o, raw, vm); !problem.empty()) {
        return error(problem);
    }
    out.options = std::move(o);
    return out;
}

}  // namespace conclab::cli
