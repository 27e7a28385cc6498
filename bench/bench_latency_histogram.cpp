// Cost of LatencyHistogram on the load generator's hot path (record, once per response) and on
// the sampler's (quantile, merge, a few per tick).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <vector>

#include "metrics/latency_histogram.hpp"

using conclab::LatencyHistogram;

namespace {

// Log-normal latencies around 1 ms, precomputed so the benchmark measures record() only.
std::vector<std::uint64_t> latencies(std::size_t n) {
    std::mt19937_64 rng(7);
    std::lognormal_distribution<double> d(6.9, 1.0);
    std::vector<std::uint64_t> out(n);
    for (auto& v : out) v = static_cast<std::uint64_t>(d(rng)) + 1;
    return out;
}

void BM_Record(benchmark::State& state) {
    const auto values = latencies(1 << 16);
    LatencyHistogram h;
    std::size_t i = 0;
    for (auto _ : state) {
        h.record(values[i++ & (values.size() - 1)]);
    }
    benchmark::DoNotOptimize(h.count());
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Record);

void BM_Quantile(benchmark::State& state) {
    LatencyHistogram h;
    for (auto v : latencies(1 << 20)) h.record(v);
    const double q = static_cast<double>(state.range(0)) / 1000.0;
    for (auto _ : state) benchmark::DoNotOptimize(h.quantile_us(q));
}
BENCHMARK(BM_Quantile)->Arg(500)->Arg(990)->Arg(999);

void BM_Merge(benchmark::State& state) {
    LatencyHistogram a, b;
    for (auto v : latencies(1 << 16)) b.record(v);
    a = b;
    for (auto _ : state) {
        a.merge(b);
        benchmark::DoNotOptimize(a.count());
    }
}
BENCHMARK(BM_Merge);

}  // namespace
