#pragma once
// The HTTP/1.1 load generator. Closed loop (like wrk): C persistent connections spread over T
// loader threads, each sending a request, waiting for the complete response, and repeating.
// Open loop (like wrk2): R requests per second in total, each sent at its intended time over a
// pool of at most M connections whatever the server does; latency is counted from the intended
// time (corrected for coordinated omission) and from the actual send.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/ip/tcp.hpp>

#include "core/run_config.hpp"
#include "load/unanswered_requests.hpp"
#include "metrics/latency_histogram.hpp"
#include "metrics/metrics.hpp"

namespace conclab {

struct LoadTarget {
    std::string host = "127.0.0.1";  // numeric address or name (resolved once at start)
    std::uint16_t port = 0;
    std::string path = "/";
    std::string method = "GET";
    std::vector<std::string> headers;  // "Name: value"; a Host here replaces the default one
    std::string body;                  // sent with a Content-Length unless the headers give one
};

// The request as the load generator sends it: the method, path and headers of `target`, a Host
// and a User-Agent unless given, and the body with its Content-Length.
std::string request_bytes(const LoadTarget& target);
// The target of a real server's run: its address and the request as the user shaped it.
LoadTarget load_target_of(const ExternalTarget& real);

// What happened since the previous collect().
struct LoadTick {
    std::uint64_t responses = 0;  // complete 2xx responses
    ErrorCounts errors;
    LatencyHistogram latency;  // of those responses, intended send to complete response, in µs
    LatencyHistogram latency_uncorrected;  // the same responses from the actual send (= above
                                           // in a closed loop, where a request is sent when due)
    std::uint64_t late = 0;                // open loop: requests due while no connection was free
    std::uint64_t dropped = 0;     // open loop: of those, still unsent `timeout` after being due
    int open_connections = 0;      // now
    int open_connections_max = 0;  // peak since the previous collect()
    std::uint64_t reconnects = 0;  // keep-alive connections the server closed between requests
    // Responses after which the server closed the connection (Connection: close, HTTP/1.0, a
    // body ended by the close): a server that does not keep connections alive shows here.
    std::uint64_t server_closes = 0;
    // Connects that took ≥ 0.9 s: a SYN retransmitted because the server's accept queue was full.
    std::uint64_t slow_connects = 0;
    std::uint64_t cpu_ns = 0;   // CPU used by the loader threads since the previous collect()
    std::string connect_error;  // last connect failure, e.g. "Too many open files"; or empty

    // Folds in another generator's tick of the same moment: counts, latencies and CPU add up,
    // and so do the open connections (two groups of connections); the newer connect error wins.
    LoadTick& operator+=(const LoadTick& other);
};

struct OpenLoop {
    double rate = 0;  // requests per second, all threads together
    int max_connections = 1000;
};

// The target's address, resolved once: a numeric address directly, a name through the resolver,
// preferring IPv4. Throws std::runtime_error with a user-facing message.
boost::asio::ip::tcp::endpoint resolve_target(const LoadTarget& target);

class LoadGenerator {
public:
    // With `open_loop`, `connections` is ignored: the pool grows as requests need it.
    LoadGenerator(LoadTarget target, int connections, int threads, double request_timeout_s,
                  std::optional<OpenLoop> open_loop = std::nullopt);
    ~LoadGenerator();  // stop()s
    LoadGenerator(const LoadGenerator&) = delete;
    LoadGenerator& operator=(const LoadGenerator&) = delete;

    // Throws std::runtime_error with a user-facing message (e.g. the host does not resolve).
    void start();
    // Grows or shrinks the number of connections; a closed connection finishes its request first.
    // Open loop: only 0 means something — no more arrivals, and every connection closes after
    // its request (how a run winds down).
    void set_connections(int connections);
    // Open loop: requests per second from now on; 0 pauses. Ignored in a closed loop.
    void set_rate(double rate);
    bool open_loop() const;
    // Closes every connection and joins every thread (well within a second).
    void stop();
    LoadTick collect();
    // Requests begun and not answered yet, by how long each has waited so far; with
    // `connecting_only` those whose connect is not through yet (which set_connections(0) drops
    // at once: ask before it). Every loader thread is asked at once; one that does not answer
    // within a second adds nothing.
    UnansweredRequests unanswered(bool connecting_only = false);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace conclab
