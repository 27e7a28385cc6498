// The load generator against small real servers on 127.0.0.1 (test_http_server.hpp). Timing is
// only ever waited for, never asserted: the machine is shared and noisy.
#include <QtTest>

#include <dirent.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/asio.hpp>

#include "load/load_generator.hpp"
#include "test_http_server.hpp"

using namespace conclab;
using conclab::test::TestHttpServer;
using Mode = TestHttpServer::Mode;

namespace {

LoadTarget target(std::uint16_t port) {
    LoadTarget t;
    t.port = port;
    return t;
}

// Everything collected so far, summed; `last` is the newest tick (for the gauges).
struct Totals {
    std::uint64_t responses = 0;
    ErrorCounts errors;
    LatencyHistogram latency;
    std::uint64_t reconnects = 0;
    std::uint64_t cpu_ns = 0;
    std::string connect_error;
    LoadTick last;

    void add(LoadTick t) {
        responses += t.responses;
        errors.connect += t.errors.connect;
        errors.read += t.errors.read;
        errors.write += t.errors.write;
        errors.timeout += t.errors.timeout;
        errors.status += t.errors.status;
        errors.parse += t.errors.parse;
        latency.merge(t.latency);
        reconnects += t.reconnects;
        cpu_ns += t.cpu_ns;
        if (!t.connect_error.empty()) connect_error = t.connect_error;
        last = std::move(t);
    }
};

QString describe(const Totals& t) {
    return QString(
               "responses=%1 connect=%2 read=%3 write=%4 timeout=%5 status=%6 parse=%7 "
               "reconnects=%8 open=%9")
        .arg(t.responses)
        .arg(t.errors.connect)
        .arg(t.errors.read)
        .arg(t.errors.write)
        .arg(t.errors.timeout)
        .arg(t.errors.status)
        .arg(t.errors.parse)
        .arg(t.reconnects)
        .arg(t.last.open_connections);
}

int open_fds() {
    int n = 0;
    if (DIR* dir = opendir("/proc/self/fd")) {
        while (readdir(dir)) ++n;
        closedir(dir);
    }
    return n;
}

// Drives a server that answers exactly `answers` requests until the client has counted that many
// responses or errors. The request timeout is longer than the wait, so the requests the server
// leaves unanswered are never errors; stop() then cuts only those.
Totals until_answered(std::uint16_t port, int connections, std::uint64_t answers) {
    LoadGenerator gen(target(port), connections, 1, 600.0);
    gen.start();
    Totals t;
    // Not reaching the count shows in the caller's comparisons, with the counts.
    static_cast<void>(QTest::qWaitFor(
        [&] {
            t.add(gen.collect());
            return t.responses + t.errors.total() >= answers;
        },
        120000));
    gen.stop();
    t.add(gen.collect());
    return t;
}

// A port on which nothing listens (bound, then released).
std::uint16_t dead_port() {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor a(io, {boost::asio::ip::address_v4::loopback(), 0});
    return a.local_endpoint().port();
}

}  // namespace

Q_DECLARE_METATYPE(Mode)

class TstLoadGenerator : public QObject {
    Q_OBJECT
private slots:
    void openLoopCorrectsAStall();
    // Drained (set_connections(0), then stop), the client has seen every response the server
    // sent: the two counts agree exactly.
    void keepAliveCountsAgreeWithServer() {
        TestHttpServer server(Mode::KeepAlive);
        LoadGenerator gen(target(server.port()), 10, 2, 5.0);
        gen.start();
        Totals t;
        QTRY_VERIFY_WITH_TIMEOUT((t.add(gen.collect()), t.responses >= 2000), 20000);
        QTRY_COMPARE_WITH_TIMEOUT((t.add(gen.collect()), t.last.open_connections), 10, 5000);
        gen.set_connections(0);
        QTRY_COMPARE_WITH_TIMEOUT((t.add(gen.collect()), t.last.open_connections), 0, 5000);
        gen.stop();
        t.add(gen.collect());
        QVERIFY2(t.errors.total() == 0, qPrintable(describe(t)));
        QCOMPARE(t.responses, server.responses());
        QCOMPARE(t.latency.count(), t.responses);
        QVERIFY(t.latency.max_us() > 0);
        QVERIFY(t.latency.quantile_us(0.5) > 0);
        QVERIFY(t.cpu_ns > 0);
        QCOMPARE(t.reconnects, std::uint64_t(0));
    }

    void serverBehaviours_data() {
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<bool>("expectReconnects");
        QTest::newRow("Connection: close") << Mode::Close << false;
        QTest::newRow("chunked") << Mode::Chunked << false;
        QTest::newRow("HTTP/1.0 body ends at close") << Mode::EofBody << false;
        QTest::newRow("server closes idle keep-alive") << Mode::SilentClose << true;
    }
    // Each way of ending a response is parsed, and none of them counts as an error.
    void serverBehaviours() {
        QFETCH(Mode, mode);
        QFETCH(bool, expectReconnects);
        TestHttpServer server(mode);
        LoadGenerator gen(target(server.port()), 4, 1, 5.0);
        gen.start();
        Totals t;
        QTRY_VERIFY_WITH_TIMEOUT((t.add(gen.collect()), t.responses >= 200), 20000);
        gen.stop();
        t.add(gen.collect());
        QVERIFY2(t.errors.total() == 0, qPrintable(describe(t)));
        QCOMPARE(t.latency.count(), t.responses);
        if (expectReconnects) {
            QVERIFY2(t.reconnects > 0, qPrintable(describe(t)));
        } else {
            QCOMPARE(t.reconnects, std::uint64_t(0));
        }
    }

    void awkwardResponses_data() {
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<int>("answers");
        QTest::newRow("header, pause, body (gunicorn, Werkzeug)") << Mode::HeaderThenBody << 400;
        QTest::newRow("one byte per write") << Mode::ByteByByte << 30;
        QTest::newRow("chunked, one byte per chunk") << Mode::OneByteChunks << 100;
        QTest::newRow("chunked, two writes") << Mode::Chunked << 400;
        QTest::newRow("HTTP/1.0 body ends at close") << Mode::EofBody << 400;
        QTest::newRow("HTTP/1.0 body ends at close, in pieces") << Mode::EofBodyInPieces << 200;
        QTest::newRow("Connection: close") << Mode::Close << 400;
        QTest::newRow("Connection: close, in pieces") << Mode::CloseInPieces << 200;
        QTest::newRow("server closes idle keep-alive") << Mode::SilentClose << 400;
        QTest::newRow("1 MiB body") << Mode::MegabyteBody << 50;
    }
    // However a response reaches the client, it is one response and no error, and the client
    // counts exactly the responses the server sent.
    void awkwardResponses() {
        QFETCH(Mode, mode);
        QFETCH(int, answers);
        const auto n = static_cast<std::uint64_t>(answers);
        TestHttpServer server(mode, n);
        const Totals t = until_answered(server.port(), 4, n);
        QVERIFY2(t.errors.total() == 0, qPrintable(describe(t)));
        QCOMPARE(t.responses, n);
        QCOMPARE(t.latency.count(), n);
        QTRY_COMPARE_WITH_TIMEOUT(server.responses(), n, 10000);
    }

    // #17: a server that answers HTTP/1.0 without Content-Length, header and body in two writes,
    // the body ended by its close: 20,000 responses, not one error of any kind.
    void closeDelimitedSplitResponsesMakeNoErrors() {
        constexpr std::uint64_t kAnswers = 20000;
        TestHttpServer server(Mode::EofBodyInPiecesClosed, kAnswers);
        const Totals t = until_answered(server.port(), 10, kAnswers);
        QVERIFY2(t.errors.total() == 0, qPrintable(describe(t)));
        QCOMPARE(t.responses, kAnswers);
        QTRY_COMPARE_WITH_TIMEOUT(server.responses(), kAnswers, 10000);
    }

    void headerSplitAtEveryOffset_data() {
        QTest::addColumn<int>("offset");
        const std::string response = TestHttpServer::typical_response();
        for (std::size_t i = 1; i < response.size(); ++i) {
            const std::string row = "split after byte " + std::to_string(i);
            QTest::newRow(row.c_str()) << static_cast<int>(i);
        }
    }
    // A response of a ~100-byte header block and a short body, in two writes split at every
    // offset: inside the status line, inside a field, between CR and LF, at the end of the
    // header block, inside the body.
    void headerSplitAtEveryOffset() {
        QFETCH(int, offset);
        constexpr std::uint64_t n = 20;
        TestHttpServer server(TestHttpServer::split_at(TestHttpServer::typical_response(),
                                                       static_cast<std::size_t>(offset)),
                              n);
        const Totals t = until_answered(server.port(), 2, n);
        QVERIFY2(t.errors.total() == 0, qPrintable(describe(t)));
        QCOMPARE(t.responses, n);
        QTRY_COMPARE_WITH_TIMEOUT(server.responses(), n, 10000);
    }

    void non2xxAreStatusErrors() {
        TestHttpServer server(Mode::Status500);
        LoadGenerator gen(target(server.port()), 4, 1, 5.0);
        gen.start();
        Totals t;
        QTRY_VERIFY_WITH_TIMEOUT((t.add(gen.collect()), t.errors.status >= 100), 20000);
        gen.stop();
        t.add(gen.collect());
        QCOMPARE(t.responses, std::uint64_t(0));
        QCOMPARE(t.latency.count(), std::uint64_t(0));
        QCOMPARE(t.errors.total(), t.errors.status);
    }

    void nothingListeningGivesConnectErrors() {
        LoadGenerator gen(target(dead_port()), 20, 2, 5.0);
        gen.start();
        Totals t;
        QTRY_VERIFY_WITH_TIMEOUT((t.add(gen.collect()), t.errors.connect >= 40), 10000);
        gen.stop();
        t.add(gen.collect());
        QCOMPARE(t.responses, std::uint64_t(0));
        QCOMPARE(t.errors.total(), t.errors.connect);
        QVERIFY(!t.connect_error.empty());
        qInfo("connect error message: %s", t.connect_error.c_str());
    }

    // Out of file descriptors is a connect error whose message the engine can show.
    void outOfFileDescriptorsIsAConnectError() {
        rlimit saved{};
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &saved), 0);
        LoadGenerator gen(target(dead_port()), 0, 1, 5.0);
        gen.start();  // its loop's own descriptors exist now
        rlimit low = saved;
        low.rlim_cur = static_cast<rlim_t>(open_fds() + 16);
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &low), 0);
        std::vector<int> filler;
        for (int fd; (fd = ::dup(0)) >= 0;) filler.push_back(fd);
        gen.set_connections(5);
        Totals t;
        const bool seen =
            QTest::qWaitFor([&] { return t.add(gen.collect()), t.errors.connect >= 5; }, 10000);
        for (int fd : filler) ::close(fd);
        setrlimit(RLIMIT_NOFILE, &saved);
        gen.stop();
        QVERIFY2(seen, qPrintable(describe(t)));
        QVERIFY2(t.connect_error.find("Too many open files") != std::string::npos,
                 t.connect_error.c_str());
    }

    void silentServerTimesOut() {
        TestHttpServer server(Mode::Silent);
        LoadGenerator gen(target(server.port()), 5, 1, 0.5);
        gen.start();
        Totals t;
        QTRY_VERIFY_WITH_TIMEOUT((t.add(gen.collect()), t.errors.timeout >= 5), 10000);
        gen.stop();
        t.add(gen.collect());
        QCOMPARE(t.responses, std::uint64_t(0));
        QCOMPARE(t.errors.total(), t.errors.timeout);
        // The timed-out connections were replaced: the server keeps seeing new ones.
        QTRY_COMPARE_WITH_TIMEOUT(server.open_connections(), 0, 5000);
    }

    void setConnectionsGrowsAndShrinks_data() {
        QTest::addColumn<int>("threads");
        QTest::newRow("1 thread") << 1;
        QTest::newRow("4 threads") << 4;
    }
    void setConnectionsGrowsAndShrinks() {
        QFETCH(int, threads);
        TestHttpServer server(Mode::KeepAlive);
        LoadGenerator gen(target(server.port()), 3, threads, 5.0);
        gen.start();
        auto open = [&gen] { return gen.collect().open_connections; };
        QTRY_COMPARE_WITH_TIMEOUT(open(), 3, 5000);
        for (int n : {50, 7, 120, 1, 0, 10}) {
            gen.set_connections(n);
            QTRY_COMPARE_WITH_TIMEOUT(open(), n, 5000);
            QTRY_COMPARE_WITH_TIMEOUT(server.open_connections(), n, 5000);
        }
        gen.stop();
        QCOMPARE(gen.collect().open_connections, 0);
    }

    void peakCoversTheTick() {
        TestHttpServer server(Mode::KeepAlive);
        LoadGenerator gen(target(server.port()), 30, 2, 5.0);
        gen.start();
        QTRY_COMPARE_WITH_TIMEOUT(gen.collect().open_connections, 30, 5000);
        gen.set_connections(5);
        LoadTick tick;
        QTRY_COMPARE_WITH_TIMEOUT((tick = gen.collect(), tick.open_connections), 5, 5000);
        gen.collect();
        QCOMPARE(gen.collect().open_connections_max, 5);  // the peak restarts each collect()
        gen.stop();
    }

    void stopWithManyConnectionsIsQuickAndLeavesNoFds() {
        TestHttpServer server(Mode::KeepAlive);
        const int fds_before = open_fds();
        LoadGenerator gen(target(server.port()), 1000, 2, 10.0);
        gen.start();
        QTRY_COMPARE_WITH_TIMEOUT(gen.collect().open_connections, 1000, 20000);
        const auto t0 = std::chrono::steady_clock::now();
        gen.stop();
        const double stop_s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        qInfo("stop() with 1000 connections took %.1f ms", stop_s * 1000);
        QVERIFY2(stop_s < 5.0, "stop() hung");  // a hang check, not a speed test
        QCOMPARE(gen.collect().open_connections, 0);
        // The client's sockets and loops are gone at once; the server closes its ends as it
        // sees the resets.
        QTRY_COMPARE_WITH_TIMEOUT(open_fds(), fds_before, 10000);
        gen.stop();  // idempotent
    }

    void destructorStopsARunningGenerator() {
        TestHttpServer server(Mode::KeepAlive);
        const int fds_before = open_fds();
        {
            LoadGenerator gen(target(server.port()), 20, 2, 5.0);
            gen.start();
            Totals t;
            QTRY_VERIFY_WITH_TIMEOUT((t.add(gen.collect()), t.responses > 0), 10000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(open_fds(), fds_before, 10000);
    }

    void startFailsOnUnknownHost() {
        LoadTarget t;
        t.host = "no-such-host.invalid";
        t.port = 80;
        LoadGenerator gen(t, 1, 1, 1.0);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, gen.start());
        gen.stop();
        QCOMPARE(gen.collect().open_connections, 0);
    }

    void resolvesNames() {
        TestHttpServer server(Mode::KeepAlive);
        LoadTarget by_name = target(server.port());
        by_name.host = "localhost";
        LoadGenerator gen(by_name, 2, 1, 5.0);
        gen.start();
        Totals t;
        QTRY_VERIFY_WITH_TIMEOUT((t.add(gen.collect()), t.responses > 0), 10000);
        QVERIFY2(t.errors.total() == 0, qPrintable(describe(t)));
    }
};

// Open loop against a server that holds its first response for 1 s, with one connection at
// 100 requests/s: the ~100 requests due during the stall wait for the connection (late) and are
// counted from their intended times. Uncorrected, one request in the run is slow; corrected,
// the stall shows in the median.
void TstLoadGenerator::openLoopCorrectsAStall() {
    TestHttpServer::Reply reply = TestHttpServer::reply_for(Mode::KeepAlive);
    reply.stall_first = std::chrono::seconds(1);
    TestHttpServer server(reply);
    LoadGenerator gen(target(server.port()), 0, 1, 30, OpenLoop{100, 1});
    gen.start();
    Totals t;
    LatencyHistogram uncorrected;
    std::uint64_t late = 0, dropped = 0;
    QTRY_VERIFY_WITH_TIMEOUT((
                                 [&] {
                                     LoadTick tick = gen.collect();
                                     uncorrected.merge(tick.latency_uncorrected);
                                     late += tick.late;
                                     dropped += tick.dropped;
                                     t.add(std::move(tick));
                                 }(),
                                 t.responses >= 200),
                             20000);
    gen.stop();
    const QString what = QString("late %1 corrected p50 %2 ms p99 %3 uncorrected p50 %4 p99 %5")
                             .arg(late)
                             .arg(t.latency.quantile_us(0.5) / 1000)
                             .arg(t.latency.quantile_us(0.99) / 1000)
                             .arg(uncorrected.quantile_us(0.5) / 1000)
                             .arg(uncorrected.quantile_us(0.99) / 1000);
    QVERIFY2(t.errors.total() == 0, qPrintable(describe(t)));
    QVERIFY2(late >= 90, qPrintable(what));
    QCOMPARE(dropped, std::uint64_t(0));
    QVERIFY2(t.latency.max_us() >= 1'000'000, qPrintable(what));
    QVERIFY2(uncorrected.quantile_us(0.5) < 50'000, qPrintable(what));
    // About half the first 200 requests were due during the stall, ~90 % of those more than
    // 100 ms before it ended: at least 30 % of the requests are slower than 100 ms, corrected.
    QVERIFY2(t.latency.quantile_us(0.7) > 100'000, qPrintable(what));
    QCOMPARE(uncorrected.count(), t.latency.count());
}

QTEST_APPLESS_MAIN(TstLoadGenerator)
#include "tst_load_generator.moc"
