#pragma once
// The kernel's count of handshakes it dropped because a listening socket's accept queue was full
// (TcpExt ListenOverflows in /proc/net/netstat, what `nstat` shows): the one witness that tells
// an overflowed accept queue from a server that is merely slow to accept. A client cannot tell
// them apart: a full queue drops either the SYN (the connect is retried after 1 s) or the
// handshake's last ACK (the connect succeeds, its request waits), and a slow server also makes
// first requests wait. The counter is the whole machine's, so a run reads it only for a server
// on this machine, and before and after the run.

#include <cstdint>
#include <optional>

namespace conclab {

// The counter now; empty where /proc/net/netstat cannot be read or lacks it.
std::optional<std::uint64_t> listen_overflows_now();

}  // namespace conclab
