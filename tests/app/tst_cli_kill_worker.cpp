// conclab-cli run --kill-worker-at: a real process-per-core server loses a worker to SIGKILL in
// the middle of a run; the server replaces it and the run goes on. And the flag's bad uses.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

#include "cli_process.hpp"

namespace {

using conclab::test::CliRun;
using conclab::test::read_json;
using conclab::test::run_cli;

}  // namespace

class TstCliKillWorker : public QObject {
    Q_OBJECT
private slots:
    void killedWorkerIsReplacedAndTheRunGoesOn() {
        QTemporaryDir dir;
        const QString json = dir.filePath("kill.json");
        const CliRun r =
            run_cli({"run", "--model", "process-per-core", "--workers", "2", "--connections", "8",
                     "--io-ms", "2", "--duration", "5", "--kill-worker-at", "1.5",
                     "--kill-worker-at", "3", "--json", json, "--quiet"});
        QVERIFY2(r.exit_code == 0, qPrintable(r.err));
        QVERIFY2(r.err.count("killed worker") == 2, qPrintable(r.err));
        const QJsonObject j = read_json(json);
        const QJsonObject s = j["summary"].toObject();
        QVERIFY2(s["worker_restarts"].toInt() >= 1, qPrintable(r.err));
        // Both kills reached a worker: two restarts, four distinct PIDs over the run.
        QCOMPARE(s["worker_restarts"].toInt(), 2);
        QSet<int> pids;
        double after_last_kill = 0;
        int death_markers = 0;
        for (const QJsonValue& v : j["series"].toArray()) {
            const QJsonObject tick = v.toObject();
            for (const QJsonValue& w : tick["workers"].toArray()) pids << w["pid"].toInt();
            if (tick["t_s"].toDouble() > 3.5) after_last_kill += tick["rps"].toDouble();
        }
        for (const QJsonValue& e : j["events"].toArray()) {
            if (e["knob"].toString() == "worker") ++death_markers;
        }
        QVERIFY2(pids.size() >= 4, qPrintable(QString("%1 PIDs").arg(pids.size())));
        QCOMPARE(death_markers, 2);
        // Requests go on after the second kill (2 ms I/O on 8 connections: thousands per second
        // on an idle machine; any at all proves the run continued).
        QVERIFY2(after_last_kill > 50, qPrintable(QString("%1").arg(after_last_kill)));
        QVERIFY(j["fatal_error"].isNull());
        // What the killed workers were serving is counted as its own kind of error: 8
        // connections on 2 ms of I/O keep about 4 requests in service on each worker.
        const QJsonObject kinds = s["error_kinds"].toObject();
        QVERIFY2(kinds["reset"].toInt() >= 1, qPrintable(QJsonDocument(kinds).toJson()));
        QCOMPARE(kinds["connect"].toInt(), 0);  // the port stays open throughout
    }

    void badKillTimesAreRefused_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QStringList ppc{"run",        "--model", "process-per-core", "--workers", "2",
                              "--duration", "2"};
        QTest::newRow("zero") << (ppc + QStringList{"--kill-worker-at", "0"}) << "above 0";
        QTest::newRow("negative") << (ppc + QStringList{"--kill-worker-at=-1"}) << "above 0";
        QTest::newRow("after the end")
            << (ppc + QStringList{"--kill-worker-at", "2"}) << "before the end of the run";
        QTest::newRow("not a number")
            << (ppc + QStringList{"--kill-worker-at", "soon"}) << "kill-worker-at";
        QTest::newRow("event loop")
            << QStringList{"run", "--model", "event-loop", "--kill-worker-at", "1"}
            << "needs --model process-per-core";
        QTest::newRow("external target")
            << QStringList{"run", "--target", "http://127.0.0.1:9/", "--kill-worker-at", "1"}
            << "needs --model process-per-core";
        QTest::newRow("compare") << QStringList{"compare", "--models", "process-per-core",
                                                "--kill-worker-at", "1"}
                                 << "belongs to run";
    }
    void badKillTimesAreRefused() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun r = run_cli(args);
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TstCliKillWorker)
#include "tst_cli_kill_worker.moc"
