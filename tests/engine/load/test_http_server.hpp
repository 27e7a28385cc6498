#pragma once
// A tiny HTTP/1.1 server for the load generator's tests, on 127.0.0.1 port 0, in its own thread.
// It shares no code with the engine's servers, answers every request (a header block ending in
// an empty line; GET has no body) with one fixed Reply, and counts what it sent.
//
// A Reply is a list of pieces written one after another, with a pause between them: real servers
// do not hand a response to the kernel in one piece (gunicorn and Werkzeug send the header block
// and the body with two send() calls), so the client must parse across any split.

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it
#include <vector>

#include <boost/asio.hpp>

namespace conclab::test {

class TestHttpServer {
public:
    enum class Mode {
        KeepAlive,        // 200 with Content-Length, connection kept
        Close,            // 200 with Connection: close, then closes
        Chunked,          // 200 with Transfer-Encoding: chunked, sent in two writes
        EofBody,          // HTTP/1.0 200 without Content-Length: the body ends with the connection
        SilentClose,      // 200 keep-alive, then closes without saying so (the keep-alive race)
        Status500,        // 500 with Content-Length, connection kept
        Silent,           // reads requests, never answers
        HeaderThenBody,   // like gunicorn: the header block, a pause, then the body
        ByteByByte,       // every byte its own write, with a pause between
        OneByteChunks,    // chunked, one byte per chunk, each chunk its own write
        EofBodyInPieces,  // HTTP/1.0 body ended by the close, header and body written apart
        CloseInPieces,    // HTTP/1.1 Connection: close, header and body written apart
        // HTTP/1.0 without Content-Length, header and body in two writes, then close() at once
        // (no shutdown, no draining), as a small threaded server does
        EofBodyInPiecesClosed,
        MegabyteBody,  // 200 with a 1 MiB body (Content-Length), connection kept
    };

    struct Reply {
        std::vector<std::string> pieces;           // concatenated, they are one response
        std::chrono::microseconds gap{0};          // pause between two pieces
        bool close_after = false;                  // shut the connection down after the response
        bool silent = false;                       // never answer
        std::chrono::microseconds stall_first{0};  // hold the first response this long
        bool close_at_once = false;  // with close_after: close() without shutdown and drain
    };

    // A ~100-byte header block and a short body, as a real server sends them.
    static std::string typical_response() {
        return "HTTP/1.1 200 OK\r\nServer: test\r\nDate: Wed, 25 Nov 2026 10:00:00 GMT\r\n"
               "Content-Type: text/plain\r\nContent-Length: 6\r\n\r\nhello\n";
    }

    // `response` in two writes, the first `offset` bytes and the rest, with a pause between.
    static Reply split_at(const std::string& response, std::size_t offset) {
        return Reply{{response.substr(0, offset), response.substr(offset)}, kGap};
    }

    static Reply reply_for(Mode mode) {
        const std::string ok = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nhello\n";
        const std::string header = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n";
        const std::string close_header =
            "HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\n";
        const std::string eof_header = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n";
        switch (mode) {
            case Mode::KeepAlive:
                return {{ok}};
            case Mode::SilentClose:
                return {{ok}, {}, true};
            case Mode::Close:
                return {{close_header + "hello\n"}, {}, true};
            case Mode::Chunked: {
                const std::string r =
                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    "3\r\nhel\r\n3\r\nlo\n\r\n0\r\n\r\n";
                return {{r.substr(0, r.size() / 2), r.substr(r.size() / 2)}};
            }
            case Mode::EofBody:
                return {{eof_header + "hello\n"}, {}, true};
            case Mode::Status500:
                return {{"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n"}};
            case Mode::Silent:
                return {{}, {}, false, true};
            case Mode::HeaderThenBody:
                return {{header, "hello\n"}, kGap};
            case Mode::ByteByByte: {
                Reply r{{}, kGap};
                for (char c : typical_response()) r.pieces.emplace_back(1, c);
                return r;
            }
            case Mode::OneByteChunks: {
                Reply r{{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"}, kGap};
                for (char c : std::string("hello\n"))
                    r.pieces.push_back("1\r\n" + std::string(1, c) + "\r\n");
                r.pieces.emplace_back("0\r\n\r\n");
                return r;
            }
            case Mode::EofBodyInPieces:
                return {{eof_header, "hel", "lo\n"}, kGap, true};
            case Mode::CloseInPieces:
                return {{close_header, "hello\n"}, kGap, true};
            case Mode::EofBodyInPiecesClosed:
                return {{eof_header, "hello\n"}, kGap, true, false, {}, true};
            case Mode::MegabyteBody: {
                constexpr std::size_t kBody = 1024 * 1024;
                return {{"HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(kBody) + "\r\n\r\n",
                         std::string(kBody, 'x')}};
            }
        }
        return {};
    }

    // Answers the first `answers` requests, then reads on and answers no more: a client that has
    // counted that many responses has nothing in flight that the server sent.
    explicit TestHttpServer(Mode mode, std::uint64_t answers = kUnlimited)
        : TestHttpServer(reply_for(mode), answers) {}

    explicit TestHttpServer(Reply reply, std::uint64_t answers = kUnlimited)
        : reply_(std::move(reply)), answers_left_(answers) {
        using boost::asio::ip::tcp;
        acceptor_.open(tcp::v4());
        acceptor_.set_option(tcp::acceptor::reuse_address(true));
        acceptor_.bind({boost::asio::ip::address_v4::loopback(), 0});
        acceptor_.listen(4096);
        port_ = acceptor_.local_endpoint().port();
        accept();
        thread_ = std::thread([this] { io_.run(); });
    }
    ~TestHttpServer() {
        io_.stop();
        thread_.join();
    }
    TestHttpServer(const TestHttpServer&) = delete;
    TestHttpServer& operator=(const TestHttpServer&) = delete;

    std::uint16_t port() const { return port_; }
    std::uint64_t responses() const { return responses_.load(); }  // fully written
    int open_connections() const { return open_.load(); }

    static constexpr std::uint64_t kUnlimited = ~std::uint64_t{0};

private:
    // Long enough that the client's read usually returns before the next piece is sent.
    static constexpr std::chrono::microseconds kGap{300};

    struct Session : std::enable_shared_from_this<Session> {
        Session(TestHttpServer& s, boost::asio::ip::tcp::socket sock)
            : server(s), socket(std::move(sock)), timer(socket.get_executor()) {
            ++server.open_;
        }
        ~Session() { --server.open_; }

        void read() {
            socket.async_read_some(
                boost::asio::buffer(chunk),
                [self = shared_from_this()](boost::system::error_code ec, std::size_t n) {
                    if (ec) return;  // closed or reset: the session ends
                    self->pending.append(self->chunk.data(), n);
                    self->serve();
                });
        }

        // Answers the first complete request in `pending`, or reads on.
        void serve() {
            const auto end = pending.find("\r\n\r\n");
            if (end == std::string::npos) {
                read();
                return;
            }
            pending.erase(0, end + 4);
            if (server.reply_.silent || !server.take_answer()) {
                read();
                return;
            }
            if (server.reply_.stall_first.count() > 0 && !server.stalled_) {
                server.stalled_ = true;  // a stall of the whole server: like wrk2's ^Z demo
                timer.expires_after(server.reply_.stall_first);
                timer.async_wait([self = shared_from_this()](boost::system::error_code ec) {
                    if (!ec) self->write(0);
                });
                return;
            }
            write(0);
        }

        void write(std::size_t piece) {
            const std::string& bytes = server.reply_.pieces[piece];
            boost::asio::async_write(
                socket, boost::asio::buffer(bytes),
                [self = shared_from_this(), piece](boost::system::error_code ec, std::size_t) {
                    if (ec) return;
                    self->wrote(piece);
                });
        }

        void wrote(std::size_t piece) {
            const Reply& reply = server.reply_;
            if (piece + 1 < reply.pieces.size()) {
                if (reply.gap.count() == 0) {
                    write(piece + 1);
                    return;
                }
                timer.expires_after(reply.gap);
                timer.async_wait([self = shared_from_this(), piece](boost::system::error_code ec) {
                    if (!ec) self->write(piece + 1);
                });
                return;
            }
            ++server.responses_;
            if (reply.close_after && reply.close_at_once) {
                boost::system::error_code ignored;
                socket.close(ignored);
                return;
            }
            if (reply.close_after) {
                boost::system::error_code ignored;
                socket.shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
                drain();
                return;
            }
            serve();
        }

        // After our side is shut: read until the client closes, then drop the session.
        void drain() {
            socket.async_read_some(
                boost::asio::buffer(chunk),
                [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                    if (!ec) self->drain();
                });
        }

        TestHttpServer& server;
        boost::asio::ip::tcp::socket socket;
        boost::asio::steady_timer timer;
        std::array<char, 4096> chunk{};
        std::string pending;
    };

    // Only the server's thread calls it.
    bool take_answer() {
        if (answers_left_ == 0) return false;
        --answers_left_;
        return true;
    }

    void accept() {
        acceptor_.async_accept(
            [this](boost::system::error_code ec, boost::asio::ip::tcp::socket socket) {
                if (!ec) {
                    socket.set_option(boost::asio::ip::tcp::no_delay(true), ec);
                    std::make_shared<Session>(*this, std::move(socket))->read();
                }
                accept();
            });
    }

    // Sessions still held by handlers die with io_, so what they touch is declared before it.
    const Reply reply_;
    std::uint64_t answers_left_;
    bool stalled_ = false;  // only the server's thread touches it
    std::atomic<std::uint64_t> responses_{0};
    std::atomic<int> open_{0};
    boost::asio::io_context io_{1};
    boost::asio::ip::tcp::acceptor acceptor_{io_};
    std::uint16_t port_ = 0;
    std::thread thread_;
};

}  // namespace conclab::test
