#include "load/load_generator.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <future>
#include <limits>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "core/annotated_mutex.hpp"
#include "load/load_shared.hpp"
#include "load/loader_thread.hpp"

namespace conclab {

namespace {

namespace asio = boost::asio;
using asio::ip::tcp;

// Defensive limit; the caller validates the user's settings against the same number. Connection
// counts have none here: the machine's (descriptors, ports, threads) is checked at start.
constexpr int kMaxThreads = 64;
constexpr int kMaxConnections = std::numeric_limits<int>::max();

void add(LoadTick& into, LoaderCounts&& from) {
    into.responses += from.responses;
    into.errors += from.errors;
    if (into.latency.count() == 0) {
        into.latency = std::move(from.latency);
        into.latency_uncorrected = std::move(from.latency_uncorrected);
    } else {
        into.latency.merge(from.latency);
        into.latency_uncorrected.merge(from.latency_uncorrected);
    }
    into.late += from.late;
    into.dropped += from.dropped;
    into.reconnects += from.reconnects;
    into.server_closes += from.server_closes;
    into.slow_connects += from.slow_connects;
    if (!from.connect_error.empty()) into.connect_error = std::move(from.connect_error);
}

}  // namespace

LoadTarget load_target_of(const ExternalTarget& real) {
    LoadTarget target;
    target.host = real.host;
    target.port = real.port;
    target.path = real.path;
    target.method = real.method;
    target.headers = real.headers;
    target.body = real.body;
    return target;
}

std::string request_bytes(const LoadTarget& target) {
    auto has_header = [&](std::string_view name) {
        return std::any_of(target.headers.begin(), target.headers.end(), [&](const auto& h) {
            return h.size() > name.size() && h[name.size()] == ':' &&
                   std::equal(name.begin(), name.end(), h.begin(), [](char a, char b) {
                       return std::tolower(static_cast<unsigned char>(a)) ==
                              std::tolower(static_cast<unsigned char>(b));
                   });
        });
    };
    const bool v6_literal = target.host.find(':') != std::string::npos;
    const std::string host = v6_literal ? "[" + target.host + "]" : target.host;
    const std::string path = target.path.empty() ? "/" : target.path;
    std::string text =
        (target.method.empty() ? std::string("GET") : target.method) + " " + path + " HTTP/1.1\r\n";
    if (!has_header("host")) text += "Host: " + host + ":" + std::to_string(target.port) + "\r\n";
    if (!has_header("user-agent")) text += "User-Agent: conclab\r\n";
    for (const std::string& h : target.headers) text += h + "\r\n";
    if (!target.body.empty() && !has_header("content-length")) {
        text += "Content-Length: " + std::to_string(target.body.size()) + "\r\n";
    }
    return text + "\r\n" + target.body;
}

// Resolved once at start: a numeric address directly, a name through the resolver, preferring
// IPv4 (the servers here listen on 127.0.0.1, and "localhost" also resolves to ::1).
tcp::endpoint resolve_target(const LoadTarget& target) {
    if (target.port == 0) throw std::runtime_error("no port to send the load to");
    boost::system::error_code ec;
    const asio::ip::address address = asio::ip::make_address(target.host, ec);
    if (!ec) return {address, target.port};
    asio::io_context io;
    tcp::resolver resolver(io);
    const auto results = resolver.resolve(target.host, std::to_string(target.port),
                                          tcp::resolver::numeric_service, ec);
    if (ec || results.empty()) {
        throw std::runtime_error("cannot resolve host \"" + target.host +
                                 "\": " + (ec ? ec.message() : "no address"));
    }
    for (const auto& entry : results) {
        if (entry.endpoint().address().is_v4()) return entry.endpoint();
    }
    return results.begin()->endpoint();
}

LoadTick& LoadTick::operator+=(const LoadTick& other) {
    responses += other.responses;
    errors += other.errors;
    latency.merge(other.latency);
    latency_uncorrected.merge(other.latency_uncorrected);
    late += other.late;
    dropped += other.dropped;
    open_connections += other.open_connections;
    open_connections_max += other.open_connections_max;
    reconnects += other.reconnects;
    server_closes += other.server_closes;
    slow_connects += other.slow_connects;
    cpu_ns += other.cpu_ns;
    if (!other.connect_error.empty()) connect_error = other.connect_error;
    return *this;
}

struct LoadGenerator::Impl {
    Impl(LoadTarget target_, int connections_, int threads, double request_timeout_s,
         std::optional<OpenLoop> open_loop_)
        : target(std::move(target_)),
          // Every thread of an open loop needs a connection of its own for its share.
          thread_count(std::min(std::clamp(threads, 1, kMaxThreads),
                                open_loop_ ? clamped(*open_loop_).max_connections : kMaxThreads)),
          timeout_s(request_timeout_s > 0 ? request_timeout_s : 1e6),
          is_open_loop(open_loop_.has_value()),
          connections(std::clamp(connections_, 0, kMaxConnections)) {
        if (open_loop_) open_loop = clamped(*open_loop_);
    }

    static OpenLoop clamped(OpenLoop o) {
        o.max_connections = std::clamp(o.max_connections, 1, kMaxConnections);
        o.rate = std::max(o.rate, 0.0);
        return o;
    }

    // The fixed setup: set by the constructor, then only read.
    const LoadTarget target;
    const int thread_count = 1;
    const double timeout_s = 0;
    const bool is_open_loop = false;

    Mutex mutex;  // serialises start, set_connections, set_rate, stop and collect
    int connections GUARDED_BY(mutex) = 0;
    std::optional<OpenLoop> open_loop GUARDED_BY(mutex);  // its rate changes with set_rate
    enum class State { Idle, Running, Stopped } state GUARDED_BY(mutex) = State::Idle;
    // Filled by start() before the loader threads start; then theirs (atomics and fixed values).
    LoadShared shared;
    std::vector<std::unique_ptr<LoaderThread>> threads GUARDED_BY(mutex);
    std::vector<int> assigned GUARDED_BY(mutex);  // connections per thread
    // Next thread to grow on; shrinking walks back from here.
    int cursor GUARDED_BY(mutex) = 0;
    std::vector<std::uint64_t> cpu_seen GUARDED_BY(mutex);
    LoadTick after_stop GUARDED_BY(mutex);  // what happened between the last collect() and stop()

    // Spreads the change round-robin and tells the threads whose share changed.
    void distribute(int total_wanted) REQUIRES(mutex) {
        const int n = static_cast<int>(threads.size());
        std::vector<int> before = assigned;
        int total = 0;
        for (int a : assigned) total += a;
        while (total < total_wanted) {
            ++assigned[cursor];
            cursor = (cursor + 1) % n;
            ++total;
        }
        while (total > total_wanted) {
            cursor = (cursor + n - 1) % n;
            if (assigned[cursor] > 0) {
                --assigned[cursor];
                --total;
            }
        }
        for (int i = 0; i < n; ++i) {
            if (assigned[i] != before[i]) threads[i]->set_target(assigned[i]);
        }
    }

    LoadTick collect_locked() REQUIRES(mutex) {
        LoadTick tick = std::exchange(after_stop, LoadTick{});
        for (std::size_t i = 0; i < threads.size(); ++i) {
            add(tick, threads[i]->take());
            const std::uint64_t cpu = threads[i]->cpu_ns();
            tick.cpu_ns += cpu > cpu_seen[i] ? cpu - cpu_seen[i] : 0;
            cpu_seen[i] = std::max(cpu_seen[i], cpu);
        }
        tick.open_connections = shared.open.load(std::memory_order_relaxed);
        tick.open_connections_max = shared.take_open_peak();
        return tick;
    }
};

LoadGenerator::LoadGenerator(LoadTarget target, int connections, int threads,
                             double request_timeout_s, std::optional<OpenLoop> open_loop)
    : impl_(std::make_unique<Impl>(std::move(target), connections, threads, request_timeout_s,
                                   std::move(open_loop))) {}

bool LoadGenerator::open_loop() const {
    return impl_->is_open_loop;
}

void LoadGenerator::set_rate(double rate) {
    Impl& d = *impl_;
    MutexLock lock(d.mutex);
    if (!d.open_loop) return;
    d.open_loop->rate = std::max(rate, 0.0);
    if (d.state != Impl::State::Running) return;
    for (auto& t : d.threads) t->set_rate(d.open_loop->rate / d.thread_count);
}

LoadGenerator::~LoadGenerator() {
    stop();
}

void LoadGenerator::start() {
    Impl& d = *impl_;
    MutexLock lock(d.mutex);
    if (d.state != Impl::State::Idle) {
        throw std::runtime_error("the load generator has already been started");
    }
    d.shared.endpoint = resolve_target(d.target);  // throws with a user-facing message
    d.shared.request = request_bytes(d.target);
    d.shared.timeout_ns = static_cast<std::int64_t>(d.timeout_s * 1e9);
    for (int i = 0; i < d.thread_count; ++i) {
        d.threads.push_back(std::make_unique<LoaderThread>(i, d.shared));
    }
    d.assigned.assign(d.thread_count, 0);
    d.cpu_seen.assign(d.thread_count, 0);
    if (d.open_loop) {
        // Each thread takes an equal share of the rate, offset by i/rate so that the threads'
        // requests interleave, and its share of the pool.
        const int n = d.thread_count;
        for (int i = 0; i < n; ++i) {
            const int pool =
                d.open_loop->max_connections / n + (i < d.open_loop->max_connections % n ? 1 : 0);
            d.threads[i]->set_open_loop(d.open_loop->rate / n, static_cast<double>(i) / n, pool);
        }
    } else {
        d.distribute(d.connections);  // queued until each loop runs
    }
    for (auto& t : d.threads) t->start();
    d.state = Impl::State::Running;
}

void LoadGenerator::set_connections(int connections) {
    Impl& d = *impl_;
    MutexLock lock(d.mutex);
    d.connections = std::clamp(connections, 0, kMaxConnections);
    if (d.state != Impl::State::Running) return;
    if (!d.open_loop) {
        d.distribute(d.connections);
    } else if (d.connections == 0) {
        for (auto& t : d.threads) {
            t->set_rate(0);
            t->set_target(0);
        }
    }
}

void LoadGenerator::stop() {
    Impl& d = *impl_;
    MutexLock lock(d.mutex);
    if (d.state != Impl::State::Running) {
        d.state = Impl::State::Stopped;
        return;
    }
    for (auto& t : d.threads) t->request_stop();
    for (auto& t : d.threads) t->stop();
    d.after_stop = d.collect_locked();  // the responses and CPU since the last collect()
    d.after_stop.open_connections = 0;
    d.threads.clear();
    d.state = Impl::State::Stopped;
}

LoadTick LoadGenerator::collect() {
    Impl& d = *impl_;
    MutexLock lock(d.mutex);
    return d.collect_locked();
}

UnansweredRequests LoadGenerator::unanswered(bool connecting_only) {
    Impl& d = *impl_;
    MutexLock lock(d.mutex);
    std::vector<std::future<UnansweredRequests>> asked;
    for (const auto& thread : d.threads) asked.push_back(thread->unanswered(connecting_only));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    UnansweredRequests all;
    for (auto& answer : asked) {
        if (answer.valid() && answer.wait_until(deadline) == std::future_status::ready) {
            all.merge(answer.get());
        }
    }
    return all;
}

}  // namespace conclab
