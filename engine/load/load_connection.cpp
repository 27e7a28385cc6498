#include "load/load_connection.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

#include <boost/asio/buffer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/error.hpp>

#include "core/clocks.hpp"

namespace conclab {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using boost::system::error_code;

namespace {

// Enough for any ordinary response in one read; the buffer grows if a header is larger.
constexpr std::size_t kReadChunk = 2048;
// Node's default maxHeaderSize is 16 KiB; allow more than any server here would send.
constexpr std::uint32_t kHeaderLimit = 64 * 1024;
// After a failed connect, wait before the next attempt so a dead server does not spin a core:
// 100 ms, doubling up to 1 s while the failures go on (with 10,000 connections, 10,000 attempts
// per second at most).
constexpr std::int64_t kFirstBackoffNs = 100'000'000;
constexpr std::int64_t kMaxBackoffNs = 1'000'000'000;

// The peer closed the connection (orderly or not).
bool peer_closed(const error_code& ec) {
    return ec == asio::error::eof || ec == asio::error::connection_reset ||
           ec == asio::error::connection_aborted || ec == asio::error::broken_pipe;
}

}  // namespace

LoadConnection::LoadConnection(asio::io_context& io, LoadShared& shared, LoaderStats& stats,
                               RequestSource* source)
    : shared_(shared), stats_(stats), source_(source), socket_(io) {}

void LoadConnection::start() {
    retiring_ = false;
    if (state_ == State::Closed) begin_request(monotonic_ns());
}

void LoadConnection::send(std::int64_t intended_ns) {
    retiring_ = false;
    begin_request(intended_ns);
}

void LoadConnection::retire() {
    if (state_ == State::Closed) return;
    retiring_ = true;
    // Nothing has reached the server yet: go now rather than after a slow or failing connect.
    if (state_ == State::Backoff || state_ == State::Connecting || state_ == State::Idle) leave();
}

void LoadConnection::shut_down() {
    close(/*abortive=*/true);
    state_ = State::Closed;
}

// A request's latency runs from the moment the client starts on it to its complete response.
// On a keep-alive connection that is the start of the write, as in wrk. When the request needs a
// new connection (the first one, or after the server closed the previous one) the connect is
// part of it, as a browser sees it: otherwise a full accept queue, whose dropped SYNs make
// connects take 1 s or 3 s, would be invisible in the latencies.
// In an open loop the request was meant to start at intended_ns, perhaps long before a connection
// was free: the corrected latency counts from then (wrk2), the uncorrected one from now.
void LoadConnection::begin_request(std::int64_t intended_ns) {
    request_start_ns_ = monotonic_ns();
    intended_ns_ = std::min(intended_ns, request_start_ns_);
    if (socket_.is_open()) {
        write();
    } else {
        connect();
    }
}

void LoadConnection::connect() {
    state_ = State::Connecting;
    error_code ec;
    socket_.open(shared_.endpoint.protocol(), ec);  // EMFILE / ENFILE show up here
    if (ec) {
        connect_failed(ec);
        return;
    }
    socket_.set_option(asio::ip::tcp::no_delay(true), ec);
    address_slot_.bind(socket_, shared_.endpoint, ec);
    if (ec) {
        connect_failed(ec);
        return;
    }
    connect_start_ns_ = monotonic_ns();
    socket_.async_connect(shared_.endpoint, [this, g = generation_](const error_code& e) {
        if (g == generation_) on_connect(e);
    });
}

void LoadConnection::on_connect(const error_code& ec) {
    if (ec) {
        connect_failed(ec);
        return;
    }
    counted_open_ = true;
    shared_.opened();
    if (monotonic_ns() - connect_start_ns_ >= kSlowConnectNs) stats_.slow_connect();
    responses_on_socket_ = 0;
    backoff_ns_ = 0;
    write();
}

void LoadConnection::connect_failed(const error_code& ec) {
    stats_.connect_error(ec.message());
    close(/*abortive=*/true);
    if (retiring_) {
        leave();
        return;
    }
    backoff_ns_ = backoff_ns_ == 0 ? kFirstBackoffNs : std::min(2 * backoff_ns_, kMaxBackoffNs);
    retry_at_ns_ = monotonic_ns() + backoff_ns_;
    state_ = State::Backoff;
}

void LoadConnection::write() {
    state_ = State::Writing;
    parser_.emplace();
    parser_->eager(true);
    // The body is discarded, so its size does not matter; but "no limit" must be the largest
    // number, not boost::none: Boost 1.74's basic_parser::finish_header tests
    // `len_ > body_limit_` with body_limit_ an optional, and any number is greater than none.
    // With none, every response with a Content-Length failed with error::body_limit whenever its
    // header block arrived in a read of its own (gunicorn and Werkzeug send the header and the
    // body with two send() calls); with the body in the same read, the eager parse went on into
    // the body and overwrote the error, so it only showed with real servers.
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    parser_->header_limit(kHeaderLimit);
    asio::async_write(socket_, asio::buffer(shared_.request),
                      [this, g = generation_](const error_code& e, std::size_t) {
                          if (g == generation_) on_write(e);
                      });
}

void LoadConnection::on_write(const error_code& ec) {
    if (!ec) {
        read();
    } else if (responses_on_socket_ > 0 && peer_closed(ec)) {
        resend_on_new_connection();
    } else {
        fail(ErrorKind::Write);
    }
}

void LoadConnection::read() {
    state_ = State::Reading;
    socket_.async_read_some(buffer_.prepare(kReadChunk),
                            [this, g = generation_](const error_code& e, std::size_t n) {
                                if (g == generation_) on_read(e, n);
                            });
}

void LoadConnection::on_read(const error_code& ec, std::size_t n) {
    if (ec) {
        if (ec == asio::error::eof && parser_->got_some()) {
            error_code eof_ec;  // a response delimited by the end of the stream ends here
            parser_->put_eof(eof_ec);
            if (!eof_ec && parser_->is_done()) {
                complete();
                return;
            }
        }
        // The keep-alive race: the server closed an idle connection just as we reused it. Not
        // an error (the request never reached the server's handler); send it again.
        if (!parser_->got_some() && buffer_.size() == 0 && responses_on_socket_ > 0 &&
            peer_closed(ec)) {
            resend_on_new_connection();
        } else {
            fail(ErrorKind::Read);
        }
        return;
    }
    buffer_.commit(n);
    for (;;) {
        error_code parse_ec;
        const std::size_t used = parser_->put(buffer_.data(), parse_ec);
        buffer_.consume(used);
        if (parse_ec == http::error::need_more) break;
        if (parse_ec) {
            fail(ErrorKind::Parse);
            return;
        }
        if (parser_->is_done()) {
            complete();
            return;
        }
        if (used == 0 || buffer_.size() == 0) break;
    }
    read();
}

void LoadConnection::complete() {
    const std::int64_t now = monotonic_ns();
    const unsigned status = parser_->get().result_int();
    if (status >= 200 && status < 300) {
        stats_.response(rounded_micros(now - intended_ns_),
                        rounded_micros(now - request_start_ns_));
    } else {
        stats_.error(ErrorKind::Status);
    }
    ++responses_on_socket_;
    // We never pipeline, so bytes after a complete response belong to no request of ours.
    buffer_.clear();
    const bool keep_alive = parser_->keep_alive();
    if (retiring_) {
        close(/*abortive=*/false);
        leave();
        return;
    }
    if (!keep_alive) {
        stats_.server_closed();
        close(/*abortive=*/false);  // Connection: close is honoured, not an error
    }
    next_request();
}

void LoadConnection::next_request() {
    if (!source_) {
        begin_request(monotonic_ns());
    } else if (auto intended = source_->next_request()) {
        begin_request(*intended);
    } else {
        state_ = State::Idle;
        source_->idle(*this);
    }
}

void LoadConnection::fail(ErrorKind kind) {
    stats_.error(kind);
    close(/*abortive=*/true);
    if (retiring_) {
        leave();
    } else {
        next_request();
    }
}

// Keeps request_start_ns_: the time lost on the dead connection is part of this request.
void LoadConnection::resend_on_new_connection() {
    close(/*abortive=*/false);
    buffer_.clear();
    if (retiring_) {
        leave();
        return;
    }
    stats_.reconnect();
    connect();
}

std::optional<LoadConnection::Waiting> LoadConnection::waiting() const {
    switch (state_) {
        case State::Connecting:
        case State::Writing:
        case State::Reading:
            return Waiting{intended_ns_, request_start_ns_, state_ == State::Connecting};
        case State::Closed:
        case State::Idle:
        case State::Backoff:  // its request failed (counted as an error); a new one is not begun
            return std::nullopt;
    }
    return std::nullopt;
}

void LoadConnection::sweep(std::int64_t now_ns) {
    switch (state_) {
        case State::Closed:
        case State::Idle:
            return;
        case State::Backoff:
            // Closed loop: a fresh request. Open loop: the same one, still due since its time.
            if (now_ns >= retry_at_ns_) begin_request(source_ ? intended_ns_ : now_ns);
            return;
        case State::Connecting:
        case State::Writing:
        case State::Reading:
            if (now_ns - request_start_ns_ >= shared_.timeout_ns) fail(ErrorKind::Timeout);
            return;
    }
}

// Abortive closes (RST) are for connections we give up on: they leave no TIME_WAIT behind, so
// timeouts and stop() with thousands of connections do not use up the ephemeral ports.
void LoadConnection::close(bool abortive) {
    ++generation_;
    if (!socket_.is_open()) return;
    error_code ignored;
    if (abortive) socket_.set_option(asio::socket_base::linger(true, 0), ignored);
    socket_.close(ignored);
    if (counted_open_) {
        counted_open_ = false;
        shared_.closed();
    }
}

void LoadConnection::leave() {
    close(/*abortive=*/true);
    buffer_.clear();
    parser_.reset();
    retiring_ = false;
    state_ = State::Closed;
}

}  // namespace conclab
