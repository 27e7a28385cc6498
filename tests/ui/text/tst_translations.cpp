// The GUI in Korean: every string the sources give to tr() (and every registry help and preset
// text, which conclab-i18n-strings collects) has a finished Korean translation in
// resources/translations/conclab_ko.ts, checked by running lupdate over the sources into a copy of
// it; the translation loads, follows the chosen language and is remembered.
#include <QtTest>

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include "core/run_fields.hpp"
#include "gui_test_support.hpp"
#include "text/app_language.hpp"
#include "text/data_text.hpp"
#include "window/app_settings.hpp"
#include "window/main_window.hpp"
#include "window/preset_library.hpp"

using namespace conclab;
using namespace conclab::ui;

namespace {

bool has_hangul(const QString& text) {
    static const QRegularExpression hangul("[\\x{AC00}-\\x{D7A3}]");
    return text.contains(hangul);
}

struct TsCheck {
    int finished = 0;
    QStringList unfinished;  // the source texts
    QStringList vanished;
};

TsCheck read_ts(const QString& path) {
    TsCheck check;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return check;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            const QString type = xml.attributes().value("type").toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (type == "vanished" || type == "obsolete") {
                check.vanished << source;
            } else if (type == "unfinished" || text.trimmed().isEmpty()) {
                check.unfinished << source;
            } else {
                ++check.finished;
            }
        }
    }
    return check;
}

}  // namespace

class TstTranslations : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::use_throwaway_settings("ConcurrencyLabTests-translations"); }
    void cleanupTestCase() { apply_language("en"); }

    // lupdate over the GUI's sources into a copy of the committed .ts: a string added without a
    // translation comes in as unfinished, one removed stays as vanished. Either fails.
    void everyGuiStringHasAKoreanTranslation() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ts = dir.filePath("conclab_ko.ts");
        QVERIFY(QFile::copy(CONCLAB_SOURCE_DIR "/resources/translations/conclab_ko.ts", ts));
        QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(CONCLAB_LUPDATE, {"-locations", "none", "-no-ui-lines",
                                        CONCLAB_SOURCE_DIR "/ui", CONCLAB_DATA_STRINGS, "-ts", ts});
        QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
        const QString said = QString::fromUtf8(lupdate.readAll());
        QVERIFY2(lupdate.exitCode() == 0, qPrintable(said));
        const TsCheck check = read_ts(ts);
        QVERIFY2(check.finished > 100, qPrintable(said));
        QVERIFY2(check.unfinished.isEmpty(),
                 qPrintable(QString("%1 strings have no Korean translation (run `cmake --build "
                                    "--preset ci --target update_translations` and translate "
                                    "them in resources/translations/conclab_ko.ts), e.g.:\n  %2")
                                .arg(check.unfinished.size())
                                .arg(check.unfinished.mid(0, 15).join("\n  "))));
        QVERIFY2(
            check.vanished.isEmpty(),
            qPrintable("strings no longer in the sources (update_translations drops them):\n  " +
                       check.vanished.mid(0, 15).join("\n  ")));
    }

    void koreanLoadsAndEnglishIsTheSource() {
        QVERIFY(available_languages().contains("ko"));
        QCOMPARE(available_languages().constFirst(), QString("en"));
        QCOMPARE(native_language_name("ko"), QString("한국어"));
        QCOMPARE(apply_language("ko"), QString("ko"));
        QCOMPARE(QLocale().language(), QLocale::Korean);
        // Qt's own buttons come from qt6-translations-l10n.
        QVERIFY(has_hangul(QCoreApplication::translate("QPlatformTheme", "Cancel")));
        QCOMPARE(apply_language("en"), QString("en"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QString("Cancel"));
        QCOMPARE(QLocale().toString(17706), QString("17,706"));
        apply_language("ko");
        QCOMPARE(QLocale().toString(17706), QString("17,706"));  // readable in both
        apply_language("en");
    }

    // Texts from data: each registry row's help (tooltips) and each preset's name and description.
    void registryHelpAndPresetsAreTranslated() {
        apply_language("ko");
        for (const RunField& field : run_fields()) {
            const QString help = field_help_text(field);
            QVERIFY2(has_hangul(help), field.key.data());
            // The range and unit stay as the registry writes them.
            const QString english = QString::fromStdString(field_help(field));
            QVERIFY2(help.endsWith(english.mid(int(field.help.size()))), qPrintable(help));
        }
        for (const auto& presets : {load_presets(), load_sweep_presets()}) {
            QVERIFY(!presets.empty());
            for (const Scenario& preset : presets) {
                QVERIFY2(has_hangul(scenario_text(preset.name)), preset.name.c_str());
                QVERIFY2(has_hangul(scenario_text(preset.description)), preset.name.c_str());
            }
        }
        // A user's own scenario has no translation: shown as it is.
        QCOMPARE(scenario_text(std::string("my own scenario")), QString("my own scenario"));
        apply_language("en");
        QCOMPARE(scenario_text(load_presets().front().name),
                 QString::fromStdString(load_presets().front().name));
    }

    void viewLanguageIsRemembered() {
        QCOMPARE(AppSettings::language(), QString());  // first launch: the system's
        AppSettings::save_language("ko");
        QCOMPARE(AppSettings::language(), QString("ko"));
        AppSettings::save_language("xx");  // not one of the app's: the system's
        QCOMPARE(AppSettings::language(), QString());
        AppSettings::save_language("ko");
        MainWindow window;
        auto* menu = window.findChild<QMenu*>("languageMenu");
        QVERIFY(menu);
        QStringList items;
        QString checked;
        for (QAction* action : menu->actions()) {
            if (action->isSeparator()) continue;
            items << action->data().toString();
            if (action->isChecked()) checked = action->data().toString();
        }
        QCOMPARE(items, (QStringList{"", "en", "ko"}));
        QCOMPARE(checked, QString("ko"));
        AppSettings::save_language({});
    }
};

QTEST_MAIN(TstTranslations)
#include "tst_translations.moc"
