#include "server/gil_thread_server.hpp"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <iterator>
#include <optional>
#include <utility>

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

#include "core/clocks.hpp"
#include "core/thread_name.hpp"
#include "http/request_parser.hpp"
#include "http/response.hpp"
#include "server/request_router.hpp"
#include "workload/cpu_burn.hpp"

namespace conclab {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

std::int64_t to_ns(double seconds) {
    return static_cast<std::int64_t>(seconds * 1e9);
}

// Blocks until `fd` is readable or the deadline (monotonic ns; 0 = none) has passed; false when
// it passed. Like a socket timeout in Python: the blocking recv() with a limit.
bool readable_before(int fd, std::int64_t deadline_ns) {
    if (deadline_ns == 0) return true;
    for (;;) {
        const std::int64_t left_ns = deadline_ns - monotonic_ns();
        if (left_ns <= 0) return false;
        pollfd p{fd, POLLIN, 0};
        const auto ms = std::min<std::int64_t>((left_ns + 999'999) / 1'000'000, INT_MAX);
        const int n = ::poll(&p, 1, static_cast<int>(ms));
        if (n > 0 || (n < 0 && errno != EINTR)) return true;  // the read reports any error
    }
}

}  // namespace

struct GilThreadServer::Connection {
    explicit Connection(tcp::socket s)
        : socket(std::move(s)), fd(socket.native_handle()), opened_ns(monotonic_ns()) {}
    tcp::socket socket;
    int fd;
    std::int64_t opened_ns;
    std::string input;  // bytes read but not yet parsed (a pipelined next request)
    http::RequestParser parser;
    bool closed = false;
    bool had_request = false;  // a request has been read: the next one follows a response
    bool in_service = false;   // a thread holds a request of this connection (begin_service)
    // Handed to the pool by gthread's main loop, its future not yet done (futures_pending_). Set
    // by the poller before the queue's mutex, cleared by the pool thread that served it.
    bool submitted = false;
    // Poller thread only: the keep-alive timer, and whether the poller is watching the socket.
    std::optional<asio::steady_timer> idle_timer;
    bool watching = false;
};

GilThreadServer::GilThreadServer(const Workload& workload, int threads, double switch_interval_ms,
                                 const ServerTimeouts& timeouts, bool keep_alive,
                                 int connection_limit)
    : ServerBase(Model::GilThreads, workload, timeouts, keep_alive),
      gil_(std::chrono::microseconds(static_cast<std::int64_t>(switch_interval_ms * 1000.0))),
      thread_per_connection_(threads == 0),
      main_loop_turns_(threads > 1),
      pool_size_(threads) {
    limit_connections(connection_limit);
    set_one_accept_per_turn(main_loop_turns_);
}

GilThreadServer::~GilThreadServer() {
    stop();
}

void GilThreadServer::start(UniqueFd listen_fd) {
    start_io(std::move(listen_fd), "cl-gil-accept", [this] { io_.run(); });
    MutexLock lock(queue_mutex_);
    for (int i = 0; i < pool_size_; ++i) add_pool_thread_locked(i);
}

void GilThreadServer::add_pool_thread_locked(int index) {
    PoolThread& entry = pool_threads_.emplace_back();
    entry.thread = std::thread([this, index, &entry] { pool_thread_main(index, entry); });
}

void GilThreadServer::join_exited_pool_threads() {
    std::list<PoolThread> exited;
    {
        MutexLock lock(queue_mutex_);
        for (auto it = pool_threads_.begin(); it != pool_threads_.end();) {
            const auto next = std::next(it);
            if (it->exited) exited.splice(exited.end(), pool_threads_, it);
            it = next;
        }
    }
    // They have marked themselves and are returning: each join waits microseconds at most.
    for (PoolThread& entry : exited) entry.thread.join();
}

int GilThreadServer::pool_threads_held() {
    MutexLock lock(queue_mutex_);
    return static_cast<int>(pool_threads_.size());
}

void GilThreadServer::serve_new_socket(tcp::socket socket) {
    auto connection = std::make_shared<Connection>(std::move(socket));
    counters_.connection_opened(connection->fd);
    connection_memory_.hold(connection->fd);
    if (main_loop_turns_) {
        turn_accepted_.push_back(std::move(connection));
        return schedule_turn();
    }
    // The framework's cost of a new connection (Workload::connection_accept_us): Python on the
    // accepting thread, under the GIL, before it accepts the next.
    if (const double connection_us = workload_.get().connection_accept_us(); connection_us > 0) {
        if (!gil_.acquire()) return close_connection(*connection);
        if (!run_cpu_holding_gil(gil_, connection_us)) return close_connection(*connection);
        gil_.release();
    }
    if (!thread_per_connection_) return watch_idle(connection, false);
    start_connection_thread(connection);
}

// Like gthread's poller: an idle keep-alive connection costs no thread; once it is readable it
// queues for the pool. After a response the keep-alive timeout runs meanwhile (gthread's
// murder_keepalived(): the connection is closed, nothing is written).
void GilThreadServer::watch_idle(const ConnectionPtr& connection, bool after_response) {
    connection->watching = true;
    if (after_response && timeouts_.keepalive_s > 0) {
        if (!connection->idle_timer) connection->idle_timer.emplace(io_);
        connection->idle_timer->expires_after(
            std::chrono::nanoseconds(to_ns(timeouts_.keepalive_s)));
        connection->idle_timer->async_wait([connection](boost::system::error_code ec) {
            if (ec || !connection->watching) return;
            boost::system::error_code ignored;
            connection->socket.cancel(ignored);  // the wait below ends and closes it
        });
    }
    connection->socket.async_wait(tcp::socket::wait_read,
                                  [this, connection](boost::system::error_code ec) {
                                      connection->watching = false;
                                      if (connection->idle_timer) connection->idle_timer->cancel();
                                      if (ec || stopping_) return close_connection(*connection);
                                      if (main_loop_turns_) {
                                          turn_readable_.push_back(connection);
                                          return schedule_turn();
                                      }
                                      MutexLock lock(queue_mutex_);
                                      ready_.push_back(connection);
                                      queue_cv_.notify_one();
                                  });
}

void GilThreadServer::submit(ConnectionPtr connection) {
    connection->submitted = true;
    futures_pending_.fetch_add(1, std::memory_order_relaxed);
    {
        MutexLock lock(queue_mutex_);
        ready_.push_back(std::move(connection));
    }
    queue_cv_.notify_one();
}

bool GilThreadServer::heartbeat_timer_beats() {
    MutexLock lock(queue_mutex_);
    return pool_size_ != 1;  // a sync worker's one pool thread beats itself
}

void GilThreadServer::pool_thread_main(int index, PoolThread& self) {
    set_thread_name("cl-gil-" + std::to_string(index));
    for (;;) {
        ConnectionPtr connection;
        {
            MutexLock lock(queue_mutex_);
            // A sync worker (a pool of one) beats whenever its one thread is free, as gunicorn's
            // calls notify() each time round its loop, also while it waits for a connection.
            const auto work = [&]() REQUIRES(queue_mutex_) {
                return stopping_ || exit_tokens_ > 0 || !ready_.empty();
            };
            do {
                if (pool_size_ == 1) counters_.beat();
            } while (!lock.wait_for(queue_cv_, kHeartbeat, work));
            if (stopping_) return;
            if (exit_tokens_ > 0) {
                --exit_tokens_;
                self.exited = true;
                // The poller joins it (stop() joins whatever is left if it never gets to).
                asio::post(io_, [this] { join_exited_pool_threads(); });
                return;
            }
            connection = std::move(ready_.front());
            ready_.pop_front();
        }
        Outcome outcome = serve_one_request(*connection);
        // Pipelined requests already read are served at once; otherwise back to the poller.
        while (outcome == Outcome::KeepAlive && !connection->input.empty() && !stopping_) {
            outcome = serve_one_request(*connection);
        }
        if (std::exchange(connection->submitted, false)) {
            futures_pending_.fetch_sub(1, std::memory_order_relaxed);  // its future is done
        }
        if (outcome == Outcome::Close || stopping_) {
            close_after_serving(*connection);
        } else {
            asio::post(io_, [this, connection] { watch_idle(connection, true); });
        }
    }
}

std::int64_t GilThreadServer::read_deadline_ns(const Connection& connection,
                                               std::int64_t request_start_ns) {
    if (request_start_ns == 0) {  // no byte of the next request yet: idle after a response
        return timeouts_.keepalive_s > 0 ? monotonic_ns() + to_ns(timeouts_.keepalive_s) : 0;
    }
    const std::optional<double> limit_s = request_time_limit_s(!connection.parser.header_done());
    return limit_s ? request_start_ns + to_ns(*limit_s) : 0;
}

bool GilThreadServer::read_request(Connection& connection) {
    // Reading and parsing the request: blocking socket calls release the GIL in CPython, and the
    // framework's parsing cost is part of overhead_us (serve_one_request). The request's clock
    // starts with its first byte; a connection's first request is timed from the connection's
    // start, as Node does.
    std::int64_t request_start_ns = !connection.input.empty() ? monotonic_ns()
                                    : connection.had_request  ? 0
                                                              : connection.opened_ns;
    // The thread is taken by this request from its first byte in hand: a slow client holds it
    // in recv() for as long as it dribbles, and that thread serves nobody else (see server.hpp).
    if (!connection.input.empty()) begin_service(connection);
    for (;;) {
        std::size_t used = 0;
        const auto status = connection.parser.feed(connection.input, used);
        connection.input.erase(0, used);
        if (status == http::RequestParser::Status::Complete) return true;
        if (status == http::RequestParser::Status::Bad) {
            const std::string response =
                http::make_response(connection.parser.error_status(),
                                    connection.parser.error() + "\n", false, identity_);
            boost::system::error_code ignored;
            asio::write(connection.socket, asio::buffer(response), ignored);
            return false;
        }
        boost::system::error_code ec;
        if (connection.parser.take_continue()) {
            // `Expect: 100-continue`: the client waits for this before it sends the body.
            asio::write(connection.socket, asio::buffer(http::kContinueResponse), ec);
            if (ec) return false;
        }
        if (!readable_before(connection.fd, read_deadline_ns(connection, request_start_ns))) {
            // Idle too long: close. A request begun but not finished in time: 408, as Node.
            if (request_start_ns != 0) {
                asio::write(connection.socket, asio::buffer(http::kRequestTimeoutResponse), ec);
            }
            return false;
        }
        std::array<char, 4096> chunk;
        const std::size_t n = connection.socket.read_some(asio::buffer(chunk), ec);
        if (ec) return false;  // EOF between requests is a normal close
        if (request_start_ns == 0) request_start_ns = monotonic_ns();
        connection.input.append(chunk.data(), n);
        begin_service(connection);
    }
}

void GilThreadServer::begin_service(Connection& connection) {
    if (connection.in_service) return;
    connection.in_service = true;
    counters_.request_began(connection.fd);
}

void GilThreadServer::end_service(Connection& connection, bool written) {
    if (!connection.in_service) return;
    connection.in_service = false;
    counters_.request_ended(connection.fd, written);
}

GilThreadServer::Outcome GilThreadServer::serve_one_request(Connection& connection) {
    if (!read_request(connection)) {
        end_service(connection, false);  // a request begun and never finished: abandoned
        return Outcome::Close;
    }
    connection.had_request = true;

    begin_service(connection);  // a request complete in the first read is in hand already
    const bool keep_alive = connection.parser.keep_alive() && keep_alive_;
    const RoutedRequest routed =
        route_request(connection.parser.method(), connection.parser.target(), workload_.get());
    connection.parser.reset();
    auto abandon = [&] {
        end_service(connection, false);
        return Outcome::Close;
    };

    // The server's own system calls and thread start-up run without the GIL, in parallel with
    // whoever holds it (CPython releases the lock around each of them).
    if (!burn_cpu_us_unless(routed.workload.overhead_released_us, stopping_)) return abandon();
    // Framework and handler code: Python bytecode, so only with the GIL.
    if (!gil_.acquire()) return abandon();
    if (!run_cpu_holding_gil(gil_, routed.workload.overhead_us + routed.workload.cpu_ms * 1000.0)) {
        return abandon();
    }
    if (routed.workload.io_ms > 0) {
        // A downstream call: the GIL is released around the blocking wait and re-taken after,
        // which is where an I/O-bound thread queues behind a CPU-bound one (the convoy effect).
        gil_.release();
        if (!wait_for_io(routed.workload.io_ms)) return abandon();
        if (!gil_.acquire()) return abandon();
        if (!run_cpu_holding_gil(gil_, routed.workload.resume_us)) return abandon();
    }
    gil_.release();  // sendall() releases it around the system call

    const std::string response =
        http::make_response(routed.status, routed.body, keep_alive, identity_);
    boost::system::error_code ec;
    asio::write(connection.socket, asio::buffer(response), ec);
    end_service(connection, !ec);
    if (ec) return Outcome::Close;
    return keep_alive ? Outcome::KeepAlive : Outcome::Close;
}

bool GilThreadServer::wait_for_io(double io_ms) {
    const auto until = std::chrono::steady_clock::now() +
                       std::chrono::microseconds(static_cast<std::int64_t>(io_ms * 1000.0));
    MutexLock lock(stop_mutex_);
    return !lock.wait_until(stop_cv_, until, [&] { return stopping_.load(); });
}

void GilThreadServer::close_after_serving(Connection& connection) {
    // What the framework pays when a connection ends (Workload::connection_close_us): Python on
    // the thread that served it, under the GIL; not while the server stops.
    const double close_us = workload_.get().connection_close_us();
    if (close_us > 0 && !connection.closed && !stopping_ && gil_.acquire()) {
        if (run_cpu_holding_gil(gil_, close_us)) gil_.release();
    }
    close_connection(connection);
}

void GilThreadServer::close_connection(Connection& connection) {
    // The poller and a pool thread never hold the same connection at once, so no lock is needed;
    // the registry entry goes before the fd so that it cannot be reused while registered.
    if (connection.closed) return;
    connection.closed = true;
    counters_.connection_closed(connection.fd);
    connection_memory_.release(connection.fd);
    connection_released();
    boost::system::error_code ignored;
    connection.socket.shutdown(tcp::socket::shutdown_both, ignored);
    connection.socket.close(ignored);
}

void GilThreadServer::stop() {
    if (!mark_stopped()) return;
    {
        MutexLock queue_lock(queue_mutex_);
        MutexLock stop_lock(stop_mutex_);
        stopping_ = true;
    }
    queue_cv_.notify_all();
    stop_cv_.notify_all();
    {
        MutexLock lock(started_mutex_);  // the accept loop may wait for a thread's start
    }
    started_cv_.notify_all();
    gil_.shutdown();
    close_io();
    counters_.shutdown_all_connections();  // unblocks blocking reads and writes
    std::list<PoolThread> pool;
    {
        MutexLock lock(queue_mutex_);
        pool.swap(pool_threads_);  // a join the poller may still run finds none of these
    }
    for (PoolThread& entry : pool) entry.thread.join();
    {
        MutexLock lock(connection_threads_mutex_);
        for (auto& entry : connection_threads_) entry.thread.join();
        connection_threads_.clear();
    }
    // Idle connections watched by the poller see their shut-down sockets as readable and close;
    // with the acceptor closed too, the poller runs out of work and its run() returns.
    join_io();
    std::deque<ConnectionPtr> queued;
    {
        MutexLock lock(queue_mutex_);
        queued.swap(ready_);
    }
    for (auto& connection : queued) close_connection(*connection);
}

Result<> GilThreadServer::set_threads(int threads) {
    if (thread_per_connection_ || threads == 0) {
        return Failure{
            "switching between a thread pool and one thread per connection needs a new run"};
    }
    if (threads < 1 || threads > Limits::kMaxThreads) {
        return Failure{"threads must be 0.." + std::to_string(Limits::kMaxThreads)};
    }
    MutexLock lock(queue_mutex_);
    if (stopping_) return Failure{"the server is stopping"};
    const int live = pool_size_;
    if (threads > live) {
        for (int i = live; i < threads; ++i) add_pool_thread_locked(i);
    } else if (threads < live) {
        exit_tokens_ += live - threads;
        queue_cv_.notify_all();
    }
    pool_size_ = threads;
    // Between a sync worker (one thread) and a gthread pool: the main loop comes or goes, on the
    // poller thread, which alone reads the mode.
    if ((live > 1) != (threads > 1)) {
        asio::post(io_, [this, turns = threads > 1] { set_main_loop_turns(turns); });
    }
    return {};
}

ServerInternals GilThreadServer::internals() {
    return {.loop = std::nullopt, .gil = gil_.stats()};
}

}  // namespace conclab
