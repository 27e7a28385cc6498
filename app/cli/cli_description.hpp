#pragma once
// conclab-cli's command line as data: its subcommands, its flags (the run-field registry's rows
// plus the CLI's own), their help and the examples. The parser (cli_options), --help, the
// generated man page and the bash completion (app/docgen) all read this one description, so a
// new registry row or flag reaches each of them with no edit.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options/options_description.hpp>

#include "cli_options.hpp"
#include "cli_rules.hpp"
#include "core/run_fields.hpp"

namespace conclab::cli {

struct CommandInfo {
    std::string_view name;  // "run"
    Command command;
    std::string_view summary;  // one sentence, no final full stop
};
std::span<const CommandInfo> cli_commands();
const CommandInfo* find_command(std::string_view name);  // nullptr if no such subcommand

// What conclab-cli does, in a paragraph; the examples, one command line each.
std::string_view cli_description_text();
std::span<const std::string_view> cli_examples();
// `calibrate --help` adds what the fit means and what it cannot capture.
std::string_view calibrate_help_text();

// Every flag in groups, bound to the storage the parser fills.
boost::program_options::options_description cli_option_groups(CliOptions& o, RawFlags& raw);

// --help: usage, the calibrate notes when `command` is calibrate, every flag with its default.
std::string cli_help_text(std::string_view command);

struct FlagInfo {
    std::string group;         // "Workload per request"
    std::string name;          // long name without the dashes: "connections"
    char short_name = 0;       // 'c', or 0
    std::string value_name;    // "N", "NAME", "FILE.png|.svg|.pdf", "MODEL,..."; empty: a switch
    std::string default_text;  // "10"; empty when the flag has no default
    std::string help;          // the flag's own help (for a run field: without range and unit)
    const RunField* field = nullptr;  // the registry row behind the flag, if any
};
// Every flag in the order --help lists them.
std::vector<FlagInfo> cli_flags();

// What a flag's value is, read from its value name: one of a few names (a registry Choice, or a
// comma-separated list of them: "MODEL,..."), a file of the given extensions ("FILE.json";
// "FILE|-" also takes - for stdout), or anything else (a number, a URL: nothing to offer).
struct ValueShape {
    std::vector<std::string> choices;  // the names offered
    bool list = false;                 // comma-separated list of the choices
    bool file = false;
    std::vector<std::string> extensions;  // without dots; empty = any file
    bool dash = false;                    // "-" (stdout) as well
};
ValueShape value_shape(const FlagInfo& flag);

}  // namespace conclab::cli
