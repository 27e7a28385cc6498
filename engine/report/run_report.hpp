#pragma once
// Reports of a finished (or running) experiment, shared by the CLI and the GUI's data export:
// the JSON document, the CSV of the series, and the wrk-like text summary.
//
// JSON shape (more keys may be added, none removed):
// {"model":"event-loop", "label":"event-loop", "config":{...}, "summary":{"requests":N, "errors":N,
// "rps":X,
//   "latency_ms":{"p50":X,"p90":X,"p99":X,"max":X,"mean":X},
//   "connections":{"client_open_max":N,"server_in_service_max":N,"server_waiting_max":N}},
//  "series":[{"t_s":X,"rps":X,"p50_ms":X,"p99_ms":X,"client_open":N,"server_in_service":N,
//             "server_waiting":N,"errors":N}, ...], "events":[...]}
// Unknown values (no responses in a tick, no server metrics for an external target) are null.
// Also: the internals keys of kInternalsFields in each series entry and "workers" (process per
// core, else null); summary "internals" {key: {"mean","max"} | null}, "workers",
// "latency_spectrum" [{"percentile","ms"}]; top-level "diagnosis" [{"rule","text","evidence"}].

#include <string>

#include <nlohmann/json.hpp>

#include "experiment/experiment.hpp"

namespace conclab {

// What a run is called in tables and charts: "event-loop", "gil-threads (10 threads)",
// "process-per-core (2 × event-loop)", "real server (http://127.0.0.1:5000/)".
std::string run_label(const RunConfig& config);

nlohmann::json config_to_json(const RunConfig& config);
nlohmann::json run_result_to_json(const RunResult& result);
std::string run_result_csv(const RunResult& result);  // one row per tick, with a header
// Process per core: one row per worker per tick (t_s, pid, rps, cpu_pct, its internals).
std::string run_result_workers_csv(const RunResult& result);
// [{"rule":…, "text":…, "evidence":{…}}, …]
nlohmann::json diagnosis_to_json(const std::vector<Diagnosis>& diagnosis);
std::string run_result_text(const RunResult& result);  // human summary, wrk-like

}  // namespace conclab
