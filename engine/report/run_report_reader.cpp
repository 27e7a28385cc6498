#include "report/run_report_reader.hpp"
#include "report/resources_report.hpp"

#include "core/regular_file.hpp"
#include "report/json_field_reader.hpp"
#include "scenario/json_limits.hpp"
#include "scenario/scenario.hpp"

namespace conclab {

using nlohmann::json;

namespace {

// A long run at a fine tick is a few tens of MB of JSON; anything far larger is not a report.
constexpr std::size_t kMaxReportBytes = 512u << 20;

// The run fields and stages of "config", read by the scenario reader (the same keys, ranges
// and messages); "target" and "request" are the external target's.
RunConfig config_from_json(const JsonField& c) {
    c.expect_object();
    json fields = json::object();
    for (const auto& item : c.value().items()) {
        if (item.key() != "target" && item.key() != "request") fields[item.key()] = item.value();
    }
    fields["name"] = "saved run";
    auto parsed = parse_scenario(fields.dump());
    if (!parsed) c.fail(parsed.error());
    RunConfig config = std::move(parsed->run);
    if (c.has("target") && !c["target"].is_null()) {
        Result<ExternalTarget> target = parse_target_url(c["target"].string(), true);
        if (!target) c["target"].fail(target.error());
        config.external = std::move(*target);
        if (c.has("request")) {
            const JsonField r = c["request"];
            config.external->method = r["method"].string();
            for (std::size_t i = 0; i < r["headers"].array_size(); ++i) {
                config.external->headers.push_back(r["headers"][i].string());
            }
            config.external->body = r["body"].string();
        }
    }
    return config;
}

std::optional<LatencySummary> latency_from_json(const JsonField& l) {
    if (l["p50"].is_null()) return std::nullopt;
    LatencySummary s;
    s.p50_ms = l["p50"].number();
    s.p90_ms = l["p90"].number();
    s.p99_ms = l["p99"].number();
    s.p999_ms = l["p999"].number();
    s.max_ms = l["max"].number();
    s.mean_ms = l["mean"].number();
    s.min_ms = l["min"].number();
    return s;
}

Internals internals_from_json(const JsonField& j) {
    Internals internals;
    for (const InternalsField& f : kInternalsFields) {
        internals.*f.value = j[std::string(f.key)].number_or_null();
    }
    return internals;
}

ErrorCounts error_kinds_from_json(const JsonField& e) {
    ErrorCounts k;
    for (const ErrorKindField& kind : kErrorKinds)
        k.*kind.count = e[std::string(kind.key)].unsigned_integer();
    return k;
}

// The figures beside the totals: CPU, workers, spectrum, internals.
void summary_extras_from_json(const JsonField& s, Summary& out) {
    out.server_cpu_pct_mean = s["server_cpu_pct_mean"].number_or_null();
    out.load_cpu_pct_mean = s["load_cpu_pct_mean"].number();
    if (!s["latency_spectrum"].is_null()) {
        const JsonField list = s["latency_spectrum"];
        for (std::size_t i = 0; i < list.array_size(); ++i) {
            out.latency_spectrum.push_back(
                {list[i]["percentile"].number(), list[i]["ms"].number()});
        }
    }
    const JsonField internals = s["internals"];
    for (std::size_t i = 0; i < kInternalsFields.size(); ++i) {
        const JsonField v = internals[std::string(kInternalsFields[i].key)];
        if (!v.is_null()) out.internals[i] = MeanMax{v["mean"].number(), v["max"].number()};
    }
    if (!s["workers"].is_null()) {
        const JsonField list = s["workers"];
        out.workers.emplace();
        for (std::size_t i = 0; i < list.array_size(); ++i) {
            out.workers->push_back(
                {list[i]["pid"].int_value(), list[i]["requests"].unsigned_integer(),
                 list[i]["share_pct"].number(), list[i]["cpu_pct_mean"].number()});
        }
    }
}

Summary summary_from_json(const JsonField& s) {
    Summary out;
    out.requests = s["requests"].unsigned_integer();
    out.errors = s["errors"].unsigned_integer();
    out.error_kinds = error_kinds_from_json(s["error_kinds"]);
    out.rps = s["rps"].number();
    out.measured_s = s["measured_s"].number();
    out.latency = latency_from_json(s["latency_ms"]);
    out.latency_uncorrected = latency_from_json(s["latency_uncorrected_ms"]);
    out.late = s["late"].unsigned_integer();
    out.dropped = s["dropped"].unsigned_integer();
    const JsonField c = s["connections"];
    out.client_open_max = c["client_open_max"].int_value();
    out.server_in_service_peak = c["server_in_service_peak"].int_or_null();  // absent: older
    out.server_waiting_peak = c["server_waiting_peak"].int_or_null();
    out.server_in_service_max = c["server_in_service_max"].number_or_null();
    out.server_waiting_max = c["server_waiting_max"].number_or_null();
    out.server_accept_queue_max = c["server_accept_queue_max"].int_or_null();
    if (c.has("slow_connects")) out.slow_connects = c["slow_connects"].unsigned_integer();  // older
    if (c.has("listen_overflows") && !c["listen_overflows"].is_null()) {
        out.listen_overflows = c["listen_overflows"].unsigned_integer();
    }
    out.client_requests_total = s["client_requests_total"].unsigned_integer();
    if (!s["server_requests"].is_null()) {
        out.server_requests = s["server_requests"].unsigned_integer();
    }
    out.drained_requests = s["drained_requests"].unsigned_integer();
    out.heavy_requests = s["heavy_requests"].unsigned_integer();
    out.abandoned_in_flight = s["abandoned_in_flight"].int_value();
    // Absent from reports written before it was measured.
    if (s.has("unanswered")) out.unanswered = s["unanswered"].unsigned_integer();
    if (s.has("unanswered_beyond_p99")) {
        out.unanswered_beyond_p99 = s["unanswered_beyond_p99"].unsigned_integer();
    }
    if (s.has("unanswered_longest_ms")) {
        out.unanswered_longest_ms = s["unanswered_longest_ms"].number_or_null();
    }
    out.server_processes = s["server_processes"].int_value();
    out.worker_restarts = s["worker_restarts"].int_or_null();
    if (!s["slow_clients"].is_null()) {
        const JsonField sc = s["slow_clients"];
        out.slow_clients = SlowClientCounts{
            sc["open_max"].int_value(), sc["connects"].unsigned_integer(),
            sc["closed_by_server"].unsigned_integer(), sc["bytes_sent"].unsigned_integer()};
    }
    summary_extras_from_json(s, out);
    out.idle_connections = idle_connections_from_json(s);
    out.resources = resource_summary_from_json(s);
    return out;
}

std::optional<std::vector<WorkerSample>> workers_from_json(const JsonField& list) {
    if (list.is_null()) return std::nullopt;
    std::vector<WorkerSample> workers;
    for (std::size_t i = 0; i < list.array_size(); ++i) {
        const JsonField w = list[i];
        workers.push_back({w["pid"].int_value(), w["rps"].number(), w["cpu_pct"].number(),
                           internals_from_json(w), resources_from_json(w, "")});
    }
    return workers;
}

MetricsSample sample_from_json(const JsonField& e) {
    MetricsSample m;
    m.t_s = e["t_s"].number();
    m.rps = e["rps"].number();
    m.p50_ms = e["p50_ms"].number_or_null();
    m.p90_ms = e["p90_ms"].number_or_null();
    m.p99_ms = e["p99_ms"].number_or_null();
    m.p99_uncorrected_ms = e["p99_uncorrected_ms"].number_or_null();
    m.late = e["late"].unsigned_integer();
    m.dropped = e["dropped"].unsigned_integer();
    m.max_ms = e["max_ms"].number_or_null();
    m.client_open = e["client_open"].int_value();
    m.server_in_service = e["server_in_service"].number_or_null();
    m.server_in_service_peak = e["server_in_service_peak"].int_or_null();
    m.server_waiting = e["server_waiting"].number_or_null();
    m.server_waiting_peak = e["server_waiting_peak"].int_or_null();
    m.server_accept_queue = e["server_accept_queue"].int_or_null();
    m.errors = e["errors"].unsigned_integer();
    m.server_cpu_pct = e["server_cpu_pct"].number_or_null();
    m.load_cpu_pct = e["load_cpu_pct"].number();
    m.warmup = e["warmup"].boolean();
    m.internals = internals_from_json(e);
    m.workers = workers_from_json(e["workers"]);
    m.server = resources_from_json(e, "server_");
    if (e.has("server_connections")) m.server_connections = e["server_connections"].int_or_null();
    if (e.has("idle_open")) m.idle_open = e["idle_open"].int_value();
    return m;
}

// The label is written from knob, from and to unless a note replaced it.
AdjustEvent event_from_json(const JsonField& e) {
    AdjustEvent event{
        e["t_s"].number(), e["knob"].string(), e["from"].number(), e["to"].number(), {}};
    const std::string label = e["label"].string();
    if (label != event.label()) event.note = label;
    return event;
}

Diagnosis diagnosis_from_json(const JsonField& d) {
    Diagnosis out{d["rule"].string(), d["text"].string(), {}};
    const JsonField evidence = d["evidence"];
    evidence.expect_object();
    for (const auto& item : evidence.value().items()) {
        out.evidence.emplace_back(item.key(), evidence[item.key()].number());
    }
    return out;
}

template <typename T, typename Read>
std::vector<T> list_from_json(const JsonField& list, Read read) {
    std::vector<T> out;
    const std::size_t n = list.array_size();
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.push_back(read(list[i]));
    return out;
}

// What a document that is not a report probably is, for the message.
std::string foreign_document(const json& j) {
    if (j.is_object() && j.contains("name") && !j.contains("series")) {
        return "this is a scenario file, not a saved run (open it with File → Open scenario, or "
               "conclab-cli --scenario)";
    }
    if (j.is_object() && j.contains("sweep")) return "this is a sweep report, not a saved run";
    return "not a Concurrency Lab run report (no \"series\", \"runs\" or \"repeats\")";
}

RunResult run_result_from_field(const JsonField& j) {
    j.expect_object();
    if (!j.has("series")) {
        if (j.path().empty()) throw JsonFieldError(foreign_document(j.value()));
        j.fail("not a run report (no \"series\")");
    }
    RunResult r;
    r.config = config_from_json(j["config"]);
    r.final_config = j.has("final_config") ? config_from_json(j["final_config"]) : r.config;
    r.summary = summary_from_json(j["summary"]);
    r.series = list_from_json<MetricsSample>(j["series"], sample_from_json);
    r.events = list_from_json<AdjustEvent>(j["events"], event_from_json);
    r.warnings =
        list_from_json<std::string>(j["warnings"], [](const JsonField& w) { return w.string(); });
    if (!j["fatal_error"].is_null()) r.fatal_error = j["fatal_error"].string();
    r.diagnosis = list_from_json<Diagnosis>(j["diagnosis"], diagnosis_from_json);
    return r;
}

// A run set: a run report, or a repeated run with its repeats.
RunSet run_set_from_json(const JsonField& j) {
    if (j.has("repeats")) {
        RunSet set = list_from_json<RunResult>(j["repeats"], run_result_from_field);
        if (set.empty()) j["repeats"].fail("a repeated run without its repeats");
        return set;
    }
    return {run_result_from_field(j)};
}

SavedRuns saved_runs_from_json(const json& j) {
    SavedRuns out;
    const JsonField root(j, "");
    for (const char* key : {"runs", "comparison"}) {
        if (!root.has(key)) continue;
        out.comparison = true;
        out.sets = list_from_json<RunSet>(root[key], run_set_from_json);
        if (out.sets.empty()) root[key].fail("a comparison without runs");
        return out;
    }
    if (!root.has("series") && !root.has("repeats")) throw JsonFieldError(foreign_document(j));
    out.sets.push_back(run_set_from_json(root));
    return out;
}

}  // namespace

std::vector<RunResult> SavedRuns::all() const {
    std::vector<RunResult> runs;
    for (const RunSet& set : sets) runs.insert(runs.end(), set.begin(), set.end());
    return runs;
}

RunResult run_result_from_json(const json& report) {
    return run_result_from_field(JsonField(report, ""));
}

Result<SavedRuns> parse_saved_runs(std::string_view json_text) {
    if (auto depth = check_json_depth(json_text); !depth) return Failure{depth.error()};
    json j;
    try {
        j = json::parse(json_text);
    } catch (const json::exception& e) {
        return Failure{std::string("not valid JSON (truncated or damaged?): ") + e.what()};
    }
    try {
        return saved_runs_from_json(j);
    } catch (const JsonFieldError& e) {
        return Failure{std::string(e.what())};
    } catch (const json::exception& e) {  // a value of an unexpected type the checks missed
        return Failure{std::string("not a valid run report: ") + e.what()};
    }
}

Result<SavedRuns> load_saved_runs_file(const std::string& path) {
    const auto text = read_regular_file(path, kMaxReportBytes, "a saved run is a JSON report");
    if (!text) return Failure{text.error()};
    auto saved = parse_saved_runs(*text);
    if (!saved) return Failure{path + ": " + saved.error()};
    return saved;
}

}  // namespace conclab
