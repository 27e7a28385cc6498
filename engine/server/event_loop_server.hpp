#pragma once
// The event-loop model (Node.js / Express): one thread runs a Boost.Asio io_context. Reads,
// writes and the I/O wait (a timer) overlap freely; handler CPU work runs on the loop thread and
// blocks every other connection until it returns. Node's three timeouts close what a client
// never finishes (headersTimeout, requestTimeout: 408) or leaves idle (keepAliveTimeout).

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include "server/connection_acceptor.hpp"
#include "server/loop_monitor.hpp"
#include "server/server.hpp"
#include "server/server_counters.hpp"
#include "workload/live_workload.hpp"

namespace conclab {

class EventLoopServer final : public Server {
public:
    // `timeouts` as resolved(): 0 = none. keep_alive false: Connection: close on every response,
    // then close (see ServerConfig). connection_limit: the most connections served at once
    // (worker_connections), 0 = unlimited.
    EventLoopServer(const Workload& workload, const ServerTimeouts& timeouts, bool keep_alive,
                    int connection_limit);
    ~EventLoopServer() override;

    void start(int listen_fd) override;
    void adopt_connection(int fd) override;
    void stop_accepting() override;
    void stop() override;
    void set_workload(const Workload& workload) override;
    std::string set_threads(int threads) override;
    ServerStats stats() override;
    void sample_waiting() override;
    ServerInternals internals() override;

private:
    class Connection;
    void serve_new_socket(boost::asio::ip::tcp::socket socket);
    void beat_when_free();

    // Declared before the io_context: handlers still queued when it is destroyed own connections
    // whose destructors use these.
    ServerCounters counters_;
    std::string identity_;
    LiveWorkload workload_;
    const ServerTimeouts timeouts_;
    const bool keep_alive_;
    std::atomic<bool> stopping_{false};
    bool stopped_ = false;

    boost::asio::io_context io_;
    LoopMonitor monitor_{io_};  // loop delay and utilisation, as Node's perf_hooks
    ConnectionAcceptor acceptor_{
        io_, [this](boost::asio::ip::tcp::socket socket) { serve_new_socket(std::move(socket)); },
        [this](const std::string& e) { counters_.accept_failed(e); }};
    // Open connections, touched only on the loop thread; stop() closes them all.
    std::unordered_map<Connection*, std::weak_ptr<Connection>> live_;
    // Fires on the loop every kHeartbeat: it runs only when the loop is free, so the heartbeat's
    // age is how long the loop has been blocked.
    boost::asio::steady_timer heartbeat_{io_};
    std::thread loop_thread_;
};

}  // namespace conclab
