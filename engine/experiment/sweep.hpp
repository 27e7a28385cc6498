#pragma once
// A sweep: the same server and workload measured at a series of closed-loop connection counts N,
// one bounded run per point (warm-up discarded), then the Universal Scalability Law fitted to
// X(N). Each point is checked against Little's law, N = X · R_mean: in a closed loop without
// think time every connection is always inside a request, so a point that breaks it by more
// than 10 % is a bad measurement, flagged with the likely reason.

#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/run_config.hpp"
#include "experiment/usl_fit.hpp"
#include "metrics/metrics.hpp"

namespace conclab {

struct LittleCheck {
    double expected = 0;  // N
    double measured = 0;  // X · R_mean
    double ratio = 0;     // measured / expected
    bool ok = true;       // within kLittleTolerance
    std::string reason;   // when not ok: what probably broke it
};
inline constexpr double kLittleTolerance = 0.10;

struct SweepPoint {
    int connections = 0;  // N
    // The closed-loop connections of the point: N, or in a sweep of idle connections the base's
    // (whom Little's law is about).
    int load_connections = 0;
    double rps = 0;                              // X, steady state
    double mean_ms = 0, p50_ms = 0, p99_ms = 0;  // R (0 when nothing completed)
    std::optional<double> in_service, waiting;   // server side, time averages of the steady state
    std::optional<double> server_cpu_pct;
    double client_open = 0;  // the client's open connections, mean of the steady state
    double load_cpu_pct = 0;
    std::uint64_t requests = 0;
    std::uint64_t errors = 0;
    double measured_s = 0;
    LittleCheck little;
    // The cost of the connections, means of the steady state (empty for an external target
    // without --target-pid): the server's memory, threads, context switches, descriptors, and
    // the connections it held.
    std::optional<double> rss_mb, threads, context_switches_per_s, fds, server_connections;
};

// N against X · R_mean for one point; `load_threads` for the saturation hint.
LittleCheck check_little(const SweepPoint& point, int load_threads);

inline constexpr double kIdleRampS = 3;

struct SweepSettings {
    RunConfig base;  // server, workload, load threads, timeout; connections, rate and stages unused
    std::vector<int> connections;
    // The counts are idle connections (--idle-connections) beside base.load.connections, not
    // the closed loop's: what a waiting connection costs each model.
    // Their warm-up is at least kIdleRampS, the time they take to open.
    bool idle = false;
    double step_s = 5;    // measured time per point
    double warmup_s = 1;  // before each point's measurement, discarded
};

struct SweepResult {
    RunConfig base;
    double step_s = 0, warmup_s = 0;
    bool idle = false;
    std::vector<SweepPoint> points;
    UslFit fit;
    // The slope of the points' memory against the connections the server held.
    std::optional<MemoryPerConnection> memory_per_connection;
    bool cancelled = false;
    std::string error;  // a point that could not start
};

struct SweepProgress {
    int index = 0;                         // 0-based point
    int points = 0;                        // in this sweep
    int connections = 0;                   // N of this point
    const SweepPoint* finished = nullptr;  // set when the point is done
};
using SweepProgressFn = std::function<void(const SweepProgress&)>;

// 1, 2, 4, … geometric from `from` to `to` in `steps` points, rounded, duplicates removed.
std::vector<int> geometric_steps(int from, int to, int steps);
// "1,2,4,8" → {1, 2, 4, 8} in the order given; the error names the bad item.
Result<std::vector<int>> parse_connection_list(const std::string& text);

// Runs one point after another (each warmup_s + step_s), fits the USL. Blocks; stops early with
// `cancelled` when `stop` is requested. Throws StartError when a point cannot start.
SweepResult run_sweep(const SweepSettings& settings, const SweepProgressFn& progress = {},
                      std::stop_token stop = {});
// The USL fit of the points (also used by tests on synthetic points).
UslFit fit_sweep(const std::vector<SweepPoint>& points);
// The memory per connection of the points (means of server_connections and rss_mb).
std::optional<MemoryPerConnection> memory_per_connection_of(const std::vector<SweepPoint>& points);

}  // namespace conclab
