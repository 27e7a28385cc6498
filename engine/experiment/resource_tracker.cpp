#include "experiment/resource_tracker.hpp"

#include <algorithm>

namespace conclab {

Resources resources_of(const ProcessResources& r, std::uint64_t switches, double tick_s) {
    Resources out;
    out.rss_mb = static_cast<double>(r.rss_kib) / 1024.0;
    out.threads = r.threads;
    out.fds = r.fds;
    if (tick_s > 0) out.context_switches_per_s = static_cast<double>(switches) / tick_s;
    return out;
}

std::optional<MemoryPerConnection> fit_memory_per_connection(
    const std::vector<std::pair<double, double>>& points) {
    if (points.size() < 3) return std::nullopt;
    double lo = points.front().first, hi = lo;
    double mean_x = 0, mean_y = 0;
    for (const auto& [x, y] : points) {
        lo = std::min(lo, x);
        hi = std::max(hi, x);
        mean_x += x;
        mean_y += y;
    }
    if (hi - lo < 10) return std::nullopt;
    const double n = static_cast<double>(points.size());
    mean_x /= n;
    mean_y /= n;
    // Centred sums: memory in KiB is large beside its changes, and raw sums would cancel.
    double sxx = 0, sxy = 0, syy = 0;
    for (const auto& [x, y] : points) {
        sxx += (x - mean_x) * (x - mean_x);
        sxy += (x - mean_x) * (y - mean_y);
        syy += (y - mean_y) * (y - mean_y);
    }
    MemoryPerConnection m;
    m.kib = sxy / sxx;
    m.r2 = syy > 0 ? (sxy * sxy) / (sxx * syy) : 1.0;
    m.points = static_cast<int>(points.size());
    m.connections_min = static_cast<int>(lo);
    m.connections_max = static_cast<int>(hi);
    return m;
}

void ResourceTracker::Accumulated::add(double v) {
    max = n == 0 ? v : std::max(max, v);
    sum += v;
    ++n;
}

std::optional<MeanMax> ResourceTracker::Accumulated::mean_max() const {
    if (n == 0) return std::nullopt;
    return MeanMax{sum / n, max};
}

void ResourceTracker::add(const MetricsSample& s, bool measured) {
    const Resources& r = s.server;
    if (!r.rss_mb) return;
    any_ = true;
    if (measured) {
        rss_mb_.add(*r.rss_mb);
        if (r.threads) threads_.add(*r.threads);
        if (r.context_switches_per_s) switches_.add(*r.context_switches_per_s);
        if (r.fds) fds_.add(*r.fds);
    }
    if (s.server_connections) {
        memory_points_.emplace_back(*s.server_connections, *r.rss_mb * 1024.0);
    }
}

std::optional<ResourceSummary> ResourceTracker::summary() const {
    if (!any_) return std::nullopt;
    ResourceSummary out;
    out.rss_mb = rss_mb_.mean_max();
    out.threads = threads_.mean_max();
    out.context_switches_per_s = switches_.mean_max();
    out.fds = fds_.mean_max();
    out.memory_per_connection = fit_memory_per_connection(memory_points_);
    return out;
}

}  // namespace conclab
