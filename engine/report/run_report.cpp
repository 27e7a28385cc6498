#include "report/run_report.hpp"

#include <sstream>

#include "report/report_format.hpp"
#include "report/resources_report.hpp"
#include "scenario/scenario.hpp"

namespace conclab {

using nlohmann::json;

namespace {

// The Internals keys, each a value or null, into a series entry or worker entry.
void put_internals(json& j, const Internals& internals) {
    for (const InternalsField& f : kInternalsFields) {
        j[std::string(f.key)] = or_null(internals.*f.value);
    }
}

json workers_json(const std::optional<std::vector<WorkerSample>>& workers) {
    if (!workers) return nullptr;
    json list = json::array();
    for (const WorkerSample& w : *workers) {
        json entry = {{"pid", w.pid}, {"rps", w.rps}, {"cpu_pct", w.cpu_pct}};
        put_internals(entry, w.internals);
        put_resources_json(entry, w.resources, "");
        list.push_back(std::move(entry));
    }
    return list;
}

void internals_csv_header(std::ostream& out) {
    for (const InternalsField& f : kInternalsFields) out << ',' << f.key;
}

void internals_csv_cells(std::ostream& out, const Internals& internals) {
    for (const InternalsField& f : kInternalsFields) {
        out << ',';
        if (const auto& v = internals.*f.value) out << *v;
    }
}

json error_kinds_json(const ErrorCounts& e) {
    json out = json::object();
    for (const ErrorKindField& kind : kErrorKinds) out[std::string(kind.key)] = e.*kind.count;
    return out;
}

// The same keys with or without latencies, each null without: a reader never has to test for a
// key.
json latency_json(const std::optional<LatencySummary>& l) {
    if (!l) {
        return {{"p50", nullptr}, {"p90", nullptr},  {"p99", nullptr}, {"p999", nullptr},
                {"max", nullptr}, {"mean", nullptr}, {"min", nullptr}};
    }
    return {{"p50", l->p50_ms}, {"p90", l->p90_ms},   {"p99", l->p99_ms}, {"p999", l->p999_ms},
            {"max", l->max_ms}, {"mean", l->mean_ms}, {"min", l->min_ms}};
}

json slow_clients_json(const std::optional<SlowClientCounts>& slow) {
    if (!slow) return nullptr;
    return {{"open_max", slow->open_max},
            {"connects", slow->connects},
            {"closed_by_server", slow->closed_by_server},
            {"bytes_sent", slow->bytes_sent}};
}

json latency_spectrum_json(const std::vector<LatencyPoint>& spectrum) {
    if (spectrum.empty()) return nullptr;
    json list = json::array();
    for (const LatencyPoint& p : spectrum)
        list.push_back({{"percentile", p.percentile}, {"ms", p.ms}});
    return list;
}

// Each Internals key with its mean and peak over the run, or null.
json internals_summary_json(const Summary& s) {
    json internals = json::object();
    for (std::size_t i = 0; i < kInternalsFields.size(); ++i) {
        const auto& v = s.internals[i];
        internals[std::string(kInternalsFields[i].key)] =
            v ? json{{"mean", v->mean}, {"max", v->max}} : json(nullptr);
    }
    return internals;
}

json worker_shares_json(const std::optional<std::vector<WorkerShare>>& shares) {
    if (!shares) return nullptr;
    json workers = json::array();
    for (const WorkerShare& w : *shares) {
        workers.push_back({{"pid", w.pid},
                           {"requests", w.requests},
                           {"share_pct", w.share_pct},
                           {"cpu_pct_mean", w.cpu_pct_mean}});
    }
    return workers;
}

json summary_to_json(const Summary& s) {
    json summary;
    summary["requests"] = s.requests;
    summary["errors"] = s.errors;
    summary["error_kinds"] = error_kinds_json(s.error_kinds);
    summary["rps"] = s.rps;
    summary["measured_s"] = s.measured_s;
    // latency_ms counts from each request's intended send time (corrected for coordinated
    // omission in an open loop); latency_uncorrected_ms from the actual send.
    summary["latency_ms"] = latency_json(s.latency);
    summary["latency_uncorrected_ms"] = latency_json(s.latency_uncorrected);
    summary["late"] = s.late;
    summary["dropped"] = s.dropped;
    // *_peak: the most at an instant (whole numbers); *_max: the highest per-tick average.
    summary["connections"] = {{"client_open_max", s.client_open_max},
                              {"server_in_service_peak", or_null(s.server_in_service_peak)},
                              {"server_waiting_peak", or_null(s.server_waiting_peak)},
                              {"server_in_service_max", or_null(s.server_in_service_max)},
                              {"server_waiting_max", or_null(s.server_waiting_max)},
                              {"server_accept_queue_max", or_null(s.server_accept_queue_max)},
                              {"slow_connects", s.slow_connects},
                              {"listen_overflows", or_null(s.listen_overflows)}};
    summary["client_requests_total"] = s.client_requests_total;
    summary["server_requests"] = or_null(s.server_requests);
    summary["drained_requests"] = s.drained_requests;
    summary["heavy_requests"] = s.heavy_requests;
    summary["abandoned_in_flight"] = s.abandoned_in_flight;
    summary["unanswered"] = s.unanswered;
    summary["unanswered_longest_ms"] = or_null(s.unanswered_longest_ms);
    summary["unanswered_beyond_p99"] = s.unanswered_beyond_p99;
    summary["server_processes"] = s.server_processes;
    summary["worker_restarts"] = or_null(s.worker_restarts);
    summary["slow_clients"] = slow_clients_json(s.slow_clients);
    summary["idle_connections"] = idle_connections_json(s.idle_connections);
    summary["resources"] = resource_summary_json(s.resources);
    summary["server_cpu_pct_mean"] = or_null(s.server_cpu_pct_mean);
    summary["load_cpu_pct_mean"] = s.load_cpu_pct_mean;
    summary["latency_spectrum"] = latency_spectrum_json(s.latency_spectrum);
    summary["internals"] = internals_summary_json(s);
    summary["workers"] = worker_shares_json(s.workers);
    return summary;
}

json series_entry_json(const MetricsSample& m) {
    json entry = {{"t_s", m.t_s},
                  {"rps", m.rps},
                  {"p50_ms", or_null(m.p50_ms)},
                  {"p90_ms", or_null(m.p90_ms)},
                  {"p99_ms", or_null(m.p99_ms)},
                  {"p99_uncorrected_ms", or_null(m.p99_uncorrected_ms)},
                  {"late", m.late},
                  {"dropped", m.dropped},
                  {"max_ms", or_null(m.max_ms)},
                  {"client_open", m.client_open},
                  {"server_in_service", or_null(m.server_in_service)},
                  {"server_in_service_peak", or_null(m.server_in_service_peak)},
                  {"server_waiting", or_null(m.server_waiting)},
                  {"server_waiting_peak", or_null(m.server_waiting_peak)},
                  {"server_accept_queue", or_null(m.server_accept_queue)},
                  {"errors", m.errors},
                  {"server_cpu_pct", or_null(m.server_cpu_pct)},
                  {"load_cpu_pct", m.load_cpu_pct},
                  {"warmup", m.warmup}};
    put_internals(entry, m.internals);
    put_resources_json(entry, m.server, "server_");
    entry["server_connections"] = or_null(m.server_connections);
    entry["idle_open"] = m.idle_open;
    entry["workers"] = workers_json(m.workers);
    return entry;
}

json events_json(const std::vector<AdjustEvent>& events) {
    json list = json::array();
    for (const AdjustEvent& e : events) {
        list.push_back({{"t_s", e.t_s},
                        {"knob", e.knob},
                        {"from", e.from},
                        {"to", e.to},
                        {"label", e.label()}});
    }
    return list;
}

}  // namespace

json diagnosis_to_json(const std::vector<Diagnosis>& diagnosis) {
    json list = json::array();
    for (const Diagnosis& d : diagnosis) {
        json evidence = json::object();
        for (const auto& [key, value] : d.evidence) evidence[key] = value;
        list.push_back({{"rule", d.rule}, {"text", d.text}, {"evidence", evidence}});
    }
    return list;
}

std::string run_label(const RunConfig& c) {
    if (c.external) {
        std::string label = "real server (" + c.external->url;
        if (c.external->method != "GET") label += ", " + c.external->method;
        return label + ")";
    }
    // gevent's green threads serve differently from Node's loop: the label says which loop ran.
    const std::string gevent = c.server.event_loop == EventLoopKind::Gevent ? "gevent" : "";
    auto threads = [&](Model m) {
        if (m == Model::EventLoop) return gevent.empty() ? gevent : " (" + gevent + ")";
        if (m != Model::GilThreads) return std::string();
        return c.server.threads == 0 ? std::string(" (thread per connection)")
                                     : " (" + std::to_string(c.server.threads) + " threads)";
    };
    if (c.server.model == Model::ProcessPerCore) {
        std::string inner(to_string(c.server.inner));
        if (c.server.inner == Model::GilThreads) {
            inner += c.server.threads == 0 ? std::string(", thread per connection")
                                           : ", " + std::to_string(c.server.threads) + " threads";
        }
        if (c.server.inner == Model::EventLoop && !gevent.empty()) inner += ", " + gevent;
        const std::string workers =
            c.server.workers == 0 ? std::string("one per core") : std::to_string(c.server.workers);
        return "process-per-core (" + workers + " × " + inner + ")";
    }
    return std::string(to_string(c.server.model)) + threads(c.server.model);
}

json config_to_json(const RunConfig& c) {
    json j = run_config_fields(c);
    j["target"] = c.external ? json(c.external->url) : json(nullptr);
    if (c.external && (c.external->method != "GET" || !c.external->headers.empty() ||
                       !c.external->body.empty())) {
        j["request"] = {{"method", c.external->method},
                        {"headers", c.external->headers},
                        {"body", c.external->body}};
    }
    return j;
}

json run_result_to_json(const RunResult& r) {
    json j;
    j["version"] = CONCLAB_VERSION;
    j["model"] =
        r.config.external ? std::string("external") : std::string(to_string(r.config.server.model));
    j["label"] = run_label(r.config);
    j["config"] = config_to_json(r.config);
    j["final_config"] = config_to_json(r.final_config);
    j["summary"] = summary_to_json(r.summary);
    json series = json::array();
    for (const MetricsSample& m : r.series) series.push_back(series_entry_json(m));
    j["series"] = series;
    j["events"] = events_json(r.events);
    j["warnings"] = r.warnings;
    j["fatal_error"] = r.fatal_error.empty() ? json(nullptr) : json(r.fatal_error);
    j["diagnosis"] = diagnosis_to_json(r.diagnosis);
    return j;
}

std::string run_result_csv(const RunResult& r) {
    std::ostringstream out;
    out << "t_s,rps,p50_ms,p90_ms,p99_ms,max_ms,errors,client_open,server_in_service,"
           "server_in_service_peak,server_waiting,server_waiting_peak,server_accept_queue,"
           "server_cpu_pct,load_cpu_pct,warmup,p99_uncorrected_ms,late,dropped";
    internals_csv_header(out);
    resources_csv_header(out, "server_");
    out << ",server_connections,idle_open\n";
    auto cell = [&](const auto& optional) {
        if (optional) out << *optional;
        out << ',';
    };
    for (const MetricsSample& m : r.series) {
        out << m.t_s << ',' << m.rps << ',';
        cell(m.p50_ms);
        cell(m.p90_ms);
        cell(m.p99_ms);
        cell(m.max_ms);
        out << m.errors << ',' << m.client_open << ',';
        cell(m.server_in_service);
        cell(m.server_in_service_peak);
        cell(m.server_waiting);
        cell(m.server_waiting_peak);
        cell(m.server_accept_queue);
        cell(m.server_cpu_pct);
        out << m.load_cpu_pct << ',' << (m.warmup ? 1 : 0) << ',';
        cell(m.p99_uncorrected_ms);
        out << m.late << ',' << m.dropped;
        internals_csv_cells(out, m.internals);
        resources_csv_cells(out, m.server);
        out << ',';
        if (m.server_connections) out << *m.server_connections;
        out << ',' << m.idle_open << '\n';
    }
    return out.str();
}

std::string run_result_workers_csv(const RunResult& r) {
    std::ostringstream out;
    out << "t_s,pid,rps,cpu_pct";
    internals_csv_header(out);
    out << ",warmup";
    resources_csv_header(out, "");
    out << '\n';
    for (const MetricsSample& m : r.series) {
        if (!m.workers) continue;
        for (const WorkerSample& w : *m.workers) {
            out << m.t_s << ',' << w.pid << ',' << w.rps << ',' << w.cpu_pct;
            internals_csv_cells(out, w.internals);
            out << ',' << (m.warmup ? 1 : 0);
            resources_csv_cells(out, w.resources);
            out << '\n';
        }
    }
    return out.str();
}

}  // namespace conclab
