#pragma once
// Texts the GUI shows that come from data rather than code: the run-field registry's help (in
// tooltips) and the presets' names and descriptions. They are looked up in the translation under
// the contexts that conclab-i18n-strings (app/docgen) writes for lupdate; a text with no
// translation — a user's own scenario, or the English window — is shown as it is.

#include <QString>

#include <string>

#include "core/run_fields.hpp"

namespace conclab::ui {

// The field's help with its range and unit, or its choices, as core's field_help() writes them
// ("closed-loop keep-alive connections, like wrk -c (1..10000)"), the help part translated.
QString field_help_text(const RunField& field);

// A preset's (or any scenario's) name or description, translated when it is a preset's.
QString scenario_text(const std::string& text);
QString scenario_text(const QString& text);

}  // namespace conclab::ui
