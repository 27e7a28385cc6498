// Workload::connection_us: the framework's cost of a new connection runs where the server
// accepts it, before it accepts the next — on the loop for the event loop, under the GIL on the
// accepting thread for GIL threads. Two connections opened together are therefore served one
// cost apart. Lower bounds only: a loaded machine makes everything slower, never faster.
#include <QtTest>

#include <memory>

#include "blocking_http_client.hpp"
#include "core/clocks.hpp"
#include "server/gil_thread_server.hpp"
#include "server/listen_socket.hpp"
#include "server/server.hpp"

using namespace conclab;
using conclab::test::BlockingHttpClient;

namespace {

constexpr double kConnectionUs = 150000;  // 150 ms: far above any scheduling noise

double seconds_since(std::int64_t t0) {
    return static_cast<double>(monotonic_ns() - t0) / 1e9;
}

}  // namespace

class TstNewConnectionCost : public QObject {
    Q_OBJECT
private slots:
    void twoNewConnectionsAreServedOneCostApart_data() {
        QTest::addColumn<int>("model");
        QTest::addColumn<int>("threads");
        QTest::newRow("event loop") << int(Model::EventLoop) << 0;
        QTest::newRow("GIL pool (gthread)") << int(Model::GilThreads) << 4;
        QTest::newRow("GIL, a thread per connection (Werkzeug)") << int(Model::GilThreads) << 0;
    }
    void twoNewConnectionsAreServedOneCostApart() {
        QFETCH(int, model);
        QFETCH(int, threads);
        auto listen = open_listen_socket(0, 128);
        QVERIFY(listen);
        ServerConfig config;
        config.model = Model(model);
        config.threads = threads;
        config.workload.connection_us = kConnectionUs;
        std::unique_ptr<Server> server = make_server(config);
        server->start(std::move(listen->fd));
        auto* gil_server = dynamic_cast<GilThreadServer*>(server.get());
        const auto held_before = gil_server ? gil_server->gil().stats().held_ns : 0;

        const auto t0 = monotonic_ns();
        BlockingHttpClient first(listen->port), second(listen->port);
        QVERIFY(first.connected() && second.connected());
        QVERIFY(first.send_raw("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
        QVERIFY(second.send_raw("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
        QVERIFY(first.read_response());
        QVERIFY(second.read_response());
        const double both = seconds_since(t0);
        QVERIFY2(both >= 0.29, qPrintable(QString("both answered after %1 s").arg(both)));
        if (gil_server) {
            const double held_s = (gil_server->gil().stats().held_ns - held_before) / 1e9;
            QVERIFY2(held_s >= 0.29, qPrintable(QString("GIL held %1 s").arg(held_s)));
        }
        // The kept-alive connection goes on serving (requests are counted after their write).
        QTRY_COMPARE(server->stats().requests, std::uint64_t(2));
        QVERIFY(first.get("/"));
        QTRY_COMPARE(server->stats().requests, std::uint64_t(3));
        server->stop();
    }
};

QTEST_GUILESS_MAIN(TstNewConnectionCost)
#include "tst_new_connection_cost.moc"
