#include "process/host_state.hpp"

#include <algorithm>
#include <utility>

namespace conclab {

int HostState::live_workers() const {
    return static_cast<int>(std::count_if(workers.begin(), workers.end(),
                                          [](const auto& w) { return !w.exited && !w.quitting; }));
}

void HostState::collect_into(HostTick& tick, std::int64_t now_us) {
    std::uint64_t total = requests_of_exited;
    for (WorkerRecord& w : workers) w.collect_into(tick, total, now_us, problems);
    tick.requests_total = total;
    tick.requests = total - std::min(total, requests_collected);
    requests_collected = total;
    tick.requests_by_pid = requests_by_pid;
    tick.problems.swap(problems);
    tick.failed = live_workers() == 0 && replacements_due == 0 && !stopping;
    tick.restarts = restarts;
    tick.lost_requests = std::exchange(lost_requests, 0);
    tick.worker_deaths.swap(worker_deaths);
}

}  // namespace conclab
