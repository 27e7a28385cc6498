#pragma once
// The checks of conclab-cli's command line that are the CLI's own: which flag belongs to which
// command, the --target and its request shape, the sweep's series, the output paths. The
// registry's ranges are checked by validate() (last, after the flags have filled the run).

#include <optional>
#include <string>

#include <boost/program_options/variables_map.hpp>

#include "cli_options.hpp"
#include "core/result.hpp"
#include "scenario/scenario.hpp"

namespace conclab::cli {

// Text-valued flags that are not run fields, before they are checked.
struct RawFlags {
    std::string target, scenario, models, stages;
    std::string shape;  // --shape: a row of engine/core/server_shapes.hpp
    std::string grid;   // validate --grid
    int from = 0, to = 0, steps = 0;
    bool allow_remote = false;
    ExternalTarget request;                       // method, headers and body only
    std::optional<ScenarioSweep> scenario_sweep;  // the --scenario's "sweep" section
};

// The first problem found, in words for stderr, or empty. Fills what the flags only name:
// o.run.external or o.target, o.models, the stages, the sweep's connection counts.
Result<> check_cli_rules(CliOptions& o, const RawFlags& raw,
                         const boost::program_options::variables_map& vm);

}  // namespace conclab::cli
