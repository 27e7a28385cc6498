// TickAggregator on recorded ticks: no processes, no threads, no clocks.
#include <QtTest>

#include "experiment/tick_aggregator.hpp"

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
        h.waiting = 6;
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
        QCOMPARE(*s.server_in_service, 4);
        QCOMPARE(*s.server_waiting, 8);  // 6 arrived-not-served + 2 in the accept queue
        QCOMPARE(*s.server_accept_queue, 2);
        QVERIFY(std::abs(*s.server_cpu_pct - 50.0) < 1e-9);
        QVERIFY(std::abs(s.load_cpu_pct - 10.0) < 1e-9);
        QVERIFY(a.warnings().empty());
    }
    void warmupStaysOutOfTheSummaryButNotTheCrossCheck() {
        TickAggregator a(0.5, 1);
        a.add(tick(0.25, 1000, 90'000, 1000));  // warmup: slow, must not count
        a.add(tick(0.50, 1000, 90'000, 1000));  // warmup (t <= 0.5)
        a.add(tick(0.75, 50, 1000, 50));
        a.add(tick(1.00, 50, 1000, 50));
        HostTick final_counts;
        final_counts.requests = 7;
        a.add_drain(7, 0, final_counts);
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
    void seriesIsBounded() {
        TickAggregator a(0, 1, 3);
        for (int i = 1; i <= 5; ++i) a.add(tick(0.25 * i, 1, 1000, 1));
        QCOMPARE(a.next_index(), std::size_t(5));
        const auto all = a.samples_since(0);
        QCOMPARE(all.size(), std::size_t(3));
        QCOMPARE(all.front().t_s, 0.75);
        QCOMPARE(a.samples_since(4).size(), std::size_t(1));
        QCOMPARE(a.summary().requests, std::uint64_t(5));  // the summary keeps everything
    }
    void failedServersAreReported() {
        TickAggregator a(0, 1);
        TickInput t = tick(0.25, 0, 0, 0);
        t.host->failed = true;
        a.add(t);
        QVERIFY(a.servers_failed());
    }
};

QTEST_GUILESS_MAIN(TstTickAggregator)
#include "tst_tick_aggregator.moc"
