#pragma once
// Scenario files: a named, described RunConfig in JSON. Presets in resources/presets are
// scenario files too. Every key is optional except "name"; the run fields are those of the
// registry (core/run_fields.hpp: the same keys, ranges and messages as the CLI), plus
// {
//   "name": "I/O-bound: event loop vs 10 GIL threads",
//   "description": "...",
//   "compare": ["event-loop", "gil-threads"],  // models to run in turn for a comparison
//   "sweep": {                                  // a concurrency sweep (conclab-cli sweep, GUI)
//     "models": ["event-loop", "gil-threads"],  // each swept in turn; default: "model"
//     "connections": [1, 2, 4, 8],              // or "from": 1, "to": 64, "steps": 7 (geometric)
//     "step_duration": 3, "warmup": 1           // seconds per point, after a discarded warm-up
//   }
// }
// A "compare" item is a model name or an object of run fields set over the scenario's for that
// run: "compare": [{"threads": 1, "keep_alive": "off"}, {"threads": 4}] compares gunicorn's sync
// and gthread workers; "compare": ["event-loop", {"model": "process-per-core"}] mixes both.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.hpp"
#include "core/run_config.hpp"
#include "core/run_fields.hpp"

namespace conclab {

// A scenario's sweep section: what `conclab-cli sweep --scenario` and the GUI's Sweep mode run.
struct ScenarioSweep {
    std::vector<Model> models;  // empty = the scenario's model
    std::vector<int> connections;
    double step_s = 3;
    double warmup_s = 1;
    bool idle = false;  // the counts are idle connections beside the load (SweepSettings::idle)
    bool operator==(const ScenarioSweep&) const = default;
};

struct Scenario {
    std::string name;
    std::string description;
    RunConfig run;
    std::vector<RunVariant> compare;       // empty = a single run of `run`
    std::optional<ScenarioSweep> sweep{};  // {}: aggregate initialisers may leave it out
};

// The scenario, or why not, naming the bad field: "field \"connections\": must be 1..10000, got 0".
Result<Scenario> parse_scenario(std::string_view json_text);
std::string scenario_to_json(const Scenario& scenario);  // pretty-printed, round-trips
// The RunConfig part of a scenario; reports use it too, so a report's "config" reads back as a
// scenario (give it a "name").
nlohmann::json run_config_fields(const RunConfig& config);
// As parse_scenario, the reason prefixed with the path (or "scenario file " for one not read).
Result<Scenario> load_scenario_file(const std::string& path);
// Writes atomically (temporary file, then rename); fails with the reason, naming the path.
Result<> save_scenario_file(const std::string& path, const Scenario& scenario);

}  // namespace conclab
