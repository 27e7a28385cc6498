// run_result_text(): the plain-text report (declared in run_report.hpp), one helper per section
// in the order they print.
#include "report/resources_report.hpp"
#include "report/run_report.hpp"

#include <iomanip>
#include <sstream>

#include "report/report_format.hpp"

namespace conclab {

namespace {

std::string timeout_text(double seconds) {
    if (seconds <= 0) return "none";
    std::ostringstream text;
    text << seconds << " s";
    return text.str();
}

// The server started for the run: model, threads, workload and timeouts.
void server_text(std::ostream& out, const ServerConfig& server) {
    out << "Model " << to_string(server.model);
    if (server.model == Model::ProcessPerCore) {
        out << " (" << server.workers << " workers running " << to_string(server.inner) << ", "
            << to_string(server.scheduling) << " scheduling)";
    }
    if (server.model == Model::GilThreads ||
        (server.model == Model::ProcessPerCore && server.inner == Model::GilThreads)) {
        out << ", threads "
            << (server.threads == 0 ? std::string("one per connection")
                                    : std::to_string(server.threads))
            << ", switch interval " << server.switch_interval_ms << " ms";
    }
    out << "\nWorkload per request: " << server.workload.cpu_ms << " ms CPU, "
        << server.workload.io_ms << " ms I/O wait, " << server.workload.overhead_us
        << " us overhead\n";
    const ServerTimeouts& t = server.timeouts;
    out << "Timeouts: header " << timeout_text(t.header_s) << ", request "
        << timeout_text(t.request_s) << ", keep-alive " << timeout_text(t.keepalive_s)
        << ", worker " << timeout_text(t.worker_s) << "\n";
}

// The clients counted apart from the load: heavy connections and slow clients.
void extra_clients_text(std::ostream& out, const LoadConfig& load, const Summary& s) {
    if (load.heavy_connections > 0) {
        out << "Plus " << load.heavy_connections << " heavy connection(s) sending "
            << load.heavy_cpu_ms << " ms CPU requests (counted apart: " << s.heavy_requests
            << " completed)\n";
    }
    if (load.slow_clients > 0) {
        out << "Plus " << load.slow_clients
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
    idle_connections_text(out, load, s);
}

// The load: open or closed loop, stages, threads, the measured time.
void load_text(std::ostream& out, const RunConfig& c, const Summary& s) {
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
}

// Requests, latencies (corrected and not), late and dropped requests, errors by kind.
void throughput_text(std::ostream& out, const LoadConfig& load, const Summary& s) {
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
    if (s.unanswered > 0 && s.unanswered_longest_ms) {
        out << "  Unanswered    " << s.unanswered << (s.unanswered == 1 ? " request" : " requests")
            << ", the longest for " << fixed(*s.unanswered_longest_ms / 1000, 2)
            << " s when the run ended: in the latencies at how long each had waited (a lower "
               "bound)\n";
    }
    if (load.rate > 0 && s.latency_uncorrected) {
        out << "  (uncorrected) p50 " << fixed(s.latency_uncorrected->p50_ms, 2) << " ms   p90 "
            << fixed(s.latency_uncorrected->p90_ms, 2) << " ms   p99 "
            << fixed(s.latency_uncorrected->p99_ms, 2) << " ms   max "
            << fixed(s.latency_uncorrected->max_ms, 2) << " ms   (from the actual send; the "
            << "line above counts from the intended time)\n";
    }
    if (load.rate > 0) {
        out << "  Late          " << s.late << " (no free connection when due)   Dropped "
            << s.dropped << " (unsent " << load.request_timeout_s << " s after due)\n";
    }
    out << "  Errors        " << s.errors;
    if (s.errors > 0) {
        const char* separator = " (";
        for (const ErrorKindField& kind : kErrorKinds) {
            out << separator << kind.key << ' ' << s.error_kinds.*kind.count;
            separator = ", ";
        }
        out << ")";
    }
}

// Connections on both sides, CPU, worker restarts.
void resources_text(std::ostream& out, const Summary& s) {
    out << "\n  Connections   client open max " << s.client_open_max;
    if (s.server_in_service_max) {
        // Counts at an instant are whole; averages over a tick say that they are.
        if (s.server_in_service_peak) {
            out << ", server in service peak " << *s.server_in_service_peak << ", waiting peak "
                << s.server_waiting_peak.value_or(0);
        }
        out << std::fixed << std::setprecision(1) << " (highest tick averages: in service "
            << *s.server_in_service_max << ", waiting " << s.server_waiting_max.value_or(0) << ")"
            << std::defaultfloat;
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
    cost_text(out, s);
}

// The model's own internals: the event loop's and the GIL's, where measured.
void internals_text(std::ostream& out, const Summary& s) {
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
}

// Each worker's share, then the diagnosis, the changes, the warnings and how the run ended.
void workers_and_notes_text(std::ostream& out, const RunResult& r) {
    if (r.summary.workers) {
        out << "  Workers      ";
        const char* sep = " ";
        for (const WorkerShare& w : *r.summary.workers) {
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
}
}  // namespace

std::string run_result_text(const RunResult& r) {
    const RunConfig& c = r.config;
    std::ostringstream out;  // one stream throughout: its format state carries over as before
    if (c.external) {
        out << "Target " << c.external->url << "\n";
    } else {
        server_text(out, c.server);
    }
    extra_clients_text(out, c.load, r.summary);
    load_text(out, c, r.summary);
    throughput_text(out, c.load, r.summary);
    resources_text(out, r.summary);
    internals_text(out, r.summary);
    workers_and_notes_text(out, r);
    return out.str();
}

}  // namespace conclab
