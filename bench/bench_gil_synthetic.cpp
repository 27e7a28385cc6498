// The GIL benchmark's model side: N threads, each looping {take the engine's GlobalInterpreterLock,
// burn CPU_US of thread CPU time under it (run_cpu_holding_gil, as a request's framework and
// handler work does), release it, sleep SLEEP_MS without it} for SECONDS after a 1 s warm-up.
// bench/gil_synthetic.py does the same in CPython; bench/gil_vs_cpython.sh runs both side by side.
// Prints "rate <iterations per second> cpu <process CPU %, 100 = one core>".
//
//   bench_gil_synthetic THREADS [SECONDS=4] [CPU_US=600] [SLEEP_MS=50] [RELEASED_US=0]
//
// RELEASED_US burns that much CPU per iteration without the lock first (overhead_released_us).
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#include "gil/global_interpreter_lock.hpp"
#include "workload/cpu_burn.hpp"

using namespace conclab;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr,
                     "usage: %s THREADS [SECONDS=4] [CPU_US=600] [SLEEP_MS=50] [RELEASED_US=0]\n",
                     argv[0]);
        return 2;
    }
    const int threads = std::atoi(argv[1]);
    const double seconds = argc > 2 ? std::atof(argv[2]) : 4.0;
    const double cpu_us = argc > 3 ? std::atof(argv[3]) : 600.0;
    const double sleep_ms = argc > 4 ? std::atof(argv[4]) : 50.0;
    const double released_us = argc > 5 ? std::atof(argv[5]) : 0.0;

    GlobalInterpreterLock gil(std::chrono::microseconds(5000));  // CPython's default interval
    std::atomic<bool> counting{false};
    std::atomic<bool> stop{false};
    std::vector<std::atomic<long>> counts(static_cast<std::size_t>(threads));
    std::vector<std::thread> workers;
    workers.reserve(static_cast<std::size_t>(threads));
    const auto sleep = std::chrono::microseconds(static_cast<long>(sleep_ms * 1000));
    for (int i = 0; i < threads; ++i) {
        workers.emplace_back([&, i] {
            while (!stop.load(std::memory_order_relaxed)) {
                burn_cpu_us(released_us);
                if (!gil.acquire()) return;
                if (!run_cpu_holding_gil(gil, cpu_us)) return;
                gil.release();
                if (counting.load(std::memory_order_relaxed)) {
                    counts[static_cast<std::size_t>(i)].fetch_add(1, std::memory_order_relaxed);
                }
                std::this_thread::sleep_for(sleep);
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::seconds(1));
    counting = true;
    const std::int64_t t0 = monotonic_ns(), c0 = process_cpu_ns();
    std::this_thread::sleep_for(std::chrono::microseconds(static_cast<long>(seconds * 1e6)));
    counting = false;
    const std::int64_t t1 = monotonic_ns(), c1 = process_cpu_ns();
    long total = 0;
    for (auto& c : counts) total += c.load();
    std::printf("rate %.1f cpu %.0f\n", total / ((t1 - t0) / 1e9),
                100.0 * static_cast<double>(c1 - c0) / static_cast<double>(t1 - t0));
    std::fflush(stdout);
    stop = true;
    gil.shutdown();
    for (auto& w : workers) w.join();
    return 0;
}
