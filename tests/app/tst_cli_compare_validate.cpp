// conclab-cli compare, validate and --repeat as a user runs them: real processes, real servers
// (conclab-cli serve as a server with a known answer, Flask on Werkzeug as a real one), real
// files. Runs are 1-2 s; the assertions are generous bounds, never timings. (calibrate, whose
// loop fits a throughput and needs the machine to itself, is tst_cli_calibrate; only a count of
// calibrate's verifications is here.)
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <signal.h>

#include "cli_process.hpp"
#include "printed_url_server.hpp"

namespace {

using conclab::test::CliRun;
using conclab::test::have_flask;
using conclab::test::PrintedUrlServer;
using conclab::test::read_json;
using conclab::test::run_cli;

const QString kCli = QStringLiteral(CONCLAB_CLI);
const QString kFlaskApp = QStringLiteral(CONCLAB_FLASK_APP);

}  // namespace

class TstCliCompareValidate : public QObject {
    Q_OBJECT
private slots:
    // validate against a server with a known answer (conclab-cli serve) and the same model:
    // every key of the JSON the issue names, the ratios near 1, the chart written.
    void validateAKnownModel() {
        PrintedUrlServer real(
            kCli, {"serve", "--model", "event-loop", "--overhead-us", "100", "--duration", "120"},
            SIGINT);
        QVERIFY(!real.url().isEmpty());
        QTemporaryDir dir;
        const QString json = dir.filePath("validate.json");
        QStringList args = {
            "validate", "--target", real.url(),     "--model",    "event-loop", "--overhead-us",
            "100",      "--grid",   "io=5;c=10,50", "--duration", "1",          "--repeat",
            "3",        "--json",   json,           "--quiet"};
#ifdef CONCLAB_HAVE_CHARTS
        args << "--chart" << dir.filePath("v.png");
#endif
        CliRun r = run_cli(args);
        QVERIFY2(r.exit_code == 0 || r.exit_code == 3, qPrintable(r.err + r.out));
        QVERIFY(r.out.contains("fidelity"));
        const QJsonObject j = read_json(json);
        const QJsonArray points = j["points"].toArray();
        QCOMPARE(points.size(), 2);
        for (const auto& p : points) {
            const QJsonObject o = p.toObject();
            for (const char* key : {"cpu_ms", "io_ms", "connections", "real", "model", "rps_ratio",
                                    "p99_ratio", "verdict"}) {
                QVERIFY2(o.contains(key), key);
            }
            for (const char* key : {"rps", "p50_ms", "p99_ms"}) {
                QVERIFY(o["real"].toObject().contains(key));
                QVERIFY(o["model"].toObject().contains(key));
            }
            QCOMPARE(o["io_ms"].toDouble(), 5.0);
            const double ratio = o["rps_ratio"].toDouble();
            // The same model on both sides: a mechanism check, generous for a loaded machine
            // (single runs there move by a factor 2 and more).
            QVERIFY2(ratio > 0.25 && ratio < 4, qPrintable(o["verdict"].toString()));
        }
        QVERIFY(j.contains("worst_rps_ratio") && j.contains("worst_p99_ratio"));
#ifdef CONCLAB_HAVE_CHARTS
        QVERIFY(QFileInfo(dir.filePath("v.png")).size() > 10000);
#endif
    }

    void validateRefusesBadInput() {
        CliRun none = run_cli({"validate", "--model", "event-loop"});
        QCOMPARE(none.exit_code, 2);
        QVERIFY(none.err.contains("--target"));
        CliRun grid = run_cli({"validate", "--target", "http://127.0.0.1:9/", "--grid", "c=0"});
        QCOMPARE(grid.exit_code, 2);
        QVERIFY2(grid.err.contains("--grid"), qPrintable(grid.err));
        CliRun shape = run_cli({"calibrate", "--target", "http://127.0.0.1:9/", "--shape", "iis"});
        QCOMPARE(shape.exit_code, 2);
        QVERIFY2(shape.err.contains("gunicorn-gthread"), qPrintable(shape.err));
        CliRun help = run_cli({"validate", "--help"});
        QCOMPARE(help.exit_code, 0);
        QVERIFY(help.out.contains("cpu_ms"));
    }

    // Models and a real server on one workload: one report per run, one overlaid chart, and a
    // table with each run's ratio to the first (the real server).
    void compareModelsWithARealServer() {
        PrintedUrlServer real(
            kCli, {"serve", "--model", "event-loop", "--io-ms", "2", "--duration", "60"}, SIGINT);
        QVERIFY(!real.url().isEmpty());
        QTemporaryDir dir;
        const QString json = dir.filePath("compare.json");
        QStringList args = {"compare",  "--models",   "event-loop,gil-threads",
                            "--io-ms",  "2",          "--connections",
                            "8",        "--duration", "1",
                            "--target", real.url(),   "--json",
                            json};
#ifdef CONCLAB_HAVE_CHARTS
        const QString png = dir.filePath("compare.png");
        args << "--chart" << png;
#endif
        CliRun r = run_cli(args);
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        qInfo("%s", qPrintable(r.out));
        QVERIFY(r.out.contains("p99.9"));
        QVERIFY(r.out.contains("× real server"));
        QVERIFY(r.out.contains("real server (" + real.url() + ")"));
        const QJsonArray runs = read_json(json)["runs"].toArray();
        QCOMPARE(runs.size(), 3);
        QCOMPARE(runs[0].toObject()["label"].toString(), "real server (" + real.url() + ")");
        QCOMPARE(runs[1].toObject()["model"].toString(), QString("event-loop"));
        QCOMPARE(runs[2].toObject()["model"].toString(), QString("gil-threads"));
        for (const auto& run : runs) {
            const QJsonObject s = run.toObject()["summary"].toObject();
            QVERIFY(s["requests"].toInteger() > 20);
            QCOMPARE(s["errors"].toInteger(), 0);
        }
#ifdef CONCLAB_HAVE_CHARTS
        QVERIFY(QFileInfo(png).size() > 10000);
#endif
    }

    // -X, -H and --body reach the real server: Flask answers 400 to anything else, which would
    // count as status errors.
    void compareSendsMethodHeadersAndBody() {
        // CI installs it (scripts/install-deps.sh): a missing Flask is a failure, not a skip.
        if (!have_flask())
            QFAIL("/usr/bin/python3 cannot import flask: run scripts/install-deps.sh");
        PrintedUrlServer flask("/usr/bin/python3", {kFlaskApp}, SIGTERM);
        QVERIFY(!flask.url().isEmpty());
        QTemporaryDir dir;
        const QString json = dir.filePath("post.json");
        CliRun r = run_cli({"compare", "--target", flask.url() + "echo", "-X", "POST", "-H",
                            "X-Token: lab", "-H", "Content-Type: text/plain", "--body", "hello",
                            "--connections", "4", "--duration", "1", "--json", json, "--quiet"});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        const QJsonArray runs = read_json(json)["runs"].toArray();
        QCOMPARE(runs.size(), 1);
        const QJsonObject s = runs[0].toObject()["summary"].toObject();
        QVERIFY(s["requests"].toInteger() > 10);
        QCOMPARE(s["errors"].toInteger(), 0);
        QCOMPARE(runs[0].toObject()["config"].toObject()["request"].toObject()["method"].toString(),
                 QString("POST"));

        // Without the header the same server refuses every request.
        CliRun refused =
            run_cli({"run", "--target", flask.url() + "echo", "-X", "POST", "--body", "hello",
                     "--connections", "2", "--duration", "1", "--json", "-", "--quiet"});
        const QJsonObject rs = QJsonDocument::fromJson(refused.out.toUtf8()).object();
        QVERIFY(rs["summary"].toObject()["error_kinds"].toObject()["status"].toInteger() > 0);
    }

    void compareTakesTheScenarioList() {
        QTemporaryDir dir;
        const QString json = dir.filePath("preset.json");
        CliRun r = run_cli(
            {"compare", "--scenario",
             QStringLiteral(CONCLAB_PRESETS_DIR) + "/02-cpu-bound-gil-threads-gain-nothing.json",
             "--duration", "1", "--connections", "4", "--json", json, "--quiet"});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        QVERIFY(read_json(json)["runs"].toArray().size() >= 2);
    }

    void repeatReportsMediansAndSpread() {
        QTemporaryDir dir;
        const QString json = dir.filePath("repeat.json");
        CliRun r = run_cli({"run", "--model", "event-loop", "--io-ms", "2", "--connections", "5",
                            "--duration", "1", "--repeat", "3", "--json", json, "--quiet"});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        qInfo("%s", qPrintable(r.out));
        QVERIFY(r.out.contains("repeated 3 times"));
        QVERIFY(r.out.contains("median (min–max)"));
        const QJsonObject j = read_json(json);
        QCOMPARE(j["repeats"].toArray().size(), 3);
        const QJsonObject s = j["summary"].toObject();
        const QJsonObject rps = s["spread"].toObject()["rps"].toObject();
        QVERIFY(rps["min"].toDouble() <= s["rps"].toDouble());
        QVERIFY(s["rps"].toDouble() <= rps["max"].toDouble());
        QVERIFY(s["spread"].toObject()["latency_ms"].toObject()["p999"].isObject());
    }

    void compareWithRepeats() {
        QTemporaryDir dir;
        const QString json = dir.filePath("both.json");
        CliRun r = run_cli({"compare", "--models", "event-loop,gil-threads", "--io-ms", "2",
                            "--connections", "5", "--duration", "1", "--repeat", "2", "--json",
                            json, "--quiet"});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("median (min–max) of 2 repeats"));
        QVERIFY(r.out.contains("× event-loop"));
        const QJsonArray runs = read_json(json)["runs"].toArray();
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs[1].toObject()["repeats"].toArray().size(), 2);
    }

    // calibrate's bookkeeping, a count rather than a throughput (so here, not in the serial
    // tst_cli_calibrate): a cost per new connection given with --connection-us is the one the
    // verification ran with, so a calibration that ends verified ran one verification, plus one
    // for each step a verification sent the loop on (each says so), and not one more for the
    // cost it already had. (One that ends unverified never reached that second look.)
    void aGivenConnectionCostIsVerifiedOnce() {
        PrintedUrlServer real(
            kCli, {"serve", "--model", "event-loop", "--overhead-us", "100", "--duration", "120"},
            SIGINT);
        QVERIFY(!real.url().isEmpty());
        QTemporaryDir dir;
        const QString json = dir.filePath("calibration.json");
        CliRun r = run_cli({"calibrate", "--target", real.url(), "--shape", "express",
                            "--connections", "10", "--duration", "0.5", "--repeat", "1", "--json",
                            json, "--zero-work-only", "--connection-us", "72"});
        QVERIFY2(r.exit_code == 0 || r.exit_code == 3, qPrintable(r.err + r.out));
        QSet<QString> verifications;  // progress lines, "[8/21] verifying: the real server again"
        const auto lines = QRegularExpression(R"(\[\d+/\d+\] verifying: the real server again)")
                               .globalMatch(r.err);
        for (auto it = lines; it.hasNext();) verifications.insert(it.next().captured(0));
        const QJsonObject j = read_json(json);
        if (!j["verified"].toBool())
            QSKIP("calibrate did not verify (a loaded machine?): the second look is not reached");
        int sent_on = 0;
        for (const auto& step : j["steps"].toArray())
            sent_on += step.toObject()["how"].toString().startsWith("verification:") ? 1 : 0;
        QCOMPARE(int(verifications.size()), 1 + sent_on);
    }
};

QTEST_GUILESS_MAIN(TstCliCompareValidate)
#include "tst_cli_compare_validate.moc"
