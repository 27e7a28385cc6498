#pragma once
// The cost of the server's connections in the reports: per-tick resources in the series (JSON
// keys server_rss_mb, server_threads, server_context_switches_per_s, server_fds, the same
// without "server_" per process-per-core worker), the summary's "resources" and
// "idle_connections", their CSV columns and their lines in the text report; and back from JSON.

#include <optional>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/run_config.hpp"
#include "metrics/metrics.hpp"
#include "report/json_field_reader.hpp"

namespace conclab {

// The four keys with `prefix` ("server_" or ""), each a value or null, into `j`.
void put_resources_json(nlohmann::json& j, const Resources& r, const std::string& prefix);
// Reads them back; a report written before they existed has none (every one empty).
Resources resources_from_json(const JsonField& j, const std::string& prefix);

nlohmann::json resource_summary_json(const std::optional<ResourceSummary>& r);
std::optional<ResourceSummary> resource_summary_from_json(const JsonField& summary);
nlohmann::json idle_connections_json(const std::optional<IdleConnectionCounts>& idle);
std::optional<IdleConnectionCounts> idle_connections_from_json(const JsonField& summary);

// CSV: ",server_rss_mb,…" (or without the prefix) and the cells of one row.
void resources_csv_header(std::ostream& out, const std::string& prefix);
void resources_csv_cells(std::ostream& out, const Resources& r);

// Text report: the resources line and the memory per connection ("  Cost  …"), and the idle
// connections line among the clients counted apart.
void cost_text(std::ostream& out, const Summary& s);
void idle_connections_text(std::ostream& out, const LoadConfig& load, const Summary& s);

}  // namespace conclab
