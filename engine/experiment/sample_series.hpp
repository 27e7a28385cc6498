#pragma once
// The time series a run keeps, in bounded memory however long it runs: the latest ticks as they
// were measured, and before them the older ticks downsampled to one step for all (`stride` ticks
// a sample), the step doubling each time the older part fills up: a 24-hour run keeps its whole
// shape, evenly, at a coarser step, in a few MB.
// Indices count every sample ever added, so a front end that asks for "everything since the last
// one I have" keeps working while old samples are merged behind it.
// Not thread-safe: the owner (TickAggregator, under Experiment's lock) serialises the calls.

#include <cstddef>
#include <deque>
#include <optional>
#include <vector>

#include "metrics/metrics.hpp"

namespace conclab {

// One sample for consecutive samples `a` (covering `a_ticks` ticks) then `b` (`b_ticks`), as if
// measured over both: counts add up, rates and time averages are the means weighted by the
// ticks, peaks the larger. Percentiles cannot be merged exactly from percentiles; each is the
// larger of the two, an upper bound of the merged one's. Process-per-core workers merge by pid.
MetricsSample merge_samples(const MetricsSample& a, const MetricsSample& b, std::size_t a_ticks = 1,
                            std::size_t b_ticks = 1);

class SampleSeries {
public:
    // `recent` samples are kept as measured; older ones are downsampled into at most `older`.
    explicit SampleSeries(std::size_t recent = 7200, std::size_t older = 7200);

    void add(MetricsSample sample);
    // The samples from index `index` on. Index 0 is the whole series: the downsampled older part,
    // then the recent ticks. An index inside the older part (a caller that fell far behind) gets
    // the recent ticks only.
    std::vector<MetricsSample> since(std::size_t index) const;
    std::size_t next_index() const { return base_ + recent_.size(); }
    std::size_t stored() const { return older_.size() + (pending_ ? 1 : 0) + recent_.size(); }
    std::size_t stride() const { return stride_; }  // ticks per older sample

private:
    void absorb(MetricsSample tick);  // a tick that leaves the recent part
    void downsample_older();

    std::size_t max_recent_, max_older_;
    std::vector<MetricsSample> older_;      // `stride_` ticks each, oldest first
    std::optional<MetricsSample> pending_;  // the next older sample, `pending_ticks_` so far
    std::size_t pending_ticks_ = 0;
    std::size_t stride_ = 1;
    std::deque<MetricsSample> recent_;
    std::size_t base_ = 0;  // index of recent_.front()
};

}  // namespace conclab
