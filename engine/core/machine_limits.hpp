#pragma once
// How many connections this machine lets one run hold, read from the system rather than fixed:
// every connection is a file descriptor in the load generator's process and in the server's
// (RLIMIT_NOFILE, whose soft limit the programs raise to the hard one), a local port of the
// client's source address (net.ipv4.ip_local_port_range; the load generator spreads over
// 127.0.0.2, 127.0.0.3, … beyond one address's range) and, with a thread per connection, a
// kernel task (kernel.threads-max, kernel.pid_max) whose stack takes memory maps
// (vm.max_map_count). The registry's connection ranges and the start-time checks come from here.

#include <string>

#include "core/result.hpp"

namespace conclab {

struct MachineLimits {
    long fd_soft = 0, fd_hard = 0;            // RLIMIT_NOFILE of this process
    long nr_open = 0;                         // fs.nr_open: how far root may raise the hard limit
    int port_low = 32768, port_high = 60999;  // net.ipv4.ip_local_port_range
    long threads_max = 0;                     // kernel.threads-max
    long pid_max = 0;                         // kernel.pid_max
    long max_map_count = 0;                   // vm.max_map_count
    int ports() const { return port_high - port_low + 1; }
};

MachineLimits read_machine_limits();

// Descriptors a process needs besides one per connection: listening and control sockets, the
// worker's own files, stdio, Qt's files in the GUI.
inline constexpr long kFdHeadroom = 64;

// The most connections one run may ask for: the descriptor hard limit less the headroom (read
// once, at the first call; at least 1). The registry's range "1..N" of every connection count.
int max_connections();

// The most threads a thread-per-connection server can start: the smaller of threads-max and
// pid_max, and half of max_map_count (a stack and its guard page are two maps), less `in_use`.
long max_threads(const MachineLimits& limits, long in_use);

// Tasks (threads of every process) on the machine now, from /proc/loadavg; 0 if unreadable.
long tasks_in_use();

// Why `value` connections exceed this machine's limit and how to raise it; for the registry's
// refusal ("connections must be 1..19936, got 25000: …").
std::string connection_limit_explanation(const MachineLimits& limits);

// Succeeds when a thread per connection fits `connections` threads; otherwise the refusal with
// threads-max, pid_max, max_map_count and how to raise them.
Result<> check_thread_limit(long connections, const MachineLimits& limits, long in_use);

}  // namespace conclab
