#pragma once
// The one table of run fields. Every knob of an experiment is one row here — its scenario key,
// CLI flag, type, range, unit, help text, whether it may change during a run and whether worker
// processes need it — and everything that lists fields reads this table: the CLI's flags and
// --help, scenario files (read and write), validate(), the worker's argv and its parser, the
// GUI's scenario round trip, tooltips and slider ranges, and the live knobs (core/knobs.hpp).
// Adding a knob is one row plus its use. The rows are in run_fields_table.cpp.
// (The shape is nginx's ngx_command_t arrays: name, argument shape, setter, post-check.)

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "core/run_config.hpp"

namespace conclab {

enum class FieldKind {
    Integer,  // a whole number
    Real,     // a finite number
    Choice,   // one of a few names (model, scheduling)
};

// Where a field belongs; front ends group their controls and help by it.
enum class FieldGroup { Server, Workload, Load, Run };

// Whether a field may change while a run goes: Experiment::adjust takes it (as a Knobs value),
// the control panel's slider stays enabled during a run, the man page says so.
enum class Live { No, Yes };

// Whether conclab-worker processes get the field on their command line (the server they run
// needs it); the others are the host's, the load generator's or the run's.
enum class ToWorker { No, Yes };

// One row. Rows are written with designated initializers; the members with a default (short
// flag, unit, choices, the accessors the kind does not use) may be left out.
struct RunField {
    std::string_view key;   // scenario files and reports: "switch_interval_ms"
    std::string_view flag;  // CLI flag without the dashes: "switch-interval-ms"
    char short_flag = 0;    // 'c' for -c, or 0
    FieldKind kind;
    FieldGroup group;
    double min = 0, max = 0;        // inclusive range of Integer and Real fields
    std::string_view unit = {};     // "ms", "s", "µs", or empty
    std::string_view help;          // one line: what it is, what 0 means, whom the default copies
    std::string_view choices = {};  // Choice fields: "event-loop | gil-threads | process-per-core"
    Live live;                      // may change while a run goes (Experiment::adjust)
    ToWorker to_worker;             // conclab-worker processes get it on their command line
    // Numbers travel as double (every int of the ranges above is exact in a double).
    double (*get_number)(const RunConfig&) = nullptr;
    void (*set_number)(RunConfig&, double) = nullptr;
    // Choice fields: the name, and a setter that says whether the name was one of the choices.
    std::string_view (*get_choice)(const RunConfig&) = nullptr;
    bool (*set_choice)(RunConfig&, std::string_view) = nullptr;

    bool is_live() const { return live == Live::Yes; }
    bool goes_to_worker() const { return to_worker == ToWorker::Yes; }
};

std::span<const RunField> run_fields();
const RunField* find_run_field(std::string_view key);  // by key; nullptr if unknown

// The value as text: "10", "0.25", "event-loop". Numbers print the shortest text that reads back
// to the same double, so text → field → text round-trips exactly.
std::string field_text(const RunField& field, const RunConfig& config);
// Reads `text` into the field, or fails with the problem ("connections must be a whole number,
// got 'many'", "connections must be 1..10000, got 20000"); on failure the config is unchanged.
Result<> set_field_from_text(const RunField& field, RunConfig& config, std::string_view text);
// Stores a number read elsewhere (a JSON value, a slider) after checking kind and range; the
// messages are those of set_field_from_text. `shown` is how the value was written, for the message.
Result<> set_field_number(const RunField& field, RunConfig& config, double value,
                          std::string_view shown = {});
// The range check alone, with the message every front end shows: "cpu_ms must be 0..10000, got
// -1".
Result<> check_field_value(const RunField& field, double value);
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

// Sets the variant's fields on `config` with the registry's checks; fails with the first problem.
Result<> apply_variant(const RunVariant& variant, RunConfig& config);

}  // namespace conclab
