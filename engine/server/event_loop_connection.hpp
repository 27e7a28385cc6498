#pragma once
// EventLoopServer's connection: one client connection on the loop, from its first bytes to its
// close — reading when the loop's turn reports it readable (EventLoopServer::run_turn), the
// request's CPU on the loop, its I/O wait on a timer, the response, Node's timeouts. Included by
// event_loop_server.cpp only: the class is the server's private part, kept in a file of its own.

#include <poll.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>

#include "http/request_parser.hpp"
#include "http/response.hpp"
#include "server/event_loop_server.hpp"
#include "server/request_router.hpp"
#include "workload/cpu_burn.hpp"

namespace conclab {

namespace event_loop_detail {

using SteadyClock = std::chrono::steady_clock;

inline SteadyClock::duration seconds(double s) {
    return std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(s));
}

}  // namespace event_loop_detail

// One client connection on the loop. Everything here runs on the loop thread, so it needs no
// locks; the shared_ptr keeps it alive while an operation is pending.
class EventLoopServer::Connection : public std::enable_shared_from_this<Connection> {
    using SteadyClock = event_loop_detail::SteadyClock;
    using tcp = boost::asio::ip::tcp;

public:
    Connection(EventLoopServer& server, tcp::socket socket)
        : server_(server),
          socket_(std::move(socket)),
          io_wait_(socket_.get_executor()),
          deadline_(socket_.get_executor()) {
        fd_ = socket_.native_handle();
        server_.counters_.connection_opened(fd_);
        server_.connection_memory_.hold(fd_);
    }
    ~Connection() { close(); }

    void start() {
        server_.live_.emplace(this, weak_from_this());
        begin_request();  // Node times a connection's first request from the connection's start
        boost::system::error_code ec;
        // Set once for every read and write: the turn reads what is there, a response is handed
        // to the kernel without waiting.
        socket_.non_blocking(true, ec);
        if (ec) return close();
        want_read();
    }

    // Ready for the connection's next bytes. Like libuv's fd in epoll: if bytes are there now,
    // it joins the ready list at once (epoll_ctl ADD of a ready fd); otherwise it is watched, and
    // joins at the tail when bytes come.
    void want_read() {
        reading_ = true;
        if (listed || watching_ || fd_ < 0) return;
        if (readable_now()) return server_.list(shared_from_this());
        watching_ = true;
        // Armed only after readable_now() said no: asio's reactor is edge-triggered and a wait
        // sees only bytes that come after it. On the one loop thread nothing runs in between.
        socket_.async_wait(tcp::socket::wait_read,
                           [self = shared_from_this()](boost::system::error_code ec) {
                               self->watching_ = false;
                               if (self->fd_ < 0) return;  // closed (which cancels the wait)
                               if (ec) return self->close();
                               if (self->reading_) self->server_.list(self);
                           });
    }

    // The loop's poll found this connection readable (EventLoopServer::run_turn): read what is
    // there, as libuv's uv__read does (up to 32 reads while each fills the buffer; its buffer is
    // 64 KiB, this one 4 KiB), and serve the request it completes, here in the turn. A gevent
    // green thread instead goes on reading its socket after each response and serves what is
    // there, until a read would block (or the server stops: nothing else runs meanwhile).
    void on_readable() {
        const bool green = server_.green_threads_;
        for (int reads = 0; (green || reads < 32) && fd_ >= 0 && reading_ && !server_.stopping_;
             reads += green ? 0 : 1) {
            boost::system::error_code ec;
            const std::size_t n = socket_.read_some(boost::asio::buffer(chunk_), ec);
            if (ec == boost::asio::error::would_block || ec == boost::asio::error::try_again)
                return;
            if (ec) return close();  // EOF is a normal close
            if (idle_) {             // the first bytes of the next request on a kept-alive one
                idle_ = false;
                begin_request();
            }
            input_.append(chunk_.data(), n);
            process_input();
            if (!green && n < chunk_.size()) return;
        }
    }

    // Readable right now, as a level-triggered epoll_wait() asks each connection on its ready
    // list: bytes, the end of the stream or an error.
    bool readable_now() const {
        pollfd p{.fd = fd_, .events = POLLIN, .revents = 0};
        return fd_ >= 0 && ::poll(&p, 1, 0) > 0;
    }

    int fd() const { return fd_; }

    // The slot on the server's ready list, while it has one (the list's order is the order in
    // which the loop serves).
    std::optional<ReadyList<Connection>::Slot> listed;

    void close() {
        if (fd_ < 0) return;
        // What the framework pays when a connection ends (Workload::connection_close_us, the
        // rest beside its accept's share), on the loop; not while the server stops.
        burn_cpu_us_unless(server_.workload_.get().connection_close_us(server_.share_at_accept_),
                           server_.stopping_);
        if (in_service_) finish_request(false);
        server_.counters_.connection_closed(fd_);  // before the fd can be reused
        server_.connection_memory_.release(fd_);
        server_.connection_released();
        server_.live_.erase(this);
        // The ready list may hold the last reference: keep this alive to the end of close().
        const std::shared_ptr<Connection> keep = server_.unlist(*this);
        fd_ = -1;
        boost::system::error_code ignored;
        io_wait_.cancel();
        stop_deadline();
        socket_.shutdown(tcp::socket::shutdown_both, ignored);
        socket_.close(ignored);
    }

private:
    // A request in service across turns (its I/O wait, or a response the kernel cannot take at
    // once): the connection reads nothing until the response is written, so that a pipelined
    // request waits behind it and a readable socket does not keep the loop spinning. (Node
    // keeps the fd in epoll meanwhile and would see a client's close at once; the model sees it
    // once the response is written.)
    void stop_reading() {
        reading_ = false;
        server_.unlist(*this);
    }

    void process_input() {
        std::size_t used = 0;
        const auto status = parser_.feed(input_, used);
        input_.erase(0, used);
        switch (status) {
            case http::RequestParser::Status::NeedMore:
                if (timing_header_ && parser_.header_done()) {
                    timing_header_ = false;  // only the request timeout goes on
                    arm_request_deadline();
                }
                if (parser_.take_continue()) return write_continue();
                return want_read();
            case http::RequestParser::Status::Bad:
                stop_deadline();
                keep_alive_ = false;
                response_ = http::make_response(parser_.error_status(), parser_.error() + "\n",
                                                false, server_.identity_);
                return write_response(false);
            case http::RequestParser::Status::Complete:
                stop_deadline();
                return handle_request();
        }
    }

    // `Expect: 100-continue`: the client waits for this before it sends the body.
    void write_continue() {
        boost::asio::async_write(
            socket_, boost::asio::buffer(http::kContinueResponse),
            [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                if (ec) return self->close();
                // Unless the body came meanwhile and its request is in service.
                if (!self->in_service_) self->want_read();
            });
    }

    void handle_request() {
        in_service_ = true;
        server_.counters_.request_began(fd_);
        keep_alive_ = parser_.keep_alive() && server_.keep_alive_;
        const RoutedRequest routed =
            route_request(parser_.method(), parser_.target(), server_.workload_.get());
        response_ = http::make_response(routed.status, routed.body, keep_alive_, server_.identity_);
        // CPU work runs right here, on the loop thread: nothing else is served meanwhile. There is
        // no GIL, so the framework's released and held parts are the same thing: loop CPU.
        const Workload& w = routed.workload;
        const double framework_us = w.overhead_released_us + w.overhead_us;
        after_response_us_ = framework_us * server_.share_after_response_;
        if (!burn_cpu_us_unless(framework_us - after_response_us_ + w.cpu_ms * 1000.0,
                                server_.stopping_)) {
            return close();
        }
        if (routed.workload.io_ms > 0) {
            stop_reading();
            io_wait_.expires_after(std::chrono::microseconds(
                static_cast<std::int64_t>(routed.workload.io_ms * 1000.0)));
            io_wait_.async_wait(
                [self = shared_from_this(), resume_us = w.resume_us](boost::system::error_code ec) {
                    if (ec) return self->close();
                    // The callback that resumes the request runs on the loop, like the rest of it.
                    if (!burn_cpu_us_unless(resume_us, self->server_.stopping_))
                        return self->close();
                    self->write_response(true);
                    // A green thread woken from its wait answers, then reads its socket at once.
                    if (self->server_.green_threads_ && self->reading_) self->on_readable();
                });
        } else {
            write_response(true);
        }
    }

    // Like Node's socket.write(): try to hand the response to the kernel right away, and only
    // wait for writability if the send buffer is full. Completing here (not in a queued handler
    // that runs after the loop's next CPU-bound request) keeps "in service" honest: the loop is
    // done with this request the moment the bytes are in the kernel.
    void write_response(bool counted) {
        boost::system::error_code ec;
        std::size_t sent = socket_.write_some(boost::asio::buffer(response_), ec);
        if (ec == boost::asio::error::would_block || ec == boost::asio::error::try_again) {
            ec = {};
            sent = 0;
        }
        if (ec || sent == response_.size()) return after_write(ec, counted);
        stop_reading();
        boost::asio::async_write(
            socket_, boost::asio::buffer(response_.data() + sent, response_.size() - sent),
            [self = shared_from_this(), counted](boost::system::error_code write_ec, std::size_t) {
                self->after_write(write_ec, counted);
            });
    }

    void after_write(boost::system::error_code ec, bool counted) {
        if (counted) finish_request(!ec);
        // The framework's work once the response is written ('finish' events, the request's
        // clean-up), on the loop before it polls or serves anything else.
        if (counted &&
            !burn_cpu_us_unless(std::exchange(after_response_us_, 0.0), server_.stopping_)) {
            return close();
        }
        if (ec || !keep_alive_) return close();
        parser_.reset();
        if (input_.empty()) {
            // Idle between requests: Node's keepAliveTimeout (socket.setTimeout) runs until the
            // next request's first byte.
            idle_ = true;
            if (server_.timeouts_.keepalive_s > 0) {
                arm_deadline(
                    SteadyClock::now() + event_loop_detail::seconds(server_.timeouts_.keepalive_s),
                    true);
            }
        } else {
            begin_request();  // a pipelined request is already here
        }
        process_input();
    }

    // A request begins: Node's headersTimeout and requestTimeout count from here.
    void begin_request() {
        request_start_ = SteadyClock::now();
        timing_header_ = server_.timeouts_.header_s > 0;
        arm_request_deadline();
    }

    void arm_request_deadline() {
        const std::optional<double> limit_s = server_.request_time_limit_s(timing_header_);
        if (!limit_s) return stop_deadline();
        arm_deadline(request_start_ + event_loop_detail::seconds(*limit_s), false);
    }

    // One timer per connection for whichever deadline applies now. The generation tells a
    // handler that was already queued when its deadline was replaced to do nothing.
    void arm_deadline(SteadyClock::time_point at, bool keepalive) {
        const std::uint64_t generation = ++deadline_generation_;
        deadline_keepalive_ = keepalive;
        deadline_.expires_at(at);
        deadline_.async_wait([self = shared_from_this(), generation](boost::system::error_code ec) {
            if (ec || generation != self->deadline_generation_ || self->fd_ < 0) return;
            self->deadline_passed();
        });
    }

    void stop_deadline() {
        ++deadline_generation_;
        deadline_.cancel();
    }

    void deadline_passed() {
        if (!deadline_keepalive_) {
            // Node answers 408 and closes; best effort, like its socket.write() before destroy.
            boost::system::error_code ec;
            socket_.write_some(boost::asio::buffer(http::kRequestTimeoutResponse), ec);
        }
        close();
    }

    void finish_request(bool written) {
        in_service_ = false;
        server_.counters_.request_ended(fd_, written);
    }

    EventLoopServer& server_;
    tcp::socket socket_;
    boost::asio::steady_timer io_wait_;
    boost::asio::steady_timer deadline_;
    std::uint64_t deadline_generation_ = 0;
    bool deadline_keepalive_ = false;  // the armed deadline is the idle one (close, no 408)
    SteadyClock::time_point request_start_{};
    bool timing_header_ = false;  // the header block of the current request is still due
    bool idle_ = false;           // between requests on a kept-alive connection
    int fd_ = -1;
    std::array<char, 4096> chunk_{};
    std::string input_;
    std::string response_;
    http::RequestParser parser_;
    bool keep_alive_ = true;
    bool in_service_ = false;
    double after_response_us_ = 0;  // the framework's cost still due once the response is out
    bool reading_ = true;           // wants its next bytes (see stop_reading())
    bool watching_ = false;         // an async_wait for readability is pending
};

}  // namespace conclab
