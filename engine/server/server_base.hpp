#pragma once
// What both in-process server models share apart from how they schedule the work: the accepting
// side (a ConnectionAcceptor on an io_context that one thread of the model runs), the counters,
// the live workload, the timeouts and keep-alive setting, the heartbeat timer, and the order in
// which stop() closes all that. What differs (the event loop's handlers on that one thread; the
// GIL model's poller, pool and lock) stays in each model's class.

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include "server/connection_acceptor.hpp"
#include "server/connection_memory.hpp"
#include "server/server.hpp"
#include "server/server_counters.hpp"
#include "workload/live_workload.hpp"

namespace conclab {

class ServerBase : public Server {
public:
    // Before start(): memory held for each open connection (ConnectionMemory), 0 = none.
    void set_memory_per_connection_kb(int kib) { connection_memory_.set_kib(kib); }
    void adopt_connection(UniqueFd fd, std::function<void()> taken) final;
    void stop_accepting() final;
    void set_workload(const Workload& workload) final;
    ServerStats stats() final;
    void sample_waiting() final;

protected:
    // How often the serving side shows it is free (ServerStats::heartbeat_us).
    static constexpr std::chrono::milliseconds kHeartbeat{100};

    // `timeouts` as resolved(): 0 = none. keep_alive false: Connection: close on every response,
    // then close (see ServerConfig).
    ServerBase(Model model, const Workload& workload, const ServerTimeouts& timeouts,
               bool keep_alive);

    // On the I/O thread, for every connection accepted or adopted.
    virtual void serve_new_socket(boost::asio::ip::tcp::socket socket) = 0;
    // Whether the heartbeat timer beats for the model. It runs on the I/O thread only when that
    // thread is free; a model whose serving happens elsewhere may beat from there instead.
    virtual bool heartbeat_timer_beats() { return true; }

    // Server::start(): accepting on `listen_fd`, the heartbeat timer, then the I/O thread (named
    // `thread_name`), whose body is `run` (io_.run(), or something that runs it).
    void start_io(UniqueFd listen_fd, const std::string& thread_name, std::function<void()> run);
    // In the model's constructor: the most connections served at once (worker_connections), 0 =
    // unlimited; the acceptor stops accepting while it holds that many.
    void limit_connections(int limit) { acceptor_.set_connection_limit(limit); }
    // In the model's constructor, or later on the I/O thread: accept one connection per turn of
    // the model's main loop, which then calls accept_again() on the I/O thread
    // (ConnectionAcceptor::set_one_accept_per_turn).
    void set_one_accept_per_turn(bool on) { acceptor_.set_one_accept_per_turn(on); }
    void accept_again() { acceptor_.accept_again(); }
    // Any thread, once per connection given to serve_new_socket() when it closes: one more may
    // be accepted. Nothing while stopping.
    void connection_released() {
        if (!stopping_) acceptor_.release();
    }
    // True the first time only: stop() is idempotent.
    bool mark_stopped();
    // Queues on the I/O thread: close the acceptor, cancel the heartbeat, then `also` (close
    // what the model keeps there), so that the io_context runs out of work.
    void close_io(std::function<void()> also = {});
    // Waits for the I/O thread to run out of work; if it never started, runs the queued clean-up
    // on this thread.
    void join_io();

    // When the request being read must be complete, in seconds from its start (its first byte,
    // or the connection's start for the first one): the header timeout while the header block is
    // still due, the request timeout always, whichever ends first. nullopt = no limit.
    std::optional<double> request_time_limit_s(bool header_pending) const;

    // Declared before the io_context (a base is constructed first and destroyed last): handlers
    // still queued when it is destroyed own connections that use these.
    ServerCounters counters_;
    ConnectionMemory connection_memory_;  // --memory-per-connection-kb, held per open connection
    const std::string identity_;          // the Server header (server_identity())
    LiveWorkload workload_;
    const ServerTimeouts timeouts_;
    const bool keep_alive_;
    std::atomic<bool> stopping_{false};  // interrupts CPU burns and waits
    boost::asio::io_context io_;

private:
    void beat_when_free();

    bool stopped_ = false;
    ConnectionAcceptor acceptor_{
        io_, [this](boost::asio::ip::tcp::socket socket) { serve_new_socket(std::move(socket)); },
        [this](const std::string& e) { counters_.accept_failed(e); }};
    // Fires on the I/O thread every kHeartbeat: it runs only when that thread is free, so the
    // heartbeat's age is how long it has been blocked.
    boost::asio::steady_timer heartbeat_{io_};
    std::thread io_thread_;
};

}  // namespace conclab
