#pragma once
// One persistent client connection of the load generator, driven by its loader thread's
// io_context (never touched from another thread): connect → send the request → read and parse
// the complete response → record it → send again, until retired. In an open loop the next
// request comes from a RequestSource (the loader thread's schedule) instead, with the time it
// was meant to be sent; with none waiting, the connection idles until send().

#include <cstdint>
#include <optional>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>

#include "core/discard_body.hpp"
#include "load/load_shared.hpp"
#include "load/loader_stats.hpp"
#include "load/source_addresses.hpp"

namespace conclab {

class LoadConnection;

// Open loop: where a connection that finished a request takes the next one from.
class RequestSource {
public:
    // The intended send time of the oldest request waiting for a connection, taken; or nothing.
    virtual std::optional<std::int64_t> next_request() = 0;
    // Nothing waits: `connection` idles until it is given a request with send().
    virtual void idle(LoadConnection& connection) = 0;

protected:
    ~RequestSource() = default;
};

class LoadConnection {
public:
    // `source` set: an open-loop connection, which sends only what it is given.
    LoadConnection(boost::asio::io_context& io, LoadShared& shared, LoaderStats& stats,
                   RequestSource* source = nullptr);
    LoadConnection(const LoadConnection&) = delete;
    LoadConnection& operator=(const LoadConnection&) = delete;

    // Joins the request loop, or cancels a pending retire().
    void start();
    // Open loop: sends one request that was due at intended_ns (connecting first if need be).
    void send(std::int64_t intended_ns);
    // Leaves the loop: at once when no request has been sent, otherwise after its response.
    void retire();
    // Timeouts and connect retries; the loader thread calls it every sweep interval.
    void sweep(std::int64_t now_ns);
    // Closes the socket abortively and forgets every pending operation.
    void shut_down();

    bool active() const { return state_ != State::Closed && !retiring_; }
    bool retiring() const { return state_ != State::Closed && retiring_; }
    bool closed() const { return state_ == State::Closed; }
    bool backing_off() const { return state_ == State::Backoff; }
    bool idle() const { return state_ == State::Idle; }
    // A request sent (or being sent) and not answered yet: when it was meant to start and when
    // it started (the same in a closed loop), as complete() measures its latency from.
    struct Waiting {
        std::int64_t intended_ns;
        std::int64_t started_ns;
        bool connecting;  // its connect is not through yet (a full accept queue retries it)
    };
    std::optional<Waiting> waiting() const;

private:
    enum class State { Closed, Idle, Backoff, Connecting, Writing, Reading };

    void begin_request(std::int64_t intended_ns);
    void next_request();
    void connect();
    void on_connect(const boost::system::error_code& ec);
    void connect_failed(const boost::system::error_code& ec);
    void write();
    void on_write(const boost::system::error_code& ec);
    void read();
    void on_read(const boost::system::error_code& ec, std::size_t n);
    void complete();
    void fail(ErrorKind kind);
    void resend_on_new_connection();
    void close(bool abortive);
    void leave();

    LoadShared& shared_;
    LoaderStats& stats_;
    RequestSource* source_;
    boost::asio::ip::tcp::socket socket_;
    SourceSlot address_slot_;  // its source address beyond one address's ports
    boost::beast::flat_buffer buffer_;
    std::optional<boost::beast::http::response_parser<DiscardBody>> parser_;

    State state_ = State::Closed;
    bool retiring_ = false;
    bool counted_open_ = false;          // counted in LoadShared::open
    std::uint32_t generation_ = 0;       // bumped on close: completions of older sockets are stale
    std::int64_t request_start_ns_ = 0;  // when the client started on the request
    std::int64_t intended_ns_ = 0;       // when it was meant to start (open loop), else the same
    std::int64_t connect_start_ns_ = 0;
    std::int64_t retry_at_ns_ = 0;
    std::int64_t backoff_ns_ = 0;
    std::uint64_t responses_on_socket_ = 0;
};

}  // namespace conclab
