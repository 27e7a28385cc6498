#pragma once
// The engine's English in the GUI's language. The engine has no Qt and the CLI (with its --chart
// and --report) stays English, so the engine goes on writing its warnings, worker problems, notes,
// chart markers and calibration lines as English sentences; the GUI words each known one again.
// Structured data is used where the engine gives it (AdjustEvent's knob/from/to, a diagnosis's
// rule and evidence); for the free text there is one table (engine_text.cpp): each known message
// as a pattern with its figures captured, and the tr() template that says it. A text no pattern
// knows is shown as it is, so a new engine message is English until it is added, never lost.

#include <QString>

#include <string>
#include <string_view>

#include "core/server_shapes.hpp"

namespace conclab::ui {

// The message in the GUI's language, its figures as the engine wrote them; captured parts that
// are themselves known messages (an exit cause, an error list) are translated in turn.
QString engine_text(const QString& english);
QString engine_text(const std::string& english);

// A server shape's name ("Flask dev server (Werkzeug)") and description, as a picker shows them;
// a name the table does not know (a report of an older version) is shown as it is.
QString shape_name_text(std::string_view name);
QString shape_description_text(const ServerShape& shape);

// For tests: the table's patterns, and the number of times each matched since start-up, so a
// test can show that every pattern matches a message the engine really writes.
int engine_text_pattern_count();
QString engine_text_pattern(int index);
QString engine_text_template(int index);
int engine_text_hits(int index);

}  // namespace conclab::ui
