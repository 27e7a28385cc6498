#pragma once
// The one table of run fields. Every knob of an experiment is one row here — its scenario key,
// CLI flag, type, range, unit, help text, whether it may change during a run and whether worker
// processes need it — and everything that lists fields reads this table: the CLI's flags and
// --help, scenario files (read and write), validate(), the worker's argv and its parser, the
// GUI's scenario round trip, tooltips and slider ranges. Adding a knob is one row plus its use.
// (The shape is nginx's ngx_command_t arrays: name, argument shape, setter, post-check.)

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/run_config.hpp"

namespace conclab {

enum class FieldKind {
    Integer,  // a whole number
    Real,     // a finite number
    Choice,   // one of a few names (model, scheduling)
};

// Where a field belongs; front ends group their controls and help by it.
enum class FieldGroup { Server, Workload, Load, Run };

struct RunField {
    std::string_view key;   // scenario files and reports: "switch_interval_ms"
    std::string_view flag;  // CLI flag without the dashes: "switch-interval-ms"
    char short_flag;        // 'c' for -c, or 0
    FieldKind kind;
    FieldGroup group;
    double min, max;           // inclusive range of Integer and Real fields
    std::string_view unit;     // "ms", "s", "µs", or empty
    std::string_view help;     // one line: what it is, what 0 means, whom the default copies
    std::string_view choices;  // Choice fields: "event-loop | gil-threads | process-per-core"
    bool live;                 // may change while a run goes (Experiment::adjust)
    bool to_worker;            // conclab-worker processes get it on their command line
    // Numbers travel as double (every int of the ranges above is exact in a double).
    double (*get_number)(const RunConfig&);
    void (*set_number)(RunConfig&, double);
    // Choice fields: the name, and a setter that says whether the name was one of the choices.
    std::string_view (*get_choice)(const RunConfig&);
    bool (*set_choice)(RunConfig&, std::string_view);
};

std::span<const RunField> run_fields();
const RunField* find_run_field(std::string_view key);  // by key; nullptr if unknown

// The value as text: "10", "0.25", "event-loop". Numbers print the shortest text that reads back
// to the same double, so text → field → text round-trips exactly.
std::string field_text(const RunField& field, const RunConfig& config);
// Reads `text` into the field. Returns the problem ("connections must be a whole number, got
// 'many'", "connections must be 1..10000, got 20000"), or an empty string.
std::string set_field_from_text(const RunField& field, RunConfig& config, std::string_view text);
// Stores a number read elsewhere (a JSON value, a slider) after checking kind and range; the
// messages are those of set_field_from_text. `shown` is how the value was written, for the message.
std::string set_field_number(const RunField& field, RunConfig& config, double value,
                             std::string_view shown = {});
// The range check alone, with the message every front end shows: "cpu_ms must be 0..10000, got
// -1" (empty when in range).
std::string check_field_value(const RunField& field, double value);
// The default of the field as text (the value in a default-constructed RunConfig).
std::string field_default_text(const RunField& field);
// Help with unit and range, for --help and tooltips: "closed-loop keep-alive connections, like
// wrk -c (1..10000)".
std::string field_help(const RunField& field);

// One run of a comparison: fields set over the comparison's base config, key → value as text
// ({"model", "gil-threads"}, {"threads", "4"}), in the order given. A list of models is a
// comparison whose runs each set "model", hence the implicit conversion.
struct RunVariant {
    std::vector<std::pair<std::string, std::string>> fields;
    RunVariant() = default;
    RunVariant(Model model);  // NOLINT(google-explicit-constructor): {"model", name}
    bool operator==(const RunVariant&) const = default;
    // The model it sets, if it sets nothing else (written back as a plain model name).
    std::optional<Model> model_only() const;
    bool sets(std::string_view key) const;
};

// Sets the variant's fields on `config` with the registry's checks; the first problem, or empty.
std::string apply_variant(const RunVariant& variant, RunConfig& config);

}  // namespace conclab
