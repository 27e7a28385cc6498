#pragma once
// An incremental HTTP/1.1 request parser: feed it bytes as they arrive, in any split, and it says
// whether a request is complete, needs more bytes, or is malformed. The grammar is Boost.Beast's
// (a maintained, fuzzed parser); this class only gives every server model the same small
// good / bad / need-more interface, so blocking threads and the event loop share one code path.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

namespace conclab::http {

class RequestParser {
public:
    enum class Status { Complete, NeedMore, Bad };

    // Node's maxHeaderSize is 16 KiB; bodies are accepted (and ignored) up to 1 MiB.
    static constexpr std::size_t kHeaderLimit = 16 * 1024;
    static constexpr std::size_t kBodyLimit = 1024 * 1024;

    RequestParser();

    // Consumes bytes from `data` (sets `consumed`) until a request is complete or the bytes run
    // out. After Complete, read the request, then call reset() before feeding the next one.
    Status feed(std::string_view data, std::size_t& consumed);
    void reset();

    std::string_view method() const;
    std::string_view target() const;  // path and query as sent
    bool keep_alive() const;          // HTTP/1.1 default, Connection: close honoured
    const std::string& error() const { return error_; }  // set when Bad

private:
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    std::string error_;
};

}  // namespace conclab::http
