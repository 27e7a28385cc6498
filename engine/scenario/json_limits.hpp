#pragma once
// Limits on the JSON that users hand us (scenario files, presets, settings, saved run reports):
// how deep it may nest and how much of a bad value an error message repeats. The JSON library
// parses without recursion but prints (dump()) recursively, so a value nested 70,000 deep
// crashed the message that quoted it; such text is refused before it becomes a document.

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.hpp"

namespace conclab {

// Deeper than any file we write (a run report nests 5 levels) by a wide margin.
constexpr std::size_t kMaxJsonDepth = 32;
// The longest quote of a bad value in a message; longer values end in "...".
constexpr std::size_t kMaxEchoChars = 60;

// Checks `text` before it is parsed. Fails naming the top-level field the nesting sits in:
// "field \"threads\": nested deeper than 32 levels"; succeeds when the nesting is fine (or the
// text is not JSON at all, which the parser reports itself).
Result<> check_json_depth(std::string_view text, std::size_t max_depth = kMaxJsonDepth);

// A bad value as a message quotes it: its JSON text, cut to kMaxEchoChars.
std::string echo_value(const nlohmann::json& value);

// The parser's error in words, naming the field whose value broke it when there is one: a number
// that overflows a double (1e400), NaN or Infinity (not JSON numbers).
std::string describe_json_error(std::string_view text, const nlohmann::json::exception& e);

}  // namespace conclab
