#pragma once
// Validation points built for the verdict tests (tst_validation_verdicts) and for the messages
// the GUI must translate (engine_messages.hpp), so that both judge the same point.

#include <cstdint>
#include <utility>
#include <vector>

#include "experiment/repeat_stats.hpp"
#include "experiment/validation.hpp"

namespace conclab::test {

// CPU-bound (2 ms) at 10 connections, the same rate on both sides, p50s of one turn, as real
// Express and its model measured it; the p99s are the caller's. Judged with the defaults.
inline ValidationPointResult cpu_bound_tail_point(double real_p99_ms, double model_p99_ms) {
    ValidationPointResult p;
    p.point = {2, 0, 10};
    p.real.rps = 469;
    p.model.rps = 477;
    p.real.p50_ms = 18.9;
    p.model.p50_ms = 20.9;
    p.real.p99_ms = real_p99_ms;
    p.model.p99_ms = model_p99_ms;
    p.p99_counts = true;
    judge_point(p, ValidationSettings{});
    return p;
}

// I/O-bound (50 ms) at 1,000 connections, the same rate on both sides, where each side left the
// given number of requests unanswered when its run ended (those waited 4.1 s) and has the
// given p99. Judged with the defaults.
inline ValidationPointResult unanswered_point(std::uint64_t real_unanswered,
                                              std::uint64_t model_unanswered, double real_p99_ms,
                                              double model_p99_ms) {
    ValidationPointResult p;
    p.point = {0, 50, 1000};
    p.real.rps = p.real_run.summary.rps = 8759;
    p.model.rps = p.model_run.summary.rps = 9222;
    p.real.p99_ms = real_p99_ms;
    p.model.p99_ms = model_p99_ms;
    p.p99_counts = true;
    for (auto [summary, n] : {std::pair{&p.real_run.summary, real_unanswered},
                              std::pair{&p.model_run.summary, model_unanswered}}) {
        summary->unanswered = n;
        if (n > 0) summary->unanswered_longest_ms = 4107;
    }
    judge_point(p, ValidationSettings{});
    return p;
}

// CPU-bound (2 ms) at 100 connections, three runs a side, the rates alike; the real server's
// p99s of its three runs are the caller's (their median is the real p99) and the model's
// median p99 is given. Real Express measured its first burst both ways on one day: p99 224 ms
// in one run, 4,200 ms in another. Judged with the defaults.
inline ValidationPointResult spread_point(double real_low_ms, double real_median_ms,
                                          double real_high_ms, double model_p99_ms) {
    ValidationPointResult p;
    p.point = {2, 0, 100};
    p.real.runs = p.model.runs = 3;
    p.real.rps = 470;
    p.real.rps_low = 455;
    p.real.rps_high = 478;
    p.model.rps = p.model.rps_low = p.model.rps_high = 462;
    p.real.rps_runs = {478, 455, 470};
    p.model.rps_runs = {462, 462, 462};
    p.real.p99_ms = real_median_ms;
    p.real.p99_low_ms = real_low_ms;
    p.real.p99_high_ms = real_high_ms;
    p.real.p99_runs_ms = {real_high_ms, real_low_ms, real_median_ms};
    p.model.p99_ms = p.model.p99_low_ms = p.model.p99_high_ms = model_p99_ms;
    p.model.p99_runs_ms = {model_p99_ms, model_p99_ms, model_p99_ms};
    p.p99_counts = true;
    judge_point(p, ValidationSettings{});
    return p;
}

// I/O-bound (50 ms) at 1,000 connections, the rates alike, the model's tail far longer: as
// Express's model measured it on 2026-12-06 (p99 1,183 ms, slowest 1,400; the real server's 203
// and 260). `model_overflows`: the kernel's count of dropped handshakes in the model's run.
inline ValidationPointResult long_model_tail(std::uint64_t model_overflows) {
    ValidationPointResult p;
    p.point = {0, 50, 1000};
    p.real.rps = p.real_run.summary.rps = 8983;
    p.model.rps = p.model_run.summary.rps = 9319;
    p.real.p99_ms = 203;
    p.model.p99_ms = 1183;
    p.p99_counts = true;
    p.real_run.summary.latency = LatencySummary{};
    p.real_run.summary.latency->max_ms = 260;
    p.real_run.summary.listen_overflows = 0;
    p.model_run.summary.latency = LatencySummary{};
    p.model_run.summary.latency->max_ms = 1400;
    p.model_run.summary.listen_overflows = model_overflows;
    judge_point(p, ValidationSettings{});
    return p;
}

// CPU-bound (2 ms) at 100 connections, the rates alike, each side's runs' p99s given: Node's
// first burst lands each run at about 230 ms or at 3,200-4,200 ms. Judged with the defaults.
inline ValidationPointResult race_point(const std::vector<double>& real_p99s_ms,
                                        const std::vector<double>& model_p99s_ms) {
    ValidationPointResult p;
    p.point = {2, 0, 100};
    const auto side = [](ValidationSide& s, const std::vector<double>& p99s, double rps) {
        const Spread spread = spread_of(p99s);
        s.runs = static_cast<int>(p99s.size());
        s.rps = s.rps_low = s.rps_high = rps;
        s.rps_runs.assign(p99s.size(), rps);
        s.p50_ms = 200;
        s.p99_ms = spread.median;
        s.p99_low_ms = spread.min;
        s.p99_high_ms = spread.max;
        s.p99_runs_ms = p99s;
    };
    side(p.real, real_p99s_ms, 470);
    side(p.model, model_p99s_ms, 462);
    p.p99_counts = true;
    judge_point(p, ValidationSettings{});
    return p;
}

}  // namespace conclab::test
