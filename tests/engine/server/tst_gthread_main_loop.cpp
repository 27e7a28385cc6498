// gunicorn gthread's main loop, as the GIL pool model has it (GilThreadServer::run_turn): one
// thread that takes the GIL every time round to hand what select() returned to the pool, and
// accepts one new connection per turn. These check the two parts of the mechanism by counting,
// not timing: the acceptor's one accept per turn, and the GIL's takes per request.
#include <QtTest>

#include <memory>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "blocking_http_client.hpp"
#include "running_server.hpp"
#include "server/connection_acceptor.hpp"
#include "server/gil_thread_server.hpp"
#include "server/listen_socket.hpp"
#include "server/server.hpp"

using namespace conclab;
using conclab::test::BlockingHttpClient;
using conclab::test::RunningServer;
using conclab::test::start_server;
namespace asio = boost::asio;

namespace {

// Runs `io` until `served` stops growing for a while (the kernel has completed every handshake
// long before: the clients are connected when this starts).
void run_until_quiet(asio::io_context& io, const int& served) {
    int before = -1;
    while (before != served) {
        before = served;
        io.restart();
        io.run_for(std::chrono::milliseconds(200));
    }
}

RunningServer start_gil_pool(int threads, double io_ms = 0) {
    ServerConfig config;
    config.model = Model::GilThreads;
    config.threads = threads;
    config.workload.io_ms = io_ms;
    return start_server(config);
}

}  // namespace

class TstGthreadMainLoop : public QObject {
    Q_OBJECT
private slots:
    // Three connections wait in the accept queue. The usual acceptor takes them all; with one
    // accept per turn it takes one, and one more each time the turn is over.
    void oneAcceptPerTurn_data() {
        QTest::addColumn<bool>("one_per_turn");
        QTest::newRow("one per turn (gthread)") << true;
        QTest::newRow("all at once") << false;
    }
    void oneAcceptPerTurn() {
        QFETCH(bool, one_per_turn);
        auto listen = open_listen_socket(0, 128);
        QVERIFY(listen);
        asio::io_context io;
        int served = 0;
        std::vector<asio::ip::tcp::socket> sockets;
        ConnectionAcceptor acceptor(
            io,
            [&](asio::ip::tcp::socket s) {
                ++served;
                sockets.push_back(std::move(s));
            },
            [](const std::string&) {});
        acceptor.set_one_accept_per_turn(one_per_turn);
        BlockingHttpClient a(listen->port), b(listen->port), c(listen->port);
        QVERIFY(a.connected() && b.connected() && c.connected());
        acceptor.start(std::move(listen->fd));
        run_until_quiet(io, served);
        if (!one_per_turn) {
            QCOMPARE(served, 3);
        } else {
            QCOMPARE(served, 1);
            for (int expected = 2; expected <= 3; ++expected) {
                asio::post(io, [&] { acceptor.accept_again(); });
                run_until_quiet(io, served);
                QCOMPARE(served, expected);
            }
            asio::post(io, [&] { acceptor.accept_again(); });  // nothing left: no harm
            run_until_quiet(io, served);
            QCOMPARE(served, 3);
        }
        asio::post(io, [&] { acceptor.close(); });
        io.restart();
        io.run_for(std::chrono::milliseconds(200));
    }

    // A request on a kept-alive connection: with a pool of threads the main loop takes the GIL
    // to hand it over, and the pool thread takes it to serve it, two takes a request; a sync
    // worker (a pool of one) has no main loop, one take.
    void theMainLoopTakesTheGilForEveryRequest_data() {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("takes_per_request");
        QTest::newRow("gthread, 4 threads") << 4 << 2;
        QTest::newRow("sync worker, 1 thread") << 1 << 1;
    }
    void theMainLoopTakesTheGilForEveryRequest() {
        QFETCH(int, threads);
        QFETCH(int, takes_per_request);
        RunningServer running = start_gil_pool(threads);
        Server* server = running.server.get();
        auto* gil_server = dynamic_cast<GilThreadServer*>(server);
        QVERIFY(gil_server);
        BlockingHttpClient client(running.port);
        QVERIFY(client.connected());
        QVERIFY(client.get("/"));  // the connection is accepted and kept alive
        QTRY_COMPARE(server->stats().requests, std::uint64_t(1));
        const auto before = gil_server->gil().stats().acquisitions;
        constexpr int kRequests = 20;
        for (int i = 0; i < kRequests; ++i) QVERIFY(client.get("/"));
        QTRY_COMPARE(server->stats().requests, std::uint64_t(1 + kRequests));
        const auto takes = gil_server->gil().stats().acquisitions - before;
        QVERIFY2(
            takes >= std::uint64_t(takes_per_request * kRequests) &&
                takes <= std::uint64_t(takes_per_request * kRequests + 2),
            qPrintable(QString("%1 takes of the GIL for %2 requests").arg(takes).arg(kRequests)));
        server->stop();
    }

    // Every turn ends with gthread's futures.wait() over the requests still in the pool, under
    // the GIL (kFutureWaitUsPerPending, 0.55 µs each). 100 requests wait in a pool of 2 threads
    // (each waits 10 s of I/O): 20 turns, one per new connection, then hold the GIL at least
    // 20 × 100 × 0.55 µs = 1.1 ms more than the same 20 turns with nothing in the pool.
    void everyTurnPaysForTheRequestsInThePool() {
        constexpr int kWaiting = 100;
        constexpr int kTurns = 20;
        constexpr double kPerPendingUs = 0.55;
        RunningServer running = start_gil_pool(2, 10'000);
        Server* server = running.server.get();
        auto* gil_server = dynamic_cast<GilThreadServer*>(server);
        QVERIFY(gil_server);
        // The GIL's held time over `kTurns` turns, each the accept of a new idle connection.
        std::vector<std::unique_ptr<BlockingHttpClient>> idle;
        const auto held_over_turns = [&]() -> double {
            const auto before = gil_server->gil().stats().held_ns;
            const int open_before = server->stats().connections;
            for (int i = 0; i < kTurns; ++i) {
                idle.push_back(std::make_unique<BlockingHttpClient>(running.port));
            }
            if (!QTest::qWaitFor(
                    [&] { return server->stats().connections == open_before + kTurns; }, 20000)) {
                return -1;
            }
            QTest::qWait(100);  // the last turn's futures.wait() ends after the count
            return static_cast<double>(gil_server->gil().stats().held_ns - before) / 1000.0;
        };
        const double held_empty_us = held_over_turns();
        QVERIFY(held_empty_us >= 0);
        // An accepted connection is submitted at once (gthread's accept() does): the 20 idle ones
        // are in the pool too, each blocked in recv() or queued, so count from here.
        const int pending_before = gil_server->futures_pending();
        QCOMPARE(pending_before, kTurns);
        std::vector<std::unique_ptr<BlockingHttpClient>> waiting;
        for (int i = 0; i < kWaiting; ++i) {
            waiting.push_back(std::make_unique<BlockingHttpClient>(running.port));
            QVERIFY(waiting.back()->connected());
            QVERIFY(waiting.back()->send_raw("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(gil_server->futures_pending(), kTurns + kWaiting, 20000);
        const double held_full_us = held_over_turns();
        QVERIFY(held_full_us >= 0);
        const double expected_us = kTurns * kWaiting * kPerPendingUs;
        QVERIFY2(held_full_us - held_empty_us >= 0.8 * expected_us,
                 qPrintable(QString("the GIL held %1 µs over %2 turns with %3 requests in the "
                                    "pool, %4 µs with none; expected %5 µs more")
                                .arg(held_full_us)
                                .arg(kTurns)
                                .arg(kWaiting)
                                .arg(held_empty_us)
                                .arg(expected_us)));
        server->stop();
    }

    // A request handed to the pool counts until its thread has served it.
    void aServedRequestLeavesThePool() {
        RunningServer running = start_gil_pool(4);
        Server* server = running.server.get();
        auto* gil_server = dynamic_cast<GilThreadServer*>(server);
        QVERIFY(gil_server);
        BlockingHttpClient client(running.port);
        QVERIFY(client.connected());
        QVERIFY(client.get("/"));  // the connection's first visit to the pool, then its request
        for (int i = 0; i < 5; ++i) QVERIFY(client.get("/"));
        QTRY_COMPARE(gil_server->futures_pending(), 0);
        server->stop();
    }

    // The threads slider moves between a sync worker (1) and a gthread pool (more) while the
    // server runs: the main loop comes and goes with it.
    void theMainLoopFollowsALiveChangeOfThreads() {
        RunningServer running = start_gil_pool(4);
        Server* server = running.server.get();
        auto* gil_server = dynamic_cast<GilThreadServer*>(server);
        QVERIFY(gil_server);
        BlockingHttpClient client(running.port);
        QVERIFY(client.connected());
        std::uint64_t served = 0;
        const auto takes_for_ten = [&]() -> std::uint64_t {
            const auto before = gil_server->gil().stats().acquisitions;
            for (int i = 0; i < 10; ++i) {
                if (!client.get("/")) return 0;
            }
            served += 10;
            if (!QTest::qWaitFor([&] { return server->stats().requests == served; }, 10000)) {
                return 0;
            }
            return gil_server->gil().stats().acquisitions - before;
        };
        QVERIFY(client.get("/"));
        ++served;
        QTRY_COMPARE(server->stats().requests, served);
        for (const int threads : {1, 4, 1}) {
            QVERIFY(server->set_threads(threads).ok());
            QVERIFY(client.get("/"));  // the change reaches the poller meanwhile
            ++served;
            const std::uint64_t takes = takes_for_ten();
            const std::uint64_t expected = threads > 1 ? 20 : 10;
            QVERIFY2(takes >= expected && takes <= expected + 2,
                     qPrintable(QString("%1 threads: %2 takes of the GIL for 10 requests")
                                    .arg(threads)
                                    .arg(takes)));
        }
        // A new connection is still accepted after the mode went off and on.
        BlockingHttpClient another(running.port);
        QVERIFY(another.connected() && another.get("/"));
        server->stop();
    }
};

QTEST_GUILESS_MAIN(TstGthreadMainLoop)
#include "tst_gthread_main_loop.moc"
