#include "server/listen_socket.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace conclab {

Result<ListenSocket> open_listen_socket(std::uint16_t port, int backlog, bool reuse_port,
                                        bool listen) {
    UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd) return Failure{std::string("cannot create a socket: ") + std::strerror(errno)};
    const int one = 1;
    // Lets a new run bind the port of a finished one while its connections sit in TIME_WAIT.
    ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (reuse_port) ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        const int err = errno;
        if (err == EADDRINUSE) {
            return Failure{"port " + std::to_string(port) +
                           " on 127.0.0.1 is already in use; choose another port or 0 for any "
                           "free one"};
        }
        return Failure{"cannot bind 127.0.0.1:" + std::to_string(port) + ": " + std::strerror(err)};
    }
    if (listen && ::listen(fd.get(), backlog) != 0) {
        return Failure{std::string("cannot listen: ") + std::strerror(errno)};
    }
    socklen_t length = sizeof address;
    ::getsockname(fd.get(), reinterpret_cast<sockaddr*>(&address), &length);
    return ListenSocket{.fd = std::move(fd), .port = ntohs(address.sin_port)};
}

std::optional<AcceptQueue> read_accept_queue(int listen_fd) {
    tcp_info info{};
    socklen_t length = sizeof info;
    if (::getsockopt(listen_fd, IPPROTO_TCP, TCP_INFO, &info, &length) != 0) return std::nullopt;
    return AcceptQueue{static_cast<int>(info.tcpi_unacked), static_cast<int>(info.tcpi_sacked)};
}

}  // namespace conclab
