#include <QtTest>

#include <malloc.h>

#include <memory>
#include <vector>

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
        QTest::addColumn<int>("status");
        QTest::newRow("garbage") << QByteArray("HELLO\r\n\r\n") << 400;
        QTest::newRow("bad version") << QByteArray("GET / HTTP/9.9\r\nHost: a\r\n\r\n") << 400;
        QTest::newRow("space in header name")
            << QByteArray("GET / HTTP/1.1\r\nHo st: a\r\n\r\n") << 400;
        QTest::newRow("bad content-length")
            << QByteArray("GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n") << 400;
        QTest::newRow("bare LF header") << QByteArray("GET / HTTP/1.1\nHost: a\n\n") << 400;
        // Like Node (maxHeaderSize 16 KiB) and nginx: 431, also before the header block ends.
        QTest::newRow("oversized header")
            << (QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(20000, 'a') + "\r\n\r\n") << 431;
        QTest::newRow("oversized header, unfinished")
            << (QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(20000, 'a')) << 431;
        QTest::newRow("oversized request line")
            << (QByteArray("GET /") + QByteArray(20000, 'a') + " HTTP/1.1\r\n\r\n") << 431;
        QTest::newRow("oversized body")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n") << 413;
        QTest::newRow("oversized chunk")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n200000\r\n") << 413;
        // nginx: only "chunked" is a transfer coding it can read; anything else is 501, never
        // a request without a body (whose body would then be parsed as the next request).
        QTest::newRow("unknown transfer-encoding")
            << QByteArray(
                   "POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\nGET /x HTTP/1.1\r\n\r\n")
            << 501;
        QTest::newRow("chunked not last")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n")
            << 501;
        QTest::newRow("chunked after gzip")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n")
            << 501;
        QTest::newRow("second transfer-encoding field")
            << QByteArray(
                   "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: "
                   "identity\r\n\r\n0\r\n\r\n")
            << 400;  // Beast refuses a second field after "chunked"
        QTest::newRow("transfer-encoding and content-length")
            << QByteArray(
                   "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: "
                   "chunked\r\n\r\n0\r\n\r\n")
            << 400;
        QTest::newRow("bad chunk size")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzzzzz\r\n") << 400;
    }
    void malformed() {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        RequestParser p;
        std::size_t used = 0;
        QCOMPARE(p.feed(std::string_view(bytes.constData(), bytes.size()), used), Status::Bad);
        QVERIFY(!p.error().empty());
        QCOMPARE(p.error_status(), status);
        QVERIFY(!p.take_continue());
        // Once bad, it stays bad until reset.
        QCOMPARE(p.feed("GET / HTTP/1.1\r\n\r\n", used), Status::Bad);
        p.reset();
        QCOMPARE(p.feed("GET / HTTP/1.1\r\n\r\n", used), Status::Complete);
        QCOMPARE(p.error_status(), 0);
    }

    void headerJustUnderTheLimitIsServed() {
        RequestParser p;
        std::string r = "GET / HTTP/1.1\r\nX: ";
        r += std::string(RequestParser::kHeaderLimit - r.size() - 100, 'a');
        r += "\r\n\r\n";
        std::size_t used = 0;
        QCOMPARE(p.feed(r, used), Status::Complete);
        QCOMPARE(used, r.size());
    }

    void chunkedBodyIsConsumed() {
        const std::string r =
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n"
            "5\r\nhello\r\n3;ext=1\r\nabc\r\n0\r\nX-Trailer: t\r\n\r\n";
        RequestParser p;
        std::size_t used = 0;
        QCOMPARE(p.feed(r + "GET / HTTP/1.1\r\n\r\n", used), Status::Complete);
        QCOMPARE(used, r.size());
    }

    // Boost 1.74 Beast asserts (n >= 5 in parse_chunk_header) when the last chunk "0\r\n\r\n"
    // arrives split after its "0\r\n" with fewer than 5 bytes buffered: in a Debug or asan build
    // that aborted the worker. Every split, with and without a data chunk before it, with the
    // bytes that came before kept buffered as a server keeps them.
    void lastChunkSplitAnywhere_data() {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("second");
        const QByteArray header =
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
        const QByteArray chunk = "5\r\nhello\r\n";
        for (int first = 0; first <= 5; ++first) {
            for (int second = first; second <= 5; ++second) {
                QTest::addRow("only last chunk %d/%d", first, second) << header << first << second;
                QTest::addRow("after a chunk %d/%d", first, second)
                    << (header + chunk) << first << second;
            }
        }
    }
    void lastChunkSplitAnywhere() {
        QFETCH(QByteArray, before);
        QFETCH(int, first);
        QFETCH(int, second);
        const std::string last = "0\r\n\r\n";
        const std::string pieces[] = {before.toStdString() + last.substr(0, first),
                                      last.substr(first, second - first), last.substr(second)};
        RequestParser p;
        std::string buffer;
        Status status = Status::NeedMore;
        for (const std::string& piece : pieces) {
            if (piece.empty()) continue;
            QCOMPARE(status, Status::NeedMore);
            buffer += piece;
            std::size_t used = 0;
            status = p.feed(buffer, used);
            buffer.erase(0, used);
        }
        QCOMPARE(status, Status::Complete);
        QVERIFY(buffer.empty());
    }

    // Found by fuzz_request_parser: Beast reads "chunked" followed by bytes it skips as the last
    // coding, so fed in one piece it parsed the body (and failed on it, 400) before the header
    // was checked; fed byte by byte it answered 501. The header is now checked before any body.
    void headerIsCheckedBeforeTheBody_data() {
        QTest::addColumn<int>("piece");
        QTest::newRow("whole") << 0;
        QTest::newRow("byte by byte") << 1;
        QTest::newRow("7 bytes") << 7;
    }
    void headerIsCheckedBeforeTheBody() {
        QFETCH(int, piece);
        const std::string r =
            "GET / HTTP/1.1\r\nTransfer-Encoding: chunked\xff\xff\xff\xff\r\n\r\n5\x1d\n\r\n";
        RequestParser p;
        std::string buffer;
        Status status = Status::NeedMore;
        for (std::size_t at = 0; at < r.size() && status == Status::NeedMore;) {
            const std::size_t n = piece == 0 ? r.size() : std::size_t(piece);
            buffer += r.substr(at, n);
            at += n;
            std::size_t used = 0;
            status = p.feed(buffer, used);
            buffer.erase(0, used);
        }
        QCOMPARE(status, Status::Bad);
        QCOMPARE(p.error_status(), 501);
    }

    void chunkedByteByByte() {
        const std::string r =
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            "5\r\nhello\r\n0\r\n\r\n";
        RequestParser p;
        std::string buffer;
        Status status = Status::NeedMore;
        for (char c : r) {
            QCOMPARE(status, Status::NeedMore);
            buffer += c;
            std::size_t used = 0;
            status = p.feed(buffer, used);
            buffer.erase(0, used);
        }
        QCOMPARE(status, Status::Complete);
        QVERIFY(buffer.empty());
    }

    // Node answers `Expect: 100-continue` with an interim 100 before the body, once.
    void expectContinueAsksForTheBody() {
        RequestParser p;
        std::size_t used = 0;
        const std::string head =
            "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 5\r\n\r\n";
        QCOMPARE(p.feed(head, used), Status::NeedMore);
        QCOMPARE(used, head.size());
        QVERIFY(p.take_continue());
        QVERIFY(!p.take_continue());
        QCOMPARE(p.feed("hel", used), Status::NeedMore);
        QVERIFY(!p.take_continue());
        QCOMPARE(p.feed("lo", used), Status::Complete);
        QVERIFY(!p.take_continue());
    }
    void expectContinueNotNeeded_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("body already here")
            << QByteArray("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nhi");
        QTest::newRow("no body") << QByteArray("GET / HTTP/1.1\r\nExpect: 100-continue\r\n\r\n");
        QTest::newRow("HTTP/1.0") << QByteArray(
            "POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        QTest::newRow("other expectation")
            << QByteArray("POST / HTTP/1.1\r\nExpect: something\r\nContent-Length: 2\r\n\r\n");
    }
    void expectContinueNotNeeded() {
        QFETCH(QByteArray, bytes);
        RequestParser p;
        std::size_t used = 0;
        QVERIFY(p.feed(std::string_view(bytes.constData(), bytes.size()), used) != Status::Bad);
        QVERIFY(!p.take_continue());
    }

    void incompleteIsNeedMore() {
        RequestParser p;
        std::size_t used = 0;
        QCOMPARE(p.feed("", used), Status::NeedMore);
        QCOMPARE(p.feed("GET / HTTP/1.1\r\nHost:", used), Status::NeedMore);
    }

    // Probe finding 9 of #18: bodies were buffered per connection with no total cap (Beast's
    // string_body reserved each Content-Length up front: 300 connections with 1 MB unfinished
    // bodies held 301 MB). A body is read and dropped: 200 parsers halfway through 1 MB bodies
    // hold a few KB each, and the whole body still counts against the 1 MiB limit.
    void unfinishedBodiesHoldNoMemory() {
        const std::string header = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1000000\r\n\r\n";
        const std::string half(500000, 'b');
        const auto in_use = [] {
            const struct mallinfo2 m = ::mallinfo2();
            return m.uordblks + m.hblkhd;  // heap in use, and blocks mapped on their own
        };
        const std::size_t before = in_use();
        std::vector<std::unique_ptr<RequestParser>> open;
        for (int i = 0; i < 200; ++i) {
            open.push_back(std::make_unique<RequestParser>());
            std::size_t used = 0;
            QCOMPARE(open.back()->feed(header + half, used), Status::NeedMore);
            QCOMPARE(used, header.size() + half.size());
        }
        const double held_mb = (static_cast<double>(in_use()) - static_cast<double>(before)) / 1e6;
        QVERIFY2(held_mb < 5,
                 qPrintable(QString("%1 MB held for 200 unfinished bodies").arg(held_mb)));
        std::size_t used = 0;
        QCOMPARE(open.front()->feed(half, used), Status::Complete);  // read to its end
        RequestParser big;
        QCOMPARE(big.feed("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2000000\r\n\r\n", used),
                 Status::Bad);
        QCOMPARE(big.error_status(), 413);
    }
};

QTEST_APPLESS_MAIN(TstRequestParser)
#include "tst_request_parser.moc"
