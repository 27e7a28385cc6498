#include "report/sweep_report.hpp"

#include <cstdio>
#include <sstream>

#include "report/report_format.hpp"
#include "report/run_report.hpp"

namespace conclab {

using nlohmann::json;

namespace {

json parameter_json(const UslParameter& p) {
    return {{"value", p.value}, {"low", or_null(p.low)}, {"high", or_null(p.high)}};
}

std::string parameter_text(const UslParameter& p, int digits) {
    std::string text = fixed(p.value, digits);
    if (p.low && p.high) text += " [" + fixed(*p.low, digits) + ", " + fixed(*p.high, digits) + "]";
    return text;
}

// The cost of the connections at each point, where measured, and the memory per connection.
void cost_table_text(std::ostream& out, const SweepResult& s) {
    bool any = false;
    for (const SweepPoint& p : s.points) any = any || p.rss_mb.has_value();
    if (!any) return;
    out << "       N  server conns    RSS MiB    threads  switches/s    fds\n";
    for (const SweepPoint& p : s.points) {
        auto cell = [](const std::optional<double>& v, int digits) {
            return v ? fixed(*v, digits) : std::string("-");
        };
        char line[160];
        std::snprintf(line, sizeof line, "  %6d  %12s %10s %10s  %10s %6s\n", p.connections,
                      cell(p.server_connections, 0).c_str(), cell(p.rss_mb, 1).c_str(),
                      cell(p.threads, 0).c_str(), cell(p.context_switches_per_s, 0).c_str(),
                      cell(p.fds, 0).c_str());
        out << line;
    }
    if (const auto& m = s.memory_per_connection) {
        out << "  Per connection " << fixed(m->kib, 1) << " KiB of server memory (slope over "
            << m->points << " points, " << m->connections_min << ".." << m->connections_max
            << " connections, R² " << fixed(m->r2, 3) << ")\n";
    }
}

}  // namespace

json usl_fit_to_json(const UslFit& fit) {
    json j;
    j["ok"] = fit.ok;
    j["why_not"] = fit.ok ? json(nullptr) : json(fit.why_not);
    if (!fit.ok) return j;
    j["lambda"] = parameter_json(fit.lambda);
    j["sigma"] = parameter_json(fit.sigma);
    j["kappa"] = parameter_json(fit.kappa);
    j["n_star"] = or_null(fit.n_star);
    j["r2"] = fit.r2;
    j["fitted"] = fit.fitted;
    j["residuals"] = fit.residuals;
    j["caution"] = fit.caution.empty() ? json(nullptr) : json(fit.caution);
    return j;
}

json sweep_to_json(const SweepResult& s) {
    json j;
    j["model"] =
        s.base.external ? std::string("external") : std::string(to_string(s.base.server.model));
    j["label"] = run_label(s.base);
    j["config"] = config_to_json(s.base);
    j["step_s"] = s.step_s;
    j["warmup_s"] = s.warmup_s;
    json points = json::array();
    for (const SweepPoint& p : s.points) {
        const bool latency = p.requests > 0;
        points.push_back({{"connections", p.connections},
                          {"rps", p.rps},
                          {"latency_ms",
                           {{"mean", latency ? json(p.mean_ms) : json(nullptr)},
                            {"p50", latency ? json(p.p50_ms) : json(nullptr)},
                            {"p99", latency ? json(p.p99_ms) : json(nullptr)}}},
                          {"in_service", or_null(p.in_service)},
                          {"waiting", or_null(p.waiting)},
                          {"server_cpu_pct", or_null(p.server_cpu_pct)},
                          {"client_open", p.client_open},
                          {"load_cpu_pct", p.load_cpu_pct},
                          {"requests", p.requests},
                          {"errors", p.errors},
                          {"measured_s", p.measured_s},
                          {"load_connections", p.load_connections},
                          {"server_connections", or_null(p.server_connections)},
                          {"server_rss_mb", or_null(p.rss_mb)},
                          {"server_threads", or_null(p.threads)},
                          {"server_context_switches_per_s", or_null(p.context_switches_per_s)},
                          {"server_fds", or_null(p.fds)},
                          {"little",
                           {{"n", p.little.expected},
                            {"x_r", p.little.measured},
                            {"ratio", p.little.ratio},
                            {"ok", p.little.ok},
                            {"reason", p.little.ok ? json(nullptr) : json(p.little.reason)}}}});
    }
    j["points"] = points;
    j["idle"] = s.idle;
    j["fit"] = usl_fit_to_json(s.fit);
    const auto& m = s.memory_per_connection;
    j["memory_per_connection_kib"] = m ? json(m->kib) : json(nullptr);
    j["memory_per_connection_fit"] = m ? json{{"r2", m->r2},
                                              {"points", m->points},
                                              {"connections_min", m->connections_min},
                                              {"connections_max", m->connections_max}}
                                       : json(nullptr);
    j["cancelled"] = s.cancelled;
    return j;
}

json sweeps_to_json(const std::vector<SweepResult>& sweeps) {
    if (sweeps.size() == 1) {
        json j = sweep_to_json(sweeps.front());
        j["version"] = CONCLAB_VERSION;
        return j;
    }
    json list = json::array();
    for (const SweepResult& s : sweeps) list.push_back(sweep_to_json(s));
    return {{"version", CONCLAB_VERSION}, {"sweeps", list}};
}

std::string sweep_text(const SweepResult& s) {
    std::ostringstream out;
    out << "Sweep of " << run_label(s.base) << ": " << s.points.size() << " point(s)"
        << (s.idle ? " of idle connections beside " + std::to_string(s.base.load.connections) +
                         " loading"
                   : std::string())
        << ", " << s.step_s << " s each after " << s.warmup_s << " s warm-up\n";
    // In service and waiting: time averages over the step (Little's L), not counts.
    out << "       N      req/s    mean ms     p50 ms     p99 ms  avg in svc   avg wait  "
           "server CPU  errors   X·R/N\n";
    for (const SweepPoint& p : s.points) {
        char line[256];
        std::snprintf(line, sizeof line,
                      "  %6d %10.1f %10.2f %10.2f %10.2f  %10s %10s  %9s %7llu   %5.2f%s\n",
                      p.connections, p.rps, p.mean_ms, p.p50_ms, p.p99_ms,
                      p.in_service ? fixed(*p.in_service, 1).c_str() : "-",
                      p.waiting ? fixed(*p.waiting, 1).c_str() : "-",
                      p.server_cpu_pct ? (fixed(*p.server_cpu_pct, 0) + " %").c_str() : "-",
                      static_cast<unsigned long long>(p.errors), p.little.ratio,
                      p.little.ok ? "" : "  !");
        out << line;
    }
    cost_table_text(out, s);
    for (const SweepPoint& p : s.points) {
        if (!p.little.ok) {
            out << "  Little's law off at N = " << p.connections
                << " (X·R = " << fixed(p.little.measured, 2) << "): " << p.little.reason << "\n";
        }
    }
    const UslFit& f = s.fit;
    if (!f.ok) {
        out << "  USL fit       not possible: " << f.why_not << "\n";
        return out.str();
    }
    out << "  USL fit       λ = " << parameter_text(f.lambda, 1)
        << " req/s   σ = " << parameter_text(f.sigma, 4) << "   κ = " << parameter_text(f.kappa, 6)
        << "   (95 % intervals)\n";
    out << "                N* = " << (f.n_star ? fixed(*f.n_star, 1) : std::string("none (κ = 0)"))
        << "   r² = " << fixed(f.r2, 4) << "\n";
    if (!f.caution.empty()) out << "  Caution       " << f.caution << "\n";
    return out.str();
}

}  // namespace conclab
