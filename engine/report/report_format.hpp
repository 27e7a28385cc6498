#pragma once
// Small formatting helpers every report writer shares: a measured-or-null JSON value, a
// number with a fixed count of decimals for the text summaries, and padding to a column.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/fixed_decimals.hpp"  // fixed(): a number with a fixed count of decimals

namespace conclab {

// A value that was not measured is null in JSON, never a made-up zero.
template <typename T>
nlohmann::json or_null(const std::optional<T>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// Display width of UTF-8 text: code points, not bytes ("–" and "—" are one column).
inline std::size_t columns(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// `text` padded with spaces to `width` columns, on the left when `right` (right-aligned).
inline std::string pad(const std::string& text, std::size_t width, bool right) {
    const std::size_t w = columns(text);
    const std::string fill(w < width ? width - w : 0, ' ');
    return right ? fill + text : text + fill;
}

}  // namespace conclab
