#include "report/compare_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "report/report_format.hpp"
#include "report/run_report.hpp"

namespace conclab {

using nlohmann::json;

namespace {

std::vector<Summary> summaries(const RunSet& runs) {
    std::vector<Summary> out;
    for (const RunResult& r : runs) out.push_back(r.summary);
    return out;
}

json spread_json(const Spread& s) {
    return {{"min", s.min}, {"max", s.max}};
}

json median_or_null(const std::optional<Spread>& s) {
    return s ? json(s->median) : json(nullptr);
}

json spread_or_null(const std::optional<Spread>& s) {
    return s ? spread_json(*s) : json(nullptr);
}

std::string latency_cell(const std::optional<Spread>& s) {
    return s ? spread_text(*s, 2) : std::string("—");
}

// A table with the first column left-aligned and the others right-aligned.
std::string table(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths[i] = std::max(widths[i], columns(row[i]));
        }
    }
    std::ostringstream out;
    for (const auto& row : rows) {
        out << " ";
        for (std::size_t i = 0; i < row.size(); ++i) {
            out << " " << pad(row[i], widths[i], i > 0);
            if (i + 1 < row.size()) out << " ";
        }
        out << "\n";
    }
    return out.str();
}

}  // namespace

std::string grouped_number(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", std::max(decimals, 0), std::abs(value));
    std::string digits(text);
    const auto dot = digits.find('.');
    std::string whole = digits.substr(0, dot);
    const std::string fraction = dot == std::string::npos ? "" : digits.substr(dot);
    for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(i, ",");
    const bool negative = value < 0 && std::stod(digits) != 0;
    return (negative ? "-" : "") + whole + fraction;
}

std::string spread_text(const Spread& s, int decimals) {
    const double finest = std::pow(10.0, -decimals);
    if (s.count <= 1 || s.max == s.min) return grouped_number(s.median, decimals);
    const double step = supported_step(s, finest);
    const int shown = std::clamp(static_cast<int>(std::lround(-std::log10(step))), 0, decimals);
    return grouped_number(round_to_step(s.median, step), shown) + " (" +
           grouped_number(round_to_step(s.min, step), shown) + "–" +
           grouped_number(round_to_step(s.max, step), shown) + ")";
}

std::string ratio_text(double ratio) {
    char text[32];
    if (!std::isfinite(ratio)) return "—";
    if (ratio >= 10) {
        std::snprintf(text, sizeof text, "%.0f", ratio);
    } else if (ratio >= 0.1) {
        std::snprintf(text, sizeof text, "%.2f", ratio);
    } else {
        std::snprintf(text, sizeof text, "%.2g", ratio);
    }
    return text;
}

json run_set_to_json(const RunSet& runs) {
    if (runs.size() == 1) return run_result_to_json(runs.front());
    const RepeatSummary r = summarise_repeats(summaries(runs));
    json j;
    const RunResult& first = runs.front();
    j["model"] = first.config.external ? std::string("external")
                                       : std::string(to_string(first.config.server.model));
    j["label"] = run_label(first.config);
    j["version"] = CONCLAB_VERSION;
    j["config"] = config_to_json(first.config);
    j["repeat"] = r.runs;
    json summary;
    summary["rps"] = r.rps.median;
    summary["requests"] = r.requests.median;
    summary["errors"] = r.errors.median;
    summary["latency_ms"] = {
        {"p50", median_or_null(r.p50_ms)}, {"p90", median_or_null(r.p90_ms)},
        {"p99", median_or_null(r.p99_ms)}, {"p999", median_or_null(r.p999_ms)},
        {"max", median_or_null(r.max_ms)}, {"mean", median_or_null(r.mean_ms)}};
    summary["spread"] = {{"rps", spread_json(r.rps)},
                         {"requests", spread_json(r.requests)},
                         {"errors", spread_json(r.errors)},
                         {"latency_ms",
                          {{"p50", spread_or_null(r.p50_ms)},
                           {"p90", spread_or_null(r.p90_ms)},
                           {"p99", spread_or_null(r.p99_ms)},
                           {"p999", spread_or_null(r.p999_ms)},
                           {"max", spread_or_null(r.max_ms)},
                           {"mean", spread_or_null(r.mean_ms)}}}};
    summary["typical_repeat"] = r.typical_run;
    j["summary"] = summary;
    json repeats = json::array();
    for (const RunResult& run : runs) repeats.push_back(run_result_to_json(run));
    j["repeats"] = repeats;
    return j;
}

std::string run_set_text(const RunSet& runs) {
    if (runs.size() == 1) return run_result_text(runs.front());
    const RepeatSummary r = summarise_repeats(summaries(runs));
    std::ostringstream out;
    out << run_label(runs.front().config) << ", repeated " << r.runs << " times\n\n";
    std::vector<std::vector<std::string>> rows = {
        {"run", "req/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "errors"}};
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const Summary& s = runs[i].summary;
        auto ms = [&](double LatencySummary::*f) {
            return s.latency ? grouped_number((*s.latency).*f, 2) : std::string("—");
        };
        rows.push_back({std::to_string(i + 1), grouped_number(s.rps, 1),
                        ms(&LatencySummary::p50_ms), ms(&LatencySummary::p90_ms),
                        ms(&LatencySummary::p99_ms), ms(&LatencySummary::p999_ms),
                        ms(&LatencySummary::max_ms), std::to_string(s.errors)});
    }
    rows.push_back({"median (min–max)", spread_text(r.rps, 1), latency_cell(r.p50_ms),
                    latency_cell(r.p90_ms), latency_cell(r.p99_ms), latency_cell(r.p999_ms),
                    latency_cell(r.max_ms), spread_text(r.errors, 0)});
    out << table(rows);
    out << "\n  Median digits only as far as the spread supports them.\n";
    for (std::size_t i = 0; i < runs.size(); ++i) {
        for (const Diagnosis& d : runs[i].diagnosis) {
            out << "  Diagnosis (run " << i + 1 << ") " << d.text << "\n";
        }
        for (const std::string& w : runs[i].warnings) {
            out << "  Warning (run " << i + 1 << ") " << w << "\n";
        }
        if (!runs[i].fatal_error.empty()) {
            out << "  Stopped early (run " << i + 1 << ") " << runs[i].fatal_error << "\n";
        }
    }
    return out.str();
}

json comparison_to_json(const std::vector<RunSet>& runs) {
    json list = json::array();
    for (const RunSet& set : runs) list.push_back(run_set_to_json(set));
    return {{"version", CONCLAB_VERSION}, {"runs", list}};
}

std::string comparison_text(const std::vector<RunSet>& runs) {
    if (runs.empty()) return {};
    const bool repeated =
        std::any_of(runs.begin(), runs.end(), [](const RunSet& s) { return s.size() > 1; });
    std::vector<std::vector<std::string>> rows = {
        {"run", "req/s", "vs first", "p50 ms", "p99 ms", "p99.9 ms", "errors"}};
    const RepeatSummary first = summarise_repeats(summaries(runs.front()));
    // Short, so that the column stays narrow: "0.01× event-loop", "0.95× real server".
    const RunConfig& first_config = runs.front().front().config;
    const std::string first_label = first_config.external
                                        ? std::string("real server")
                                        : std::string(to_string(first_config.server.model));
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const RepeatSummary r = summarise_repeats(summaries(runs[i]));
        std::string versus = "—";
        if (i > 0 && first.rps.median > 0) {
            versus = ratio_text(r.rps.median / first.rps.median) + "× " + first_label;
        }
        rows.push_back({run_label(runs[i].front().config), spread_text(r.rps, 1), versus,
                        latency_cell(r.p50_ms), latency_cell(r.p99_ms), latency_cell(r.p999_ms),
                        spread_text(r.errors, 0)});
    }
    std::ostringstream out;
    const RunConfig& c = runs.front().front().config;
    out << "Comparison: " << c.load.connections << " connections";
    if (!c.external || runs.size() > 1) {
        // The workload of the models (a real server's is its own).
        for (const RunSet& set : runs) {
            const RunConfig& m = set.front().config;
            if (m.external) continue;
            out << ", " << m.server.workload.cpu_ms << " ms CPU + " << m.server.workload.io_ms
                << " ms I/O + " << m.server.workload.overhead_us << " µs overhead per request";
            break;
        }
    }
    out << ", " << c.duration_s << " s each";
    if (repeated) out << ", median (min–max) of " << runs.front().size() << " repeats";
    out << "\n\n" << table(rows);
    for (const RunSet& set : runs) {
        for (const RunResult& r : set) {
            for (const std::string& w : r.warnings) {
                out << "  Warning (" << run_label(r.config) << ") " << w << "\n";
            }
            if (!r.fatal_error.empty()) {
                out << "  Stopped early (" << run_label(r.config) << ") " << r.fatal_error << "\n";
            }
        }
    }
    return out.str();
}

}  // namespace conclab
