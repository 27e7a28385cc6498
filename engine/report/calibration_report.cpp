#include "report/calibration_report.hpp"

#include <cstdio>
#include <sstream>

#include "report/compare_report.hpp"
#include "report/report_format.hpp"
#include "report/run_report.hpp"

namespace conclab {

using nlohmann::json;

namespace {

// A measurement, compactly: what ran and its summary figures (the series are left out).
json measurement_json(const RunResult& r) {
    json j;
    j["label"] = run_label(r.config);
    if (r.config.external) {
        j["url"] = r.config.external->url;
    } else {
        j["model"] = std::string(to_string(r.config.server.model));
        j["overhead_us"] = r.config.server.workload.overhead_us;
        if (const RunField* released = released_overhead_field()) {
            j["overhead_released_us"] = released->get_number(r.config);
        }
        j["resume_us"] = r.config.server.workload.resume_us;
        j["connection_us"] = r.config.server.workload.connection_us;
        j["keep_alive"] = r.config.server.keep_alive;
        if (r.config.server.workload.io_ms > 0) j["io_ms"] = r.config.server.workload.io_ms;
    }
    j["connections"] = r.config.load.connections;
    j["duration_s"] = r.config.duration_s;
    j["measured_s"] = r.summary.measured_s;
    j["rps"] = r.summary.rps;
    j["requests"] = r.summary.requests;
    j["errors"] = r.summary.errors;
    j["server_closes"] = r.summary.server_closes;  // responses after which the server closed
    if (r.summary.latency) {
        const LatencySummary& l = *r.summary.latency;
        j["latency_ms"] = {{"p50", l.p50_ms},   {"p90", l.p90_ms}, {"p99", l.p99_ms},
                           {"p999", l.p999_ms}, {"max", l.max_ms}, {"mean", l.mean_ms}};
    } else {
        j["latency_ms"] = nullptr;
    }
    j["warnings"] = r.warnings;
    return j;
}

bool ran(const RunResult& r) {
    return r.summary.measured_s > 0 || r.summary.requests > 0;
}

json measurement_or_null(const RunResult& r) {
    return ran(r) ? measurement_json(r) : json(nullptr);
}

json optional_measurement(const std::optional<RunResult>& r) {
    return r ? measurement_or_null(*r) : json(nullptr);
}

std::string line(const char* what, const RunResult& r) {
    std::ostringstream out;
    out << "  " << what << grouped_number(r.summary.rps, 1) << " req/s";
    if (r.summary.latency) {
        out << "   p50 " << fixed(r.summary.latency->p50_ms, 2) << " ms   p99 "
            << fixed(r.summary.latency->p99_ms, 2) << " ms";
    }
    if (r.summary.errors > 0) out << "   errors " << r.summary.errors;
    out << "\n";
    return out.str();
}

// A later stage's steps, each with its value under `key` ("resume_us", "connection_us").
json cost_steps_json(const std::vector<CostStep>& steps, const char* key) {
    json out = json::array();
    for (const CostStep& s : steps) {
        out.push_back(
            {{key, s.value_us}, {"model_rps", s.model_rps}, {"ratio", s.ratio}, {"how", s.how}});
    }
    return out;
}

json resume_json(const std::optional<ResumeFit>& fit) {
    if (!fit) return nullptr;
    return {{"io_ms", fit->io_ms},
            {"connections", fit->connections},
            {"real", measurement_or_null(fit->real)},
            {"steps", cost_steps_json(fit->steps, "resume_us")},
            {"converged", fit->converged},
            {"resume_us", fit->resume_us}};
}

json connection_json(const std::optional<ConnectionFit>& fit) {
    if (!fit) return nullptr;
    return {{"real", measurement_or_null(fit->real)},
            {"steps", cost_steps_json(fit->steps, "connection_us")},
            {"converged", fit->converged},
            {"connection_us", fit->connection_us}};
}

// A later stage's steps as the text report's table rows.
std::string cost_steps_text(const std::vector<CostStep>& steps) {
    std::string out;
    int n = 0;
    for (const CostStep& s : steps) {
        char row[160];
        std::snprintf(row, sizeof row, "  %4d  %8.1f µs  %12s   %8s×     ", ++n, s.value_us,
                      grouped_number(s.model_rps, 1).c_str(), ratio_text(s.ratio).c_str());
        out += row + s.how + "\n";
    }
    return out;
}

}  // namespace

json calibration_to_json(const CalibrationResult& c) {
    json j;
    j["version"] = CONCLAB_VERSION;
    j["shape"] = c.shape;
    j["real"] = measurement_or_null(c.real);
    j["real_rps_runs"] = c.real_rps_runs;
    j["model_before"] = measurement_or_null(c.model_before);
    j["real_one_connection"] = optional_measurement(c.real_one);
    j["model_before_one_connection"] = optional_measurement(c.model_before_one);
    j["connections"] = c.connections;
    j["parallelism"] = c.parallelism;
    j["repeats"] = c.repeats;
    j["tolerance"] = c.tolerance;
    json steps = json::array();
    for (const CalibrationIteration& i : c.iterations) {
        steps.push_back({{"overhead_us", i.overhead_us},
                         {"overhead_released_us", i.overhead_released_us},
                         {"model_rps", i.model_rps},
                         {"ratio", i.ratio},
                         {"how", i.how}});
    }
    j["steps"] = steps;
    j["converged"] = c.converged;
    j["overhead_us"] = c.has_fit ? json(c.fit.overhead_us) : json(nullptr);
    j["overhead_released_us"] =
        c.fit.overhead_released_us ? json(*c.fit.overhead_released_us) : json(nullptr);
    const double resume_us = c.fitted_config.server.workload.resume_us;
    j["resume_us"] = resume_us > 0 ? json(resume_us) : json(nullptr);
    j["resume"] = resume_json(c.resume);
    // Fitted, or given (the fitted overhead depends on it, so the report keeps it).
    const double connection_us = c.fitted_config.server.workload.connection_us;
    j["connection_us"] = connection_us > 0 ? json(connection_us) : json(nullptr);
    j["connection"] = connection_json(c.connection);
    j["fitted"] = c.fitted;
    j["not_fitted"] = c.not_fitted;
    j["fit_note"] = c.fit.note.empty() ? json(nullptr) : json(c.fit.note);
    j["real_after"] = measurement_or_null(c.real_after);
    j["model_after"] = measurement_or_null(c.model_after);
    j["ratio"] = ran(c.model_after) && c.ratio > 0 ? json(c.ratio) : json(nullptr);
    j["verified"] = c.verified;
    j["verified_how"] = c.verified_how.empty() ? json(nullptr) : json(c.verified_how);
    j["pooled_real_rps"] = c.pooled_real_rps > 0 ? json(c.pooled_real_rps) : json(nullptr);
    j["why_not"] = c.why_not.empty() ? json(nullptr) : json(c.why_not);
    j["warnings"] = c.warnings;
    j["error"] = c.error.empty() ? json(nullptr) : json(c.error);
    j["cancelled"] = c.cancelled;
    return j;
}

std::string calibration_text(const CalibrationResult& c) {
    std::ostringstream out;
    out << "Calibration of " << c.shape << " at " << c.connections
        << " connections, zero-work requests (each figure the median of " << c.repeats
        << (c.repeats == 1 ? " run" : " runs") << ")\n\n";
    if (ran(c.real)) out << line("real server          ", c.real);
    if (ran(c.model_before)) out << line("model, no overhead   ", c.model_before);
    if (!c.iterations.empty()) {
        out << "\n  step  overhead      released      model req/s   model / real   how\n";
        int n = 0;
        for (const CalibrationIteration& i : c.iterations) {
            char row[160];
            std::snprintf(row, sizeof row, "  %4d  %8.1f µs  %8.1f µs  %12s   %8s×     ", ++n,
                          i.overhead_us, i.overhead_released_us,
                          grouped_number(i.model_rps, 1).c_str(), ratio_text(i.ratio).c_str());
            out << row << i.how << "\n";
        }
        out << "\n";
    }
    if (c.real_one && ran(*c.real_one)) out << line("real, 1 connection   ", *c.real_one);
    if (c.model_before_one && ran(*c.model_before_one)) {
        out << line("model, 1 connection  ", *c.model_before_one);
    }
    if (ran(c.real_after)) out << line("verify: real server  ", c.real_after);
    if (ran(c.model_after)) out << line("verify: fitted model ", c.model_after);
    if (c.resume && ran(c.resume->real)) {
        out << "\n  cost after I/O: " << fixed(c.resume->io_ms, 0) << " ms of I/O per request at "
            << c.resume->connections << " connections\n";
        out << line("real server          ", c.resume->real);
        out << "  step  after I/O     model req/s   model / real   how\n";
        out << cost_steps_text(c.resume->steps);
    }
    if (c.connection && ran(c.connection->real)) {
        out << "\n  cost per new connection: Connection: close on every request at "
            << c.connections << " connections\n";
        out << line("real server          ", c.connection->real);
        out << "  step  per conn.     model req/s   model / real   how\n";
        out << cost_steps_text(c.connection->steps);
    }
    if (c.has_fit) {
        out << "\n  Fitted overhead      " << fixed(c.fit.overhead_us, 1) << " µs per request";
        if (c.parallelism != 1) {
            out << " (burnt " << c.parallelism << " at a time)";
        }
        out << "\n";
        if (c.fit.overhead_released_us) {
            out << "  Released overhead    " << fixed(*c.fit.overhead_released_us, 1)
                << " µs per request, GIL released\n";
        }
        if (c.fitted_config.server.workload.resume_us > 0) {
            out << "  Cost after I/O       " << fixed(c.fitted_config.server.workload.resume_us, 1)
                << " µs after each I/O wait\n";
        }
        if (c.fitted_config.server.workload.connection_us > 0) {
            out << "  Per new connection   "
                << fixed(c.fitted_config.server.workload.connection_us, 1)
                << (!c.connection ? " µs (given with --connection-us, not fitted)\n"
                    : c.verified  ? " µs, fitted with a new connection per request\n"
                                  : " µs, first estimate with a new connection per request\n");
        }
        if (c.ratio > 0) {
            out << "  Verified ratio       " << ratio_text(c.ratio) << " (fitted model / real; "
                << (c.verified ? "within" : "OUTSIDE") << " ±" << fixed(100 * c.tolerance, 0)
                << " %)\n";
            if (!c.verified_how.empty()) out << "  Verified             " << c.verified_how << "\n";
        }
        for (const std::string& f : c.fitted) out << "  Fitted:              " << f << "\n";
        for (const std::string& f : c.not_fitted) out << "  Not fitted:          " << f << "\n";
    }
    for (const std::string& w : c.warnings) out << "  WARNING              " << w << "\n";
    if (!c.why_not.empty()) out << "  Not converged        " << c.why_not << "\n";
    if (!c.error.empty()) out << "  Cannot fit           " << c.error << "\n";
    if (c.cancelled) out << "  Stopped early        interrupted\n";
    return out.str();
}

Scenario calibration_scenario(const CalibrationResult& c) {
    Scenario s;
    const std::string url = c.real.config.external ? c.real.config.external->url : "";
    s.name = c.shape + " calibrated to " + url;
    std::ostringstream d;
    d << "The framework cost per request fitted by conclab-cli calibrate so that zero-work "
         "requests at "
      << c.connections << " connections run at the real server's saturated rate ("
      << fixed(c.real_after.summary.rps, 0) << " req/s; the fitted model ran at "
      << fixed(c.model_after.summary.rps, 0) << " req/s, ratio " << ratio_text(c.ratio) << ").";
    if (c.resume && c.fitted_config.server.workload.resume_us > 0) {
        d << " The cost after each I/O wait, "
          << fixed(c.fitted_config.server.workload.resume_us, 1) << " µs, was fitted with "
          << fixed(c.resume->io_ms, 0) << " ms of I/O per request at " << c.resume->connections
          << " connections.";
    }
    if (c.connection && c.fitted_config.server.workload.connection_us > 0) {
        d << " The cost per new connection, "
          << fixed(c.fitted_config.server.workload.connection_us, 1)
          << " µs, was fitted with a new connection per request (Connection: close) at "
          << c.connections << " connections.";
    }
    d << " Check it on other workloads with conclab-cli validate --scenario THIS_FILE.";
    s.description = d.str();
    s.run = c.fitted_config;
    return s;
}

}  // namespace conclab
