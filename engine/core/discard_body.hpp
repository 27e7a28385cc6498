#pragma once
// A Beast body that drops the bytes it is given: the load generator needs to know where a
// response ends (Content-Length, chunked or end of stream), never what it says; the servers need
// to read a request's body to its end, never to keep it. No allocation: a body costs no memory
// however many connections send one at once (Beast's string_body reserved each request's whole
// Content-Length as soon as its header arrived: 300 unfinished 1 MB bodies held 301 MB).

#include <cstdint>

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional.hpp>

namespace conclab {

struct DiscardBody {
    struct value_type {};

    class reader {
    public:
        template <bool isRequest, class Fields>
        explicit reader(boost::beast::http::header<isRequest, Fields>&, value_type&) {}

        void init(const boost::optional<std::uint64_t>&, boost::beast::error_code& ec) { ec = {}; }

        template <class ConstBufferSequence>
        std::size_t put(const ConstBufferSequence& buffers, boost::beast::error_code& ec) {
            ec = {};
            return boost::asio::buffer_size(buffers);
        }

        void finish(boost::beast::error_code& ec) { ec = {}; }
    };
};

}  // namespace conclab
