// time_one_request (load/one_request.hpp): one request answered and timed, whatever the reply's
// framing; a server that never answers times out at the limit; a closed port fails at once; and
// settle_note (experiment/measurement_runner.hpp) words only the waits worth a line.
#include <QtTest>

#include <stop_token>
#include <thread>

#include <boost/asio.hpp>

#include "experiment/measurement_runner.hpp"
#include "load/one_request.hpp"
#include "test_http_server.hpp"

using namespace conclab;
using test::TestHttpServer;

namespace {

LoadTarget at(std::uint16_t port) {
    LoadTarget target;
    target.port = port;
    return target;
}

}  // namespace

class TstOneRequest : public QObject {
    Q_OBJECT
private slots:
    void anAnswerIsTimed_data() {
        QTest::addColumn<int>("mode");
        QTest::newRow("kept alive") << int(TestHttpServer::Mode::KeepAlive);
        QTest::newRow("chunked") << int(TestHttpServer::Mode::Chunked);
        QTest::newRow("ended by the close") << int(TestHttpServer::Mode::EofBodyInPieces);
        QTest::newRow("a 500 is an answer too") << int(TestHttpServer::Mode::Status500);
    }
    void anAnswerIsTimed() {
        QFETCH(int, mode);
        TestHttpServer server(static_cast<TestHttpServer::Mode>(mode));
        const Result<double> answered = time_one_request(at(server.port()), 30);
        QVERIFY2(answered, answered ? "" : answered.error().c_str());
        QVERIFY(*answered >= 0 && *answered < 30);
    }
    // The server holds its first answer for 1.5 s: the time says so.
    void aBusyServerIsWaitedFor() {
        TestHttpServer::Reply reply = TestHttpServer::reply_for(TestHttpServer::Mode::KeepAlive);
        reply.stall_first = std::chrono::milliseconds(1500);
        TestHttpServer server(reply);
        const Result<double> answered = time_one_request(at(server.port()), 30);
        QVERIFY2(answered, answered ? "" : answered.error().c_str());
        QVERIFY2(*answered >= 1.4, qPrintable(QString::number(*answered)));
        QVERIFY(!settle_note(answered).empty());
    }
    void aServerThatNeverAnswersTimesOut() {
        TestHttpServer server(TestHttpServer::Mode::Silent);
        const Result<double> answered = time_one_request(at(server.port()), 0.5);
        QVERIFY(!answered);
        QCOMPARE(QString::fromStdString(answered.error()), QString("no answer within 0.5 s"));
    }
    // Cancelled from another thread (the GUI's Stop): it gives up within a slice, not at the limit.
    void aStopEndsTheWait() {
        TestHttpServer server(TestHttpServer::Mode::Silent);
        std::stop_source stop;
        std::thread stopper([&stop] {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            stop.request_stop();
        });
        QElapsedTimer timer;
        timer.start();
        const Result<double> answered = time_one_request(at(server.port()), 60, stop.get_token());
        stopper.join();
        QVERIFY(!answered);
        QCOMPARE(QString::fromStdString(answered.error()), QString("interrupted"));
        QVERIFY2(timer.elapsed() < 30'000, qPrintable(QString::number(timer.elapsed())));
    }
    void aClosedPortFailsAtOnce() {
        // A port that was just free: nothing listens there.
        boost::asio::io_context io;
        boost::asio::ip::tcp::acceptor probe(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
        const std::uint16_t port = probe.local_endpoint().port();
        probe.close();
        const Result<double> answered = time_one_request(at(port), 30);
        QVERIFY(!answered);
        QVERIFY(settle_note(answered).empty());  // the run itself will say it
    }
    void onlyLongWaitsAreWorded() {
        QVERIFY(settle_note(0.002).empty());
        QVERIFY(settle_note(0.9).empty());
        QVERIFY(
            QString::fromStdString(settle_note(12.25))
                .startsWith("before this run the real server took 12.2 s to answer one request"));
        QVERIFY(QString::fromStdString(settle_note(Failure{std::string("no answer within 60 s")}))
                    .contains("answered no request within 60.0 s"));
    }
};

QTEST_APPLESS_MAIN(TstOneRequest)
#include "tst_one_request.moc"
