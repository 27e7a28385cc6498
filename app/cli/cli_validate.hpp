#pragma once
// `conclab-cli validate`: the model against a real server on a grid of workloads and
// connections (engine/experiment/validation.hpp), printed as a table, written as JSON, and drawn
// as ratios with the ±15 % band (--chart, by the Qt renderer where the build has it).

#include <functional>
#include <string>

#include "cli_exit_code.hpp"
#include "cli_options.hpp"
#include "experiment/validation.hpp"

namespace conclab::cli {

// Draws the ratios of `result` to `path` (.png, .svg, .pdf), or fails with why it could not.
// Empty in an engine-only build.
using ValidationChartRenderer =
    std::function<Result<>(const ValidationResult& result, const ValidationSettings& settings,
                           const std::string& path, bool overwrite)>;

// Exit status: Ok every point within its bounds, NotVerified a point outside, 1 an error (could not
// start, no chart), 130 interrupted.
ExitCode validate_cli(const CliOptions& options, const ValidationChartRenderer& render_chart);

}  // namespace conclab::cli
