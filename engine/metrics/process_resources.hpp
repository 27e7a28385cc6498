#pragma once
// What a server process holds, read from the kernel: resident memory, threads, open descriptors
// and context switches. The cost of a connection (C10k) is read off these as connections grow:
// a thread per connection adds a task, a stack's touched pages and its switches; an event loop
// adds a small object and a descriptor.

#include <cstdint>
#include <optional>
#include <vector>

namespace conclab {

struct ProcessResources {
    std::uint64_t rss_kib = 0;  // resident set (/proc/PID/statm)
    int threads = 0;            // kernel tasks (/proc/PID/status Threads)
    int fds = 0;  // open descriptors (entries of /proc/PID/fd; our own: counted once a second)
    // Cumulative since the process started. For our own process from getrusage(RUSAGE_SELF):
    // every thread, also those that have ended (the /proc/PID/status counters are the main
    // thread's only). For another process, the sum over its living threads.
    std::uint64_t voluntary_switches = 0;
    std::uint64_t involuntary_switches = 0;
    std::uint64_t context_switches() const { return voluntary_switches + involuntary_switches; }
    ProcessResources& operator+=(const ProcessResources& other);
};

// This process. Cheap enough for every 100 ms report: three small files, one directory listing.
ProcessResources read_own_resources();

// `pid` and every descendant of it, summed (gunicorn's arbiter and workers, Node's cluster
// primary and workers); empty when `pid` no longer exists.
std::optional<ProcessResources> read_process_tree_resources(int pid);
// `pid` and its descendants, from the parent PIDs in /proc/*/stat; empty when `pid` is gone.
std::vector<int> process_tree(int pid);

}  // namespace conclab
