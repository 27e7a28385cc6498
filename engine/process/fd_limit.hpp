#pragma once
// Each connection costs a file descriptor on each side. Processes start with a low soft limit
// (often 1024) and a much higher hard one; raise soft to hard once, and say so when even that is
// not enough.

#include <string>

#include "core/result.hpp"

namespace conclab {

struct FdLimit {
    long soft = 0;
    long hard = 0;
};

FdLimit raise_fd_limit();  // soft := hard; returns the limits now in force
FdLimit current_fd_limit();
// Succeeds when `needed` descriptors fit; otherwise a message with the limit and how to raise it.
Result<> check_fd_limit(long needed, const FdLimit& limit);

// Grows this process's descriptor table now, so that `descriptors` (at most the soft limit) fit
// without growing it again. Linux grows a table by doubling it, and in a process with more than
// one thread each growth waits for an RCU grace period (synchronize_rcu() in expand_fdtable(),
// 5-20 ms here) with the thread that opened the descriptor asleep. A freshly started model took
// its first 1,000 connections with five such waits of its accepting loop, and the load generator
// five of its own while connecting, where a real server that has served such a burst before has
// its table grown already: the model's accept queue overflowed (p99 1.5-3 s, where real Express
// and gunicorn -k gevent had 140-300 ms) in 4 of 6 runs, and did not once the model's table was
// grown before its first thread. A table never shrinks, so a second call costs nothing; called
// before a process starts its threads, the growth needs no grace period at all.
void reserve_descriptor_table(long descriptors);

}  // namespace conclab
