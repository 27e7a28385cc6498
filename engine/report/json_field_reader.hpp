#pragma once
// Reads typed values out of a JSON document that came from outside (a saved report), naming the
// place of the first bad value: "series[3].rps: expected a number, got \"fast\"". Every reader
// throws JsonFieldError; nothing here can crash on a foreign document.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace conclab {

struct JsonFieldError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A JSON value with the path it was reached by, for messages.
class JsonField {
public:
    JsonField(const nlohmann::json& value, std::string path)
        : value_(value), path_(std::move(path)) {}

    const nlohmann::json& value() const { return value_; }
    const std::string& path() const { return path_; }
    bool is_null() const { return value_.is_null(); }
    bool has(const std::string& key) const { return value_.is_object() && value_.contains(key); }

    // The member `key`; missing members are an error unless the caller asked has() first.
    JsonField operator[](const std::string& key) const;
    JsonField operator[](std::size_t index) const;
    std::size_t array_size() const;  // an error when not an array
    void expect_object() const;

    double number() const;
    std::optional<double> number_or_null() const;
    std::int64_t integer() const;  // a whole number, in range of int64
    std::uint64_t unsigned_integer() const;
    std::optional<std::int64_t> integer_or_null() const;
    int int_value() const;
    std::optional<int> int_or_null() const;
    bool boolean() const;
    std::string string() const;

    [[noreturn]] void fail(const std::string& why) const;

private:
    const nlohmann::json& value_;
    std::string path_;
};

}  // namespace conclab
