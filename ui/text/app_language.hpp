#pragma once
// The language of the desktop app: the system's (its locale's UI languages), unless View →
// Language chose one, which AppSettings remembers. English is the language of the sources; the
// others are the .qm files compiled in under :/i18n (resources/translations/*.ts).

#include <QString>
#include <QStringList>

namespace conclab::ui {

// The languages the app speaks, as codes: "en" first, then one per translation compiled in.
QStringList available_languages();
// A language's name in that language ("English", "한국어"), as a language menu shows it.
QString native_language_name(const QString& code);

// Installs the app's and Qt's own translators for `code` ("" = follow the system) on the running
// application, replacing any installed before, and makes its locale the default for numbers and
// dates. Returns the language now spoken ("en" when no translation matched). Call before the
// windows are built: their texts are set when they are.
QString apply_language(const QString& code);

}  // namespace conclab::ui
