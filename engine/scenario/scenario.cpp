#include "scenario/scenario.hpp"

#include <set>

#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/machine_limits.hpp"
#include "core/regular_file.hpp"
#include "core/run_fields.hpp"
#include "core/server_shapes.hpp"
#include "experiment/sweep.hpp"
#include "scenario/json_limits.hpp"

namespace conclab {

using nlohmann::json;

namespace {

// Scenario files larger than this are refused before they are read whole (a scenario is a few
// hundred bytes; /dev/zero or a mistaken video file must not fill the memory).
constexpr std::size_t kMaxScenarioBytes = 1 << 20;
// A comparison's runs share one chart; more than this would not read.
constexpr std::size_t kMaxCompareRuns = 4;

struct FieldError {
    std::string text;
};

[[noreturn]] void bad(std::string_view field, const std::string& why) {
    throw FieldError{"field \"" + std::string(field) + "\": " + why};
}

// Reads one registry field from the file's value, with the registry's messages.
void read_field(const RunField& field, RunConfig& config, const json& value) {
    Result<> set;
    if (field.kind == FieldKind::Choice) {
        set = value.is_string()
                  ? set_field_from_text(field, config, value.get<std::string>())
                  : Failure{std::string(field.key) + " must be one of " +
                            std::string(field.choices) + ", got " + echo_value(value)};
    } else if (!value.is_number()) {
        set = Failure{std::string(field.key) + " must be a number, got " + echo_value(value)};
    } else {
        set = set_field_number(field, config, value.get<double>(), echo_value(value));
    }
    if (!set) bad(field.key, set.error());
}

std::string string_field(const json& j, std::string_view key) {
    if (!j.contains(key)) return {};
    if (!j.at(key).is_string()) bad(key, std::string(key) + " must be a string");
    return j.at(key).get<std::string>();
}

// One object item of "compare": run fields, each read with the registry's checks; kept as the
// registry's text so that it writes back as it was read.
RunVariant variant_from_json(const json& item, const std::string& where) {
    RunVariant variant;
    for (const auto& member : item.items()) {
        const RunField* field = find_run_field(member.key());
        if (!field) bad("compare", where + " has an unknown field \"" + member.key() + "\"");
        RunConfig probe;
        try {
            read_field(*field, probe, member.value());
        } catch (const FieldError& e) {
            bad("compare", where + ": " + e.text);
        }
        variant.fields.emplace_back(member.key(), field_text(*field, probe));
    }
    return variant;
}

// Each item a model name or an object of run fields; each run, the scenario's settings with the
// item's over them, must validate.
std::vector<RunVariant> compare_field(const json& j, const RunConfig& base) {
    std::vector<RunVariant> variants;
    if (!j.contains("compare")) return variants;
    const json& list = j.at("compare");
    if (!list.is_array()) {
        bad("compare", "compare must be a list of model names or objects of run fields");
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        const json& item = list[i];
        const std::string where = "compare run " + std::to_string(i + 1);
        if (item.is_object()) {
            variants.push_back(variant_from_json(item, where));
        } else {
            auto model =
                item.is_string() ? model_from_string(item.get<std::string>()) : std::nullopt;
            if (!model) bad("compare", "compare has an unknown model " + echo_value(item));
            variants.emplace_back(*model);
        }
        RunConfig run = base;
        if (Result<> set = apply_variant(variants.back(), run); !set) {
            bad("compare", where + ": " + set.error());
        }
        if (auto valid = validate(run); !valid)
            bad("compare", where + ": " + valid.error().front());
    }
    if (variants.size() > kMaxCompareRuns) {
        bad("compare", "compare takes at most " + std::to_string(kMaxCompareRuns) + " runs");
    }
    return variants;
}

// "stages": [{"duration": 5, "target": 10}, ...]; the ranges are checked by validate().
std::vector<Stage> stages_field(const json& j) {
    std::vector<Stage> stages;
    if (!j.contains("stages")) return stages;
    const json& list = j.at("stages");
    if (!list.is_array()) {
        bad("stages", "stages must be a list of {\"duration\": seconds, \"target\": number}");
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        const json& item = list[i];
        const std::string where = "stage " + std::to_string(i + 1);
        if (!item.is_object()) bad("stages", where + " must be {\"duration\": s, \"target\": n}");
        for (const auto& member : item.items()) {
            if (member.key() != "duration" && member.key() != "target") {
                bad("stages", where + " has an unknown key \"" + member.key() + "\"");
            }
        }
        if (!item.contains("duration") || !item.at("duration").is_number()) {
            bad("stages", where + " needs a number \"duration\" (seconds)");
        }
        if (!item.contains("target") || !item.at("target").is_number()) {
            bad("stages", where +
                              " needs a number \"target\" (connections, or req/s in an "
                              "open loop)");
        }
        stages.push_back({item.at("duration").get<double>(), item.at("target").get<double>()});
    }
    return stages;
}

// validate() starts each message with the key of the field to fix.
std::vector<Model> model_list(const json& list, std::string_view field, const char* what) {
    if (!list.is_array()) bad(field, std::string(what) + " must be a list of model names");
    std::vector<Model> models;
    for (const json& item : list) {
        auto model = item.is_string() ? model_from_string(item.get<std::string>()) : std::nullopt;
        if (!model) bad(field, std::string(what) + " has an unknown model " + echo_value(item));
        models.push_back(*model);
    }
    if (models.size() > 3) bad(field, std::string(what) + " takes at most three models");
    return models;
}

// Seconds in [0, hi], or (0, hi] when `positive`.
double sweep_seconds(const json& s, const char* key, double fallback, bool positive, double hi) {
    if (!s.contains(key)) return fallback;
    const json& v = s.at(key);
    const double x = v.is_number() ? v.get<double>() : -1;
    if (!v.is_number() || x < 0 || (positive && x == 0) || x > hi) {
        bad("sweep", std::string("sweep \"") + key + "\" must be a number of seconds in " +
                         (positive ? "(0, " : "[0, ") + std::to_string(static_cast<int>(hi)) +
                         "], got " + echo_value(v));
    }
    return x;
}

// Read as 64 bits and checked by the caller before it narrows: get<int>() would wrap
// 4294967297 to 1.
long long sweep_int(const json& s, const char* key) {
    if (!s.contains(key) || !s.at(key).is_number_integer()) {
        bad("sweep", std::string("sweep needs an integer \"") + key + "\"");
    }
    const json& v = s.at(key);
    if (v.is_number_unsigned() && v.get<unsigned long long>() > 1ULL << 62) return 1LL << 62;
    return v.get<long long>();
}

std::vector<int> sweep_connections(const json& s) {
    const bool list = s.contains("connections");
    const bool series = s.contains("from") || s.contains("to") || s.contains("steps");
    if (list == series) {
        bad("sweep",
            "sweep needs \"connections\": [1, 2, 4, …] or \"from\", \"to\" and "
            "\"steps\" (one of the two)");
    }
    if (series) {
        const long long from = sweep_int(s, "from"), to = sweep_int(s, "to"),
                        steps = sweep_int(s, "steps");
        if (from < 1 || to < from || to > max_connections() || steps < 2 || steps > 100) {
            bad("sweep", "sweep needs 1 <= from <= to <= " + std::to_string(max_connections()) +
                             " and steps 2..100, got " + std::to_string(from) + ", " +
                             std::to_string(to) + ", " + std::to_string(steps));
        }
        return geometric_steps(static_cast<int>(from), static_cast<int>(to),
                               static_cast<int>(steps));
    }
    const json& items = s.at("connections");
    if (!items.is_array() || items.empty() || items.size() > 100) {
        bad("sweep", "sweep connections must be a list of 1 to 100 connection counts");
    }
    std::vector<int> out;
    for (const json& n : items) {
        if (!n.is_number_integer() || n.get<long long>() < 1 ||
            n.get<long long>() > max_connections()) {
            bad("sweep", "sweep connections must be whole numbers 1.." +
                             std::to_string(max_connections()) + ", got " + echo_value(n));
        }
        out.push_back(n.get<int>());
    }
    return out;
}

std::optional<ScenarioSweep> sweep_field(const json& j) {
    if (!j.contains("sweep")) return std::nullopt;
    const json& s = j.at("sweep");
    if (!s.is_object()) bad("sweep", "sweep must be an object {\"connections\": [...], …}");
    for (const auto& member : s.items()) {
        static const std::set<std::string> known{"models", "connections",   "from",   "to",
                                                 "steps",  "step_duration", "warmup", "idle"};
        if (!known.count(member.key())) {
            bad("sweep", "sweep has an unknown key \"" + member.key() + "\"");
        }
    }
    ScenarioSweep sweep;
    if (s.contains("models")) sweep.models = model_list(s.at("models"), "sweep", "sweep models");
    sweep.connections = sweep_connections(s);
    sweep.step_s = sweep_seconds(s, "step_duration", sweep.step_s, true, 3600);
    sweep.warmup_s = sweep_seconds(s, "warmup", sweep.warmup_s, false, 600);
    if (s.contains("idle")) {
        if (!s.at("idle").is_boolean()) bad("sweep", "sweep \"idle\" must be true or false");
        sweep.idle = s.at("idle").get<bool>();
    }
    return sweep;
}

std::string_view field_of_message(std::string_view message) {
    return message.substr(0, message.find(' '));
}

Scenario scenario_from_json(const json& j) {
    if (!j.is_object()) throw FieldError{"a scenario must be a JSON object"};
    for (const auto& item : j.items()) {
        const std::string& key = item.key();
        if (key != "name" && key != "description" && key != "compare" && key != "stages" &&
            key != "sweep" && key != "shape" && !find_run_field(key)) {
            bad(key, "is not a scenario field (a typo?)");
        }
    }
    Scenario s;
    s.name = string_field(j, "name");
    if (s.name.empty()) bad("name", "name is required and must be a non-empty string");
    s.description = string_field(j, "description");
    // A server shape first: the fields the file gives as well refine it.
    if (j.contains("shape")) {
        const json& shape = j.at("shape");
        const ServerShape* found =
            shape.is_string() ? find_server_shape(shape.get<std::string>()) : nullptr;
        if (!found) bad("shape", "shape must be one of " + server_shape_keys());
        apply_server_shape(*found, s.run.server);
    }
    for (const RunField& field : run_fields()) {
        if (j.contains(field.key)) read_field(field, s.run, j.at(field.key));
    }
    s.run.stages = stages_field(j);
    s.sweep = sweep_field(j);
    if (s.sweep && s.run.load.rate > 0) {
        bad("sweep", "a sweep measures closed-loop connections; \"rate\" must be 0");
    }
    if (s.sweep && !s.run.stages.empty()) {
        bad("sweep", "a sweep sets the connections itself; \"stages\" do not apply");
    }
    if (auto valid = validate(s.run); !valid) {
        const std::string& first = valid.error().front();
        std::string_view field = field_of_message(first);
        if (field == "stages:") field = "stages";
        bad(field, first);
    }
    s.compare = compare_field(j, s.run);
    return s;
}

}  // namespace

Result<Scenario> parse_scenario(std::string_view json_text) {
    if (auto depth = check_json_depth(json_text); !depth) return Failure{depth.error()};
    json j;
    try {
        j = json::parse(json_text);
    } catch (const json::exception& e) {  // parse_error, and out_of_range for 1e400
        return Failure{describe_json_error(json_text, e)};
    }
    // FieldError stays inside this file: every bad field becomes the Result's reason here.
    try {
        return scenario_from_json(j);
    } catch (const FieldError& e) {
        return Failure{e.text};
    } catch (const json::exception& e) {  // a value of an unexpected type deep inside
        return Failure{std::string("not a valid scenario: ") + e.what()};
    }
}

json run_config_fields(const RunConfig& r) {
    json j = json::object();
    for (const RunField& field : run_fields()) {
        if (field.kind == FieldKind::Choice) {
            j[std::string(field.key)] = std::string(field.get_choice(r));
        } else if (field.kind == FieldKind::Integer) {
            j[std::string(field.key)] = static_cast<long long>(field.get_number(r));
        } else {
            j[std::string(field.key)] = field.get_number(r);
        }
    }
    if (!r.stages.empty()) {
        json stages = json::array();
        for (const Stage& stage : r.stages) {
            stages.push_back({{"duration", stage.duration_s}, {"target", stage.target}});
        }
        j["stages"] = stages;
    }
    return j;
}

std::string scenario_to_json(const Scenario& s) {
    json j = run_config_fields(s.run);
    j["name"] = s.name;
    j["description"] = s.description;
    if (!s.compare.empty()) {
        json list = json::array();
        for (const RunVariant& v : s.compare) {
            if (auto model = v.model_only()) {
                list.push_back(to_string(*model));
                continue;
            }
            json item = json::object();
            for (const auto& [key, text] : v.fields) {
                const RunField* field = find_run_field(key);
                RunConfig probe;
                if (!field || !set_field_from_text(*field, probe, text)) continue;
                if (field->kind == FieldKind::Choice) {
                    item[key] = text;
                } else if (field->kind == FieldKind::Integer) {
                    item[key] = static_cast<long long>(field->get_number(probe));
                } else {
                    item[key] = field->get_number(probe);
                }
            }
            list.push_back(item);
        }
        j["compare"] = list;
    }
    if (s.sweep) {
        json sweep = {{"connections", s.sweep->connections},
                      {"step_duration", s.sweep->step_s},
                      {"warmup", s.sweep->warmup_s}};
        if (s.sweep->idle) sweep["idle"] = true;
        if (!s.sweep->models.empty()) {
            json models = json::array();
            for (Model m : s.sweep->models) models.push_back(to_string(m));
            sweep["models"] = models;
        }
        j["sweep"] = sweep;
    }
    return j.dump(2) + "\n";
}

Result<Scenario> load_scenario_file(const std::string& path) {
    const auto text =
        read_regular_file(path, kMaxScenarioBytes, "a scenario file is a small JSON object");
    if (!text) return Failure{"scenario file " + text.error()};
    auto parsed = parse_scenario(*text);
    if (!parsed) return Failure{path + ": " + parsed.error()};
    return parsed;
}

Result<> save_scenario_file(const std::string& path, const Scenario& scenario) {
    return write_file_atomically(path, scenario_to_json(scenario), true);
}

}  // namespace conclab
