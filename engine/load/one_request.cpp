#include "load/one_request.hpp"

#include <chrono>
#include <cstdio>
#include <exception>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

namespace conclab {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using boost::system::error_code;

Result<double> time_one_request(const LoadTarget& target, double limit_s, std::stop_token stop) {
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    asio::ip::tcp::endpoint endpoint;
    try {
        endpoint = resolve_target(target);  // as the load generator does: once, before connecting
    } catch (const std::exception& e) {
        return Failure{std::string(e.what())};
    }
    asio::io_context io;
    asio::ip::tcp::socket socket(io);
    const std::string request = request_bytes(target);
    boost::beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);  // a probe reads what the server sends, and drops it
    error_code failure;
    bool done = false;
    const auto finish = [&](const error_code& ec) {
        failure = ec;
        done = true;
    };
    socket.async_connect(endpoint, [&](const error_code& ec) {
        if (ec) return finish(ec);
        asio::async_write(socket, asio::buffer(request), [&](const error_code& ec, std::size_t) {
            if (ec) return finish(ec);
            http::async_read(socket, buffer, parser,
                             [&](const error_code& ec, std::size_t) { finish(ec); });
        });
    });
    const auto deadline = started + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(limit_s));
    std::string gave_up;
    while (!done) {
        if (stop.stop_requested()) {
            gave_up = "interrupted";
            break;
        }
        if (Clock::now() >= deadline) {
            char text[64];
            std::snprintf(text, sizeof text, "no answer within %g s", limit_s);
            gave_up = text;
            break;
        }
        io.run_for(std::chrono::milliseconds(100));
    }
    if (!gave_up.empty()) {
        // The pending operation ends here, aborted, while everything it refers to still lives.
        error_code ignored;
        socket.close(ignored);
        io.restart();
        io.run();
        return Failure{gave_up};
    }
    if (failure) return Failure{failure.message()};
    return std::chrono::duration<double>(Clock::now() - started).count();
}

}  // namespace conclab
