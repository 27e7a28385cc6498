#include <QtTest>

#include "http/request_parser.hpp"

using conclab::http::RequestParser;
using Status = RequestParser::Status;

class TstRequestParser : public QObject {
    Q_OBJECT
private slots:
    void completeRequestInOnePiece() {
        RequestParser p;
        const std::string r = "GET /?cpu_ms=1 HTTP/1.1\r\nHost: a\r\n\r\n";
        std::size_t used = 0;
        QCOMPARE(p.feed(r, used), Status::Complete);
        QCOMPARE(used, r.size());
        QCOMPARE(std::string(p.method()), std::string("GET"));
        QCOMPARE(std::string(p.target()), std::string("/?cpu_ms=1"));
        QVERIFY(p.keep_alive());
    }

    // Every split point of a request must parse the same: bytes arrive as TCP pleases.
    void byteByByte() {
        const std::string r =
            "GET /x HTTP/1.1\r\nHost: a\r\nUser-Agent: t\r\nConnection: close\r\n\r\n";
        RequestParser p;
        std::string buffer;
        Status status = Status::NeedMore;
        for (std::size_t i = 0; i < r.size(); ++i) {
            buffer += r[i];
            std::size_t used = 0;
            status = p.feed(buffer, used);
            buffer.erase(0, used);
            if (i + 1 < r.size()) QCOMPARE(status, Status::NeedMore);
        }
        QCOMPARE(status, Status::Complete);
        QVERIFY(buffer.empty());
        QVERIFY(!p.keep_alive());
        QCOMPARE(std::string(p.target()), std::string("/x"));
    }

    void pipelinedRequestsLeaveTheRest() {
        const std::string one = "GET /a HTTP/1.1\r\nHost: a\r\n\r\n";
        const std::string two = "GET /b HTTP/1.1\r\nHost: a\r\n\r\n";
        std::string buffer = one + two;
        RequestParser p;
        std::size_t used = 0;
        QCOMPARE(p.feed(buffer, used), Status::Complete);
        QCOMPARE(used, one.size());
        buffer.erase(0, used);
        p.reset();
        QCOMPARE(p.feed(buffer, used), Status::Complete);
        QCOMPARE(std::string(p.target()), std::string("/b"));
    }

    void bodyIsConsumed() {
        const std::string r = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello";
        RequestParser p;
        std::size_t used = 0;
        QCOMPARE(p.feed(r, used), Status::Complete);
        QCOMPARE(used, r.size());
        QCOMPARE(std::string(p.method()), std::string("POST"));
    }

    void http10DefaultsToClose() {
        RequestParser p;
        std::size_t used = 0;
        QCOMPARE(p.feed("GET / HTTP/1.0\r\n\r\n", used), Status::Complete);
        QVERIFY(!p.keep_alive());
    }

    void malformed_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("garbage") << QByteArray("HELLO\r\n\r\n");
        QTest::newRow("bad version") << QByteArray("GET / HTTP/9.9\r\nHost: a\r\n\r\n");
        QTest::newRow("space in header name") << QByteArray("GET / HTTP/1.1\r\nHo st: a\r\n\r\n");
        QTest::newRow("bad content-length")
            << QByteArray("GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n");
        QTest::newRow("bare LF header") << QByteArray("GET / HTTP/1.1\nHost: a\n\n");
        QTest::newRow("oversized header")
            << (QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(20000, 'a') + "\r\n\r\n");
        QTest::newRow("oversized body")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n");
    }
    void malformed() {
        QFETCH(QByteArray, bytes);
        RequestParser p;
        std::size_t used = 0;
        QCOMPARE(p.feed(std::string_view(bytes.constData(), bytes.size()), used), Status::Bad);
        QVERIFY(!p.error().empty());
        // Once bad, it stays bad until reset.
        QCOMPARE(p.feed("GET / HTTP/1.1\r\n\r\n", used), Status::Bad);
        p.reset();
        QCOMPARE(p.feed("GET / HTTP/1.1\r\n\r\n", used), Status::Complete);
    }

    void incompleteIsNeedMore() {
        RequestParser p;
        std::size_t used = 0;
        QCOMPARE(p.feed("", used), Status::NeedMore);
        QCOMPARE(p.feed("GET / HTTP/1.1\r\nHost:", used), Status::NeedMore);
    }
};

QTEST_APPLESS_MAIN(TstRequestParser)
#include "tst_request_parser.moc"
