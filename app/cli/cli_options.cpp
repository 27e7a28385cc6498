#include "cli_options.hpp"

#include <sstream>

#include <boost/program_options.hpp>

#include "core/run_fields.hpp"
#include "scenario/scenario.hpp"

namespace conclab::cli {

namespace po = boost::program_options;

namespace {

const char* kUsage =
    "Usage: conclab-cli run [options]     run an experiment: a server plus the load generator\n"
    "       conclab-cli serve [options]   only start the server, e.g. for wrk or curl; it stops\n"
    "                                     after --duration (default 10 s) or on Ctrl-C\n"
    "\n"
    "Starts a real HTTP/1.1 server on 127.0.0.1 in the chosen concurrency model, drives it with\n"
    "closed-loop keep-alive connections for the given duration, and prints what happened\n"
    "(wrk-like). Every run stops by itself and leaves no process or port behind.\n"
    "\n"
    "Examples:\n"
    "  conclab-cli run --model event-loop --connections 1000 --io-ms 50 --duration 10\n"
    "  conclab-cli run --model gil-threads --threads 10 --connections 1000 --io-ms 50\n"
    "  conclab-cli run --model process-per-core --workers 2 --connections 10 --cpu-ms 5\n"
    "  conclab-cli run --target http://127.0.0.1:5000/ --connections 50 --duration 10\n";

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

po::options_description all_options(CliOptions& o, std::string& target, std::string& scenario,
                                    bool& allow_remote) {
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
         "drive an existing server instead, e.g. http://127.0.0.1:5000/")
        ("allow-remote", po::bool_switch(&allow_remote),
         "allow a --target that is not on this machine")
        ("scenario", po::value(&scenario),
         "start from a scenario file (flags given as well override it)");
    po::options_description output("Output");
    output.add_options()
        ("json", po::value(&o.json_path), "write the JSON report to FILE, or - for stdout")
        ("csv", po::value(&o.csv_path), "write the time series as CSV to FILE, or - for stdout")
        ("chart", po::value(&o.chart_path), "render the charts to FILE.png, .svg or .pdf")
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
                             RunConfig& run) {
    if (!scenario_path.empty()) {
        ScenarioParse parsed = load_scenario_file(scenario_path);
        if (!parsed.scenario) return parsed.error;
        run = parsed.scenario->run;
    }
    for (const RunField& field : run_fields()) {
        const std::string flag(field.flag);
        if (!vm.count(flag) || vm[flag].defaulted()) continue;
        if (std::string problem = set_field_from_text(field, run, vm[flag].as<std::string>());
            !problem.empty()) {
            return problem;
        }
    }
    return {};
}

// The checks that are the CLI's own (the registry's ranges are checked by validate()).
std::string check_cli_rules(const CliOptions& o, const std::string& target, bool allow_remote,
                            RunConfig& run) {
    if (run.duration_s <= 0) return "--duration must be more than 0 seconds";
    if (o.command == Command::Serve && !target.empty()) return "--target makes no sense with serve";
    if (!target.empty()) {
        TargetParse t = parse_target_url(target, allow_remote);
        if (!t.target) return "--target: " + t.error;
        run.external = t.target;
    }
    if (auto errors = validate(run); !errors.empty()) return errors.front();
    if (!o.chart_path.empty()) {
        const auto dot = o.chart_path.rfind('.');
        const std::string ext = dot == std::string::npos ? "" : o.chart_path.substr(dot);
        if (ext != ".png" && ext != ".svg" && ext != ".pdf") {
            return "--chart must end in .png, .svg or .pdf, got '" + o.chart_path + "'";
        }
    }
    return {};
}

}  // namespace

ParseOutcome parse_command_line(int argc, const char* const* argv) {
    ParseOutcome out;
    CliOptions o;
    std::string target, scenario_path;
    bool allow_remote = false;
    const po::options_description all = all_options(o, target, scenario_path, allow_remote);

    auto help_text = [&] {
        std::ostringstream text;
        text << kUsage << "\n" << all;
        return text.str();
    };
    auto error = [&](const std::string& message) {
        out.message = "conclab-cli: " + message + "\nTry 'conclab-cli run --help'.\n";
        out.exit_code = 2;
        return out;
    };

    const std::string first = argc < 2 ? "" : argv[1];
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
    } else if (first != "run") {
        return error("unknown command '" + first + "' (use run or serve)");
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
    if (std::string problem = apply_run_fields(vm, scenario_path, o.run); !problem.empty()) {
        return error(problem);
    }
    if (std::string problem = check_cli_rules(o, target, allow_remote, o.run); !problem.empty()) {
        return error(problem);
    }
    out.options = std::move(o);
    return out;
}

}  // namespace conclab::cli
