// The load generator against the real Python servers it stands in for: Flask on Werkzeug's
// threaded development server, and on gunicorn's sync and gthread workers (flask_app.py, started
// with /usr/bin/python3, which has the Debian packages python3-flask and gunicorn). These servers
// send the header block and the body with separate send() calls and close connections after a
// response, which is what the client must read without a single error.
//
// The app counts its answers in a file; the client may only count responses the server answered.
// Timing is only ever waited for, never asserted: the machine is shared and noisy.
#include <QtTest>

#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdint>
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it

#include <boost/asio.hpp>

#include "die_with_parent.hpp"
#include "load/load_generator.hpp"

using namespace conclab;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");
const QString kAppDir = QStringLiteral(CONCLAB_REAL_SERVERS_DIR);

// A port that was free a moment ago (bound, then released) for the server to listen on.
std::uint16_t free_port() {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor a(io, {boost::asio::ip::address_v4::loopback(), 0});
    return a.local_endpoint().port();
}

bool accepts_connections(std::uint16_t port) {
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket s(io);
    boost::system::error_code ec;
    s.connect({boost::asio::ip::address_v4::loopback(), port}, ec);
    return !ec;
}

// One server process in its own process group (gunicorn forks workers), its output in a log
// file. The destructor ends the whole group and reaps the leader, also when a test fails.
class ServerProcess {
public:
    ServerProcess(const QStringList& arguments, const QString& count_file, const QString& log) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("CONCLAB_COUNT_FILE", count_file);
        env.insert("PYTHONDONTWRITEBYTECODE", "1");  // leave the source tree clean
        process_.setProcessEnvironment(env);
        process_.setWorkingDirectory(kAppDir);
        process_.setProcessChannelMode(QProcess::MergedChannels);
        process_.setStandardOutputFile(log);
        const pid_t parent = ::getpid();
        process_.setChildProcessModifier([parent] {
            ::setpgid(0, 0);
            conclab::test::die_with_parent(parent);
        });
        process_.start(kPython, arguments);
    }
    ~ServerProcess() {
        if (process_.state() == QProcess::NotRunning) return;
        const pid_t group = static_cast<pid_t>(process_.processId());
        ::kill(-group, SIGTERM);  // gunicorn's master stops its workers; Python just exits
        if (!process_.waitForFinished(15000)) {
            ::kill(-group, SIGKILL);
            process_.waitForFinished(5000);
        }
        ::kill(-group, SIGKILL);  // any worker the master left behind
    }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    bool running() { return process_.state() != QProcess::NotRunning; }
    QString state_text() {
        if (process_.error() == QProcess::FailedToStart) return "failed to start";
        if (running()) return "running";
        return QString("exited with code %1").arg(process_.exitCode());
    }

private:
    QProcess process_;
};

QString tail(const QString& path, int max_bytes = 3000) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return "(no log)";
    const QByteArray all = f.readAll();
    return QString::fromLocal8Bit(all.right(max_bytes));
}

struct Totals {
    std::uint64_t responses = 0;
    ErrorCounts errors;
    std::uint64_t reconnects = 0;
    std::string connect_error;
    void add(const LoadTick& t) {
        responses += t.responses;
        errors += t.errors;
        reconnects += t.reconnects;
        if (!t.connect_error.empty()) connect_error = t.connect_error;
    }
};

QString describe(const Totals& t, std::uint64_t answered) {
    return QString(
               "client responses=%1, server answers=%2; errors connect=%3 read=%4 write=%5 "
               "timeout=%6 status=%7 parse=%8; reconnects=%9")
        .arg(t.responses)
        .arg(answered)
        .arg(t.errors.connect)
        .arg(t.errors.read)
        .arg(t.errors.write)
        .arg(t.errors.timeout)
        .arg(t.errors.status)
        .arg(t.errors.parse)
        .arg(t.reconnects);
}

}  // namespace

class TstRealPythonServers : public QObject {
    Q_OBJECT
private slots:
    // Not a skip: CI installs these (scripts/install-deps.sh), so their absence is a failure.
    void initTestCase() {
        QProcess probe;
        probe.setProcessChannelMode(QProcess::MergedChannels);
        probe.start(kPython, {"-c", "import flask, gunicorn"});
        QVERIFY2(probe.waitForFinished(30000), "could not run /usr/bin/python3");
        QVERIFY2(probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0,
                 qPrintable("/usr/bin/python3 cannot import flask and gunicorn; install the "
                            "Debian packages python3-flask and gunicorn "
                            "(scripts/install-deps.sh):\n" +
                            QString::fromLocal8Bit(probe.readAll())));
        QVERIFY2(QFileInfo::exists(kAppDir + "/flask_app.py"), qPrintable(kAppDir));
    }

    void tenConnections_data() {
        QTest::addColumn<QStringList>("server");  // arguments of /usr/bin/python3; %1 = port
        QTest::addColumn<QString>("path");
        const QString app = "flask_app:app";
        const QStringList gunicorn = {"-m", "gunicorn", "--bind", "127.0.0.1:%1", "--workers", "2"};
        QTest::newRow("Werkzeug, threaded")
            << QStringList{"flask_app.py", "%1"} << "/?cpu_ms=1&io_ms=2";
        QTest::newRow("gunicorn sync, 2 workers")
            << (gunicorn + QStringList{"--worker-class", "sync", app}) << "/?cpu_ms=1&io_ms=2";
        QTest::newRow("gunicorn gthread, 2 workers x 10 threads")
            << (gunicorn + QStringList{"--worker-class", "gthread", "--threads", "10", app})
            << "/?cpu_ms=1&io_ms=2";
        QTest::newRow("gunicorn gthread, no work")
            << (gunicorn + QStringList{"--worker-class", "gthread", "--threads", "10", app}) << "/";
    }
    // Ten connections for three seconds: no errors of any kind, and the client counts no response
    // the server did not answer. Drained before stopping, so at most the ten requests in flight
    // at the end can be answers the client never saw.
    void tenConnections() {
        QFETCH(QStringList, server);
        QFETCH(QString, path);
        constexpr int kConnections = 10;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString count_file = dir.filePath("answers");
        const QString log = dir.filePath("server.log");
        const std::uint16_t port = free_port();
        server.replaceInStrings("%1", QString::number(port));

        ServerProcess process(server, count_file, log);
        const bool ready =
            QTest::qWaitFor([&] { return !process.running() || accepts_connections(port); }, 30000);
        QVERIFY2(ready && process.running(),
                 qPrintable(QString("the server did not come up on port %1 (%2):\n%3")
                                .arg(port)
                                .arg(process.state_text(), tail(log))));

        LoadTarget target;
        target.port = port;
        target.path = path.toStdString();
        LoadGenerator gen(target, kConnections, 1, 30.0);
        gen.start();
        Totals t;
        // Three seconds of load, collecting as the app does.
        static_cast<void>(QTest::qWaitFor([&] { return t.add(gen.collect()), false; }, 3000));
        gen.set_connections(0);  // each connection finishes its request, then leaves
        const bool drained = QTest::qWaitFor(
            [&] {
                const LoadTick tick = gen.collect();
                t.add(tick);
                return tick.open_connections == 0;
            },
            60000);
        gen.stop();
        t.add(gen.collect());
        const auto answered = static_cast<std::uint64_t>(QFileInfo(count_file).size());
        qInfo("%s", qPrintable(describe(t, answered)));

        QVERIFY2(drained,
                 qPrintable("connections still open after draining: " + describe(t, answered)));
        QVERIFY2(t.errors.total() == 0,
                 qPrintable(describe(t, answered) + "\nserver log:\n" + tail(log)));
        QVERIFY2(t.responses >= 50, qPrintable(describe(t, answered)));  // it did run
        QVERIFY2(t.responses <= answered, qPrintable(describe(t, answered)));
        QVERIFY2(answered - t.responses <= kConnections, qPrintable(describe(t, answered)));
        QVERIFY2(process.running(),
                 qPrintable("the server died: " + process.state_text() + "\n" + tail(log)));
    }
};

QTEST_GUILESS_MAIN(TstRealPythonServers)
#include "tst_real_python_servers.moc"
