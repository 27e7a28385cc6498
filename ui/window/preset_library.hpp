#pragma once
// The presets shipped in resources/presets (compiled in as Qt resources): scenario files that
// reproduce the folklore claims in one click each.

#include <vector>

#include "scenario/scenario.hpp"

namespace conclab::ui {

// Every preset, sorted by file name; a preset that does not parse is skipped (the engine tests
// check that none does).
std::vector<Scenario> load_presets();
// The preset sweeps (resources/presets/sweeps): scenarios with a "sweep" section, for the Sweep
// window.
std::vector<Scenario> load_sweep_presets();

}  // namespace conclab::ui
