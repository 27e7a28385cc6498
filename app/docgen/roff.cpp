#include "roff.hpp"

#include <cstdio>

namespace conclab::docgen {

namespace {

// The code point of the UTF-8 sequence at text[i]; advances i past it. A broken sequence gives
// U+FFFD and one byte.
char32_t next_code_point(std::string_view text, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    const int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
    if (extra == 0 || i + static_cast<std::size_t>(extra) >= text.size()) {
        ++i;
        return lead < 0x80 ? lead : U'\uFFFD';
    }
    char32_t code = lead & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
        const unsigned char cont = byte(i + static_cast<std::size_t>(k));
        if ((cont & 0xC0) != 0x80) {
            ++i;
            return U'\uFFFD';
        }
        code = (code << 6) | (cont & 0x3F);
    }
    i += static_cast<std::size_t>(extra) + 1;
    return code;
}

}  // namespace

std::string roff(std::string_view text) {
    std::string out;
    bool line_start = true;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (line_start && (c == '.' || c == '\'')) out += "\\&";
        line_start = c == '\n';
        if (static_cast<unsigned char>(c) >= 0x80) {
            char escaped[16];
            std::snprintf(escaped, sizeof escaped, "\\[u%04X]",
                          static_cast<unsigned>(next_code_point(text, i)));
            out += escaped;
            continue;
        }
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else {
            out += c;
        }
        ++i;
    }
    return out;
}

}  // namespace conclab::docgen
