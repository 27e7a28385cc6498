#include "core/run_fields.hpp"

#include "core/machine_limits.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

namespace conclab {

namespace {

constexpr double kInfinity = HUGE_VAL;

// The fields whose maximum is the machine's, whose refusal says why and how to raise it.
bool machine_limited(const RunField& field) {
    return field.max == static_cast<double>(max_connections()) &&
           (field.key == "connections" || field.key == "max_connections" ||
            field.key == "idle_connections");
}

std::string number_text(double value) {
    std::array<char, 64> buffer{};
    auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return ec == std::errc{} ? std::string(buffer.data(), end) : std::string("?");
}

std::string range_text(const RunField& f) {
    return number_text(f.min) + ".." + number_text(f.max);
}

}  // namespace

const RunField* find_run_field(std::string_view key) {
    for (const RunField& f : run_fields()) {
        if (f.key == key) return &f;
    }
    return nullptr;
}

std::string field_text(const RunField& field, const RunConfig& config) {
    if (field.kind == FieldKind::Choice) return std::string(field.get_choice(config));
    return number_text(field.get_number(config));
}

Result<> check_field_value(const RunField& field, double value) {
    if (!std::isfinite(value)) return Failure{std::string(field.key) + " must be a finite number"};
    if (value < field.min || value > field.max) {
        std::string problem = std::string(field.key) + " must be " + range_text(field) + ", got " +
                              number_text(value);
        if (value > field.max && machine_limited(field)) {
            problem += ": " + connection_limit_explanation(read_machine_limits());
        }
        return Failure{std::move(problem)};
    }
    return {};
}

Result<> set_field_number(const RunField& field, RunConfig& config, double value,
                          std::string_view shown) {
    const std::string as_written = shown.empty() ? number_text(value) : std::string(shown);
    if (field.kind == FieldKind::Choice) {
        return Failure{std::string(field.key) + " must be one of " + std::string(field.choices) +
                       ", got " + as_written};
    }
    if (field.kind == FieldKind::Integer && std::isfinite(value) && value != std::floor(value)) {
        return Failure{std::string(field.key) + " must be a whole number, got " + as_written};
    }
    if (Result<> in_range = check_field_value(field, value); !in_range) {
        // Say the value as the user wrote it: 18446744073709551615, not -1 or 1.8e+19.
        std::string problem = in_range.error();
        if (!shown.empty()) {
            const std::string said = number_text(value);
            problem = std::string(field.key) + " must be " + range_text(field) + ", got " +
                      as_written + problem.substr(problem.find(said) + said.size());
        }
        return Failure{std::move(problem)};
    }
    field.set_number(config, value);
    return {};
}

Result<> set_field_from_text(const RunField& field, RunConfig& config, std::string_view text) {
    if (field.kind == FieldKind::Choice) {
        if (field.set_choice(config, text)) return {};
        return Failure{std::string(field.key) + " must be one of " + std::string(field.choices) +
                       ", got '" + std::string(text) + "'"};
    }
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || end != text.data() + text.size() ||
        (ec != std::errc{} && ec != std::errc::result_out_of_range)) {
        return Failure{std::string(field.key) + " must be a " +
                       (field.kind == FieldKind::Integer ? "whole number" : "number") + ", got '" +
                       std::string(text) + "'"};
    }
    if (ec == std::errc::result_out_of_range) value = text.front() == '-' ? -kInfinity : kInfinity;
    return set_field_number(field, config, value, text);
}

std::string field_default_text(const RunField& field) {
    return field_text(field, RunConfig{});
}

std::string field_help(const RunField& field) {
    std::string help(field.help);
    if (field.kind == FieldKind::Choice) return help + ": " + std::string(field.choices);
    help += " (";
    help += range_text(field);
    if (!field.unit.empty()) help += " " + std::string(field.unit);
    help += ")";
    return help;
}

}  // namespace conclab

namespace conclab {

RunVariant::RunVariant(Model model) : fields{{"model", std::string(to_string(model))}} {}

std::optional<Model> RunVariant::model_only() const {
    if (fields.size() != 1 || fields.front().first != "model") return std::nullopt;
    return model_from_string(fields.front().second);
}

bool RunVariant::sets(std::string_view key) const {
    for (const auto& [k, v] : fields) {
        if (k == key) return true;
    }
    return false;
}

Result<> apply_variant(const RunVariant& variant, RunConfig& config) {
    for (const auto& [key, text] : variant.fields) {
        const RunField* field = find_run_field(key);
        if (!field) return Failure{key + " is not a run field"};
        if (Result<> set = set_field_from_text(*field, config, text); !set) return set;
    }
    return {};
}

}  // namespace conclab
