#pragma once
// The listening socket every model serves on: 127.0.0.1 only, a real kernel backlog, and a way to
// read the kernel's accept queue (what `ss -lnt` shows as Recv-Q).

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "core/unique_fd.hpp"

namespace conclab {

struct ListenSocket {
    UniqueFd fd;
    std::uint16_t port = 0;
};

// Bound to 127.0.0.1:port (0 = a free port), listening with `backlog` (capped by the kernel's
// net.core.somaxconn), close-on-exec. With `reuse_port`, SO_REUSEPORT: other sockets of this user
// may bind the same port and the kernel spreads new connections over those that listen; with
// `listen` false the socket only holds the port (it receives no connections). The error says
// why not: "port 8080 on 127.0.0.1 is already in use; choose another port or 0 …".
Result<ListenSocket> open_listen_socket(std::uint16_t port, int backlog, bool reuse_port = false,
                                        bool listen = true);

// Connections completed by the kernel but not yet accept()ed (TCP_INFO tcpi_unacked on a
// listening socket), and the queue's limit (tcpi_sacked).
struct AcceptQueue {
    int length = 0;
    int limit = 0;
};
std::optional<AcceptQueue> read_accept_queue(int listen_fd);  // borrowed: only read

}  // namespace conclab
