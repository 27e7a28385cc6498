#pragma once
// The open loop's clock (wrk2's constant-throughput schedule): when each request is due, whatever
// the server does. Pure: no clocks or sockets; the caller passes the time. Intended times are
// spaced 1/rate apart and are never skipped, so after a stall every request that fell due during
// it is still handed out (with its old intended time), which is what makes the latency measured
// from it free of coordinated omission.

#include <cstdint>
#include <optional>

namespace conclab {

class ArrivalSchedule {
public:
    // The first request is due at start_ns + phase / rate (phase in [0, 1): loader threads that
    // share a rate are offset so that their requests interleave instead of bunching).
    void start(std::int64_t start_ns, double rate, double phase = 0);
    // From now_ns on, requests are due `rate` per second. The request already due keeps its time;
    // a request not yet due moves so that the part of the old interval still to go is kept as a
    // part of the new interval. Rate 0 pauses: nothing falls due until a rate above 0.
    void set_rate(double rate, std::int64_t now_ns);
    double rate() const { return rate_; }

    // The intended time of the next request, or nothing while paused.
    std::optional<std::int64_t> next_due() const;
    // Hands out the next request if it is due at now_ns (its intended time, <= now_ns).
    std::optional<std::int64_t> take_due(std::int64_t now_ns);

private:
    std::int64_t at(std::uint64_t k) const;

    double rate_ = 0;
    double interval_ns_ = 0;
    // Intended times are anchor + k × interval; the anchor moves only when the rate changes, so
    // rounding never accumulates.
    std::int64_t anchor_ns_ = 0;
    std::uint64_t next_k_ = 0;
    double paused_fraction_ = 0;  // of an interval still to go when the rate dropped to 0
};

}  // namespace conclab
