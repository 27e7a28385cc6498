#pragma once
// The runs of a comparison, as the GUI's Compare makes them: the same settings once per model,
// each model with its own real-world listen backlog. A real server, when given, runs first with
// the same load (connections, load threads, duration), so that every model reads as a ratio to
// it; its workload is its own (put ?cpu_ms= in its URL if it reads one).

#include <optional>
#include <vector>

#include "core/run_config.hpp"
#include "core/run_fields.hpp"

namespace conclab {

std::vector<RunConfig> comparison_runs(const RunConfig& base, const std::vector<Model>& models,
                                       const std::optional<ExternalTarget>& real = std::nullopt);
// The same with runs that set any fields (a scenario's "compare" list): each variant over the
// base; a variant that does not set "backlog" gets its model's real-world one. Variants are
// checked when read (parse_scenario); one that does not apply here is skipped.
std::vector<RunConfig> comparison_runs(const RunConfig& base,
                                       const std::vector<RunVariant>& variants,
                                       const std::optional<ExternalTarget>& real = std::nullopt);

}  // namespace conclab
