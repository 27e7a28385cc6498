#pragma once
// The presets installed with conclab-cli (share/conclab/presets beside its bin/ folder), so that
// `--scenario 01-io-bound-event-loop-vs-gil-threads.json` works from any folder once the package
// is installed, as the bash completion offers it.

#include <string>

namespace conclab::cli {

// <folder of the running program>/../share/conclab/presets, whether it exists or not.
std::string installed_presets_dir();

// `given` itself when it names a file, or when it has a folder in it; else the preset of that
// name in `presets_dir` or its sweeps/ folder if there is one; else `given` (whose reading then
// reports the missing file).
std::string resolve_scenario_path(const std::string& given, const std::string& presets_dir);
std::string resolve_scenario_path(const std::string& given);  // in installed_presets_dir()

}  // namespace conclab::cli
