#pragma once
// Text for roff (man(7)) source: escapes that make any help string safe to print in a man page.

#include <string>
#include <string_view>

namespace conclab::docgen {

// Backslashes become \e, hyphens \- (so that flags and commands copied from the page work),
// every non-ASCII character \[uXXXX] (so that groff renders µs and × in any locale), and a line
// that would start with a control character (. or ') is protected with \&.
std::string roff(std::string_view text);

}  // namespace conclab::docgen
