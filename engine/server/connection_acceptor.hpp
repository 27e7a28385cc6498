#pragma once
// The accepting side every server model shares — and the process-per-core primary, which
// accepts to hand connections round-robin to its workers: accept on the listening socket, back
// off and report when accept() fails (out of file descriptors, say) without dropping the
// connections already served, and take connections handed over by a round-robin primary.
// With a connection limit (gevent's and nginx's worker_connections) it stops accepting while it
// holds that many connections and starts again when one closes, as gevent's StreamServer does
// with its pool and nginx with ngx_accept_disabled: the others wait in the kernel's accept queue
// (or, handed over by a primary, in a queue of their own) without being read.

#include <deque>
#include <functional>
#include <optional>
#include <string>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include "core/unique_fd.hpp"

namespace conclab {

class ConnectionAcceptor {
public:
    using OnSocket = std::function<void(boost::asio::ip::tcp::socket)>;
    using OnAcceptError = std::function<void(const std::string& message)>;

    // Both run on the io_context's thread: `on_socket` for every new connection, `on_error` when
    // accept() fails (it is retried after a pause).
    ConnectionAcceptor(boost::asio::io_context& io, OnSocket on_socket, OnAcceptError on_error);

    // Before start(): the most connections served at once; 0 = unlimited.
    void set_connection_limit(int limit) { limit_ = limit; }
    // Before start(), or on the io_context's thread: accept one connection, then wait for
    // accept_again() before the next, as a main loop that calls accept() once per turn does
    // (gunicorn's gthread worker). Turned off, accept_again() starts the usual chain again.
    // (Accepting again after the connection limit let go of it takes one without a turn.)
    void set_one_accept_per_turn(bool on) { one_per_turn_ = on; }
    // On the io_context's thread, with one accept per turn: the turn is over, accept the next
    // connection when one is there (nothing if an accept is pending, the limit is reached or the
    // acceptor is closed).
    void accept_again();

    // Takes ownership of a listening socket, or with an empty one accepts nothing itself
    // (connections then arrive through adopt()). Either way the io_context keeps running until
    // close(). Throws when asio cannot take the socket (it is closed then).
    void start(UniqueFd listen_fd);
    // Any thread: serve an already accepted descriptor; `taken` then runs on the io_context's
    // thread, behind whatever work the loop had queued. Adopted after close(), it is closed.
    void adopt(UniqueFd fd, std::function<void()> taken = {});
    // Any thread: a connection given to `on_socket` has closed (counts against the limit).
    void release();
    // Any thread: accept no more; connections already served go on.
    void stop_accepting();
    // On the io_context's thread: close everything and let the context run out of work.
    void close();

private:
    void accept_next();
    void close_acceptor();
    void serve(boost::asio::ip::tcp::socket socket);
    void serve_adopted(UniqueFd fd);
    bool full() const { return limit_ > 0 && open_ >= limit_; }

    boost::asio::io_context& io_;
    OnSocket on_socket_;
    OnAcceptError on_error_;
    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::steady_timer retry_;
    // The limit's state, touched only on the io_context's thread.
    int limit_ = 0;
    int open_ = 0;
    bool paused_ = false;  // accept_next() is not pending because the limit was reached
    bool one_per_turn_ = false;
    bool pending_ = false;              // an async_accept is outstanding
    bool backing_off_ = false;          // after a failed accept(), retry_ runs
    std::deque<UniqueFd> handed_over_;  // adopted while full: served as connections close
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
};

}  // namespace conclab
