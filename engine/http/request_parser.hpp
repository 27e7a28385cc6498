#pragma once
// An incremental HTTP/1.1 request parser: feed it bytes as they arrive, in any split, and it says
// whether a request is complete, needs more bytes, or is malformed. The grammar is Boost.Beast's
// (a maintained, fuzzed parser); this class only gives every server model the same small
// good / bad / need-more interface, so blocking threads and the event loop share one code path.
//
// On top of Beast it answers what nginx and Node answer: a header block over the limit is 431, a
// body over the limit 413, a Transfer-Encoding other than "chunked" 501 (Beast would read such a
// request as having no body, and the body as the next request), and `Expect: 100-continue` asks
// the server for an interim 100 Continue before the client sends the body.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <boost/beast/http/parser.hpp>

#include "core/discard_body.hpp"

namespace conclab::http {

class RequestParser {
public:
    enum class Status { Complete, NeedMore, Bad };

    // Node's maxHeaderSize is 16 KiB; bodies are accepted up to 1 MiB, read to their end and
    // dropped as they arrive (no route reads a body): no request body is ever buffered, so the
    // total across connections is capped at nothing.
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
    // The header block of the current request is complete (its body may still be due): where a
    // header timeout ends and only the request timeout goes on.
    bool header_done() const { return header_checked_; }

    // Set when Bad: what to answer (400, 413, 431 or 501) and a one-line reason for the body.
    int error_status() const { return error_status_; }
    const std::string& error() const { return error_; }

    // True once per request, after NeedMore, when the header carried `Expect: 100-continue` and
    // the body has not all arrived: the server sends kContinueResponse (response.hpp) before it
    // reads on, as Node's http.Server does when nobody listens for 'checkContinue'.
    bool take_continue();

private:
    Status fail(int status, std::string message);
    bool check_header();  // once, when the header block is complete; false after fail()

    std::optional<boost::beast::http::request_parser<DiscardBody>> parser_;
    bool header_checked_ = false;
    bool continue_pending_ = false;
    int error_status_ = 0;
    std::string error_;
};

}  // namespace conclab::http
