// calibrate and validate against the real servers the models stand for, as a user runs them:
// conclab-cli against Flask on Werkzeug's dev server and against Express on Node (the reference
// apps in resources/reference_apps; Debian's node-express, NODE_PATH=/usr/share/nodejs).
// CTest label "real" (ctest --preset ci-real): they measure for about a minute each, and their
// bounds are the product's targets (calibrate verifies within ±5 %, validate within ±15 %),
// which a machine busy with other work can miss — hence apart from the "ci" label, each function
// a CTest test of its own that ci-real runs once more if it misses.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include "cli_process.hpp"
#include "real_server_process.hpp"

namespace {

using conclab::test::CliRun;
using conclab::test::free_tcp_port;
using conclab::test::RealServerProcess;
using conclab::test::run_cli;

const QString kApps = QStringLiteral(CONCLAB_REFERENCE_APPS);
const QString kPython = QStringLiteral("/usr/bin/python3");

QJsonObject read_json(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QString load_average() {
    QFile f("/proc/loadavg");
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).section(' ', 0, 2) : "?";
}

QString node_version() {
    QProcess p;
    p.start("node", {"--version"});
    return p.waitForFinished(10000) ? QString::fromUtf8(p.readAllStandardOutput()).trimmed()
                                    : QString("(no node)");
}

QProcessEnvironment quiet_python() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("PYTHONDONTWRITEBYTECODE", "1");
    return env;
}

QProcessEnvironment node_env() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("NODE_PATH", "/usr/share/nodejs");
    return env;
}

// calibrate --shape SHAPE against URL; checks the loop verified within ±5 % and prints the
// figures (with the load average: this is a measurement on a shared machine).
QJsonObject calibrated(const QString& url, const QString& shape, const QString& json,
                       const QString& save = {}, const QString& seconds = "2",
                       const QString& repeat = "3", const QStringList& more = {}) {
    QStringList args = {"calibrate",     "--target", url,          "--shape", shape,
                        "--connections", "10",       "--duration", seconds,   "--repeat",
                        repeat,          "--json",   json,         "--quiet"};
    if (!save.isEmpty()) args << "--save" << save;
    args << more;
    const CliRun r = run_cli(args, 600000);
    const QJsonObject j = read_json(json);
    // Each step's model ÷ real: how the loop went, for a run that took long.
    auto ratios = [](const QJsonArray& steps) {
        QStringList out;
        for (const auto& step : steps) {
            out << QString::number(step.toObject()["ratio"].toDouble(), 'f', 3);
        }
        return out.join(' ');
    };
    qInfo(
        "%s: real %.0f req/s (verify %.0f), model %.0f, fitted %.1f µs, verified ratio %.3f, "
        "%d steps (%s); after I/O %.1f µs (%d steps: %s); load average %s; exit %d",
        qPrintable(shape), j["real"].toObject()["rps"].toDouble(),
        j["real_after"].toObject()["rps"].toDouble(), j["model_after"].toObject()["rps"].toDouble(),
        j["overhead_us"].toDouble(), j["ratio"].toDouble(), int(j["steps"].toArray().size()),
        qPrintable(ratios(j["steps"].toArray())), j["resume_us"].toDouble(),
        int(j["resume"].toObject()["steps"].toArray().size()),
        qPrintable(ratios(j["resume"].toObject()["steps"].toArray())), qPrintable(load_average()),
        r.exit_code);
    if (r.exit_code != 0) qInfo("%s", qPrintable(r.err + r.out));
    return j;
}

}  // namespace

class TstRealCalibrateValidate : public QObject {
    Q_OBJECT
private slots:
    // The known answer: conclab-cli serve as the "real" server, Werkzeug's shape with 300 µs of
    // framework cost per request under the GIL and 150 µs after each I/O wait. The loop converges
    // within ±5 % of its rate and finds the framework cost within ±20 % (the cost after I/O:
    // below). (The event loop's known answer, with looser bounds, is in the everyday suite:
    // tst_cli_calibrate.) A model as the "real" server moves less than a real one: 1 s runs, one
    // each (17–22 s in all; with the default median of 3 it took 57 s and fitted the same:
    // 295–301 µs and 157–177 µs after I/O in four quiet runs).
    void calibrateRecoversAKnownOverhead() {
        const QString shape = "flask-dev";
        const double resume_us = 150;
        const auto port = free_tcp_port();
        RealServerProcess serve(
            QStringLiteral(CONCLAB_CLI),
            {"serve", "--shape", shape, "--overhead-us", "300", "--resume-us",
             QString::number(resume_us), "--port", QString::number(port), "--duration", "600"},
            port);
        QVERIFY2(serve.ready(), qPrintable(serve.output()));
        QTemporaryDir dir;
        const QJsonObject j =
            calibrated(serve.url(), shape, dir.filePath("cal.json"), {}, "1", "1");
        QVERIFY2(j["verified"].toBool(), qPrintable(j["why_not"].toString()));
        QVERIFY(std::abs(j["ratio"].toDouble() - 1) <= 0.05);
        const double overhead = j["overhead_us"].toDouble();
        QVERIFY2(overhead >= 240 && overhead <= 360, qPrintable(QString::number(overhead)));
        // The cost after I/O within ±30 %: in seven quiet runs it landed 0–20 % high (149.8–179.5
        // µs, 10 % on average). The model calibrate runs shares its process with the load
        // generator (195 connections, a thread each), while the known answer has its own.
        const double fitted = j["resume_us"].toDouble();
        QVERIFY2(fitted >= 0.7 * resume_us && fitted <= 1.3 * resume_us,
                 qPrintable(QString::number(fitted)));
    }

    void calibrateAgainstExpressVerifiesWithin5Percent() {
        qInfo("node %s", qPrintable(node_version()));
        const auto port = free_tcp_port();
        RealServerProcess node("node", {kApps + "/express_app.js", QString::number(port)}, port,
                               node_env());
        QVERIFY2(node.ready(), qPrintable(node.output()));
        QTemporaryDir dir;
        // The zero-work fit is what this case asserts; the cost after I/O would measure Express
        // at 950 connections for another 12–24 s, the cost per new connection for another 12 s
        // (validate's table covers both: docs/validation.md), so that one is given as measured
        // there (72 µs).
        const QJsonObject j = calibrated(node.url(), "express", dir.filePath("cal.json"), {}, "2",
                                         "3", {"--zero-work-only", "--connection-us", "72"});
        QVERIFY2(j["verified"].toBool(), qPrintable(j["why_not"].toString()));
        QVERIFY(std::abs(j["ratio"].toDouble() - 1) <= 0.05);
        QVERIFY(j["warnings"].toArray().isEmpty());
    }

    // Werkzeug: calibrate verifies within ±5 %, then the model it saved against the same server,
    // 50 ms of I/O per request, at 10 and 1,000 connections: req/s within ±15 %. One test, so
    // that the suite calibrates against Werkzeug once (each calibration is about 40 s).
    void calibrateAndValidateAgainstWerkzeug() {
        const auto port = free_tcp_port();
        RealServerProcess flask(kPython, {kApps + "/flask_app.py", QString::number(port)}, port,
                                quiet_python());
        QVERIFY2(flask.ready(), qPrintable(flask.output()));
        QTemporaryDir dir;
        const QString fitted = dir.filePath("flask.json");
        const QJsonObject cal =
            calibrated(flask.url(), "flask-dev", dir.filePath("cal.json"), fitted, "1.5");
        QVERIFY2(cal["verified"].toBool(), qPrintable(cal["why_not"].toString()));
        QVERIFY(std::abs(cal["ratio"].toDouble() - 1) <= 0.05);
        QVERIFY(cal["overhead_us"].toDouble() > 0);    // Python costs more than the bare model
        QVERIFY(cal["warnings"].toArray().isEmpty());  // the shape closes, as Werkzeug does
        // A thread per connection with a GIL: the cost after I/O was measured (with ?io_ms=50).
        QVERIFY(cal["resume"].isObject());
        QVERIFY(QFileInfo::exists(fitted));
        const QString json = dir.filePath("validate.json");
        // Medians of three: at 1,000 connections Werkzeug's accept queue (128) overflows and the
        // clients' handshakes are retried after 1 s and 3 s, so one 4 s run of either side lands
        // where the retries happen to fall (single runs put the model at 1.19x the real server
        // one day and 0.83x another).
        QStringList args = {"validate", "--target",        flask.url(),  "--scenario", fitted,
                            "--grid",   "io=50;c=10,1000", "--duration", "4",          "--repeat",
                            "3",        "--json",          json,         "--quiet"};
#ifdef CONCLAB_HAVE_CHARTS
        args << "--chart" << dir.filePath("validate.png");
#endif
        const CliRun r = run_cli(args, 600000);
        qInfo("%s\nload average %s", qPrintable(r.out), qPrintable(load_average()));
        QVERIFY2(r.exit_code == 0 || r.exit_code == 3, qPrintable(r.err));
        const QJsonObject j = read_json(json);
        const QJsonArray points = j["points"].toArray();
        QCOMPARE(points.size(), 2);
        for (const auto& p : points) {
            const QJsonObject o = p.toObject();
            QVERIFY(o.contains("cpu_ms") && o.contains("io_ms") && o.contains("p99_ratio"));
            QVERIFY(o["real"].toObject().contains("p50_ms"));
            const double ratio = o["rps_ratio"].toDouble();
            QVERIFY2(ratio >= 0.85 && ratio <= 1.15, qPrintable(QString("%1 connections: %2")
                                                                    .arg(o["connections"].toInt())
                                                                    .arg(o["verdict"].toString())));
        }
        QVERIFY(j.contains("worst_rps_ratio") && j.contains("worst_p99_ratio"));
#ifdef CONCLAB_HAVE_CHARTS
        QVERIFY(QFileInfo(dir.filePath("validate.png")).size() > 10000);
#endif
    }
};

QTEST_GUILESS_MAIN(TstRealCalibrateValidate)
#include "tst_real_calibrate_validate.moc"
