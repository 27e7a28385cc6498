#pragma once
// What a run on screen changed from the preset it started as, in words for a title: "connections
// 1,000 → 120, I/O 50 → 20 ms". A preset's name and description describe the preset's settings;
// once a knob departs from them (before a run or during it), the heading must say so.

#include <QString>

#include "core/run_config.hpp"
#include "metrics/metrics.hpp"

namespace conclab::ui {

// Every run field whose value differs, "name old → new unit", joined with ", "; empty if none.
QString changes_between(const RunConfig& preset, const RunConfig& now);

// The preset's title with its changes: "Title (changed: connections 1,000 → 120)".
QString title_with_changes(const QString& title, const QString& changes);

// A knob moved during a run, as its chart marker says it: "connections 10 → 100" in the
// window's language (the engine's label, AdjustEvent::label, for a note or a non-field knob).
QString knob_change_text(const AdjustEvent& event);

// The knobs moved during a run, applied to the config the run started with.
RunConfig with_knobs(RunConfig config, const Knobs& knobs);

// Knobs as the status bar says them, from their rows: "connections 1,000, I/O 20 ms".
QString knobs_text(const Knobs& knobs);

}  // namespace conclab::ui
