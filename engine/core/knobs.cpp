#include "core/knobs.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/run_config.hpp"
#include "core/run_fields.hpp"

namespace conclab {

namespace {

const RunField& row(std::string_view key) {
    const RunField* field = find_run_field(key);
    if (!field) throw std::invalid_argument("no run field '" + std::string(key) + "'");
    return *field;
}

// Rules of a running experiment beyond the row's own range, or success.
Result<> check_running_rule(const RunField& field, double value) {
    // A running process-per-core server keeps at least one worker ("0 = one per core" is for
    // the start).
    if (field.key == "workers" && value < 1) {
        return Failure{std::string(field.key) + " must be at least 1 while a run goes"};
    }
    if (field.key == "rate") return check_open_loop_rate(value);
    return {};
}

}  // namespace

Knobs::Knobs(std::initializer_list<std::pair<std::string_view, double>> values) {
    for (const auto& [key, value] : values) set(key, value);
}

Knobs& Knobs::set(const RunField& field, double value) {
    // Sorted by the row's place in the registry: the rows are one array.
    const auto place = [](const RunField* f) { return f - run_fields().data(); };
    auto at = std::lower_bound(values_.begin(), values_.end(), place(&field),
                               [&](const Value& v, auto p) { return place(v.field) < p; });
    if (at != values_.end() && at->field == &field) {
        at->value = value;
    } else {
        values_.insert(at, {&field, value});
    }
    return *this;
}

Knobs& Knobs::set(std::string_view key, double value) {
    return set(row(key), value);
}

void Knobs::merge(const Knobs& later) {
    for (const Value& v : later) set(*v.field, v.value);
}

std::optional<double> Knobs::get(std::string_view key) const {
    for (const Value& v : values_) {
        if (v.field->key == key) return v.value;
    }
    return std::nullopt;
}

void apply_knobs(const Knobs& knobs, RunConfig& config) {
    for (const Knobs::Value& v : knobs) v.field->set_number(config, v.value);
}

Result<void, std::vector<std::string>> validate(const Knobs& knobs) {
    std::vector<std::string> problems;
    for (const Knobs::Value& v : knobs) {
        const RunField& field = *v.field;
        if (!field.is_live()) {
            problems.push_back(std::string(field.key) +
                               " cannot change while a run goes: stop, change, start again");
            continue;
        }
        // The row's own checks (kind, whole number, range), on a scratch config.
        RunConfig scratch;
        Result<> ok = set_field_number(field, scratch, v.value);
        if (ok) ok = check_running_rule(field, v.value);
        if (!ok) problems.push_back(ok.error());
    }
    if (problems.empty()) return {};
    return Failure{std::move(problems)};
}

}  // namespace conclab
