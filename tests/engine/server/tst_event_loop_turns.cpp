// How the event-loop model serves ready connections, by EventLoopKind: libuv gives each ready
// connection one request per turn of the loop; a gevent green thread goes on serving its own
// connection while its next request is already there. Checked by the order of responses, with
// requests of 300 ms of CPU so that the order does not depend on scheduling noise.
#include <QtTest>

#include <memory>

#include "blocking_http_client.hpp"
#include "running_server.hpp"
#include "server/server.hpp"

using namespace conclab;
using conclab::test::BlockingHttpClient;
using conclab::test::RunningServer;
using conclab::test::start_server;

namespace {

const std::string kCpuBound = "GET /?cpu_ms=300 HTTP/1.1\r\nHost: x\r\n\r\n";

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
        ServerConfig config;
        config.model = Model::EventLoop;
        config.event_loop = EventLoopKind(kind);
        RunningServer running = start_server(config);
        QVERIFY(running.server);
        BlockingHttpClient x(running.port), c(running.port), a(running.port);
        QVERIFY(x.connected() && c.connected() && a.connected());
        QTRY_COMPARE(running.server->stats().connections, 3);  // accepted, none readable yet
        QVERIFY(x.send_raw(kCpuBound));
        QTRY_COMPARE(running.server->stats().in_service, 1);  // X's request holds the loop
        QVERIFY(c.send_raw(kCpuBound));
        QTest::qWait(50);  // C's request is readable before A's
        QVERIFY(a.send_raw(kCpuBound));
        QVERIFY(x.read_response());  // the loop moves on to C's request
        QTest::qWait(50);
        QVERIFY(c.send_raw(kCpuBound));  // C's next, while C's first is served
        QVERIFY(c.read_response());
        QVERIFY(a.read_response());
        QCOMPARE(c.has_bytes_waiting(), c_again_before_a);
        QVERIFY(c.read_response());
        running.server->stop();
    }
};

QTEST_GUILESS_MAIN(TstEventLoopTurns)
#include "tst_event_loop_turns.moc"
