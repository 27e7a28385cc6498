#include "scenario/scenario.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "report/atomic_file.hpp"

namespace conclab {

using nlohmann::json;

namespace {

struct FieldError {
    std::string text;
};

[[noreturn]] void bad(const std::string& field, const std::string& why) {
    throw FieldError{"field \"" + field + "\": " + why};
}

double number_field(const json& j, const std::string& key, double fallback) {
    if (!j.contains(key)) return fallback;
    const json& v = j.at(key);
    if (!v.is_number()) bad(key, "must be a number, got " + v.dump());
    return v.get<double>();
}

int integer_field(const json& j, const std::string& key, int fallback) {
    if (!j.contains(key)) return fallback;
    const json& v = j.at(key);
    if (!v.is_number_integer() && !v.is_number_unsigned()) {
        bad(key, "must be a whole number, got " + v.dump());
    }
    const auto value = v.get<long long>();
    if (value < -1'000'000'000 || value > 1'000'000'000) bad(key, "is out of range");
    return static_cast<int>(value);
}

Model model_field(const json& j, const std::string& key, Model fallback) {
    if (!j.contains(key)) return fallback;
    const json& v = j.at(key);
    if (!v.is_string()) bad(key, "must be a string, got " + v.dump());
    auto model = model_from_string(v.get<std::string>());
    if (!model) bad(key, "must be event-loop, gil-threads or process-per-core, got " + v.dump());
    return *model;
}

// Maps validate()'s messages ("connections must be ...") back to the file's field names.
std::string field_of_message(const std::string& message) {
    static const std::pair<const char*, const char*> names[] = {
        {"connections", "connections"},
        {"load threads", "load_threads"},
        {"cpu_ms", "cpu_ms"},
        {"io_ms", "io_ms"},
        {"overhead_us", "overhead_us"},
        {"threads", "threads"},
        {"workers", "workers"},
        {"switch interval", "switch_interval_ms"},
        {"backlog", "backlog"},
        {"duration", "duration_s"},
        {"warmup", "warmup_s"},
        {"tick", "tick_s"},
        {"inner model", "inner"},
        {"request timeout", "request_timeout_s"},
        {"heavy connections", "heavy_connections"},
        {"heavy cpu_ms", "heavy_cpu_ms"}};
    for (auto [prefix, field] : names) {
        if (message.rfind(prefix, 0) == 0) return field;
    }
    return "?";
}

Scenario scenario_from_json(const json& j) {
    if (!j.is_object()) throw FieldError{"a scenario must be a JSON object"};
    static const std::set<std::string> known = {"name",
                                                "description",
                                                "model",
                                                "inner",
                                                "threads",
                                                "workers",
                                                "switch_interval_ms",
                                                "backlog",
                                                "connections",
                                                "load_threads",
                                                "cpu_ms",
                                                "io_ms",
                                                "overhead_us",
                                                "duration_s",
                                                "warmup_s",
                                                "tick_s",
                                                "compare",
                                                "request_timeout_s",
                                                "port",
                                                "scheduling",
                                                "heavy_connections",
                                                "heavy_cpu_ms"};
    for (const auto& item : j.items()) {
        if (!known.count(item.key())) bad(item.key(), "is not a scenario field (a typo?)");
    }
    Scenario s;
    if (!j.contains("name") || !j.at("name").is_string() ||
        j.at("name").get<std::string>().empty()) {
        bad("name", "is required and must be a non-empty string");
    }
    s.name = j.at("name").get<std::string>();
    if (j.contains("description")) {
        if (!j.at("description").is_string()) bad("description", "must be a string");
        s.description = j.at("description").get<std::string>();
    }
    RunConfig& r = s.run;
    r.server.model = model_field(j, "model", r.server.model);
    r.server.inner = model_field(j, "inner", r.server.inner);
    r.server.threads = integer_field(j, "threads", r.server.threads);
    if (j.contains("scheduling")) {
        const json& v = j.at("scheduling");
        auto parsed = v.is_string() ? scheduling_from_string(v.get<std::string>()) : std::nullopt;
        if (!parsed) bad("scheduling", "must be \"round-robin\" or \"kernel\", got " + v.dump());
        r.server.scheduling = *parsed;
    }
    r.server.workers = integer_field(j, "workers", r.server.workers);
    r.server.switch_interval_ms =
        number_field(j, "switch_interval_ms", r.server.switch_interval_ms);
    r.server.listen_backlog = integer_field(j, "backlog", r.server.listen_backlog);
    const int port = integer_field(j, "port", 0);
    if (port < 0 || port > 65535) bad("port", "must be 0..65535");
    r.server.port = static_cast<std::uint16_t>(port);
    r.load.connections = integer_field(j, "connections", r.load.connections);
    r.load.threads = integer_field(j, "load_threads", r.load.threads);
    r.load.heavy_connections = integer_field(j, "heavy_connections", r.load.heavy_connections);
    r.load.heavy_cpu_ms = number_field(j, "heavy_cpu_ms", r.load.heavy_cpu_ms);
    r.load.request_timeout_s = number_field(j, "request_timeout_s", r.load.request_timeout_s);
    r.server.workload.cpu_ms = number_field(j, "cpu_ms", 0);
    r.server.workload.io_ms = number_field(j, "io_ms", 0);
    r.server.workload.overhead_us = number_field(j, "overhead_us", 0);
    r.duration_s = number_field(j, "duration_s", r.duration_s);
    r.warmup_s = number_field(j, "warmup_s", r.warmup_s);
    r.tick_s = number_field(j, "tick_s", r.tick_s);
    if (j.contains("compare")) {
        const json& list = j.at("compare");
        if (!list.is_array()) bad("compare", "must be a list of model names");
        for (const json& item : list) {
            auto model =
                item.is_string() ? model_from_string(item.get<std::string>()) : std::nullopt;
            if (!model) bad("compare", "has an unknown model " + item.dump());
            s.compare.push_back(*model);
        }
        if (s.compare.size() > 3) bad("compare", "takes at most three models");
    }
    if (auto errors = validate(r); !errors.empty()) {
        bad(field_of_message(errors.front()), errors.front());
    }
    return s;
}

}  // namespace

ScenarioParse parse_scenario(std::string_view json_text) {
    ScenarioParse out;
    json j;
    try {
        j = json::parse(json_text);
    } catch (const json::parse_error& e) {
        out.error = std::string("not valid JSON: ") + e.what();
        return out;
    }
    try {
        out.scenario = scenario_from_json(j);
    } catch (const FieldError& e) {
        out.error = e.text;
    }
    return out;
}

json run_config_fields(const RunConfig& r) {
    json j;
    j["model"] = to_string(r.server.model);
    j["inner"] = to_string(r.server.inner);
    j["threads"] = r.server.threads;
    j["workers"] = r.server.workers;
    j["scheduling"] = to_string(r.server.scheduling);
    j["switch_interval_ms"] = r.server.switch_interval_ms;
    j["backlog"] = r.server.listen_backlog;
    if (r.server.port != 0) j["port"] = r.server.port;
    j["connections"] = r.load.connections;
    j["load_threads"] = r.load.threads;
    if (r.load.heavy_connections > 0) {
        j["heavy_connections"] = r.load.heavy_connections;
        j["heavy_cpu_ms"] = r.load.heavy_cpu_ms;
    }
    j["request_timeout_s"] = r.load.request_timeout_s;
    j["cpu_ms"] = r.server.workload.cpu_ms;
    j["io_ms"] = r.server.workload.io_ms;
    j["overhead_us"] = r.server.workload.overhead_us;
    j["duration_s"] = r.duration_s;
    j["warmup_s"] = r.warmup_s;
    j["tick_s"] = r.tick_s;
    return j;
}

std::string scenario_to_json(const Scenario& s) {
    json j = run_config_fields(s.run);
    j["name"] = s.name;
    j["description"] = s.description;
    if (!s.compare.empty()) {
        json list = json::array();
        for (Model m : s.compare) list.push_back(to_string(m));
        j["compare"] = list;
    }
    return j.dump(2) + "\n";
}

ScenarioParse load_scenario_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {std::nullopt, "cannot open scenario file " + path};
    std::ostringstream text;
    text << in.rdbuf();
    ScenarioParse parsed = parse_scenario(text.str());
    if (!parsed.error.empty()) parsed.error = path + ": " + parsed.error;
    return parsed;
}

void save_scenario_file(const std::string& path, const Scenario& scenario) {
    write_file_atomically(path, scenario_to_json(scenario), true);
}

}  // namespace conclab
