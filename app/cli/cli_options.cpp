#include "cli_options.hpp"

#include <boost/program_options.hpp>

#include "cli_description.hpp"
#include "cli_presets.hpp"
#include "cli_rules.hpp"
#include "core/run_fields.hpp"
#include "core/server_shapes.hpp"
#include "experiment/sweep.hpp"
#include "scenario/scenario.hpp"

namespace conclab::cli {

namespace po = boost::program_options;

namespace {

// Starts from the scenario (or the defaults) and applies every flag the user gave over it.
Result<> apply_run_fields(const po::variables_map& vm, const std::string& scenario_path,
                          const std::string& shape, CliOptions& o, std::vector<RunVariant>& compare,
                          std::optional<ScenarioSweep>& sweep_section, bool sweep) {
    RunConfig& run = o.run;
    if (!scenario_path.empty()) {
        auto parsed = load_scenario_file(resolve_scenario_path(scenario_path));
        if (!parsed) return Failure{parsed.error()};
        run = parsed->run;
        compare = parsed->compare;
        sweep_section = parsed->sweep;
        o.scenario_name = parsed->name;
        o.scenario_description = parsed->description;
    }
    if (!shape.empty()) {  // over the scenario, under the flags
        const ServerShape* found = find_server_shape(shape);
        if (!found)
            return Failure{"--shape must be one of " + server_shape_keys() + ", got '" + shape +
                           "'"};
        apply_server_shape(*found, run.server);
    }
    for (const RunField& field : run_fields()) {
        const std::string flag(field.flag);
        if (!vm.count(flag) || vm[flag].defaulted()) continue;
        if (sweep && field.key == "connections") continue;  // sweep: a list, read apart
        if (Result<> set = set_field_from_text(field, run, vm[flag].as<std::string>()); !set) {
            return set;
        }
    }
    return {};
}

}  // namespace

ParseOutcome parse_command_line(int argc, const char* const* argv) {
    ParseOutcome out;
    CliOptions o;
    RawFlags raw;
    const po::options_description all = cli_option_groups(o, raw);

    const std::string first = argc < 2 ? "" : argv[1];
    const CommandInfo* command = find_command(first);
    auto error = [&](const std::string& message) {
        const std::string name = command ? std::string(command->name) : "run";
        out.message = "conclab-cli: " + message + "\nTry 'conclab-cli " + name + " --help'.\n";
        out.exit_code = ExitCode::Usage;
        return out;
    };

    if (first.empty() || first == "--help" || first == "-h" || first == "help") {
        out.message = cli_help_text(first);
        out.exit_code = first.empty() ? ExitCode::Usage : ExitCode::Ok;
        return out;
    }
    if (first == "--version") {
        out.message = std::string("conclab-cli ") + CONCLAB_VERSION + "\n";
        return out;
    }
    if (!command) {
        return error("unknown command '" + first +
                     "' (use run, compare, sweep, calibrate, validate or serve)");
    }
    o.command = command->command;

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
            out.message = cli_help_text(first);
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
    if (Result<> applied = apply_run_fields(vm, raw.scenario, raw.shape, o, scenario_compare,
                                            raw.scenario_sweep, o.command == Command::Sweep);
        !applied) {
        return error(applied.error());
    }
    if (o.command == Command::Compare && raw.models.empty()) o.variants = scenario_compare;
    if (Result<> checked = check_cli_rules(o, raw, vm); !checked) return error(checked.error());
    out.options = std::move(o);
    return out;
}

}  // namespace conclab::cli
