#include "core/duration_histogram.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace conclab {

namespace {

// Bucket 0 holds everything below 1 µs (a timer that fired on time, a lock taken at once);
// bucket i >= 1 holds [2^((i-1)/16), 2^(i/16)) µs.
int bucket_of(std::int64_t ns) {
    if (ns < 1000) return 0;
    const double octaves = std::log2(static_cast<double>(ns) / 1000.0);
    const int i = 1 + static_cast<int>(octaves * DurationHistogram::kBucketsPerOctave);
    return std::clamp(i, 1, DurationHistogram::kBuckets - 1);
}

double middle_ns(int bucket) {
    if (bucket == 0) return 500.0;
    const double per = DurationHistogram::kBucketsPerOctave;
    return 1000.0 * std::exp2((bucket - 0.5) / per);
}

bool read_number(std::string_view& text, std::uint64_t& value) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc()) return false;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    return true;
}

}  // namespace

void DurationHistogram::record(std::int64_t ns) {
    ++counts_[static_cast<std::size_t>(bucket_of(ns))];
    ++count_;
}

double DurationHistogram::quantile_ns(double q) const {
    if (count_ == 0) return 0;
    // Nearest rank: the smallest value with at least ceil(q·n) values at or below it.
    const auto rank = std::max<std::uint64_t>(
        1, static_cast<std::uint64_t>(std::ceil(std::clamp(q, 0.0, 1.0) * count_)));
    std::uint64_t seen = 0;
    for (int i = 0; i < kBuckets; ++i) {
        seen += counts_[static_cast<std::size_t>(i)];
        if (seen >= rank) return middle_ns(i);
    }
    return middle_ns(kBuckets - 1);
}

DurationHistogram DurationHistogram::since(const DurationHistogram& earlier) const {
    DurationHistogram out;
    for (std::size_t i = 0; i < counts_.size(); ++i) {
        out.counts_[i] = counts_[i] - std::min(counts_[i], earlier.counts_[i]);
        out.count_ += out.counts_[i];
    }
    return out;
}

void DurationHistogram::merge(const DurationHistogram& other) {
    for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
    count_ += other.count_;
}

std::string DurationHistogram::encode() const {
    std::string out;
    int used = 0;
    std::string pairs;
    for (std::size_t i = 0; i < counts_.size(); ++i) {
        if (counts_[i] == 0) continue;
        ++used;
        pairs += ' ' + std::to_string(i) + ':' + std::to_string(counts_[i]);
    }
    out = std::to_string(used) + pairs;
    return out;
}

bool DurationHistogram::decode(std::string_view& text) {
    *this = {};
    std::uint64_t used = 0;
    if (!read_number(text, used) || used > static_cast<std::uint64_t>(kBuckets)) return false;
    for (std::uint64_t n = 0; n < used; ++n) {
        std::uint64_t index = 0, count = 0;
        if (!read_number(text, index) || index >= counts_.size()) return false;
        if (text.empty() || text.front() != ':') return false;
        text.remove_prefix(1);
        if (!read_number(text, count)) return false;
        counts_[index] += count;
        count_ += count;
    }
    return true;
}

}  // namespace conclab
