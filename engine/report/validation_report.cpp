#include "report/validation_report.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "report/compare_report.hpp"
#include "report/report_format.hpp"
#include "scenario/scenario.hpp"

namespace conclab {

using nlohmann::json;

namespace {

json side_json(const ValidationSide& s) {
    return {{"rps", s.rps},
            {"p50_ms", s.p50_ms},
            {"p99_ms", s.p99_ms},
            {"p99_lower_bound", s.p99_lower_bound},
            {"errors", s.errors},
            {"runs", s.runs},
            {"rps_low", s.rps_low},
            {"rps_high", s.rps_high},
            {"p99_low_ms", s.p99_low_ms},
            {"p99_high_ms", s.p99_high_ms},
            {"rps_runs", s.rps_runs},
            {"p99_runs_ms", s.p99_runs_ms}};
}

json race_json(const std::optional<RaceTally>& race) {
    if (!race) return nullptr;
    return {{"boundary_ms", race->boundary_ms}, {"real_low", race->real_low},
            {"real_runs", race->real_runs},     {"model_low", race->model_low},
            {"model_runs", race->model_runs},   {"p_value", race->p_value}};
}

// A p99 in a column 9 wide, "≥" before a lower bound (one column, three bytes).
std::string p99_cell(const ValidationSide& s) {
    const std::string number = fixed(s.p99_ms, 2);
    const std::size_t width = number.size() + (s.p99_lower_bound ? 1 : 0);
    return std::string(width < 9 ? 9 - width : 0, ' ') + (s.p99_lower_bound ? "≥" : "") + number;
}

std::string workload_text(const ValidationPoint& p) {
    if (p.cpu_ms > 0 && p.io_ms > 0) return "mixed " + fixed(p.cpu_ms, 1) + "+" + fixed(p.io_ms, 0);
    if (p.cpu_ms > 0) return "CPU " + fixed(p.cpu_ms, 1) + " ms";
    if (p.io_ms > 0) return "I/O " + fixed(p.io_ms, 0) + " ms";
    return "zero work";
}

// Under a point of a repeated validation: the lowest and highest of each side's runs, the
// medians' error bars, aligned under their columns.
// A point run more often than the others (a race, run to kRaceRuns) says how many times.
std::string range_line(const ValidationPointResult& p, int repeats) {
    const auto side = [](const ValidationSide& s) {
        return grouped_number(s.rps_low, 0) + "–" + grouped_number(s.rps_high, 0) + " r/s, p99 " +
               fixed(s.p99_low_ms, 1) + "–" + fixed(s.p99_high_ms, 1);
    };
    // Padded by columns, not bytes: "–" is three bytes and one column.
    const int runs = std::max(p.real.runs, p.model.runs);
    const std::string label =
        runs == repeats ? "  runs' range" : "  " + std::to_string(runs) + " runs' range";
    return pad(label, 23, false) + " | " + pad(side(p.real), 30, false) + " | " +
           pad(side(p.model), 30, false) + " |\n";
}

}  // namespace

json validation_to_json(const ValidationResult& r, const ValidationSettings& settings) {
    json points = json::array();
    for (const ValidationPointResult& p : r.points) {
        points.push_back({{"cpu_ms", p.point.cpu_ms},
                          {"io_ms", p.point.io_ms},
                          {"connections", p.point.connections},
                          {"real", side_json(p.real)},
                          {"model", side_json(p.model)},
                          {"rps_ratio", p.rps_ratio},
                          {"p99_ratio", p.p99_ratio},
                          {"p99_counts", p.p99_counts},
                          {"ok", p.ok},
                          {"within_real_spread", p.within_real_spread},
                          {"race", race_json(p.race)},
                          {"verdict", p.verdict},
                          {"warnings", {{"real", p.real_warnings}, {"model", p.model_warnings}}}});
    }
    json j;
    j["version"] = CONCLAB_VERSION;
    j["points"] = points;
    j["worst_rps_ratio"] = r.worst_rps_ratio;
    j["worst_p99_ratio"] = r.worst_p99_ratio;
    j["fidelity"] = r.fidelity;
    j["outside"] = r.outside;
    j["within_real_spread"] = r.within_real_spread;
    j["shape"] = r.shape;
    j["target"] = settings.real.url;
    j["model_config"] = run_config_fields(settings.model);
    j["repeats"] = r.repeats;
    j["duration_s"] = settings.model.duration_s;
    j["cancelled"] = r.cancelled;
    j["error"] = r.error.empty() ? json(nullptr) : json(r.error);
    return j;
}

std::string validation_text(const ValidationResult& r, const ValidationSettings& settings) {
    std::ostringstream out;
    out << "Validation of " << r.shape << " (overhead "
        << fixed(settings.model.server.workload.overhead_us, 1) << " µs) against "
        << settings.real.url << "\n"
        << "each run " << fixed(settings.model.duration_s, 1) << " s, real and model alternating"
        << (r.repeats > 1 ? ", median of " + std::to_string(r.repeats) + " runs" : std::string())
        << "\n\n";
    char row[256];
    std::snprintf(row, sizeof row, "%-16s %6s | %10s %9s %9s | %10s %9s %9s | %6s %6s  %s\n",
                  "workload", "conns", "real r/s", "p50 ms", "p99 ms", "model r/s", "p50 ms",
                  "p99 ms", "r/s ×", "p99 ×", "verdict");
    out << row;
    for (const ValidationPointResult& p : r.points) {
        std::snprintf(
            row, sizeof row, "%-16s %6d | %10s %9.2f %s | %10s %9.2f %s | %6.2f %5.2f%s  ",
            workload_text(p.point).c_str(), p.point.connections,
            grouped_number(p.real.rps, 1).c_str(), p.real.p50_ms, p99_cell(p.real).c_str(),
            grouped_number(p.model.rps, 1).c_str(), p.model.p50_ms, p99_cell(p.model).c_str(),
            p.rps_ratio, p.p99_ratio, p.p99_counts ? "*" : " ");
        out << row << p.verdict << "\n";
        if (p.real.runs > 1 || p.model.runs > 1) out << range_line(p, r.repeats);
    }
    out << "\n(* p99 counts at this point: the server is saturated, CPU ≥ 80 % or requests "
           "queue)\n";
    const bool bounded = std::any_of(r.points.begin(), r.points.end(), [](const auto& p) {
        return p.real.p99_lower_bound || p.model.p99_lower_bound;
    });
    if (bounded) {
        out << "(≥ the p99 is a request still unanswered when the run ended: it had waited this "
               "long, and more; two such p99s agree only as far as the run was long)\n";
    }
    bool warned = false;
    for (const ValidationPointResult& p : r.points) {
        for (const auto& [side, warnings] : {std::pair{"the real server", &p.real_warnings},
                                             std::pair{"the model", &p.model_warnings}}) {
            for (const std::string& w : *warnings) {
                if (!warned) out << "Warnings of the runs:\n";
                warned = true;
                out << "  " << workload_text(p.point) << ", " << p.point.connections << " conns, "
                    << side << ": " << w << "\n";
            }
        }
    }
    out << "Worst req/s ratio " << fixed(r.worst_rps_ratio, 3) << ", worst p99 ratio "
        << fixed(r.worst_p99_ratio, 3) << "; fidelity " << fixed(r.fidelity, 3) << " (|log r|; "
        << r.outside << " of " << r.points.size() << " points outside ±"
        << fixed(100 * settings.rps_tolerance, 0) << " % req/s or ×"
        << fixed(settings.p99_factor, 1) << " p99)\n";
    if (r.within_real_spread > 0) {
        out << r.within_real_spread << (r.within_real_spread == 1 ? " point is" : " points are")
            << " within only against the real server's own spread: its runs disagreed with "
               "their median by more than the bound, and the model is within the bound of one "
               "of them, or it and the model landed low about as often in a race (the verdict "
               "gives the tallies)\n";
    }
    if (r.cancelled) out << "Stopped early: interrupted\n";
    if (!r.error.empty()) out << "Error: " << r.error << "\n";
    return out.str();
}

std::string validation_csv(const ValidationResult& r) {
    std::ostringstream out;
    out << "cpu_ms,io_ms,connections,real_rps,real_p50_ms,real_p99_ms,model_rps,model_p50_ms,"
           "model_p99_ms,rps_ratio,p99_ratio,p99_counts,ok,verdict,runs,real_rps_low,real_rps_high,"
           "real_p99_low_ms,real_p99_high_ms,model_rps_low,model_rps_high,model_p99_low_ms,"
           "model_p99_high_ms,within_real_spread\n";
    for (const ValidationPointResult& p : r.points) {
        std::string verdict = p.verdict;
        for (char& c : verdict) {
            if (c == '"') c = '\'';
        }
        out << p.point.cpu_ms << ',' << p.point.io_ms << ',' << p.point.connections << ','
            << fixed(p.real.rps, 2) << ',' << fixed(p.real.p50_ms, 3) << ','
            << fixed(p.real.p99_ms, 3) << ',' << fixed(p.model.rps, 2) << ','
            << fixed(p.model.p50_ms, 3) << ',' << fixed(p.model.p99_ms, 3) << ','
            << fixed(p.rps_ratio, 4) << ',' << fixed(p.p99_ratio, 4) << ','
            << (p.p99_counts ? 1 : 0) << ',' << (p.ok ? 1 : 0) << ",\"" << verdict << "\","
            << p.real.runs << ',' << fixed(p.real.rps_low, 2) << ',' << fixed(p.real.rps_high, 2)
            << ',' << fixed(p.real.p99_low_ms, 3) << ',' << fixed(p.real.p99_high_ms, 3) << ','
            << fixed(p.model.rps_low, 2) << ',' << fixed(p.model.rps_high, 2) << ','
            << fixed(p.model.p99_low_ms, 3) << ',' << fixed(p.model.p99_high_ms, 3) << ','
            << (p.within_real_spread ? 1 : 0) << "\n";
    }
    return out.str();
}

}  // namespace conclab
