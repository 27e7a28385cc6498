#include "text/data_text.hpp"

#include <QCoreApplication>

namespace conclab::ui {

namespace {

// The contexts of app/docgen/translatable_strings.hpp.
constexpr const char* kRunFieldContext = "RunField";
constexpr const char* kPresetContext = "Preset";

}  // namespace

QString field_help_text(const RunField& field) {
    const std::string help(field.help);
    // core's field_help() is the help followed by the range and unit (or the choices): keep
    // that tail as it is (numbers, units and names read the same in every language).
    const std::string full = field_help(field);
    const std::string tail = full.substr(help.size());
    return QCoreApplication::translate(kRunFieldContext, help.c_str()) +
           QString::fromStdString(tail);
}

QString scenario_text(const std::string& text) {
    if (text.empty()) return {};
    return QCoreApplication::translate(kPresetContext, text.c_str());
}

QString scenario_text(const QString& text) {
    return scenario_text(text.toStdString());
}

}  // namespace conclab::ui
