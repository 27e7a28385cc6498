// conclab-cli against issue #18's probe, as a user's shell would run it: hostile files, a full
// stdout, device nodes, SIGHUP. Each case was a crash, a hang, a lost report or a replaced device.
#include <QtTest>

#include <QProcess>
#include <QTemporaryDir>

#include <signal.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <fstream>

#include "cli_process.hpp"

using conclab::test::CliRun;
using conclab::test::run_cli;

namespace {

std::string nested_scenario(const std::string& key, std::size_t depth) {
    return "{\"name\": \"x\", \"" + key + "\": " + std::string(depth, '[') +
           std::string(depth, ']') + "}";
}

void write_text(const QString& path, const std::string& text) {
    std::ofstream(path.toStdString()) << text;
}

}  // namespace

class TstCliHostileInput : public QObject {
    Q_OBJECT
private slots:
    // Finding 1: SIGSEGV quoting a value nested 70,000 deep. Now exit 2, naming the field.
    void deeplyNestedScenarioIsAnError_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("key");
        QTest::newRow("run threads") << "run"
                                     << "threads";
        QTest::newRow("compare items") << "compare"
                                       << "compare";
    }
    void deeplyNestedScenarioIsAnError() {
        QFETCH(QString, command);
        QFETCH(QString, key);
        QTemporaryDir dir;
        const QString path = dir.filePath("deep.json");
        write_text(path, nested_scenario(key.toStdString(), 70000));
        const CliRun r = run_cli({command, "--scenario", path, "--duration", "1"}, 30000);
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains("field \"" + key + "\": nested deeper"), qPrintable(r.err));
        QVERIFY(r.err.size() < 1000);
    }
    // Finding 4: a FIFO with no writer blocked forever. Refused at once.
    void aFifoAsScenarioIsRefusedAtOnce() {
        QTemporaryDir dir;
        const QString fifo = dir.filePath("fifo.json");
        QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
        const CliRun r = run_cli({"run", "--scenario", fifo, "--duration", "1"}, 10000);
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains("not a regular file"), qPrintable(r.err));
    }
    // Finding 2: --rate 1e-300 ran forever at 100 % CPU, deaf to signals. Refused at once.
    void aVanishingRateIsRefused() {
        const CliRun r = run_cli({"run", "--rate", "1e-300", "--duration", "1"}, 10000);
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains("rate must be 0"), qPrintable(r.err));
    }
    // Finding 6: `run --json - > /dev/full` exited 0 with the report lost; also the summary.
    void aFullStdoutIsAFailure_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("json") << QStringList{"--json", "-", "--quiet"};
        QTest::newRow("csv") << QStringList{"--csv", "-", "--quiet"};
        QTest::newRow("summary") << QStringList{"--quiet"};
    }
    void aFullStdoutIsAFailure() {
        QFETCH(QStringList, args);
        QProcess p;
        p.setStandardOutputFile("/dev/full");
        p.start(QStringLiteral(CONCLAB_CLI),
                QStringList{"run", "--duration", "0.5", "--connections", "2"} + args);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.contains("cannot write to stdout"), qPrintable(err));
    }
    // Finding 7: --force replaced a device node with a regular file. The node made here is
    // /dev/full's (1, 7) in a temporary folder, so a broken build harms nothing outside it.
    void forceNeverReplacesADevice_data() {
        QTest::addColumn<QString>("flag");
        QTest::newRow("json") << "--json";
        QTest::newRow("csv") << "--csv";
    }
    void forceNeverReplacesADevice() {
        QFETCH(QString, flag);
        QTemporaryDir dir;
        const QString node = dir.filePath("dev");
        if (::geteuid() == 0) {
            QCOMPARE(::mknod(node.toLocal8Bit().constData(), S_IFCHR | 0666, ::makedev(1, 7)), 0);
        } else {
            QVERIFY(QFile::link("/dev/full", node));  // followed: the same refusal
        }
        const CliRun r = run_cli({"run", "--duration", "0.5", flag, node, "--force", "--quiet"});
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains("not a regular file"), qPrintable(r.err));
        struct stat after {};
        QCOMPARE(::stat(node.toLocal8Bit().constData(), &after), 0);
        QVERIFY(S_ISCHR(after.st_mode));
    }
    // Finding 9: SIGHUP ended the CLI with no summary. It stops the run as SIGTERM does: the
    // summary of what was measured, exit 130.
    void sighupStopsCleanlyWithASummary() {
        QProcess p;
        p.start(QStringLiteral(CONCLAB_CLI),
                {"run", "--duration", "60", "--connections", "2", "--io-ms", "1"});
        QVERIFY(p.waitForStarted());
        QByteArray err;
        QTRY_VERIFY2_WITH_TIMEOUT((err += p.readAllStandardError()).contains("Running"),
                                  err.constData(), 20000);
        QTest::qWait(1500);
        ::kill(static_cast<pid_t>(p.processId()), SIGHUP);
        QVERIFY(p.waitForFinished(15000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains("Requests/sec") && out.contains("Requests "), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TstCliHostileInput)
#include "tst_cli_hostile_input.moc"
