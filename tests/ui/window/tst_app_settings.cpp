// What the app remembers: a bad remembered value is dropped with a note, never an exception, and a
// first window takes its size from the screen it opens on.
#include <QtTest>

#include <QSettings>
#include <QStandardPaths>

#include "window/app_settings.hpp"

using namespace conclab;
using namespace conclab::ui;

class TstAppSettings : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // QSettings go to a throw-away place
        QCoreApplication::setOrganizationName("ConcurrencyLabTests");
        QCoreApplication::setApplicationName("tst_app_settings");
    }
    void cleanup() { QSettings().clear(); }

    void badLastScenarioIsDroppedWithANote_data() {
        QTest::addColumn<QString>("saved");
        QTest::addColumn<QString>("why");
        QTest::newRow("garbage") << "}{ not json"
                                 << "JSON";
        QTest::newRow("number out of double's range") << R"({"duration_s": 1e400})"
                                                      << "1e400";
        QTest::newRow("bad field") << R"({"name": "x", "connections": "many"})"
                                   << "connections";
        QTest::newRow("not an object") << "[1, 2, 3]"
                                       << "object";
        QTest::newRow("huge integer") << R"({"name": "x", "connections": 1e30})"
                                      << "connections";
    }
    void badLastScenarioIsDroppedWithANote() {
        QFETCH(QString, saved);
        QFETCH(QString, why);
        const auto parsed = AppSettings::parse_last_scenario(saved);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().contains(why, Qt::CaseInsensitive), qPrintable(parsed.error()));

        QSettings().setValue("lastScenario", saved);
        const RestoredSettings restored = AppSettings::load();
        QVERIFY(!restored.last_scenario);
        QVERIFY2(restored.note.contains("defaults"), qPrintable(restored.note));
    }

    void goodValuesRoundTrip() {
        Scenario s;
        s.name = "last settings";
        s.run.load.connections = 321;
        s.compare = {Model::EventLoop, Model::GilThreads};
        AppSettings::save_scenario(s);
        AppSettings::save_view({true, false, true, false, 1, -1});
        const RestoredSettings restored = AppSettings::load();
        QVERIFY(restored.note.isEmpty());
        QVERIFY(restored.last_scenario);
        QCOMPARE(restored.last_scenario->run.load.connections, 321);
        QCOMPARE(restored.last_scenario->compare.size(), std::size_t(2));
        QVERIFY(restored.view.whole_run && restored.view.log_rps);
        QCOMPARE(restored.view.presentation_first, 1);
        QCOMPARE(restored.view.presentation_second, -1);  // one chart
        QVERIFY(!restored.view.log_latency && !restored.view.dark);
        QVERIFY(restored.geometry.isEmpty());  // as on first launch
    }

    void viewValuesOfTheWrongTypeAreOff() {
        QSettings().setValue("view/dark", QVariantList{1, 2});
        QSettings().setValue("view/logRps", "yes please");
        QSettings().setValue("view/presentationFirst", 17);      // no such chart
        QSettings().setValue("view/presentationSecond", "1.5");  // not a whole number
        const RestoredSettings restored = AppSettings::load();
        QVERIFY(!restored.view.dark);
        QVERIFY(!restored.view.log_rps);
        QCOMPARE(restored.view.presentation_first, 0);  // the defaults: req/s and connections
        QCOMPARE(restored.view.presentation_second, 2);
    }

    void firstWindowFillsMostOfTheScreen_data() {
        QTest::addColumn<QRect>("available");
        QTest::addColumn<QSize>("minimum");
        QTest::addColumn<QRect>("expected");
        QTest::newRow("1280x800") << QRect(0, 0, 1280, 800) << QSize(900, 600)
                                  << QRect(64, 40, 1152, 720);
        QTest::newRow("1920x1080 below a panel")
            << QRect(0, 30, 1920, 1050) << QSize(900, 600) << QRect(96, 82, 1728, 945);
        QTest::newRow("second screen")
            << QRect(1920, 0, 2560, 1440) << QSize(900, 600) << QRect(2048, 72, 2304, 1296);
        QTest::newRow("small screen: the minimum")
            << QRect(0, 0, 1024, 600) << QSize(960, 580) << QRect(32, 10, 960, 580);
        QTest::newRow("minimum larger than the screen")
            << QRect(0, 0, 800, 600) << QSize(1000, 700) << QRect(0, 0, 800, 600);
    }
    void firstWindowFillsMostOfTheScreen() {
        QFETCH(QRect, available);
        QFETCH(QSize, minimum);
        QFETCH(QRect, expected);
        QCOMPARE(AppSettings::first_window_geometry(available, minimum), expected);
    }
};

QTEST_MAIN(TstAppSettings)
#include "tst_app_settings.moc"
