// TickAggregator on recorded ticks: no processes, no threads, no clocks.
#include <QtTest>

#include "experiment/tick_aggregator.hpp"
#include "recorded_ticks.hpp"

using namespace conclab;

namespace {

TickInput tick(double t_s, std::uint64_t responses, std::uint64_t latency_us,
               std::optional<std::uint64_t> server_requests = std::nullopt) {
    TickInput in;
    in.t_s = t_s;
    in.tick_s = 0.25;
    in.load.responses = responses;
    for (std::uint64_t i = 0; i < responses; ++i) in.load.latency.record(latency_us);
    in.load.open_connections = 10;
    in.load.open_connections_max = 10;
    in.load.cpu_ns = 25'000'000;  // 10 % of one core over 0.25 s
    if (server_requests) {
        HostTick h;
        h.requests = *server_requests;
        h.in_service_peak = 4;
        h.in_service_avg = 2.5;
        h.waiting_peak = 6;
        h.waiting_avg = 0.5;
        h.accept_queue = AcceptQueue{2, 128};
        h.cpu_ns = 125'000'000;  // 50 %
        h.pids = {101};
        in.host = h;
    }
    return in;
}

}  // namespace

class TstTickAggregator : public QObject {
    Q_OBJECT
private slots:
    void sampleFromOneTick() {
        TickAggregator a(0, 1);
        a.add(tick(0.25, 100, 2000, 100));
        const auto samples = a.samples_since(0);
        QCOMPARE(samples.size(), std::size_t(1));
        const MetricsSample& s = samples.front();
        QCOMPARE(s.rps, 400.0);
        QVERIFY(s.p50_ms && std::abs(*s.p50_ms - 2.0) < 0.05);
        QCOMPARE(s.client_open, 10);
        // Time averages, with the peaks beside them; the kernel's accept queue is its own series.
        QCOMPARE(*s.server_in_service, 2.5);
        QCOMPARE(*s.server_in_service_peak, 4);
        QCOMPARE(*s.server_waiting, 0.5);
        QCOMPARE(*s.server_waiting_peak, 6);
        QCOMPARE(*s.server_accept_queue, 2);
        QVERIFY(std::abs(*s.server_cpu_pct - 50.0) < 1e-9);
        QVERIFY(std::abs(s.load_cpu_pct - 10.0) < 1e-9);
        QVERIFY(a.warnings().empty());
    }
    // #16: the summary's peaks are counts at an instant, whole numbers (the most of any tick);
    // the highest tick average stays beside them as what it is.
    void summaryPeaksAreWholeCounts() {
        TickAggregator a(0, 1);
        a.add(tick(0.25, 100, 2000, 100));  // in service 2.5 on average, 4 at most; waiting 6
        TickInput busier = tick(0.50, 100, 2000, 100);
        busier.host->in_service_avg = 3.75;
        busier.host->in_service_peak = 5;
        busier.host->waiting_peak = 3;
        a.add(busier);
        const Summary s = a.summary();
        QCOMPARE(*s.server_in_service_peak, 5);
        QCOMPARE(*s.server_waiting_peak, 6);
        QCOMPARE(*s.server_in_service_max, 3.75);
        QCOMPARE(*s.server_waiting_max, 0.5);
    }
    void warmupStaysOutOfTheSummaryButNotTheCrossCheck() {
        TickAggregator a(0.5, 1);
        a.add(tick(0.25, 1000, 90'000, 1000));  // warmup: slow, must not count
        a.add(tick(0.50, 1000, 90'000, 1000));  // warmup (t <= 0.5)
        a.add(tick(0.75, 50, 1000, 50));
        a.add(tick(1.00, 50, 1000, 50));
        HostTick final_counts;
        final_counts.requests = 7;
        a.add_drain(7, LoadTick{}, 0, UnansweredRequests{}, final_counts);
        const Summary s = a.summary();
        QCOMPARE(s.requests, std::uint64_t(100));
        QCOMPARE(s.measured_s, 0.5);
        QCOMPARE(s.rps, 200.0);
        QVERIFY(s.latency && s.latency->p99_ms < 1.1);
        QCOMPARE(s.client_requests_total, std::uint64_t(2107));
        QCOMPARE(*s.server_requests, std::uint64_t(2107));
        QCOMPARE(s.drained_requests, std::uint64_t(7));
        QCOMPARE(s.abandoned_in_flight, 0);
        QCOMPARE(s.server_processes, 1);
    }
    // Every request sent has a latency in the summary: answered while stopping, its response's;
    // never answered, how long it had waited. 100 answered in 1 ms, 2 during the drain in 2 ms,
    // 5 starved for 4 s: without them the p99 would read 1 ms.
    void unansweredRequestsCountAtTheirWait() {
        TickAggregator a(0, 1);
        a.add(tick(0.25, 50, 1000));
        a.add(tick(0.50, 50, 1000));
        LoadTick drained;
        drained.responses = 2;
        drained.latency.record(2000);
        drained.latency_uncorrected.record(2000);
        UnansweredRequests starved;
        for (int i = 0; i < 5; ++i) starved.add(4'000'000'000, 4'000'000'000);
        a.add_drain(2, drained, 5, starved, std::nullopt);
        const Summary s = a.summary();
        QCOMPARE(s.requests, std::uint64_t(100));  // answered in the window: the rate's count
        QCOMPARE(s.unanswered, std::uint64_t(5));
        QCOMPARE(s.unanswered_beyond_p99, std::uint64_t(5));  // 4 s against the answered 1 ms
        QVERIFY(s.unanswered_longest_ms && std::abs(*s.unanswered_longest_ms - 4000) < 50);
        QVERIFY(s.latency && std::abs(s.latency->p50_ms - 1) < 0.05);
        QVERIFY2(s.latency->p99_ms > 3900, "the starved requests make the tail");

        TickAggregator stopped_in_warmup(1.0, 1);  // nothing measured: nothing summarised
        stopped_in_warmup.add(tick(0.25, 50, 1000));
        stopped_in_warmup.add_drain(2, drained, 5, starved, std::nullopt);
        QCOMPARE(stopped_in_warmup.summary().unanswered, std::uint64_t(0));
        QVERIFY(!stopped_in_warmup.summary().latency);

        TickAggregator healthy(0, 1);
        healthy.add(tick(0.25, 50, 1000));
        healthy.add_drain(0, LoadTick{}, 0, UnansweredRequests{}, std::nullopt);
        QCOMPARE(healthy.summary().unanswered, std::uint64_t(0));
        QVERIFY(!healthy.summary().unanswered_longest_ms);
    }
    void externalTargetHasNoServerFields() {
        TickAggregator a(0, 1);
        a.add(tick(0.25, 10, 1000));
        const MetricsSample s = a.samples_since(0).front();
        QVERIFY(!s.server_in_service && !s.server_waiting && !s.server_cpu_pct);
        const Summary sum = a.summary();
        QVERIFY(!sum.server_requests && !sum.server_in_service_max && !sum.server_cpu_pct_mean);
    }
    void noResponsesMeansNoLatency() {
        TickAggregator a(0, 1);
        a.add(tick(0.25, 0, 0, 0));
        QVERIFY(!a.samples_since(0).front().p50_ms);
        QVERIFY(!a.summary().latency);
    }
    void warningsNameTheCause() {
        TickAggregator a(0, 2);
        TickInput t = tick(0.25, 10, 1000, 10);
        t.load.cpu_ns = 480'000'000;  // 192 % of 2 threads' 200 %
        t.load.errors.read = 3;
        t.load.connect_error = "Too many open files";
        t.fd_limit_hint = "(limit 1024)";
        t.host->accept_errors = 5;
        a.add(t);
        const auto& w = a.warnings();
        auto has = [&](const char* text) {
            return std::any_of(w.begin(), w.end(),
                               [&](const std::string& s) { return s.find(text) != s.npos; });
        };
        QVERIFY(has("load generator saturated (192 % CPU on 2 thread(s))"));
        QVERIFY(has("errors: 3 read"));
        QVERIFY(has("Too many open files (limit 1024)"));
        QVERIFY(has("failed to accept 5 connection(s)"));
        a.add(tick(0.5, 10, 1000, 10));  // a clean tick clears the live warnings
        QVERIFY(a.warnings().empty());
    }
    // The latest 3 ticks as measured, the older ones downsampled (SampleSeries): bounded, and
    // still the whole run.
    void seriesIsBounded() {
        TickAggregator a(0, 1, 3);
        for (int i = 1; i <= 40; ++i) a.add(tick(0.25 * i, 1, 1000, 1));
        QCOMPARE(a.next_index(), std::size_t(40));
        const auto all = a.samples_since(0);
        QVERIFY2(all.size() <= 3 + 4 + 1, qPrintable(QString::number(all.size())));
        QCOMPARE(all.back().t_s, 10.0);
        std::uint64_t responses = 0;
        for (const MetricsSample& s : all) responses += s.responses;
        QCOMPARE(responses, std::uint64_t(40));  // every tick counted once
        QCOMPARE(a.samples_since(39).size(), std::size_t(1));
        QCOMPARE(a.summary().requests, std::uint64_t(40));  // the summary keeps everything
    }
    void failedServersAreReported() {
        TickAggregator a(0, 1);
        TickInput t = tick(0.25, 0, 0, 0);
        t.host->failed = true;
        a.add(t);
        QVERIFY(a.servers_failed());
    }

    // Internals are values exactly for the model that has them, null for the others.
    void internalsAreNullExactlyOutsideTheirModel() {
        using namespace recorded;
        TickAggregator a(0, 1);
        a.add(recorded::tick(0.25, {loop_worker(7, 10, 40, 2.0)}));
        a.add(recorded::tick(0.50, {gil_worker(8, 10, 98, 3, 12)}));
        TickInput external = recorded::tick(0.75, {});
        external.host.reset();
        a.add(external);
        const auto s = a.samples_since(0);
        auto present = [](const Internals& i) {
            std::vector<std::string> keys;
            for (const InternalsField& f : kInternalsFields) {
                if (i.*f.value) keys.emplace_back(f.key);
            }
            return keys;
        };
        QCOMPARE(present(s[0].internals),
                 (std::vector<std::string>{"loop_delay_p99_ms", "loop_delay_max_ms",
                                           "loop_utilization_pct"}));
        QCOMPARE(present(s[1].internals),
                 (std::vector<std::string>{"gil_held_pct", "gil_waiting_threads", "gil_wait_p99_ms",
                                           "gil_switches_per_s", "gil_drop_requests_per_s"}));
        QVERIFY(present(s[2].internals).empty());
        for (const auto& m : s) QVERIFY(!m.workers);  // one server process: no per-worker list
        QVERIFY(std::abs(*s[0].internals.loop_utilization_pct - 40) < 1e-6);
        QVERIFY(std::abs(*s[0].internals.loop_delay_p99_ms - 2.0) < 0.1);
        QVERIFY(std::abs(*s[0].internals.loop_delay_max_ms - 2.0) < 1e-6);
        QVERIFY(std::abs(*s[1].internals.gil_held_pct - 98) < 1e-6);
        QVERIFY(std::abs(*s[1].internals.gil_waiting_threads - 3) < 1e-6);
        QVERIFY(std::abs(*s[1].internals.gil_wait_p99_ms - 12) < 0.6);
        QVERIFY(std::abs(*s[1].internals.gil_switches_per_s - 180) < 1e-6);  // 45 in 0.25 s
        QVERIFY(std::abs(*s[1].internals.gil_drop_requests_per_s - 160) < 1e-6);
    }

    // A tick with no timer firing and none overdue has no delay; an idle GIL has no wait p99.
    void nothingMeasuredStaysNull() {
        WorkerTick w = recorded::loop_worker(7, 0, 0, 0, 0);
        w.loop->delay_max_ns = 0;
        Internals i = internals_of(w);
        QVERIFY(i.loop_utilization_pct);
        QVERIFY(!i.loop_delay_p99_ms && !i.loop_delay_max_ms);
        // A loop blocked for the whole tick: no firing, but the timer is overdue by 240 ms.
        w.loop->delay_max_ns = 240'000'000;
        i = internals_of(w);
        QVERIFY(!i.loop_delay_p99_ms);
        QCOMPARE(*i.loop_delay_max_ms, 240.0);
        WorkerTick g = recorded::gil_worker(8, 0, 0, 0, 0, 0, 0);
        g.gil->wait = DurationHistogram{};
        QVERIFY(!internals_of(g).gil_wait_p99_ms);
        QCOMPARE(*internals_of(g).gil_held_pct, 0.0);  // measured: held for none of the tick
    }

    // Process per core: one entry per worker and tick; the series value is the workers' mean;
    // the summary has each worker's share and every series' mean and peak.
    void processPerCoreHasPerWorkerEntriesAndMeans() {
        using namespace recorded;
        TickAggregator a(0, 1);
        a.add(recorded::tick(0.25, {loop_worker(7, 75, 90, 30), loop_worker(8, 25, 30, 1)}, true));
        a.add(recorded::tick(0.50, {loop_worker(7, 65, 70, 10), loop_worker(8, 35, 50, 1)}, true));
        const auto s = a.samples_since(0);
        QVERIFY(s[0].workers);
        QCOMPARE(s[0].workers->size(), std::size_t(2));
        QCOMPARE((*s[0].workers)[0].pid, 7);
        QCOMPARE((*s[0].workers)[0].rps, 300.0);
        QCOMPARE((*s[0].workers)[1].rps, 100.0);
        QVERIFY(std::abs((*s[0].workers)[0].cpu_pct - 50) < 1e-6);
        QVERIFY(std::abs(*(*s[0].workers)[0].internals.loop_utilization_pct - 90) < 1e-6);
        QVERIFY(std::abs(*s[0].internals.loop_utilization_pct - 60) < 1e-6);  // mean of 90, 30
        const Summary sum = a.summary();
        QVERIFY(sum.workers);
        QCOMPARE((*sum.workers)[0].requests, std::uint64_t(140));
        QVERIFY(std::abs((*sum.workers)[0].share_pct - 70) < 1e-6);
        QVERIFY(std::abs((*sum.workers)[1].share_pct - 30) < 1e-6);
        const auto& util = sum.internal("loop_utilization_pct");
        QVERIFY(util);
        QVERIFY(std::abs(util->mean - 60) < 1e-6);
        QVERIFY(std::abs(util->max - 60) < 1e-6);
        QVERIFY(!sum.internal("gil_held_pct"));
        QVERIFY(std::abs(sum.internal("loop_delay_max_ms")->max - 15.5) < 1e-6);  // (30+1)/2
    }

    // The latency spectrum: rising with the percentile, ending at the exact maximum.
    void latencySpectrumFromTheRunsHistogram() {
        TickAggregator a(0, 1);
        TickInput in = tick(0.25, 0, 0, 0);
        for (int i = 1; i <= 10000; ++i) in.load.latency.record(std::uint64_t(i));
        in.load.responses = 10000;
        a.add(in);
        const Summary s = a.summary();
        QCOMPARE(s.latency_spectrum.size(), kSpectrumPercentiles.size());
        QCOMPARE(s.latency_spectrum.front().percentile, 50.0);
        QVERIFY(std::abs(s.latency_spectrum.front().ms - 5.0) < 0.06);
        QCOMPARE(s.latency_spectrum.back().percentile, 100.0);
        QCOMPARE(s.latency_spectrum.back().ms, 10.0);
        for (std::size_t i = 1; i < s.latency_spectrum.size(); ++i) {
            QVERIFY(s.latency_spectrum[i].ms >= s.latency_spectrum[i - 1].ms);
        }
        QVERIFY(TickAggregator(0, 1).summary().latency_spectrum.empty());
    }
};

QTEST_GUILESS_MAIN(TstTickAggregator)
#include "tst_tick_aggregator.moc"
