// How the event-loop model serves ready connections, by EventLoopKind: libuv gives each ready
// connection one request per turn of the loop; a gevent green thread goes on serving its own
// connection while its next request is already there. Checked by the order of responses, with
// requests of 120 ms of CPU so that the order does not depend on scheduling noise.
#include <QtTest>

#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <thread>
#include <vector>

#include "blocking_http_client.hpp"
#include "running_server.hpp"
#include "server/server.hpp"

using namespace conclab;
using conclab::test::BlockingHttpClient;
using conclab::test::RunningServer;
using conclab::test::start_server;

namespace {

const std::string kCpuBound = "GET /?cpu_ms=120 HTTP/1.1\r\nHost: x\r\n\r\n";

RunningServer start_event_loop(EventLoopKind kind) {
    ServerConfig config;
    config.model = Model::EventLoop;
    config.event_loop = kind;
    return start_server(config);
}

}  // namespace

class TstEventLoopTurns : public QObject {
    Q_OBJECT
private slots:
    // X holds the loop while C and A send a request each: the next poll reports both, C first.
    // While C's request is served, C's client sends its next one. libuv serves A's in the same
    // turn and C's next in the turn after; a green thread serves C's next at once, before A's.
    void aGreenThreadServesItsNextRequestAtOnce_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("c_again_before_a");
        QTest::newRow("libuv (Node)") << int(EventLoopKind::Libuv) << false;
        QTest::newRow("gevent") << int(EventLoopKind::Gevent) << true;
    }
    void aGreenThreadServesItsNextRequestAtOnce() {
        QFETCH(int, kind);
        QFETCH(bool, c_again_before_a);
        RunningServer running = start_event_loop(EventLoopKind(kind));
        QVERIFY(running.server);
        BlockingHttpClient x(running.port), c(running.port), a(running.port);
        QVERIFY(x.connected() && c.connected() && a.connected());
        QTRY_COMPARE(running.server->stats().connections, 3);  // accepted, none readable yet
        QVERIFY(x.send_raw(kCpuBound));
        QTRY_COMPARE(running.server->stats().in_service, 1);  // X's request holds the loop
        QVERIFY(c.send_raw(kCpuBound));
        QTest::qWait(30);  // C's request is readable before A's
        QVERIFY(a.send_raw(kCpuBound));
        QVERIFY(x.read_response());  // the loop moves on to C's request
        QTest::qWait(30);
        QVERIFY(c.send_raw(kCpuBound));  // C's next, while C's first is served
        QVERIFY(c.read_response());
        QVERIFY(a.read_response());
        QCOMPARE(c.has_bytes_waiting(), c_again_before_a);
        QVERIFY(c.read_response());
        running.server->stop();
    }

    // The ready list at work. One poll reports C, A and B. C's client then answers late: C is
    // not readable at the next poll and leaves the list; A and B stay. C's next request comes
    // while A's second is served, A's third only while B's second is served, after A's second
    // response: A, still on the list, is served before C. Served first come, first served (as
    // asio's reactor orders readiness), C's would go first.
    void oneThatMissesAPollIsServedAfterThoseThatStayed() {
        RunningServer running = start_event_loop(EventLoopKind::Libuv);
        QVERIFY(running.server);
        BlockingHttpClient x(running.port), c(running.port), a(running.port), b(running.port);
        QVERIFY(x.connected() && c.connected() && a.connected() && b.connected());
        QTRY_COMPARE(running.server->stats().connections, 4);
        QVERIFY(x.send_raw(kCpuBound));
        QTRY_COMPARE(running.server->stats().in_service, 1);
        for (BlockingHttpClient* client : {&c, &a, &b}) {
            QVERIFY(client->send_raw(kCpuBound));
            QTest::qWait(30);  // readable in this order
        }
        QVERIFY(x.read_response());  // the poll reports C, A, B
        QVERIFY(c.read_response());  // C's first; C's client stays quiet
        QTest::qWait(30);
        QVERIFY(a.send_raw(kCpuBound));  // A's second, while A's first is served
        QVERIFY(a.read_response());
        QTest::qWait(30);
        QVERIFY(b.send_raw(kCpuBound));  // B's second, while B's first is served
        QVERIFY(b.read_response());      // the next poll: C leaves, A and B stay
        QTest::qWait(30);
        QVERIFY(c.send_raw(kCpuBound));  // C's second, while A's second is served: C joins
        QVERIFY(a.read_response());
        QTest::qWait(30);
        QVERIFY(a.send_raw(kCpuBound));  // A's third, while B's second is served
        QVERIFY(b.read_response());
        QVERIFY(a.read_response());  // A's third, served before C's second
        QVERIFY2(!c.has_bytes_waiting(), "C's second was served before A's third");
        QVERIFY(c.read_response());
        running.server->stop();
    }

    // New connections while the loop is busy: one per turn, for Node as for gevent under
    // gunicorn. libuv accepts once each time epoll reports the listening socket (since libuv
    // PR #3696; strace of real Node 20.20.2, libuv 1.46.0, CPU-bound at 100 connections: one
    // accept4() per epoll_pwait(), never an EAGAIN, and its accept queue went 84, 77, 72 ... 28
    // over 4 s while some clients waited the whole run). Four clients keep the loop busy with
    // 50 ms requests, one after another (a turn serves them all, about 200 ms), while 30
    // connections wait to be accepted: taking them all at once would be 30 in the first turn.
    void aBusyLoopTakesOneWaitingConnectionPerTurn_data() {
        QTest::addColumn<int>("kind");
        QTest::newRow("libuv (Node)") << int(EventLoopKind::Libuv);
        QTest::newRow("gevent") << int(EventLoopKind::Gevent);
    }
    void aBusyLoopTakesOneWaitingConnectionPerTurn() {
        QFETCH(int, kind);
        RunningServer running = start_event_loop(EventLoopKind(kind));
        QVERIFY(running.server);
        constexpr int kBusy = 4;
        std::vector<std::unique_ptr<BlockingHttpClient>> busy_clients;
        for (int i = 0; i < kBusy; ++i) {
            busy_clients.push_back(std::make_unique<BlockingHttpClient>(running.port));
            QVERIFY(busy_clients.back()->connected());
        }
        QTRY_COMPARE(running.server->stats().connections, kBusy);
        std::atomic<bool> done{false};
        std::vector<std::thread> busy;
        for (auto& client : busy_clients) {
            busy.emplace_back([&done, &client] {
                while (!done && client->send_raw("GET /?cpu_ms=50 HTTP/1.1\r\nHost: x\r\n\r\n") &&
                       client->read_response()) {
                }
            });
        }
        QTRY_COMPARE(running.server->stats().in_service, 1);
        std::vector<std::unique_ptr<BlockingHttpClient>> waiting;
        for (int i = 0; i < 30; ++i) {
            waiting.push_back(std::make_unique<BlockingHttpClient>(running.port));
            QVERIFY(waiting.back()->connected());  // in the kernel's accept queue
        }
        // About 5 turns; a loaded machine makes fewer (none taken is still one per turn: the
        // end of the test shows they are taken once the loop is free).
        QTest::qWait(1000);
        const int accepted = running.server->stats().connections - kBusy;
        done = true;
        for (auto& thread : busy) thread.join();
        QVERIFY2(accepted < 20, qPrintable(QString::number(accepted)));
        // Once the loop is idle, the rest are taken.
        QTRY_COMPARE(running.server->stats().connections, kBusy + 30);
        running.server->stop();
    }

    // A green thread serves its connection as long as the next request is there, and nothing
    // else runs meanwhile; stop() still ends it. A client that writes requests without pause
    // (and reads the answers, so that no write ever waits) keeps its socket readable.
    void stopEndsAGreenThreadThatNeverRunsDry() {
        RunningServer running = start_event_loop(EventLoopKind::Gevent);
        QVERIFY(running.server);
        BlockingHttpClient client(running.port);
        QVERIFY(client.connected());
        std::string batch;
        for (int i = 0; i < 64; ++i) batch += "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
        std::atomic<bool> done{false};
        std::thread writer([&] {
            while (!done && client.send_raw(batch)) {
            }
        });
        std::thread reader([&] {
            while (client.read_response()) {
            }
            done = true;  // the server closed the connection
        });
        QTRY_VERIFY_WITH_TIMEOUT(running.server->stats().requests > 5000, 20000);
        // stop() on a thread of its own, so that a hang fails here rather than at CTest's
        // timeout.
        auto stopped = std::async(std::launch::async, [&] { running.server->stop(); });
        if (stopped.wait_for(std::chrono::seconds(30)) != std::future_status::ready) {
            qFatal("stop() did not return within 30 s: the green thread never yields");
        }
        QTRY_VERIFY_WITH_TIMEOUT(done.load(), 20000);
        writer.join();
        reader.join();
    }
};

QTEST_GUILESS_MAIN(TstEventLoopTurns)
#include "tst_event_loop_turns.moc"
