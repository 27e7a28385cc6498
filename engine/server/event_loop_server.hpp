#pragma once
// The event-loop model (Node.js / Express): one thread runs a Boost.Asio io_context. Reads,
// writes and the I/O wait (a timer) overlap freely; handler CPU work runs on the loop thread and
// blocks every other connection until it returns. Node's three timeouts close what a client
// never finishes (headersTimeout, requestTimeout: 408) or leaves idle (keepAliveTimeout).

#include <memory>
#include <unordered_map>

#include <boost/asio/ip/tcp.hpp>

#include "server/loop_monitor.hpp"
#include "server/ready_list.hpp"
#include "server/server_base.hpp"

namespace conclab {

class EventLoopServer final : public ServerBase {
public:
    // `timeouts` as resolved(): 0 = none. keep_alive false: Connection: close on every response,
    // then close (see ServerConfig). connection_limit: the most connections served at once
    // (worker_connections), 0 = unlimited. kind: libuv's turns, or gevent's green threads that
    // serve a connection's next request at once when it is already there.
    EventLoopServer(const Workload& workload, const ServerTimeouts& timeouts, bool keep_alive,
                    int connection_limit, EventLoopKind kind = EventLoopKind::Libuv);
    ~EventLoopServer() override;

    void start(UniqueFd listen_fd) override;
    void stop() override;
    Result<> set_threads(int threads) override;
    ServerInternals internals() override;

private:
    class Connection;
    void serve_new_socket(boost::asio::ip::tcp::socket socket) override;
    // The ready list (ReadyList): a connection joins it at the tail when it turns readable and
    // leaves it when it closes, stops reading, or is not readable at a turn's poll; run_turn()
    // serves the list in order.
    void list(std::shared_ptr<Connection> connection);
    // Returns the list's reference to `connection` (see ReadyList::leave).
    std::shared_ptr<Connection> unlist(Connection& connection);
    void run_turn();
    void schedule_turn();  // one run_turn() queued at a time

    // gevent: after its response a connection's green thread reads its socket again at once and
    // serves what is there without going back to the loop. On real gunicorn -k gevent, CPU-bound
    // (2 ms) at 10, 100 and 1,000 connections, p50 was 2.3 ms: a few connections served back to
    // back while their clients kept up, the others waiting.
    const bool green_threads_;
    // The share of the framework's cost per request paid once the response is written.
    const double share_after_response_;
    // The share of the framework's cost of a new connection paid when it is accepted, before
    // the next accept; the rest is paid when it closes (see serve_new_socket).
    const double share_at_accept_;
    LoopMonitor monitor_{io_};  // loop delay and utilisation, as Node's perf_hooks
    // Open connections, touched only on the loop thread; stop() closes them all, so it is empty
    // before the base's io_context (and any handler still queued there) goes.
    std::unordered_map<Connection*, std::weak_ptr<Connection>> live_;
    // Loop thread only. It owns its connections until they leave it (close() takes them off).
    ReadyList<Connection> ready_;
    bool turn_pending_ = false;  // a run_turn() is queued
};

}  // namespace conclab
