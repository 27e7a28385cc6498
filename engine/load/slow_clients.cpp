#include "load/slow_clients.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>

#include "core/thread_name.hpp"

namespace conclab {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

// After the request's beginning, this byte for ever: the value of a header that never ends.
constexpr char kFiller = 'a';

}  // namespace

struct SlowClients::Impl {
    // One slow client; touched only on the thread that runs `io`.
    struct Client {
        explicit Client(asio::io_context& io) : socket(io) {}
        tcp::socket socket;
        enum class State { Closed, Connecting, Open } state = State::Closed;
        std::size_t sent = 0;          // bytes of the request sent on this connection
        std::uint32_t generation = 0;  // bumped on close: completions for older sockets are stale
        std::array<char, 512> sink{};  // whatever the server answers (a 408) is read and dropped
    };

    LoadTarget target;
    int connections;
    std::chrono::milliseconds interval;
    tcp::endpoint endpoint;
    std::string request_start;  // "GET / HTTP/1.1\r\nHost: …\r\nX-Slow: "

    asio::io_context io;
    asio::steady_timer tick{io};
    std::vector<std::unique_ptr<Client>> clients;
    std::thread thread;
    bool started = false;

    std::atomic<int> open{0};
    std::atomic<int> open_max{0};
    std::atomic<std::uint64_t> connects{0};
    std::atomic<std::uint64_t> closed_by_server{0};
    std::atomic<std::uint64_t> bytes_sent{0};

    void on_tick() {
        for (auto& client : clients) {
            if (client->state == Client::State::Closed) {
                connect(*client);
            } else if (client->state == Client::State::Open) {
                send_one_byte(*client);
            }
        }
        tick.expires_after(interval);
        tick.async_wait([this](boost::system::error_code ec) {
            if (!ec) on_tick();
        });
    }

    void connect(Client& client) {
        client.state = Client::State::Connecting;
        client.sent = 0;
        const std::uint32_t generation = client.generation;
        client.socket.async_connect(
            endpoint, [this, &client, generation](boost::system::error_code ec) {
                if (generation != client.generation) return;
                if (ec) return close(client, false);  // tried again on the next tick
                client.state = Client::State::Open;
                connects.fetch_add(1, std::memory_order_relaxed);
                const int now = open.fetch_add(1, std::memory_order_relaxed) + 1;
                int peak = open_max.load(std::memory_order_relaxed);
                while (now > peak && !open_max.compare_exchange_weak(peak, now)) {
                }
                watch_for_close(client);
                send_one_byte(client);  // half a request line from the first moment on
            });
    }

    // Anything from the server — a 408, an EOF, a reset — means it has given up on us.
    void watch_for_close(Client& client) {
        const std::uint32_t generation = client.generation;
        client.socket.async_read_some(
            asio::buffer(client.sink),
            [this, &client, generation](boost::system::error_code ec, std::size_t) {
                if (generation != client.generation) return;
                if (!ec) return watch_for_close(client);  // read to the end of what it says
                close(client, true);
            });
    }

    void send_one_byte(Client& client) {
        const char* byte =
            client.sent < request_start.size() ? &request_start[client.sent] : &kFiller;
        const std::uint32_t generation = client.generation;
        asio::async_write(client.socket, asio::buffer(byte, 1),
                          [this, &client, generation](boost::system::error_code ec, std::size_t) {
                              if (generation != client.generation) return;
                              if (ec) return close(client, true);
                              ++client.sent;
                              bytes_sent.fetch_add(1, std::memory_order_relaxed);
                          });
    }

    void close(Client& client, bool by_server) {
        if (client.state == Client::State::Open) {
            open.fetch_sub(1, std::memory_order_relaxed);
            if (by_server) closed_by_server.fetch_add(1, std::memory_order_relaxed);
        }
        client.state = Client::State::Closed;
        ++client.generation;
        boost::system::error_code ignored;
        client.socket.close(ignored);
    }
};

SlowClients::SlowClients(LoadTarget target, int connections,
                         std::chrono::milliseconds byte_interval)
    : impl_(std::make_unique<Impl>()) {
    impl_->target = std::move(target);
    impl_->connections = connections;
    impl_->interval = std::max(byte_interval, std::chrono::milliseconds(1));
}

SlowClients::~SlowClients() {
    stop();
}

void SlowClients::start() {
    Impl& d = *impl_;
    if (d.started) return;
    d.endpoint = resolve_target(d.target);
    const bool v6_literal = d.target.host.find(':') != std::string::npos;
    const std::string host = v6_literal ? "[" + d.target.host + "]" : d.target.host;
    d.request_start = "GET " + (d.target.path.empty() ? std::string("/") : d.target.path) +
                      " HTTP/1.1\r\nHost: " + host + ":" + std::to_string(d.target.port) +
                      "\r\nX-Slow: ";
    for (int i = 0; i < d.connections; ++i)
        d.clients.push_back(std::make_unique<Impl::Client>(d.io));
    d.started = true;
    asio::post(d.io, [&d] { d.on_tick(); });
    d.thread = std::thread([&d] {
        set_thread_name("cl-slow");
        d.io.run();
    });
}

void SlowClients::stop() {
    Impl& d = *impl_;
    if (!d.started) return;
    d.started = false;
    // Nothing of theirs is worth waiting for: stop the loop, then close from here.
    d.io.stop();
    if (d.thread.joinable()) d.thread.join();
    for (auto& client : d.clients) {
        boost::system::error_code ignored;
        client->socket.close(ignored);
    }
    d.open.store(0, std::memory_order_relaxed);
}

SlowClientsTick SlowClients::collect() {
    Impl& d = *impl_;
    SlowClientsTick t;
    t.open = d.open.load(std::memory_order_relaxed);
    t.open_max = std::max(t.open, d.open_max.exchange(t.open, std::memory_order_relaxed));
    t.connects = d.connects.exchange(0, std::memory_order_relaxed);
    t.closed_by_server = d.closed_by_server.exchange(0, std::memory_order_relaxed);
    t.bytes_sent = d.bytes_sent.exchange(0, std::memory_order_relaxed);
    return t;
}

}  // namespace conclab
