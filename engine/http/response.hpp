#pragma once
// Serialised HTTP/1.1 responses. Servers send a ready string with one write: the response is tiny
// and fixed-shape, and a single send per request keeps the syscall pattern like Node's and
// Werkzeug's.

#include <string>
#include <string_view>

namespace conclab::http {

// The interim response to `Expect: 100-continue`: a status line and an empty header block, after
// which the client sends the body and the final response follows.
inline constexpr std::string_view kContinueResponse = "HTTP/1.1 100 Continue\r\n\r\n";
// What Node's http.Server writes when a request outlives headersTimeout or requestTimeout
// (its default 'clientError' handling of ERR_HTTP_REQUEST_TIMEOUT), before it closes.
inline constexpr std::string_view kRequestTimeoutResponse =
    "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n";

std::string make_response(int status, std::string_view body, bool keep_alive,
                          std::string_view server_name);
std::string_view reason_phrase(int status);

}  // namespace conclab::http
