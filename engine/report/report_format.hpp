#pragma once
// Small formatting helpers every report writer shares: a measured-or-null JSON value, and a
// number with a fixed count of decimals for the text summaries.

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

}  // namespace conclab
