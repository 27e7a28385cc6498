// conclab-cli as a user runs it: a real process, real servers, real load, real files.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#ifdef CONCLAB_HAVE_CHARTS
#include <QImageReader>  // Qt Gui: only in builds with the Qt front end
#endif

#include <signal.h>

#include "blocking_http_client.hpp"
#include "cli_process.hpp"
#include "server/listen_socket.hpp"

namespace {

const QString kCli = QStringLiteral(CONCLAB_CLI);

using conclab::test::CliRun;
using conclab::test::read_json;
using conclab::test::run_cli;

// Children of `pid`, from /proc (the worker processes of a CLI run).
QList<int> children_of(qint64 pid) {
    QList<int> out;
    QDir task(QString("/proc/%1/task").arg(pid));
    for (const QString& t : task.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(task.filePath(t) + "/children");
        if (!f.open(QIODevice::ReadOnly)) continue;
        for (const QByteArray& c : f.readAll().split(' ')) {
            if (!c.trimmed().isEmpty()) out << c.trimmed().toInt();
        }
    }
    return out;
}

bool process_exists(int pid) {
    return ::kill(pid, 0) == 0;
}

}  // namespace

class TstCliEndToEnd : public QObject {
    Q_OBJECT
private slots:
    void everyModelRunsAndReportsJson_data() {
        QTest::addColumn<QStringList>("model_args");
        QTest::newRow("event-loop") << QStringList{"--model", "event-loop"};
        QTest::newRow("gil-threads") << QStringList{"--model", "gil-threads", "--threads", "4"};
        QTest::newRow("gil-threads per connection")
            << QStringList{"--model", "gil-threads", "--threads", "0"};
        QTest::newRow("process-per-core")
            << QStringList{"--model", "process-per-core", "--workers", "2"};
        QTest::newRow("process-per-core gil") << QStringList{
            "--model", "process-per-core", "--workers", "2", "--inner", "gil-threads"};
    }
    void everyModelRunsAndReportsJson() {
        QFETCH(QStringList, model_args);
        QTemporaryDir dir;
        const QString json = dir.filePath("run.json");
        const QString csv = dir.filePath("run.csv");
        CliRun r =
            run_cli(QStringList{"run"} + model_args +
                    QStringList{"--connections", "20", "--io-ms", "10", "--cpu-ms", "0.2",
                                "--duration", "1.5", "--json", json, "--csv", csv, "--quiet"});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("Requests/sec"));
        const QJsonObject j = read_json(json);
        QCOMPARE(j["model"].toString(), model_args[1]);
        const QJsonObject s = j["summary"].toObject();
        QVERIFY(s["requests"].toInteger() > 20);
        QCOMPARE(s["errors"].toInteger(), 0);
        QVERIFY(s["latency_ms"].toObject()["p50"].toDouble() >= 10.0);
        QCOMPARE(s["connections"].toObject()["client_open_max"].toInt(), 20);
        QVERIFY(s["connections"].toObject()["server_in_service_max"].toDouble() > 0);
        const QJsonArray series = j["series"].toArray();
        QVERIFY(series.size() >= 5);
        QVERIFY(series[2].toObject().contains("server_waiting"));
        QVERIFY(QFile::exists(csv));
        // #10: the internals keys in every entry, the diagnosis list, the latency spectrum.
        QVERIFY(series[2].toObject().contains("loop_delay_p99_ms"));
        QVERIFY(series[2].toObject().contains("gil_held_pct"));
        QVERIFY(series[2].toObject().contains("workers"));
        QVERIFY(j["diagnosis"].isArray());
        QVERIFY(s["latency_spectrum"].toArray().size() >= 6);
    }

    // The live progress line: the tick's peaks as whole counts, its time averages marked
    // "avg" (a 4-thread pool under 20 connections: at most 4 in service, the rest waiting).
    void progressLineSaysWhichFiguresAreAverages() {
        const CliRun r = run_cli({"run", "--model", "gil-threads", "--threads", "4",
                                  "--connections", "20", "--io-ms", "20", "--duration", "2.5"});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        static const QRegularExpression line(
            R"(in service +(\d+) peak +([\d.]+) avg +waiting +(\d+) peak +([\d.]+) avg)");
        int lines = 0, most_waiting = 0;
        for (auto it = line.globalMatch(r.err); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            ++lines;
            QVERIFY2(m.captured(1).toInt() <= 4, qPrintable(m.captured(0)));
            QVERIFY2(m.captured(2).toDouble() <= m.captured(1).toInt() + 1e-9,
                     qPrintable(m.captured(0)));  // an average never above its peak
            most_waiting = std::max(most_waiting, m.captured(3).toInt());
        }
        QVERIFY2(lines >= 2, qPrintable(r.err));  // a line a second
        QVERIFY2(most_waiting >= 8, qPrintable(r.err));
    }

    // Process per core: --csv-workers writes one row per worker per tick.
    void csvWorkersHasOneRowPerWorkerPerTick() {
        QTemporaryDir dir;
        const QString csv = dir.filePath("workers.csv");
        CliRun r =
            run_cli({"run", "--model", "process-per-core", "--workers", "2", "--connections", "8",
                     "--io-ms", "5", "--duration", "1.0", "--csv-workers", csv, "--quiet"});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("Workers"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).trimmed().split('\n');
        QVERIFY(lines[0].startsWith("t_s,pid,rps,cpu_pct,loop_delay_p99_ms"));
        QVERIFY2((lines.size() - 1) % 2 == 0 && lines.size() >= 7,
                 qPrintable(QString::number(lines.size())));
    }

    // The same charts as the GUI, drawn offscreen (builds with the Qt front end).
    void rendersChartsHeadless() {
#ifndef CONCLAB_HAVE_CHARTS
        QSKIP("built without the Qt front end");
#else
        QTemporaryDir dir;
        const QString png = dir.filePath("run.png");
        const QString svg = dir.filePath("run.svg");
        CliRun r = run_cli({"run", "--connections", "5", "--io-ms", "5", "--duration", "1",
                            "--chart", png, "--quiet"});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        QCOMPARE(QImageReader(png).size(), QSize(3840, 2160));
        r = run_cli({"run", "--duration", "0.5", "--chart", png, "--quiet"});
        QCOMPARE(r.exit_code, 2);  // exists, no --force: refused before the run
        QVERIFY(r.err.contains("exists"));
        r = run_cli({"run", "--duration", "0.5", "--chart", svg, "--quiet"});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly) && f.readAll().contains("<svg"));
#endif
    }

    // --report: the extension picks HTML or PDF; an existing file needs --force, like --json.
    void writesReportsHeadless() {
#ifndef CONCLAB_HAVE_CHARTS
        CliRun r = run_cli({"run", "--duration", "0.5", "--report", "x.html", "--quiet"});
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains("--report needs the Qt chart code"), qPrintable(r.err));
#else
        QTemporaryDir dir;
        const QString html = dir.filePath("run.html");
        const QString pdf = dir.filePath("run.pdf");
        CliRun r = run_cli({"run", "--connections", "5", "--io-ms", "5", "--duration", "1",
                            "--report", html, "--quiet"});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        QFile h(html);
        QVERIFY(h.open(QIODevice::ReadOnly));
        const QByteArray page = h.readAll();
        h.close();
        QVERIFY(page.startsWith("<!DOCTYPE html>"));
        QVERIFY(page.count("<svg") >= 4);
        QVERIFY(page.contains("p99.9") && page.contains("event loop"));
        // Nothing fetched: no external source, link, stylesheet import or url() (the SVG's
        // xmlns names are identifiers, not fetches).
        const QRegularExpression fetch("(src|href)\\s*=\\s*[\"']?(https?:)?//|@import|url\\(");
        QVERIFY(!QString::fromUtf8(page).contains(fetch));

        r = run_cli({"run", "--connections", "5", "--io-ms", "5", "--duration", "1", "--report",
                     pdf, "--quiet"});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        QFile p(pdf);
        QVERIFY(p.open(QIODevice::ReadOnly));
        const QByteArray slides = p.readAll();
        p.close();
        QVERIFY(slides.startsWith("%PDF"));
        QVERIFY2(slides.count("/Type /Page\n") >= 5,
                 qPrintable(QString::number(slides.count("/Type /Page\n"))));

        // No overwrite without --force; the file stays as it was.
        r = run_cli({"run", "--duration", "0.5", "--report", html, "--quiet"});
        QCOMPARE(r.exit_code, 2);  // refused before the run
        QVERIFY2(r.err.contains("exists") && r.err.contains("--force"), qPrintable(r.err));
        QVERIFY(h.open(QIODevice::ReadOnly));
        QCOMPARE(h.readAll(), page);
        h.close();
        r = run_cli({"run", "--duration", "0.5", "--report", html, "--force", "--quiet"});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        QVERIFY(h.open(QIODevice::ReadOnly));
        QVERIFY(h.readAll() != page);
#endif
        // An unknown extension is refused before anything runs, naming both formats.
        CliRun bad = run_cli({"run", "--duration", "0.5", "--report", "x.docx", "--quiet"});
        QCOMPARE(bad.exit_code, 2);
        QVERIFY2(bad.err.contains(".html or .pdf"), qPrintable(bad.err));
        bad = run_cli({"sweep", "--connections", "1,2", "--report", "x.html"});
        QCOMPARE(bad.exit_code, 2);
        QVERIFY2(bad.err.contains("--report belongs to run and compare"), qPrintable(bad.err));
    }

    void refusesToOverwriteWithoutForce() {
        QTemporaryDir dir;
        const QString json = dir.filePath("run.json");
        QFile f(json);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("precious");
        f.close();
        CliRun r = run_cli({"run", "--duration", "0.5", "--json", json, "--quiet"});
        QCOMPARE(r.exit_code, 2);  // refused before the run, not after it
        QVERIFY(r.err.contains("--force"));
        QVERIFY2(!r.err.contains("Running"), qPrintable(r.err));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("precious"));
    }

    void portInUseIsAClearError() {
        const auto taken = conclab::open_listen_socket(0, 8);
        QVERIFY2(taken.ok(), taken.ok() ? "" : taken.error().c_str());
        CliRun r = run_cli({"run", "--port", QString::number(taken->port), "--duration", "1"});
        QCOMPARE(r.exit_code, 1);
        QVERIFY2(r.err.contains("already in use"), qPrintable(r.err));
    }

    void ctrlCStopsCleanlyAndStillReports() {
        QTemporaryDir dir;
        const QString json = dir.filePath("run.json");
        QProcess p;
        p.start(kCli, {"run", "--model", "process-per-core", "--workers", "2", "--connections",
                       "10", "--io-ms", "5", "--duration", "60", "--json", json, "--quiet"});
        QVERIFY(p.waitForStarted());
        QList<int> workers;
        QTRY_VERIFY_WITH_TIMEOUT((workers = children_of(p.processId())).size() == 2, 10000);
        QTest::qWait(1200);
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitCode(), 130);
        for (int pid : workers) QVERIFY(!process_exists(pid));
        QVERIFY(read_json(json)["summary"].toObject()["requests"].toInteger() > 0);
    }

    // No orphans, ever: workers die with the engine even when it is killed outright.
    void workersDieWhenTheEngineIsKilled() {
        QProcess p;
        p.start(kCli, {"run", "--model", "process-per-core", "--workers", "2", "--duration", "60",
                       "--quiet"});
        QVERIFY(p.waitForStarted());
        QList<int> workers;
        QTRY_VERIFY_WITH_TIMEOUT((workers = children_of(p.processId())).size() == 2, 10000);
        ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(5000));
        for (int pid : workers) QTRY_VERIFY_WITH_TIMEOUT(!process_exists(pid), 3000);
    }

    // An external server: here one started by `conclab-cli serve`, standing in for Flask/Express.
    void drivesAnExternalTarget() {
        QProcess server;
        server.start(kCli, {"serve", "--model", "event-loop", "--io-ms", "5", "--duration", "20"});
        QVERIFY(server.waitForStarted());
        QVERIFY(server.waitForReadyRead(10000));
        const QString banner = QString::fromUtf8(server.readLine());
        const auto match = QRegularExpression("http://127\\.0\\.0\\.1:(\\d+)/").match(banner);
        QVERIFY2(match.hasMatch(), qPrintable(banner));
        const QString url = match.captured(0);
        QTemporaryDir dir;
        const QString json = dir.filePath("ext.json");
        CliRun r = run_cli({"run", "--target", url, "--connections", "5", "--duration", "1",
                            "--json", json, "--quiet"});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        const QJsonObject j = read_json(json);
        QCOMPARE(j["model"].toString(), QString("external"));
        QVERIFY(j["summary"].toObject()["requests"].toInteger() > 50);
        QVERIFY(
            j["summary"].toObject()["connections"].toObject()["server_in_service_max"].isNull());
        ::kill(static_cast<pid_t>(server.processId()), SIGINT);
        QVERIFY(server.waitForFinished(5000));
    }

    // #9: a run in which every request failed is not a success.
    void everyRequestFailedExitsNonZero() {
        CliRun r = run_cli({"run", "--target", "http://127.0.0.1:1/", "--duration", "1", "-q"});
        QCOMPARE(r.exit_code, 1);
        QVERIFY2(r.err.contains("every request failed"), qPrintable(r.err));
    }
    void strayArgumentExitsTwo() {
        CliRun r = run_cli({"run", "extra"});
        QCOMPARE(r.exit_code, 2);
    }
    void versionPrintsTheVersion() {
        CliRun r = run_cli({"--version"});
        QCOMPARE(r.exit_code, 0);
        QVERIFY2(r.out.startsWith("conclab-cli "), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TstCliEndToEnd)
#include "tst_cli_end_to_end.moc"
