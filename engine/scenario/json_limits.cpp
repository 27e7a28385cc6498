#include "scenario/json_limits.hpp"

#include <vector>

namespace conclab {

using nlohmann::json;

namespace {

// Walks the text without building a document: tracks the depth and the last key at each level,
// and gives up (returns false) at the first level too deep, or where the parser failed.
class StructureScan : public nlohmann::json_sax<json> {
public:
    explicit StructureScan(std::size_t max_depth) : max_depth_(max_depth) {}

    std::string last_key;  // the last key seen anywhere: the field of a bad value
    std::string top_key;   // the key at the top level that holds the current value
    bool too_deep = false;

    bool key(string_t& k) override {
        last_key = k;
        if (depth_ == 1) top_key = k;
        return true;
    }
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return enter(); }
    bool end_object() override { return leave(); }
    bool start_array(std::size_t) override { return enter(); }
    bool end_array() override { return leave(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;
    }

private:
    bool enter() {
        if (++depth_ > max_depth_) {
            too_deep = true;
            return false;
        }
        return true;
    }
    bool leave() {
        --depth_;
        return true;
    }
    std::size_t max_depth_;
    std::size_t depth_ = 0;
};

}  // namespace

Result<> check_json_depth(std::string_view text, std::size_t max_depth) {
    StructureScan scan(max_depth);
    json::sax_parse(text, &scan, json::input_format_t::json, false);
    if (!scan.too_deep) return {};
    const std::string depth = std::to_string(max_depth);
    if (scan.top_key.empty()) {
        return Failure{"the document is nested deeper than " + depth + " levels"};
    }
    return Failure{"field \"" + scan.top_key + "\": nested deeper than " + depth + " levels"};
}

namespace {

std::string cut(std::string text, std::size_t max_chars) {
    if (text.size() > max_chars) text = text.substr(0, max_chars - 3) + "...";
    return text;
}

}  // namespace

std::string echo_value(const json& value) {
    return cut(value.dump(), kMaxEchoChars);
}

std::string describe_json_error(std::string_view text, const json::exception& e) {
    StructureScan scan(kMaxJsonDepth);
    json::sax_parse(text, &scan, json::input_format_t::json, false);
    // The parser's "last read" quotes the token it choked on, which may be a 100 KB string.
    const std::string what = cut(e.what(), 3 * kMaxEchoChars);
    const std::string& field = scan.last_key;
    if (!field.empty() && what.find("number overflow") != std::string::npos) {
        return "field \"" + field + "\": " + field + " is a number out of range (" + what + ")";
    }
    // NaN, Infinity and other words where a value should be: the field they were given for.
    if (!field.empty() && (what.find("invalid literal") != std::string::npos ||
                           what.find("invalid number") != std::string::npos)) {
        return "field \"" + field + "\": " + field +
               " is not a JSON value (numbers are finite, NaN and Infinity are not JSON; " + what +
               ")";
    }
    return "not valid JSON: " + what;
}

}  // namespace conclab
