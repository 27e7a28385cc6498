#pragma once
// One-line diagnoses of a finished run, like clinic.js doctor naming one problem: rules over what
// was measured inside the servers (loop delay and utilisation, GIL held and waits, per-worker
// shares) and the workload, each with the figures it rests on. Pure: unit-tested on recorded
// summaries. A rule says nothing unless its evidence is clear, so a plain run gets no diagnosis.

#include <cstdint>
#include <vector>

#include "core/run_config.hpp"
#include "metrics/metrics.hpp"

namespace conclab {

// Thresholds, in one place so that tests and docs can name them.
struct DiagnosisThresholds {
    double load_cpu_share = 0.9;       // of the loader threads' capacity: saturated
    double gil_held_pct = 90;          // the GIL is (nearly) always held ...
    double gil_waiting_threads = 1.0;  // ... and threads queue for it
    double loop_busy_pct = 90;         // the loop is (nearly) always running handlers ...
    double loop_delay_ms = 10;         // ... and timers fire at least one resolution late
    double uneven_factor = 1.3;        // a worker served this many times its fair share ...
    double uneven_points = 10;         // ... and at least this many points above it
    std::uint64_t uneven_min_requests = 100;
    double pool_busy_share = 0.9;   // in service ≥ 90 % of the pool ...
    double pool_gil_held_pct = 50;  // ... while the GIL is mostly free
    double recovered_share = 0.9;   // after a lost worker, the rate is back to 90 % of before
};

// The worker slots a run's per-worker shares are judged against (each slot's fair share is 100 %
// over them): the workers the run asked for, not the PIDs seen (a killed and restarted worker
// leaves two PIDs that shared one slot's time, and counting both would lower the bar). 0 for
// fewer than two, and when a worker was lost during the run (the others take its share for a
// while: the loss's doing, not the balancer's).
int worker_slots(const RunConfig& config, const Summary& summary);

// The diagnoses of a run, most fundamental first (a saturated load generator makes every other
// figure suspect); an empty list when nothing stands out.
std::vector<Diagnosis> diagnose(const RunConfig& config, const Summary& summary,
                                const DiagnosisThresholds& limits = {});

}  // namespace conclab
