#include "report/resources_report.hpp"

#include "report/report_format.hpp"

namespace conclab {

using nlohmann::json;

namespace {

// The four series in report order: key (without prefix), and how to read and write it.
constexpr const char* kKeys[] = {"rss_mb", "threads", "context_switches_per_s", "fds"};

json mean_max_json(const std::optional<MeanMax>& m) {
    return m ? json{{"mean", m->mean}, {"max", m->max}} : json(nullptr);
}

std::optional<MeanMax> mean_max_from(const JsonField& j, const char* key) {
    if (!j.has(key) || j[key].is_null()) return std::nullopt;
    return MeanMax{j[key]["mean"].number(), j[key]["max"].number()};
}

}  // namespace

void put_resources_json(json& j, const Resources& r, const std::string& prefix) {
    j[prefix + kKeys[0]] = or_null(r.rss_mb);
    j[prefix + kKeys[1]] = or_null(r.threads);
    j[prefix + kKeys[2]] = or_null(r.context_switches_per_s);
    j[prefix + kKeys[3]] = or_null(r.fds);
}

Resources resources_from_json(const JsonField& j, const std::string& prefix) {
    Resources r;
    auto key = [&](int i) { return prefix + kKeys[i]; };
    if (j.has(key(0))) r.rss_mb = j[key(0)].number_or_null();
    if (j.has(key(1))) r.threads = j[key(1)].int_or_null();
    if (j.has(key(2))) r.context_switches_per_s = j[key(2)].number_or_null();
    if (j.has(key(3))) r.fds = j[key(3)].int_or_null();
    return r;
}

json resource_summary_json(const std::optional<ResourceSummary>& r) {
    if (!r) return nullptr;
    json j = {{"server_rss_mb", mean_max_json(r->rss_mb)},
              {"server_threads", mean_max_json(r->threads)},
              {"server_context_switches_per_s", mean_max_json(r->context_switches_per_s)},
              {"server_fds", mean_max_json(r->fds)}};
    const auto& m = r->memory_per_connection;
    j["memory_per_connection_kib"] = m ? json(m->kib) : json(nullptr);
    j["memory_per_connection_fit"] = m ? json{{"r2", m->r2},
                                              {"points", m->points},
                                              {"connections_min", m->connections_min},
                                              {"connections_max", m->connections_max}}
                                       : json(nullptr);
    return j;
}

std::optional<ResourceSummary> resource_summary_from_json(const JsonField& summary) {
    if (!summary.has("resources") || summary["resources"].is_null()) return std::nullopt;
    const JsonField j = summary["resources"];
    ResourceSummary r;
    r.rss_mb = mean_max_from(j, "server_rss_mb");
    r.threads = mean_max_from(j, "server_threads");
    r.context_switches_per_s = mean_max_from(j, "server_context_switches_per_s");
    r.fds = mean_max_from(j, "server_fds");
    if (j.has("memory_per_connection_kib") && !j["memory_per_connection_kib"].is_null()) {
        const JsonField fit = j["memory_per_connection_fit"];
        r.memory_per_connection = MemoryPerConnection{
            j["memory_per_connection_kib"].number(), fit["r2"].number(), fit["points"].int_value(),
            fit["connections_min"].int_value(), fit["connections_max"].int_value()};
    }
    return r;
}

json idle_connections_json(const std::optional<IdleConnectionCounts>& idle) {
    if (!idle) return nullptr;
    return {{"open_max", idle->open_max},
            {"connects", idle->connects},
            {"closed_by_server", idle->closed_by_server},
            {"silent", idle->silent}};
}

std::optional<IdleConnectionCounts> idle_connections_from_json(const JsonField& summary) {
    if (!summary.has("idle_connections") || summary["idle_connections"].is_null()) {
        return std::nullopt;
    }
    const JsonField j = summary["idle_connections"];
    return IdleConnectionCounts{j["open_max"].int_value(), j["connects"].unsigned_integer(),
                                j["closed_by_server"].unsigned_integer(), j["silent"].boolean()};
}

void resources_csv_header(std::ostream& out, const std::string& prefix) {
    for (const char* key : kKeys) out << ',' << prefix << key;
}

void resources_csv_cells(std::ostream& out, const Resources& r) {
    auto cell = [&](const auto& optional) {
        out << ',';
        if (optional) out << *optional;
    };
    cell(r.rss_mb);
    cell(r.threads);
    cell(r.context_switches_per_s);
    cell(r.fds);
}

void cost_text(std::ostream& out, const Summary& s) {
    if (!s.resources) return;
    const ResourceSummary& r = *s.resources;
    out << "  Cost          server";
    if (r.rss_mb)
        out << " RSS " << fixed(r.rss_mb->mean, 1) << " MiB (max " << fixed(r.rss_mb->max, 1)
            << ")";
    if (r.threads)
        out << ", threads " << fixed(r.threads->mean, 0) << " (max " << fixed(r.threads->max, 0)
            << ")";
    if (r.context_switches_per_s) {
        out << ", context switches " << fixed(r.context_switches_per_s->mean, 0) << "/s";
    }
    if (r.fds)
        out << ", descriptors " << fixed(r.fds->mean, 0) << " (max " << fixed(r.fds->max, 0) << ")";
    out << "\n";
    if (const auto& m = r.memory_per_connection) {
        out << "  Per connection " << fixed(m->kib, 1)
            << " KiB of server memory (slope of RSS over " << m->connections_min << ".."
            << m->connections_max << " connections, " << m->points << " ticks, R² "
            << fixed(m->r2, 2) << ")\n";
    }
}

void idle_connections_text(std::ostream& out, const LoadConfig& load, const Summary& s) {
    if (load.idle_connections <= 0) return;
    out << "Plus " << load.idle_connections
        << " idle connection(s) holding the connection open after one request (counted apart: ";
    if (s.idle_connections) {
        const IdleConnectionCounts& c = *s.idle_connections;
        out << "at most " << c.open_max << " open, " << c.connects << " connect(s), closed by the "
            << "server " << c.closed_by_server << " time(s)";
        if (c.silent) out << "; the server closes after each response, so they sent nothing";
    } else {
        out << "none connected";
    }
    out << ")\n";
}

}  // namespace conclab
