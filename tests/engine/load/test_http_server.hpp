#pragma once
// A tiny HTTP/1.1 server for the load generator's tests, on 127.0.0.1 port 0, in its own thread.
// It shares no code with the engine's servers, answers every request (a header block ending in
// an empty line; GET has no body) in one of a few fixed ways, and counts what it sent.

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without it

#include <boost/asio.hpp>

namespace conclab::test {

class TestHttpServer {
public:
    enum class Mode {
        KeepAlive,    // 200 with Content-Length, connection kept
        Close,        // 200 with Connection: close, then closes
        Chunked,      // 200 with Transfer-Encoding: chunked, sent in two writes
        EofBody,      // HTTP/1.0 200 without Content-Length: the body ends with the connection
        SilentClose,  // 200 keep-alive, then closes without saying so (the keep-alive race)
        Status500,    // 500 with Content-Length, connection kept
        Silent,       // reads requests, never answers
    };

    explicit TestHttpServer(Mode mode) : mode_(mode) {
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

private:
    struct Session : std::enable_shared_from_this<Session> {
        Session(TestHttpServer& s, boost::asio::ip::tcp::socket sock)
            : server(s), socket(std::move(sock)) {
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
            if (server.mode_ == Mode::Silent) {
                read();
                return;
            }
            write(response(server.mode_), 0);
        }

        void write(std::string_view bytes, int part) {
            // Chunked responses go out in two writes, so the client parses across reads.
            const std::size_t first =
                server.mode_ == Mode::Chunked && part == 0 ? bytes.size() / 2 : bytes.size();
            boost::asio::async_write(
                socket, boost::asio::buffer(bytes.data(), first),
                [self = shared_from_this(), bytes, first, part](boost::system::error_code ec,
                                                                std::size_t) {
                    if (ec) return;
                    if (first < bytes.size()) {
                        self->write(bytes.substr(first), part + 1);
                        return;
                    }
                    ++self->server.responses_;
                    const Mode m = self->server.mode_;
                    if (m == Mode::Close || m == Mode::EofBody || m == Mode::SilentClose) {
                        boost::system::error_code ignored;
                        self->socket.shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
                        self->drain();
                        return;
                    }
                    self->serve();
                });
        }

        // After our side is shut: read until the client closes, then drop the session.
        void drain() {
            socket.async_read_some(
                boost::asio::buffer(chunk),
                [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                    if (!ec) self->drain();
                });
        }

        static std::string_view response(Mode mode) {
            switch (mode) {
                case Mode::KeepAlive:
                case Mode::SilentClose:
                    return "HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nhello\n";
                case Mode::Close:
                    return "HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\n"
                           "hello\n";
                case Mode::Chunked:
                    return "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                           "3\r\nhel\r\n3\r\nlo\n\r\n0\r\n\r\n";
                case Mode::EofBody:
                    return "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nhello\n";
                case Mode::Status500:
                    return "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n";
                case Mode::Silent:
                    break;
            }
            return {};
        }

        TestHttpServer& server;
        boost::asio::ip::tcp::socket socket;
        std::array<char, 4096> chunk{};
        std::string pending;
    };

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
    Mode mode_;
    std::atomic<std::uint64_t> responses_{0};
    std::atomic<int> open_{0};
    boost::asio::io_context io_{1};
    boost::asio::ip::tcp::acceptor acceptor_{io_};
    std::uint16_t port_ = 0;
    std::thread thread_;
};

}  // namespace conclab::test
