#include "http/request_parser.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>

namespace conclab::http {

namespace beast_http = boost::beast::http;

namespace {

// The last chunk of a chunked body ("0\r\n\r\n") is at least this long, and Beast consumes it
// only in one piece, together with any trailer and the CRLF that ends the chunk before it.
constexpr std::size_t kShortestLastChunk = 5;

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

RequestParser::RequestParser() {
    reset();
}

void RequestParser::reset() {
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    parser_->body_limit(kBodyLimit);
    // Not eager until the header has been checked: put() stops after the header block, so that
    // a request refused for its header is refused before Beast reads a body it would misread.
    parser_->eager(false);
    header_checked_ = false;
    continue_pending_ = false;
    error_status_ = 0;
    error_.clear();
}

RequestParser::Status RequestParser::fail(int status, std::string message) {
    error_status_ = status;
    error_ = std::move(message);
    continue_pending_ = false;
    return Status::Bad;
}

RequestParser::Status RequestParser::feed(std::string_view data, std::size_t& consumed) {
    consumed = 0;
    if (error_status_ != 0) return Status::Bad;
    while (!parser_->is_done()) {
        const std::size_t left = data.size() - consumed;
        if (left == 0) return Status::NeedMore;
        // Boost 1.74's basic_parser::parse_chunk_header asserts `n >= 5` when it is fed again
        // after having seen the last chunk's "0\r\n" but not the CRLF that ends the body, and
        // gets fewer than 5 bytes (fixed in later Boost). In a build with assertions that kills
        // the server on a request split as "0\r\n" + "\r" + "\n". Fewer than 5 unconsumed bytes
        // in a chunked body can never complete it (see kShortestLastChunk), so wait for more.
        if (parser_->is_header_done() && parser_->chunked() && left < kShortestLastChunk) {
            return Status::NeedMore;
        }
        boost::system::error_code ec;
        const std::size_t used =
            parser_->put(boost::asio::buffer(data.data() + consumed, left), ec);
        consumed += used;
        if (ec == beast_http::error::header_limit) {
            return fail(431, "request header fields larger than " + std::to_string(kHeaderLimit) +
                                 " bytes");
        }
        if (ec == beast_http::error::body_limit) {
            return fail(413, "request body larger than " + std::to_string(kBodyLimit) + " bytes");
        }
        if (ec && ec != beast_http::error::need_more) {
            return fail(400, "malformed request: " + ec.message());
        }
        if (parser_->is_header_done() && !header_checked_) {
            if (!check_header()) return Status::Bad;
            parser_->eager(true);  // the body, in as few calls as the bytes allow
            continue;
        }
        // Beast consumes nothing until it sees a whole header block; keep what remains for the
        // next call (the caller's buffer holds it).
        if (ec == beast_http::error::need_more && used == 0) return Status::NeedMore;
    }
    continue_pending_ = false;
    return Status::Complete;
}

bool RequestParser::check_header() {
    header_checked_ = true;
    const auto& request = parser_->get();
    // nginx accepts exactly one transfer coding, "chunked", and answers 501 to anything else;
    // Beast has already refused Transfer-Encoding together with Content-Length, and a repeated
    // "chunked", as 400.
    for (const auto& field : request) {
        if (field.name() == beast_http::field::transfer_encoding &&
            !boost::beast::iequals(trimmed(field.value()), "chunked")) {
            fail(501, "unsupported Transfer-Encoding: " + std::string(field.value()));
            return false;
        }
    }
    // Node answers `Expect: 100-continue` (any case) on HTTP/1.1 with an interim 100 Continue.
    const auto expect = request.find(beast_http::field::expect);
    if (expect != request.end() && request.version() == 11 &&
        boost::beast::iequals(trimmed(expect->value()), "100-continue") && !parser_->is_done()) {
        continue_pending_ = true;
    }
    return true;
}

bool RequestParser::take_continue() {
    const bool pending = continue_pending_;
    continue_pending_ = false;
    return pending;
}

std::string_view RequestParser::method() const {
    return parser_->get().method_string();
}

std::string_view RequestParser::target() const {
    return parser_->get().target();
}

bool RequestParser::keep_alive() const {
    return parser_->get().keep_alive();
}

}  // namespace conclab::http
