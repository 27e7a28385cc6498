#pragma once
// The texts the desktop app shows that live in data rather than in code — the run-field
// registry's help (tooltips) and the presets' names and descriptions — written as a C++ file of
// QT_TRANSLATE_NOOP entries, so that lupdate puts them into the .ts files with the rest. The UI
// looks them up with QCoreApplication::translate in the same contexts (ui/data_text).

#include <string>
#include <vector>

namespace conclab::docgen {

// Contexts, shared with the UI's lookups.
inline constexpr const char* kRunFieldContext = "RunField";
inline constexpr const char* kPresetContext = "Preset";

// The C++ file for the registry and the scenario files given (presets and preset sweeps). A file
// that does not parse is an error (std::runtime_error naming it): a preset must never be
// silently left out of the translation.
std::string translatable_strings_source(const std::vector<std::string>& preset_files);

}  // namespace conclab::docgen
