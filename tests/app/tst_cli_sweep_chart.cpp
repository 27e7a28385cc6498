// `conclab-cli sweep --chart`: a real sweep, drawn with the GUI's sweep chart code offscreen; and
// `sweep --scenario` with a scenario's "sweep" section.
#include <QtTest>

#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include "cli_process.hpp"

namespace {

using conclab::test::CliRun;
using conclab::test::run_cli;

}  // namespace

class TstCliSweepChart : public QObject {
    Q_OBJECT
private slots:
    void sweepChartOfTwoModelsIsWritten() {
        QTemporaryDir dir;
        const QString png = dir.filePath("sweep.png");
        const QString svg = dir.filePath("sweep.svg");
        const QStringList args{"sweep",
                               "--models",
                               "event-loop,gil-threads",
                               "--io-ms",
                               "10",
                               "--threads",
                               "4",
                               "--connections",
                               "1,2,4,8,16,32",
                               "--step-duration",
                               "0.6",
                               "--warmup",
                               "0.2",
                               "--quiet"};
        CliRun r = run_cli(args + QStringList{"--chart", png});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        QImageReader reader(png);
        QVERIFY2(reader.canRead(), qPrintable(reader.errorString()));
        QCOMPARE(reader.format(), QByteArray("png"));
        QVERIFY(reader.size().width() >= 1920 && reader.size().height() >= 800);
        // Non-trivial: points, curves and text, not an empty white page.
        QVERIFY(QFileInfo(png).size() > 60 * 1024);
        const QImage image(png);
        int coloured = 0;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7) {
                const QColor c = image.pixelColor(x, y);
                if (c.saturation() > 80) ++coloured;
            }
        }
        QVERIFY2(coloured > 200, qPrintable(QString::number(coloured)));
        // Never over an existing file without --force.
        r = run_cli(args + QStringList{"--chart", png});
        QCOMPARE(r.exit_code, 2);  // refused before the sweep
        QVERIFY2(r.err.contains("exists"), qPrintable(r.err));
        // SVG by extension: the format is the point here, so one model over three points.
        r = run_cli({"sweep", "--models", "event-loop", "--io-ms", "10", "--connections", "1,2,4",
                     "--step-duration", "0.5", "--warmup", "0.2", "--quiet", "--chart", svg});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        QFile svg_file(svg);
        QVERIFY(svg_file.open(QIODevice::ReadOnly));
        const QByteArray svg_text = svg_file.readAll();
        QVERIFY(svg_text.contains("<svg") && svg_text.contains("</svg>") &&
                svg_text.size() > 10000);
    }

    void sweepScenarioSectionDrivesTheSweep() {
        QTemporaryDir dir;
        const QString scenario = dir.filePath("s.json");
        QFile f(scenario);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"name":"tiny","io_ms":5,"sweep":{"models":["event-loop"],
                    "connections":[1,2,4,8,16,32],"step_duration":0.5,"warmup":0.2}})");
        f.close();
        const QString json = dir.filePath("s.json.out");
        CliRun r = run_cli({"sweep", "--scenario", scenario, "--json", json, "--quiet"});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        QFile out(json);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(out.readAll()).object();
        const QJsonArray points = doc["points"].toArray();
        QCOMPARE(points.size(), 6);
        QCOMPARE(points[5].toObject()["connections"].toInt(), 32);
        // Bad input in the section: a clear error, nothing run.
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(R"({"name":"bad","sweep":{"connections":[1,0]}})");
        f.close();
        r = run_cli({"sweep", "--scenario", scenario});
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains("field \"sweep\"") && r.err.contains("got 0"), qPrintable(r.err));
    }

    void presetSweepScenariosParse() {
        // The shipped presets are accepted by the CLI's option checks (no run: --help-like).
        QDir presets(QStringLiteral(CONCLAB_PRESETS_DIR "/sweeps"));
        const auto files = presets.entryList({"*.json"}, QDir::Files);
        QVERIFY(files.size() >= 2);
        for (const QString& file : files) {
            // --connections 1 --step-duration tiny: checks the scenario, runs one short point.
            CliRun r = run_cli({"sweep", "--scenario", presets.filePath(file), "--models",
                                "event-loop", "--connections", "1", "--step-duration", "0.3",
                                "--warmup", "0", "--quiet"});
            QVERIFY2(r.exit_code == 0, qPrintable(file + ": " + r.err));
        }
    }
};

QTEST_GUILESS_MAIN(TstCliSweepChart)
#include "tst_cli_sweep_chart.moc"
