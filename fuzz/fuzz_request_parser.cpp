// libFuzzer target for the HTTP request parser and router: the bytes a client can send.
//
// The input is one connection's byte stream, delivered in pieces whose sizes come from the
// input's first byte, and served as a server serves it: feed, keep what was not consumed, route
// and answer a complete request, reset, go on with the pipelined rest; stop at a bad request.
// Besides crashes, sanitizer reports and assertions (Beast's included), it checks that the same
// stream fed all at once gives the same requests and outcome: TCP may split bytes anywhere.
// A failed check() aborts, which libFuzzer reports as a crash with the input.
//
//   build/fuzz/bin/fuzz_request_parser -dict=fuzz/request.dict fuzz/corpus/request_parser

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "http/request_parser.hpp"
#include "http/response.hpp"
#include "server/request_router.hpp"

namespace {

using conclab::http::RequestParser;

struct Served {
    std::vector<std::string> requests;  // method, target, keep-alive, routed status
    int error_status = 0;               // 0: the stream ended needing more (or closed cleanly)
};

void check(bool condition) {
    if (!condition) std::abort();
}

// `piece_size` 0 feeds everything at once; otherwise pieces of 1..piece_size bytes, varied.
Served serve(std::string_view stream, std::size_t piece_size) {
    Served out;
    RequestParser parser;
    std::string buffer;
    std::size_t offset = 0;
    std::size_t step = 0;
    while (offset < stream.size()) {
        std::size_t n = stream.size() - offset;
        if (piece_size > 0) n = std::min(n, 1 + (step++ * 7 + offset) % piece_size);
        buffer.append(stream.substr(offset, n));
        offset += n;
        for (;;) {
            std::size_t used = 0;
            const auto status = parser.feed(buffer, used);
            check(used <= buffer.size());
            buffer.erase(0, used);
            if (status == RequestParser::Status::NeedMore) {
                parser.take_continue();  // a server would send 100 Continue here
                break;
            }
            if (status == RequestParser::Status::Bad) {
                const int code = parser.error_status();
                check(code == 400 || code == 413 || code == 431 || code == 501);
                check(!parser.error().empty());
                check(!conclab::http::make_response(code, parser.error(), false, "f").empty());
                out.error_status = code;
                return out;
            }
            const auto routed =
                conclab::route_request(parser.method(), parser.target(), conclab::Workload{});
            check(routed.status == 200 || routed.status == 400 || routed.status == 404 ||
                  routed.status == 405);
            check(conclab::http::reason_phrase(routed.status) != "Unknown");
            out.requests.push_back(
                std::string(parser.method()) + ' ' + std::string(parser.target()) + ' ' +
                (parser.keep_alive() ? "keep-alive " : "close ") + std::to_string(routed.status));
            parser.reset();
        }
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::size_t piece_size = 1 + data[0] % 16;
    const std::string_view stream(reinterpret_cast<const char*>(data) + 1, size - 1);
    const Served split = serve(stream, piece_size);
    const Served whole = serve(stream, 0);
    // Every complete request parses the same however the bytes are split. A bad request may be
    // noticed early, in a header that is not complete yet (Beast checks what it has scanned), so
    // at the end of the stream one side may still need more where the other has refused.
    check(split.requests == whole.requests);
    check(split.error_status == whole.error_status || split.error_status == 0 ||
          whole.error_status == 0);
    return 0;
}
