#include "load/one_request.hpp"

#include <chrono>
#include <cstdio>
#include <string>

#include <boost/asio/connect.hpp>
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
    asio::io_context io;
    asio::ip::tcp::resolver resolver(io);
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
    const auto started = Clock::now();
    resolver.async_resolve(
        target.host, std::to_string(target.port),
        [&](const error_code& ec, const asio::ip::tcp::resolver::results_type& results) {
            if (ec) return finish(ec);
            asio::async_connect(socket, results, [&](const error_code& ec, const auto&) {
                if (ec) return finish(ec);
                asio::async_write(
                    socket, asio::buffer(request), [&](const error_code& ec, std::size_t) {
                        if (ec) return finish(ec);
                        http::async_read(socket, buffer, parser,
                                         [&](const error_code& ec, std::size_t) { finish(ec); });
                    });
            });
        });
    const auto deadline = started + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(limit_s));
    while (!done) {
        if (stop.stop_requested()) return Failure{std::string("interrupted")};
        if (Clock::now() >= deadline) {
            char text[64];
            std::snprintf(text, sizeof text, "no answer within %g s", limit_s);
            return Failure{std::string(text)};
        }
        io.run_for(std::chrono::milliseconds(100));
    }
    if (failure) return Failure{failure.message()};
    return std::chrono::duration<double>(Clock::now() - started).count();
}

}  // namespace conclab
