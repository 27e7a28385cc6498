#pragma once
// Command line of conclab-cli, parsed with Boost.Program_options so that --help lists every flag
// with its default.

#include <optional>
#include <string>
#include <vector>

#include "core/run_config.hpp"

namespace conclab::cli {

enum class Command { Run, Serve };

struct CliOptions {
    Command command = Command::Run;
    RunConfig run;
    std::string json_path;   // "-" = stdout
    std::string csv_path;    // "-" = stdout
    std::string chart_path;  // .png, .svg or .pdf
    bool force = false;      // overwrite existing output files
    bool quiet = false;      // no progress lines
};

struct ParseOutcome {
    std::optional<CliOptions> options;
    std::string message;  // help text (exit 0) or an error (exit 2)
    int exit_code = 0;
};

// argv as given to main (argv[0] is the program).
ParseOutcome parse_command_line(int argc, const char* const* argv);

}  // namespace conclab::cli
