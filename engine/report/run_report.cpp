#include "report/run_report.hpp"

#include <cstdio>
#include <iomanip>
#include <sstream>

#include "report/report_format.hpp"
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
    auto threads = [&](Model m) {
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
    const Summary& s = r.summary;
    json summary;
    summary["requests"] = s.requests;
    summary["errors"] = s.errors;
    summary["error_kinds"] = {
        {"connect", s.error_kinds.connect}, {"read", s.error_kinds.read},
        {"write", s.error_kinds.write},     {"timeout", s.error_kinds.timeout},
        {"status", s.error_kinds.status},   {"parse", s.error_kinds.parse},
        {"reset", s.error_kinds.reset}};
    summary["rps"] = s.rps;
    summary["measured_s"] = s.measured_s;
    // The same keys with or without latencies, each null without: a reader never has to test
    // for a key.
    auto latency_json = [](const std::optional<LatencySummary>& l) -> json {
        if (!l) {
            return {{"p50", nullptr}, {"p90", nullptr},  {"p99", nullptr}, {"p999", nullptr},
                    {"max", nullptr}, {"mean", nullptr}, {"min", nullptr}};
        }
        return {{"p50", l->p50_ms}, {"p90", l->p90_ms},   {"p99", l->p99_ms}, {"p999", l->p999_ms},
                {"max", l->max_ms}, {"mean", l->mean_ms}, {"min", l->min_ms}};
    };
    // latency_ms counts from each request's intended send time (corrected for coordinated
    // omission in an open loop); latency_uncorrected_ms from the actual send.
    summary["latency_ms"] = latency_json(s.latency);
    summary["latency_uncorrected_ms"] = latency_json(s.latency_uncorrected);
    summary["late"] = s.late;
    summary["dropped"] = s.dropped;
    summary["connections"] = {{"client_open_max", s.client_open_max},
                              {"server_in_service_max", or_null(s.server_in_service_max)},
                              {"server_waiting_max", or_null(s.server_waiting_max)},
                              {"server_accept_queue_max", or_null(s.server_accept_queue_max)}};
    summary["client_requests_total"] = s.client_requests_total;
    summary["server_requests"] = or_null(s.server_requests);
    summary["drained_requests"] = s.drained_requests;
    summary["heavy_requests"] = s.heavy_requests;
    summary["abandoned_in_flight"] = s.abandoned_in_flight;
    summary["server_processes"] = s.server_processes;
    summary["worker_restarts"] = or_null(s.worker_restarts);
    if (s.slow_clients) {
        summary["slow_clients"] = {{"open_max", s.slow_clients->open_max},
                                   {"connects", s.slow_clients->connects},
                                   {"closed_by_server", s.slow_clients->closed_by_server},
                                   {"bytes_sent", s.slow_clients->bytes_sent}};
    } else {
        summary["slow_clients"] = nullptr;
    }
    summary["server_cpu_pct_mean"] = or_null(s.server_cpu_pct_mean);
    summary["load_cpu_pct_mean"] = s.load_cpu_pct_mean;
    if (s.latency_spectrum.empty()) {
        summary["latency_spectrum"] = nullptr;
    } else {
        json spectrum = json::array();
        for (const LatencyPoint& p : s.latency_spectrum) {
            spectrum.push_back({{"percentile", p.percentile}, {"ms", p.ms}});
        }
        summary["latency_spectrum"] = spectrum;
    }
    json internals = json::object();
    for (std::size_t i = 0; i < kInternalsFields.size(); ++i) {
        const auto& v = s.internals[i];
        internals[std::string(kInternalsFields[i].key)] =
            v ? json{{"mean", v->mean}, {"max", v->max}} : json(nullptr);
    }
    summary["internals"] = internals;
    if (s.workers) {
        json workers = json::array();
        for (const WorkerShare& w : *s.workers) {
            workers.push_back({{"pid", w.pid},
                               {"requests", w.requests},
                               {"share_pct", w.share_pct},
                               {"cpu_pct_mean", w.cpu_pct_mean}});
        }
        summary["workers"] = workers;
    } else {
        summary["workers"] = nullptr;
    }
    j["summary"] = summary;

    json series = json::array();
    for (const MetricsSample& m : r.series) {
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
        entry["workers"] = workers_json(m.workers);
        series.push_back(std::move(entry));
    }
    j["series"] = series;
    json events = json::array();
    for (const AdjustEvent& e : r.events) {
        events.push_back({{"t_s", e.t_s},
                          {"knob", e.knob},
                          {"from", e.from},
                          {"to", e.to},
                          {"label", e.label()}});
    }
    j["events"] = events;
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
    out << '\n';
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
        out << '\n';
    }
    return out.str();
}

std::string run_result_workers_csv(const RunResult& r) {
    std::ostringstream out;
    out << "t_s,pid,rps,cpu_pct";
    internals_csv_header(out);
    out << ",warmup\n";
    for (const MetricsSample& m : r.series) {
        if (!m.workers) continue;
        for (const WorkerSample& w : *m.workers) {
            out << m.t_s << ',' << w.pid << ',' << w.rps << ',' << w.cpu_pct;
            internals_csv_cells(out, w.internals);
            out << ',' << (m.warmup ? 1 : 0) << '\n';
        }
    }
    return out.str();
}

std::string run_result_text(const RunResult& r) {
    const RunConfig& c = r.config;
    const Summary& s = r.summary;
    std::ostringstream out;
    if (c.external) {
        out << "Target " << c.external->url << "\n";
    } else {
        out << "Model " << to_string(c.server.model);
        if (c.server.model == Model::ProcessPerCore) {
            out << " (" << c.server.workers << " workers running " << to_string(c.server.inner)
                << ", " << to_string(c.server.scheduling) << " scheduling)";
        }
        if (c.server.model == Model::GilThreads ||
            (c.server.model == Model::ProcessPerCore && c.server.inner == Model::GilThreads)) {
            out << ", threads "
                << (c.server.threads == 0 ? std::string("one per connection")
                                          : std::to_string(c.server.threads))
                << ", switch interval " << c.server.switch_interval_ms << " ms";
        }
        out << "\nWorkload per request: " << c.server.workload.cpu_ms << " ms CPU, "
            << c.server.workload.io_ms << " ms I/O wait, " << c.server.workload.overhead_us
            << " us overhead\n";
        auto timeout = [](double seconds) {
            if (seconds <= 0) return std::string("none");
            std::ostringstream text;
            text << seconds << " s";
            return text.str();
        };
        const ServerTimeouts& t = c.server.timeouts;
        out << "Timeouts: header " << timeout(t.header_s) << ", request " << timeout(t.request_s)
            << ", keep-alive " << timeout(t.keepalive_s) << ", worker " << timeout(t.worker_s)
            << "\n";
    }
    if (c.load.heavy_connections > 0) {
        out << "Plus " << c.load.heavy_connections << " heavy connection(s) sending "
            << c.load.heavy_cpu_ms << " ms CPU requests (counted apart: " << s.heavy_requests
            << " completed)\n";
    }
    if (c.load.slow_clients > 0) {
        out << "Plus " << c.load.slow_clients
            << " slow client(s) sending a request one byte a second, never finishing it (counted "
               "apart: ";
        if (s.slow_clients) {
            out << "the server closed them " << s.slow_clients->closed_by_server << " time(s), "
                << s.slow_clients->connects << " connection(s) opened";
        } else {
            out << "none connected";
        }
        out << ")\n";
    }
    if (c.load.rate > 0) {
        out << "Open loop at " << c.load.rate << " req/s over at most " << c.load.max_connections
            << " connections, ";
    } else {
        out << c.load.connections << " connections, ";
    }
    if (!c.stages.empty()) out << "stages " << stages_text(c.stages) << ", ";
    out << c.load.threads << " load thread(s), " << fixed(s.measured_s, 2) << " s measured";
    if (c.warmup_s > 0) out << " after " << c.warmup_s << " s warmup";
    out << "\n\n";
    out << "  Requests/sec  " << fixed(s.rps, 1) << "\n";
    out << "  Requests      " << s.requests << "\n";
    if (s.latency) {
        out << "  Latency       p50 " << fixed(s.latency->p50_ms, 2) << " ms   p90 "
            << fixed(s.latency->p90_ms, 2) << " ms   p99 " << fixed(s.latency->p99_ms, 2)
            << " ms   max " << fixed(s.latency->max_ms, 2) << " ms   mean "
            << fixed(s.latency->mean_ms, 2) << " ms\n";
    } else {
        out << "  Latency       no response completed\n";
    }
    if (c.load.rate > 0 && s.latency_uncorrected) {
        out << "  (uncorrected) p50 " << fixed(s.latency_uncorrected->p50_ms, 2) << " ms   p90 "
            << fixed(s.latency_uncorrected->p90_ms, 2) << " ms   p99 "
            << fixed(s.latency_uncorrected->p99_ms, 2) << " ms   max "
            << fixed(s.latency_uncorrected->max_ms, 2) << " ms   (from the actual send; the "
            << "line above counts from the intended time)\n";
    }
    if (c.load.rate > 0) {
        out << "  Late          " << s.late << " (no free connection when due)   Dropped "
            << s.dropped << " (unsent " << c.load.request_timeout_s << " s after due)\n";
    }
    out << "  Errors        " << s.errors;
    if (s.errors > 0) {
        out << " (connect " << s.error_kinds.connect << ", read " << s.error_kinds.read
            << ", write " << s.error_kinds.write << ", timeout " << s.error_kinds.timeout
            << ", status " << s.error_kinds.status << ", parse " << s.error_kinds.parse
            << ", reset " << s.error_kinds.reset << ")";
    }
    out << "\n  Connections   client open max " << s.client_open_max;
    if (s.server_in_service_max) {
        out << std::fixed << std::setprecision(1) << ", server in service max "
            << *s.server_in_service_max << ", waiting max " << s.server_waiting_max.value_or(0)
            << " (time averages per tick)" << std::defaultfloat;
        if (s.server_accept_queue_max.value_or(0) > 0) {
            out << ", accept queue max " << *s.server_accept_queue_max;
        }
    }
    out << "\n";
    if (s.server_cpu_pct_mean) {
        out << "  CPU           server " << fixed(*s.server_cpu_pct_mean, 0) << " % ("
            << s.server_processes << " process" << (s.server_processes == 1 ? "" : "es")
            << "), load generator " << fixed(s.load_cpu_pct_mean, 0) << " %  (100 % = one core)\n";
    } else {
        out << "  CPU           load generator " << fixed(s.load_cpu_pct_mean, 0) << " %\n";
    }
    if (s.worker_restarts.value_or(0) > 0) {
        out << "  Restarts      " << *s.worker_restarts << " server worker(s) replaced\n";
    }
    const auto stat = [&](std::string_view key) { return s.internal(key); };
    if (stat("loop_utilization_pct")) {
        out << "  Event loop    busy " << fixed(stat("loop_utilization_pct")->mean, 0) << " %";
        if (stat("loop_delay_p99_ms")) {
            out << ", timer delay p99 " << fixed(stat("loop_delay_p99_ms")->mean, 2) << " ms";
        }
        if (stat("loop_delay_max_ms")) {
            out << ", max " << fixed(stat("loop_delay_max_ms")->max, 2) << " ms";
        }
        out << "  (means over ticks" << (s.workers ? " and workers" : "") << ")\n";
    }
    if (stat("gil_held_pct")) {
        out << "  GIL           held " << fixed(stat("gil_held_pct")->mean, 0) << " %";
        if (stat("gil_waiting_threads")) {
            out << ", " << fixed(stat("gil_waiting_threads")->mean, 1) << " threads waiting";
        }
        if (stat("gil_wait_p99_ms")) {
            out << ", wait p99 " << fixed(stat("gil_wait_p99_ms")->mean, 2) << " ms";
        }
        if (stat("gil_switches_per_s")) {
            out << ", " << fixed(stat("gil_switches_per_s")->mean, 0) << " hand-offs/s";
        }
        if (stat("gil_drop_requests_per_s")) {
            out << ", " << fixed(stat("gil_drop_requests_per_s")->mean, 0) << " drop requests/s";
        }
        out << "\n";
    }
    if (s.workers) {
        out << "  Workers      ";
        const char* sep = " ";
        for (const WorkerShare& w : *s.workers) {
            out << sep << w.pid << ": " << fixed(w.share_pct, 0) << " % of requests, "
                << fixed(w.cpu_pct_mean, 0) << " % CPU";
            sep = "; ";
        }
        out << "\n";
    }
    for (const Diagnosis& d : r.diagnosis) out << "  Diagnosis     " << d.text << "\n";
    for (const AdjustEvent& e : r.events) {
        out << "  Changed       at " << fixed(e.t_s, 2) << " s: " << e.label() << "\n";
    }
    for (const std::string& w : r.warnings) out << "  Warning       " << w << "\n";
    if (!r.fatal_error.empty()) out << "  Stopped early " << r.fatal_error << "\n";
    return out.str();
}

}  // namespace conclab
