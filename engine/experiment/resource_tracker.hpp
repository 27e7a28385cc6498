#pragma once
// The cost of the server's connections, tick by tick and over the run: its processes' memory,
// threads, context switches and descriptors (summed over process-per-core's workers, each also
// on its own), and what one more connection costs in memory, the slope of resident memory
// against open connections. Pure: fed by the TickAggregator, unit-tested on recorded ticks.

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "metrics/metrics.hpp"
#include "metrics/process_resources.hpp"

namespace conclab {

// One process's reading as a sample's Resources: `switches` is its context switches in the tick.
Resources resources_of(const ProcessResources& reading, std::uint64_t switches, double tick_s);

// The least-squares line of resident KiB against connections, (connections, KiB) per point;
// empty with fewer than 3 points or connections spanning fewer than 10.
std::optional<MemoryPerConnection> fit_memory_per_connection(
    const std::vector<std::pair<double, double>>& points);

class ResourceTracker {
public:
    // Every tick; `measured` ticks (after warm-up) count towards the means and peaks, all of
    // them towards the memory per connection.
    void add(const MetricsSample& sample, bool measured);
    // Empty when no tick had a reading (an external target without --target-pid).
    std::optional<ResourceSummary> summary() const;

private:
    struct Accumulated {
        double sum = 0;
        double max = 0;
        int n = 0;
        void add(double v);
        std::optional<MeanMax> mean_max() const;
    };
    Accumulated rss_mb_, threads_, switches_, fds_;
    std::vector<std::pair<double, double>> memory_points_;  // (connections, KiB)
    bool any_ = false;
};

}  // namespace conclab
