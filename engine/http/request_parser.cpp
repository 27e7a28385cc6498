#include "http/request_parser.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>

namespace conclab::http {

namespace beast_http = boost::beast::http;

RequestParser::RequestParser() {
    reset();
}

void RequestParser::reset() {
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    parser_->body_limit(kBodyLimit);
    parser_->eager(true);
    error_.clear();
}

RequestParser::Status RequestParser::feed(std::string_view data, std::size_t& consumed) {
    consumed = 0;
    if (!error_.empty()) return Status::Bad;
    while (!parser_->is_done()) {
        if (consumed == data.size()) return Status::NeedMore;
        boost::system::error_code ec;
        const std::size_t used =
            parser_->put(boost::asio::buffer(data.data() + consumed, data.size() - consumed), ec);
        consumed += used;
        if (ec == beast_http::error::need_more) {
            // Beast consumes nothing until it sees a whole header block; keep what remains for
            // the next call (the caller's buffer holds it).
            if (used == 0) return Status::NeedMore;
            continue;
        }
        if (ec) {
            error_ = ec.message();
            return Status::Bad;
        }
    }
    return Status::Complete;
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
