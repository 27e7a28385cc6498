// The Model vs real table of a repeated validation: each side's runs' range in the tooltips of
// its figures, a point ok only against the real server's own spread in amber and counted in the
// summary, and the chart exported with the real server's error bars.
#include <QtTest>

#include <QLabel>
#include <QTableWidget>
#include <QTemporaryDir>

#include "calibrate/model_vs_real_table.hpp"
#include "result_text.hpp"
#include "validation_points.hpp"

using namespace conclab;
using conclab::test::succeeded;

class TstModelVsRealTable : public QObject {
    Q_OBJECT
private slots:
    void aRepeatedValidationShowsItsSpread() {
        ValidationResult r;
        r.shape = "Node / Express";
        r.repeats = 3;
        // Real Express's first burst, lost in one run of three: the model's p99 is that run's.
        r.points.push_back(test::spread_point(224.4, 231.0, 4199.6, 4199.6));
        r.points.push_back(test::spread_point(224.4, 231.0, 240.0, 236.0));  // a plain ok
        r.within_real_spread = 1;
        QVERIFY(r.points[0].within_real_spread && !r.points[1].within_real_spread);
        ValidationSettings settings;
        settings.real.url = "http://127.0.0.1:3000/";

        ui::ModelVsRealTable table;
        table.resize(1280, 400);
        table.set_result(r, settings);
        QTableWidget* t = table.table();
        QCOMPARE(t->rowCount(), 2);
        QCOMPARE(t->item(0, 5)->toolTip(), QString("3 runs ranged 224.4–4,199.6 ms"));
        QCOMPARE(t->item(0, 2)->toolTip(), QString("3 runs ranged 455–478 req/s"));
        QVERIFY2(t->item(0, 8)->text().contains("own spread"), qPrintable(t->item(0, 8)->text()));
        QCOMPARE(t->item(1, 8)->text(), QString("ok"));
        QVERIFY(t->item(0, 8)->foreground().color() != t->item(1, 8)->foreground().color());
        const QString summary = table.summary_label()->text();
        QVERIFY2(summary.contains("0 of 2 points outside") &&
                     summary.contains("Within only against the real server's own spread") &&
                     summary.endsWith(": 1."),
                 qPrintable(summary));

        QDir().mkpath(CONCLAB_SCREENSHOT_DIR);
        QVERIFY(table.grab().save(QString(CONCLAB_SCREENSHOT_DIR) + "/model-vs-real-spread.png"));

        QTemporaryDir dir;
        QString error;
        for (const char* name : {"mvr.png", "mvr.csv"}) {
            QVERIFY2(succeeded(table.export_to(dir.filePath(name)), error), qPrintable(error));
        }
        QFile csv(dir.filePath("mvr.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QVERIFY2(lines[0].endsWith("within_real_spread"), lines[0].constData());
        QVERIFY2(lines[1].endsWith(",3,455.00,478.00,224.400,4199.600,462.00,462.00,4199.600,"
                                   "4199.600,1"),
                 lines[1].constData());
        QVERIFY(QFileInfo(dir.filePath("mvr.png")).size() > 10000);
        QFile::remove(QString(CONCLAB_SCREENSHOT_DIR) + "/model-vs-real-spread-chart.png");
        QVERIFY(QFile::copy(dir.filePath("mvr.png"),
                            QString(CONCLAB_SCREENSHOT_DIR) + "/model-vs-real-spread-chart.png"));
    }

    // A race judged by its tallies (nine runs a side): ok in amber, as the points ok against the
    // real server's own spread, and outside in red, each with its tallies in the cell.
    void aRaceShowsItsTallies() {
        ValidationResult r;
        r.shape = "Node / Express";
        r.repeats = 3;
        r.points.push_back(
            test::race_point({231, 4199.6, 240, 3183.2, 236, 228, 3900, 229, 3700},
                             {3183.2, 252, 4199.6, 3246.8, 267, 4199.6, 3400, 245, 4100}));
        r.points.push_back(
            test::race_point({231, 4199.6, 240, 236, 228, 245, 233, 250, 229},
                             {3183.2, 252, 4199.6, 3246.8, 3300, 4199.6, 3900, 3400, 4100}));
        QVERIFY(r.points[0].ok && r.points[0].race && !r.points[1].ok && r.points[1].race);
        r.outside = 1;
        r.within_real_spread = 1;
        ValidationSettings settings;
        settings.real.url = "http://127.0.0.1:3000/";

        ui::ModelVsRealTable table;
        table.resize(1280, 400);
        table.set_result(r, settings);
        QTableWidget* t = table.table();
        QCOMPARE(t->rowCount(), 2);
        QVERIFY2(t->item(0, 8)->text().startsWith("ok as a race") &&
                     t->item(0, 8)->text().contains("in 5 of 9 real runs and 3 of 9 model runs"),
                 qPrintable(t->item(0, 8)->text()));
        QCOMPARE(t->item(0, 8)->foreground().color(), QColor(150, 95, 0));
        QVERIFY2(t->item(1, 8)->text().contains("likely a race"),
                 qPrintable(t->item(1, 8)->text()));
        QCOMPARE(t->item(1, 8)->foreground().color(), QColor(176, 0, 32));
        QCOMPARE(t->item(0, 8)->toolTip(), t->item(0, 8)->text());
        QDir().mkpath(CONCLAB_SCREENSHOT_DIR);
        QVERIFY(table.grab().save(QString(CONCLAB_SCREENSHOT_DIR) + "/model-vs-real-race.png"));
    }
};

QTEST_MAIN(TstModelVsRealTable)
#include "tst_model_vs_real_table.moc"
