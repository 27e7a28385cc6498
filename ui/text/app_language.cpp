#include "text/app_language.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace conclab::ui {

namespace {

constexpr const char* kTranslations = ":/i18n";

// The translators installed by apply_language, owned by the application.
QPointer<QTranslator>& app_translator() {
    static QPointer<QTranslator> translator;
    return translator;
}
QPointer<QTranslator>& qt_translator() {
    static QPointer<QTranslator> translator;
    return translator;
}

void remove(QPointer<QTranslator>& translator) {
    if (!translator) return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
}

}  // namespace

QStringList available_languages() {
    QStringList codes{"en"};
    // conclab_ko.qm → "ko"
    for (const QString& file : QDir(kTranslations).entryList({"conclab_*.qm"}, QDir::Files)) {
        codes << file.mid(8, file.size() - 8 - 3);
    }
    return codes;
}

QString native_language_name(const QString& code) {
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    // "English", not "American English"; the C locale is English too.
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) {
        name = QStringLiteral("English");
    }
    return name.isEmpty() ? code : name;
}

QString apply_language(const QString& code) {
    remove(app_translator());
    remove(qt_translator());
    const QLocale wanted = code.isEmpty() ? QLocale::system() : QLocale(code);
    QString spoken = "en";
    auto* translator = new QTranslator(QCoreApplication::instance());
    // The locale's UI languages in order of preference ("ko-KR", "ko"), each tried as a file.
    if (code != "en" && translator->load(wanted, "conclab", "_", kTranslations)) {
        QCoreApplication::installTranslator(translator);
        app_translator() = translator;
        spoken = QLocale(translator->language()).name().section('_', 0, 0);
        // Qt's own dialogs and buttons (Debian: qt6-translations-l10n).
        auto* qt = new QTranslator(QCoreApplication::instance());
        if (qt->load(wanted, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
            qt_translator() = qt;
        } else {
            delete qt;
        }
    } else {
        delete translator;
    }
    QLocale::setDefault(spoken == "en" ? QLocale(QLocale::English, QLocale::UnitedStates)
                                       : QLocale(spoken));
    return spoken;
}

}  // namespace conclab::ui
