#pragma once
// Idle connections (--idle-connections N): what a waiting connection costs a server. Each one
// connects, sends one request, reads the response and then holds the connection open without
// sending anything, as a browser's idle keep-alive connection or a long-poll client does: to an
// event loop that is a small object and a descriptor; to a thread per connection it is a whole
// thread, parked in recv(). When the server answers with Connection: close (Werkzeug, gunicorn
// sync), an idle connection is one that connects and sends nothing, which holds a thread there
// just the same. When the server gives up on one (a timeout, a killed worker) it connects again.
//
// They open at a bounded pace (a ramp, so the server's memory can be read against its
// connections), run on a thread of their own and are counted apart: no latencies, no errors.

#include <cstdint>
#include <memory>

#include "load/load_generator.hpp"

namespace conclab {

// Since the previous collect(), but `open`, `silent` and `open_max` (the peak since then).
struct IdleConnectionsTick {
    int open = 0;
    int open_max = 0;
    std::uint64_t connects = 0;          // connections opened, the first ones and the reconnects
    std::uint64_t closed_by_server = 0;  // closed or reset by the server while held
    bool silent = false;  // the server closes after each response: they now send nothing
};

class IdleConnections {
public:
    // They open over about `ramp_s` (at least 250 a second): a few ticks in which the server's
    // memory can be read against its connections, without flooding its accept queue at once.
    IdleConnections(LoadTarget target, int connections, double ramp_s = 2.0);
    ~IdleConnections();  // stop()s
    IdleConnections(const IdleConnections&) = delete;
    IdleConnections& operator=(const IdleConnections&) = delete;

    // Throws std::runtime_error with a user-facing message (e.g. the host does not resolve).
    void start();
    // Closes every connection (abortively: no TIME_WAIT left on the client's ports) and joins
    // the thread.
    void stop();
    IdleConnectionsTick collect();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace conclab
