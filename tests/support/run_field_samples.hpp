#pragma once
// For round-trip tests of the run-field registry: one valid value per field that differs from its
// default, and one out-of-range value per numeric field. Derived from the registry itself, so a
// new row is covered by every round-trip test without editing them.

#include <cmath>
#include <string>
#include <vector>

#include "core/run_fields.hpp"

namespace conclab::test {

// A registry call's problem as text, empty when it succeeded: what the tests compare.
inline std::string problem_of(const Result<>& result) {
    return result ? std::string() : result.error();
}
// validate()'s problems, empty when the config (or the knobs) is valid.
inline std::vector<std::string> problems_of(const Result<void, std::vector<std::string>>& result) {
    return result ? std::vector<std::string>() : result.error();
}

// The choices of a Choice field: "a | b | c" -> {a, b, c}.
inline std::vector<std::string> choices_of(const RunField& field) {
    std::vector<std::string> out;
    std::string text(field.choices);
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t bar = text.find(" | ", start);
        if (bar == std::string::npos) bar = text.size();
        out.push_back(text.substr(start, bar - start));
        start = bar + 3;
    }
    return out;
}

// A valid value other than the default. Models: process-per-core outside (so that inner
// matters) and gil-threads inside.
inline std::string non_default_text(const RunField& field) {
    const std::string fallback = field_default_text(field);
    if (field.kind == FieldKind::Choice) {
        const auto choices = choices_of(field);
        for (auto it = choices.rbegin(); it != choices.rend(); ++it) {
            if (*it != fallback) return *it;
        }
        return fallback;
    }
    RunConfig defaults;
    const double d = field.get_number(defaults);
    double v = field.kind == FieldKind::Integer ? d + 1 : d + 0.5;
    if (v > field.max) v = field.kind == FieldKind::Integer ? d - 1 : d - 0.5;
    RunConfig probe;
    field.set_number(probe, v);
    return field_text(field, probe);
}

// Out of range for a numeric field: above its maximum.
inline std::string out_of_range_text(const RunField& field) {
    return std::to_string(static_cast<long long>(std::floor(field.max)) + 7);
}

}  // namespace conclab::test
