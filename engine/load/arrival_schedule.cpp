#include "load/arrival_schedule.hpp"

#include <algorithm>
#include <cmath>

namespace conclab {

namespace {

// The longest interval between two requests (11.6 days, longer than any run) and the furthest
// an intended time lies from the anchor (31 years): both keep the nanosecond arithmetic inside 64
// bits whatever rate arrives. 1e9 / 1e-300 would overflow, and an overflowed time lies in the
// past: every request "due now", a loop that never stops (probe finding: --rate 1e-300).
constexpr double kMaxIntervalNs = 1e15;
constexpr double kMaxOffsetNs = 1e18;

}  // namespace

std::int64_t ArrivalSchedule::at(std::uint64_t k) const {
    const double offset = std::min(static_cast<double>(k) * interval_ns_, kMaxOffsetNs);
    return anchor_ns_ + static_cast<std::int64_t>(std::llround(offset));
}

void ArrivalSchedule::start(std::int64_t start_ns, double rate, double phase) {
    rate_ = 0;
    anchor_ns_ = start_ns;
    next_k_ = 0;
    paused_fraction_ = std::clamp(phase, 0.0, 1.0);
    set_rate(rate, start_ns);
}

void ArrivalSchedule::set_rate(double rate, std::int64_t now_ns) {
    rate = std::isfinite(rate) ? std::max(rate, 0.0) : 0.0;
    if (rate == rate_) return;
    // Where the next request stands: already due (it keeps its intended time, as part of the
    // backlog of the old rate), or a fraction of an interval still to go.
    std::optional<std::int64_t> overdue;
    double fraction = paused_fraction_;
    if (rate_ > 0) {
        const std::int64_t next = at(next_k_);
        if (next <= now_ns) {
            overdue = next;
            fraction = 0;
        } else {
            fraction = std::min(1.0, static_cast<double>(next - now_ns) / interval_ns_);
        }
    }
    rate_ = rate;
    next_k_ = 0;
    if (rate == 0) {
        paused_fraction_ = fraction;
        return;
    }
    paused_fraction_ = 0;
    interval_ns_ = std::min(1e9 / rate, kMaxIntervalNs);
    anchor_ns_ = overdue
                     ? *overdue
                     : now_ns + static_cast<std::int64_t>(std::llround(fraction * interval_ns_));
}

std::optional<std::int64_t> ArrivalSchedule::next_due() const {
    if (rate_ <= 0) return std::nullopt;
    return at(next_k_);
}

std::optional<std::int64_t> ArrivalSchedule::take_due(std::int64_t now_ns) {
    if (rate_ <= 0) return std::nullopt;
    const std::int64_t due = at(next_k_);
    if (due > now_ns) return std::nullopt;
    ++next_k_;
    return due;
}

}  // namespace conclab
