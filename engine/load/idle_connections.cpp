#include "load/idle_connections.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <optional>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>

#include "core/discard_body.hpp"
#include "core/thread_name.hpp"
#include "load/source_addresses.hpp"

namespace conclab {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using asio::ip::tcp;
using boost::system::error_code;

namespace {

constexpr auto kTick = std::chrono::milliseconds(100);
constexpr int kMaxInFlight = 100;
constexpr auto kStalled = std::chrono::milliseconds(1500);

}  // namespace

struct IdleConnections::Impl {
    // One idle connection; touched only on the thread that runs `io`. The parser and its buffer
    // live only while the first response is read, so a held connection is a socket and a slot.
    struct Client {
        explicit Client(asio::io_context& io) : socket(io) {}
        tcp::socket socket;
        SourceSlot slot;
        enum class State { Closed, Connecting, Requesting, Holding } state = State::Closed;
        std::chrono::steady_clock::time_point since;  // of the state
        std::uint32_t generation = 0;  // bumped on close: completions for older sockets are stale
        std::optional<http::response_parser<DiscardBody>> parser;
        std::optional<boost::beast::flat_buffer> buffer;
    };

    LoadTarget target;
    int connections = 0;
    int opens_per_tick = 1;
    tcp::endpoint endpoint;
    std::string request;

    asio::io_context io;
    asio::steady_timer tick{io};
    std::vector<std::unique_ptr<Client>> clients;
    std::array<char, 512> sink{};  // what a held connection receives is dropped (one thread)
    std::thread thread;
    bool started = false;
    int in_flight = 0;  // loop thread only, as the two below
    int opened_this_tick = 0;
    std::size_t cursor = 0;  // the next client open_more() looks at

    std::atomic<int> open{0};
    std::atomic<int> open_max{0};
    std::atomic<std::uint64_t> connects{0};
    std::atomic<std::uint64_t> closed_by_server{0};
    std::atomic<bool> silent{false};

    // Connecting or waiting for the first response: at most kMaxInFlight, so that a burst never
    // fills the server's accept queue (Werkzeug's is 128). SYNs the kernel drops there are sent
    // again after 1, 3, 7, 15 … s, and the ramp would take minutes instead of seconds.
    void set_state(Client& c, Client::State next) {
        auto in_flight_state = [](Client::State s) {
            return s == Client::State::Connecting || s == Client::State::Requesting;
        };
        in_flight += (in_flight_state(next) ? 1 : 0) - (in_flight_state(c.state) ? 1 : 0);
        if (next != c.state) c.since = std::chrono::steady_clock::now();
        c.state = next;
    }

    // Every tick: the ramp's share of connects for this tick, from the first client on.
    void on_tick() {
        give_up_stalled();
        opened_this_tick = 0;
        cursor = 0;
        open_more();
        tick.expires_after(kTick);
        tick.async_wait([this](error_code ec) {
            if (!ec) on_tick();
        });
    }

    // A connect or first response still pending after kStalled: its SYN or handshake was
    // dropped (a full queue) and the kernel's next try is 1, 3, 7, 15 … s away. Closed and tried
    // again at once, as load tools do with a connect timeout, so that a few stalled ones do not
    // hold the in-flight places for half a minute.
    void give_up_stalled() {
        const auto now = std::chrono::steady_clock::now();
        for (auto& client : clients) {
            Client& c = *client;
            const bool pending =
                c.state == Client::State::Connecting || c.state == Client::State::Requesting;
            if (pending && now - c.since > kStalled) close(c, false);
        }
    }

    // Connects closed clients while this tick's share and the in-flight bound allow; called
    // again whenever one settles, so the ramp is not held to one batch per tick.
    void open_more() {
        while (cursor < clients.size() && opened_this_tick < opens_per_tick &&
               in_flight < kMaxInFlight) {
            Client& c = *clients[cursor++];
            if (c.state != Client::State::Closed) continue;
            connect(c);
            ++opened_this_tick;
        }
    }

    void connect(Client& c) {
        set_state(c, Client::State::Connecting);
        error_code ec;
        c.socket.open(endpoint.protocol(), ec);
        if (!ec) c.slot.bind(c.socket, endpoint, ec);
        if (ec) return close(c, false);  // tried again on a later tick
        const std::uint32_t generation = c.generation;
        c.socket.async_connect(endpoint, [this, &c, generation](error_code e) {
            if (generation != c.generation) return;
            if (e) return close(c, false);
            connects.fetch_add(1, std::memory_order_relaxed);
            const int now = open.fetch_add(1, std::memory_order_relaxed) + 1;
            int peak = open_max.load(std::memory_order_relaxed);
            while (now > peak && !open_max.compare_exchange_weak(peak, now)) {
            }
            if (silent.load(std::memory_order_relaxed)) return hold(c);
            send_request(c);
        });
    }

    void send_request(Client& c) {
        set_state(c, Client::State::Requesting);
        c.parser.emplace();
        c.parser->eager(true);  // the header and the body in one put(), as far as they came
        c.parser->body_limit(std::numeric_limits<std::uint64_t>::max());
        c.buffer.emplace();
        const std::uint32_t generation = c.generation;
        asio::async_write(c.socket, asio::buffer(request),
                          [this, &c, generation](error_code e, std::size_t) {
                              if (generation != c.generation) return;
                              if (e) return close(c, true);
                              read_response(c);
                          });
    }

    void read_response(Client& c) {
        const std::uint32_t generation = c.generation;
        c.socket.async_read_some(c.buffer->prepare(2048),
                                 [this, &c, generation](error_code e, std::size_t n) {
                                     if (generation != c.generation) return;
                                     if (e) {
                                         // A response delimited by the end of the stream ends here.
                                         error_code eof_ec;
                                         if (e == asio::error::eof && c.parser->got_some())
                                             c.parser->put_eof(eof_ec);
                                         if (eof_ec || !c.parser->is_done()) return close(c, true);
                                         return response_read(c);
                                     }
                                     c.buffer->commit(n);
                                     error_code parse_ec;
                                     c.buffer->consume(c.parser->put(c.buffer->data(), parse_ec));
                                     if (parse_ec && parse_ec != http::error::need_more)
                                         return close(c, true);
                                     if (!c.parser->is_done()) return read_response(c);
                                     response_read(c);
                                 });
    }

    void response_read(Client& c) {
        const bool keep_alive = c.parser->keep_alive();
        c.parser.reset();
        c.buffer.reset();
        if (keep_alive) return hold(c);
        // Connection: close after every response: from now on an idle connection is one that
        // connects and sends nothing.
        silent.store(true, std::memory_order_relaxed);
        close(c, false);
        connect(c);
    }

    // Anything from the server now — data, an EOF, a reset — means it has given up on us.
    void hold(Client& c) {
        set_state(c, Client::State::Holding);
        open_more();
        const std::uint32_t generation = c.generation;
        c.socket.async_read_some(asio::buffer(sink),
                                 [this, &c, generation](error_code e, std::size_t) {
                                     if (generation != c.generation) return;
                                     if (!e) return hold(c);  // read to the end of what it says
                                     close(c, true);
                                 });
    }

    void close(Client& c, bool by_server) {
        if (c.state != Client::State::Closed && c.state != Client::State::Connecting) {
            open.fetch_sub(1, std::memory_order_relaxed);
            if (by_server) closed_by_server.fetch_add(1, std::memory_order_relaxed);
        }
        set_state(c, Client::State::Closed);
        ++c.generation;
        c.parser.reset();
        c.buffer.reset();
        error_code ignored;
        // Abortive: thousands of client-side TIME_WAITs would hold the ports of the next run.
        if (c.socket.is_open()) c.socket.set_option(asio::socket_base::linger(true, 0), ignored);
        c.socket.close(ignored);
    }
};

IdleConnections::IdleConnections(LoadTarget target, int connections, double ramp_s)
    : impl_(std::make_unique<Impl>()) {
    impl_->target = std::move(target);
    impl_->connections = std::max(connections, 0);
    const double ticks = std::max(ramp_s, 0.1) / std::chrono::duration<double>(kTick).count();
    impl_->opens_per_tick = std::max(25, static_cast<int>(std::ceil(impl_->connections / ticks)));
}

IdleConnections::~IdleConnections() {
    stop();
}

void IdleConnections::start() {
    Impl& d = *impl_;
    if (d.started) return;
    d.endpoint = resolve_target(d.target);
    const bool v6_literal = d.target.host.find(':') != std::string::npos;
    const std::string host = v6_literal ? "[" + d.target.host + "]" : d.target.host;
    d.request = "GET " + (d.target.path.empty() ? std::string("/") : d.target.path) +
                " HTTP/1.1\r\nHost: " + host + ":" + std::to_string(d.target.port) +
                "\r\nUser-Agent: conclab-idle\r\n\r\n";
    for (int i = 0; i < d.connections; ++i) {
        d.clients.push_back(std::make_unique<Impl::Client>(d.io));
    }
    d.started = true;
    asio::post(d.io, [&d] { d.on_tick(); });
    d.thread = std::thread([&d] {
        set_thread_name("cl-idle");
        d.io.run();
    });
}

void IdleConnections::stop() {
    Impl& d = *impl_;
    if (!d.started) return;
    d.started = false;
    d.io.stop();
    if (d.thread.joinable()) d.thread.join();
    for (auto& client : d.clients) d.close(*client, false);
    d.open.store(0, std::memory_order_relaxed);
}

IdleConnectionsTick IdleConnections::collect() {
    Impl& d = *impl_;
    IdleConnectionsTick t;
    t.open = d.open.load(std::memory_order_relaxed);
    t.open_max = std::max(t.open, d.open_max.exchange(t.open, std::memory_order_relaxed));
    t.connects = d.connects.exchange(0, std::memory_order_relaxed);
    t.closed_by_server = d.closed_by_server.exchange(0, std::memory_order_relaxed);
    t.silent = d.silent.load(std::memory_order_relaxed);
    return t;
}

}  // namespace conclab
