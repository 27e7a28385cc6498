#pragma once
// A deliberately simple blocking HTTP/1.1 client for tests: it shares no code with the engine's
// load generator, so a test that checks a server with it does not check the engine with itself.

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>

namespace conclab::test {

struct SimpleResponse {
    int status = 0;
    std::string server;  // the Server header
    std::string body;
    bool close = false;  // Connection: close
};

class BlockingHttpClient {
public:
    explicit BlockingHttpClient(std::uint16_t port, double timeout_s = 10) {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        timeval tv{static_cast<time_t>(timeout_s),
                   static_cast<suseconds_t>((timeout_s - static_cast<time_t>(timeout_s)) * 1e6)};
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        const int one = 1;
        ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    }
    ~BlockingHttpClient() {
        if (fd_ >= 0) ::close(fd_);
    }
    BlockingHttpClient(const BlockingHttpClient&) = delete;
    BlockingHttpClient& operator=(const BlockingHttpClient&) = delete;

    bool connected() const { return connected_; }
    bool send_raw(const std::string& bytes) {
        return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
               static_cast<ssize_t>(bytes.size());
    }
    std::optional<SimpleResponse> get(const std::string& target, bool close = false) {
        std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        if (close) request += "Connection: close\r\n";
        request += "\r\n";
        if (!send_raw(request)) return std::nullopt;
        return read_response();
    }
    // Reads one response with a Content-Length body.
    std::optional<SimpleResponse> read_response() {
        for (;;) {
            const auto end = buffer_.find("\r\n\r\n");
            if (end != std::string::npos) {
                const std::string head = buffer_.substr(0, end);
                const std::size_t length = header_number(head, "content-length");
                if (buffer_.size() >= end + 4 + length) {
                    SimpleResponse r;
                    r.status = std::atoi(head.c_str() + 9);
                    r.server = header_value(head, "server");
                    r.close = header_value(head, "connection") == "close";
                    r.body = buffer_.substr(end + 4, length);
                    buffer_.erase(0, end + 4 + length);
                    return r;
                }
            }
            char chunk[4096];
            const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
            if (n <= 0) return std::nullopt;
            buffer_.append(chunk, static_cast<std::size_t>(n));
        }
    }
    // True when bytes from the server are already waiting in the socket, right now (no wait).
    bool has_bytes_waiting() {
        char c;
        return ::recv(fd_, &c, 1, MSG_PEEK | MSG_DONTWAIT) > 0 || !buffer_.empty();
    }
    // True when the server closed the connection (reads EOF within the timeout).
    bool reads_eof() {
        char c;
        return ::recv(fd_, &c, 1, 0) == 0;
    }

private:
    static std::string lower(std::string s) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    }
    static std::string header_value(const std::string& head, const std::string& name) {
        const std::string h = lower(head);
        const auto at = h.find("\r\n" + name + ":");
        if (at == std::string::npos) return {};
        auto start = at + 3 + name.size();
        while (start < head.size() && head[start] == ' ') ++start;
        return head.substr(start, head.find("\r\n", start) - start);
    }
    static std::size_t header_number(const std::string& head, const std::string& name) {
        const std::string v = header_value(head, name);
        return v.empty() ? 0 : std::stoul(v);
    }

    int fd_ = -1;
    bool connected_ = false;
    std::string buffer_;
};

inline int open_fd_count() {
    int n = 0;
    if (auto* dir = ::opendir("/proc/self/fd")) {
        while (::readdir(dir)) ++n;
        ::closedir(dir);
    }
    return n;
}

}  // namespace conclab::test
