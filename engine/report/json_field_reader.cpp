#include "report/json_field_reader.hpp"

#include <cmath>
#include <limits>

namespace conclab {

using nlohmann::json;

namespace {

// The offending value, short enough for a message.
std::string shown(const json& value) {
    std::string text = value.dump();
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    return text;
}

}  // namespace

void JsonField::fail(const std::string& why) const {
    throw JsonFieldError((path_.empty() ? std::string("the document") : path_) + ": " + why);
}

void JsonField::expect_object() const {
    if (!value_.is_object()) fail("expected an object, got " + shown(value_));
}

JsonField JsonField::operator[](const std::string& key) const {
    expect_object();
    const auto it = value_.find(key);
    const std::string where = path_.empty() ? key : path_ + "." + key;
    if (it == value_.end()) throw JsonFieldError(where + ": missing");
    return {*it, where};
}

JsonField JsonField::operator[](std::size_t index) const {
    if (!value_.is_array() || index >= value_.size()) fail("no element " + std::to_string(index));
    return {value_[index], path_ + "[" + std::to_string(index) + "]"};
}

std::size_t JsonField::array_size() const {
    if (!value_.is_array()) fail("expected a list, got " + shown(value_));
    return value_.size();
}

double JsonField::number() const {
    if (!value_.is_number()) fail("expected a number, got " + shown(value_));
    return value_.get<double>();
}

std::optional<double> JsonField::number_or_null() const {
    if (value_.is_null()) return std::nullopt;
    return number();
}

std::int64_t JsonField::integer() const {
    if (value_.is_number_integer()) {
        if (value_.is_number_unsigned() &&
            value_.get<std::uint64_t>() >
                static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            fail("number out of range: " + shown(value_));
        }
        return value_.get<std::int64_t>();
    }
    const double v = number();
    if (std::floor(v) != v || std::fabs(v) > 9e15)
        fail("expected a whole number, got " + shown(value_));
    return static_cast<std::int64_t>(v);
}

std::uint64_t JsonField::unsigned_integer() const {
    if (value_.is_number_unsigned()) return value_.get<std::uint64_t>();
    const std::int64_t v = integer();
    if (v < 0) fail("expected a count (0 or more), got " + shown(value_));
    return static_cast<std::uint64_t>(v);
}

std::optional<std::int64_t> JsonField::integer_or_null() const {
    if (value_.is_null()) return std::nullopt;
    return integer();
}

int JsonField::int_value() const {
    const std::int64_t v = integer();
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) {
        fail("number out of range: " + shown(value_));
    }
    return static_cast<int>(v);
}

std::optional<int> JsonField::int_or_null() const {
    if (value_.is_null()) return std::nullopt;
    return int_value();
}

bool JsonField::boolean() const {
    if (!value_.is_boolean()) fail("expected true or false, got " + shown(value_));
    return value_.get<bool>();
}

std::string JsonField::string() const {
    if (!value_.is_string()) fail("expected a string, got " + shown(value_));
    return value_.get<std::string>();
}

}  // namespace conclab
