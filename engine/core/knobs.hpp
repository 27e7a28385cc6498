#pragma once
// Knobs: the values a running experiment is asked to change (Experiment::adjust), one per live
// row of the run-field registry. Kept apart from RunConfig because it is a change, not a
// description: which rows, to what.

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace conclab {

struct RunConfig;  // core/run_config.hpp
struct RunField;   // core/run_fields.hpp: a row of the registry

// Knobs that may change while a run is going: values of the registry's live rows
// (RunField::live), each keyed by its row, e.g. Knobs{{"connections", 100}, {"cpu_ms", 5}}.
// Adding a live knob is a row marked Live::Yes plus its use in Experiment::adjust; nothing here
// lists the knobs. A knob not set is left alone. Rows that are not live may be set too: validate()
// refuses them with the reason.
class Knobs {
public:
    struct Value {
        const RunField* field;
        double value;
        bool operator==(const Value&) const = default;
    };

    Knobs() = default;
    // Registry keys and values; an unknown key is a programming error (std::invalid_argument).
    Knobs(std::initializer_list<std::pair<std::string_view, double>> values);

    // Sets the row's value; a later value of the same row replaces the earlier one.
    Knobs& set(const RunField& field, double value);
    Knobs& set(std::string_view key, double value);  // std::invalid_argument if not a row
    // The values of `later` over these (a slider dragged on: its last position wins).
    void merge(const Knobs& later);

    std::optional<double> get(std::string_view key) const;
    bool has(std::string_view key) const { return get(key).has_value(); }
    bool empty() const { return values_.empty(); }
    std::size_t size() const { return values_.size(); }
    // In the registry's order, whatever the order they were set in.
    std::vector<Value>::const_iterator begin() const { return values_.begin(); }
    std::vector<Value>::const_iterator end() const { return values_.end(); }
    bool operator==(const Knobs&) const = default;

private:
    std::vector<Value> values_;
};

// Sets each knob on `config` through its row (validate(knobs) first: this checks nothing).
void apply_knobs(const Knobs& knobs, RunConfig& config);

// Fails with one message per knob that cannot be set during a run: not a live row, out of its
// row's range, or against a rule of a running experiment (a process-per-core server keeps one
// worker; an open loop's rate has a floor).
Result<void, std::vector<std::string>> validate(const Knobs& knobs);

}  // namespace conclab
