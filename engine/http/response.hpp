#pragma once
// Serialised HTTP/1.1 responses. Servers send a ready string with one write: the response is tiny
// and fixed-shape, and a single send per request keeps the syscall pattern like Node's and
// Werkzeug's.

#include <string>
#include <string_view>

namespace conclab::http {

std::string make_response(int status, std::string_view body, bool keep_alive,
                          std::string_view server_name);
std::string_view reason_phrase(int status);

}  // namespace conclab::http
