#pragma once
// A mergeable latency histogram with logarithmic buckets (relative error <= 1 %).

#include <cstdint>
#include <memory>

namespace conclab {

class LatencyHistogram {
public:
    LatencyHistogram();
    ~LatencyHistogram();
    LatencyHistogram(const LatencyHistogram&);
    LatencyHistogram& operator=(const LatencyHistogram&);
    LatencyHistogram(LatencyHistogram&&) noexcept;
    LatencyHistogram& operator=(LatencyHistogram&&) noexcept;

    void record(std::uint64_t micros);
    void merge(const LatencyHistogram& other);
    void reset();

    std::uint64_t count() const;
    std::uint64_t min_us() const;  // exact
    std::uint64_t max_us() const;  // exact
    double mean_us() const;        // exact (sum / count)
    // q in [0, 1]; within 1 % of the exact order statistic, clamped to [min, max]. 0 if empty.
    double quantile_us(double q) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace conclab
