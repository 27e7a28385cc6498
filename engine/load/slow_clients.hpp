#pragma once
// Slow clients (slowloris): connections that send a request one byte at a time, one byte per
// interval, and never finish it. A server that gives a thread to each request it reads (a
// gunicorn gthread pool, a sync worker) is blocked by every one of them for as long as it stays;
// one with a header timeout (Node's headersTimeout) closes them and serves on. When the server
// closes one, it connects again, as a fleet of stalled mobile clients or an attacker would.
//
// They run beside the load generator on a thread of their own and are counted apart: no
// latencies, no errors, only how many are open and how often the server gave up on them.

#include <chrono>
#include <cstdint>
#include <memory>

#include "load/load_generator.hpp"

namespace conclab {

// Since the previous collect(), but `open`, which is now, and `open_max`, the peak since then.
struct SlowClientsTick {
    int open = 0;
    int open_max = 0;
    std::uint64_t connects = 0;          // connections opened, the first ones and the reconnects
    std::uint64_t closed_by_server = 0;  // closed or reset by the server (a timeout, 408, a
                                         // killed worker)
    std::uint64_t bytes_sent = 0;
};

class SlowClients {
public:
    // Sends "GET <path> HTTP/1.1", a Host header, then an endless header line, one byte every
    // `byte_interval` (a header block that would reach the server's 16 KiB limit after 4.5 hours).
    SlowClients(LoadTarget target, int connections,
                std::chrono::milliseconds byte_interval = std::chrono::seconds(1));
    ~SlowClients();  // stop()s
    SlowClients(const SlowClients&) = delete;
    SlowClients& operator=(const SlowClients&) = delete;

    // Throws std::runtime_error with a user-facing message (e.g. the host does not resolve).
    void start();
    // Closes every connection and joins the thread, at once: nothing of theirs is waited for.
    void stop();
    SlowClientsTick collect();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace conclab
