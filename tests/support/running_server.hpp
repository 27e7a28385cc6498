#pragma once
// An in-process server model started on a fresh listening socket on 127.0.0.1 (an ephemeral
// port), for the server tests that drive it with a BlockingHttpClient.

#include <cstdint>
#include <memory>

#include "server/listen_socket.hpp"
#include "server/server.hpp"

namespace conclab::test {

struct RunningServer {
    std::unique_ptr<Server> server;  // null when no socket could be opened
    std::uint16_t port = 0;
};

inline RunningServer start_server(const ServerConfig& config) {
    auto listen = open_listen_socket(0, 128);
    RunningServer r;
    if (!listen) return r;
    r.server = make_server(config);
    r.server->start(std::move(listen->fd));
    r.port = listen->port;
    return r;
}

}  // namespace conclab::test
