#pragma once
// A small fixed-size histogram of durations with logarithmic buckets (16 per octave, so a
// quantile is within 4.4 % of the true value), for what a server measures about itself: how late
// the event loop's timer fires, how long a thread waits for the GIL. Counts are cumulative and
// subtractable, so a worker can report its histogram since start and the host takes the
// difference between two reports: nothing is lost when reports and ticks do not line up.
// Lives in core because both the GIL (workload/) and the host (process/) need it; no Boost, no
// allocation, cheap enough to record under the GIL's mutex.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace conclab {

class DurationHistogram {
public:
    static constexpr int kBucketsPerOctave = 16;
    static constexpr int kBuckets = 1 + 40 * kBucketsPerOctave;  // up to 2^40 ns ≈ 18 min

    void record(std::int64_t ns);
    std::uint64_t count() const { return count_; }
    // q in [0, 1], nearest rank; the bucket's geometric middle, in ns. 0 if empty.
    double quantile_ns(double q) const;

    // Counts of `this` minus those of `earlier` (an earlier reading of the same histogram).
    DurationHistogram since(const DurationHistogram& earlier) const;
    void merge(const DurationHistogram& other);

    // Sparse text form "<n> <index>:<count> ...", for the worker line protocol.
    std::string encode() const;
    // Reads encode()'s form from the front of `text` and advances it; false if malformed.
    [[nodiscard]] bool decode(std::string_view& text);

    bool operator==(const DurationHistogram&) const = default;

private:
    std::array<std::uint64_t, kBuckets> counts_{};
    std::uint64_t count_ = 0;
};

}  // namespace conclab
