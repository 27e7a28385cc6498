#include <QtTest>

#include "experiment/sample_series.hpp"

using namespace conclab;

namespace {

MetricsSample tick(int i) {
    MetricsSample s;
    s.t_s = 0.5 * (i + 1);
    s.rps = 100 + i;
    s.responses = 50;
    s.p99_ms = 10.0 + i % 7;
    s.client_open = 10 + i % 3;
    s.server_in_service = 2.0;
    s.server_requests = 50;
    s.warmup = i < 2;
    return s;
}

}  // namespace

// Probe finding 9 of #18: the stored series grew ~0.8 kB a tick (a 24-hour run ≈ 280 MB). The
// latest ticks stay as measured, the older ones are merged in pairs: bounded however long.
class TstSampleSeries : public QObject {
    Q_OBJECT
private slots:
    void aDayOfTicksStaysBounded() {
        SampleSeries series(100, 100);
        const int day_of_half_seconds = 172'800;
        for (int i = 0; i < day_of_half_seconds; ++i) series.add(tick(i));
        QCOMPARE(series.next_index(), std::size_t(day_of_half_seconds));
        QVERIFY2(series.stored() <= 201, qPrintable(QString::number(series.stored())));
        // One step for every older sample: the run's start is as fine as its middle.
        QVERIFY2(series.stride() <= 4096, qPrintable(QString::number(series.stride())));
        const auto all = series.since(0);
        QCOMPARE(all.size(), series.stored());
        // The whole run is still there, in order, from near its start to its end...
        QCOMPARE(all.front().t_s, 0.5 * static_cast<double>(series.stride()));
        QCOMPARE(all.back().t_s, 0.5 * day_of_half_seconds);
        for (std::size_t i = 1; i < all.size(); ++i) QVERIFY(all[i].t_s > all[i - 1].t_s);
        // ...with every response counted once.
        std::uint64_t responses = 0;
        for (const MetricsSample& s : all) responses += s.responses;
        QCOMPARE(responses, 50ull * day_of_half_seconds);
    }
    // A front end that polls "since my last index" keeps getting exactly the new ticks.
    void incrementalReadsSurviveDownsampling() {
        SampleSeries series(10, 10);
        std::size_t next = 0;
        std::size_t received = 0;
        for (int i = 0; i < 1000; ++i) {
            series.add(tick(i));
            const auto fresh = series.since(next);
            QCOMPARE(fresh.size(), std::size_t(1));
            QCOMPARE(fresh.front().t_s, tick(i).t_s);
            next = series.next_index();
            received += fresh.size();
        }
        QCOMPARE(received, std::size_t(1000));
    }
    void mergingTwoTicks() {
        MetricsSample a = tick(0), b = tick(1);
        a.warmup = true;
        b.warmup = false;
        a.workers = std::vector<WorkerSample>{{1, 40, 80, {}, {}}, {2, 60, 90, {}, {}}};
        b.workers = std::vector<WorkerSample>{{1, 60, 100, {}, {}}};
        const MetricsSample m = merge_samples(a, b);
        QCOMPARE(m.t_s, b.t_s);
        QCOMPARE(m.rps, (a.rps + b.rps) / 2);
        QCOMPARE(m.responses, std::uint64_t(100));
        QCOMPARE(*m.p99_ms, std::max(*a.p99_ms, *b.p99_ms));  // an upper bound
        QCOMPARE(m.client_open, std::max(a.client_open, b.client_open));
        QCOMPARE(*m.server_requests, std::uint64_t(100));
        QVERIFY(!m.warmup);
        QCOMPARE(m.workers->size(), std::size_t(2));
        QCOMPARE(m.workers->at(0).rps, 50.0);  // worker 1: (40 + 60) / 2
        QCOMPARE(m.workers->at(1).rps, 30.0);  // worker 2 served half the merged tick
        MetricsSample empty_a, empty_b;
        QVERIFY(!merge_samples(empty_a, empty_b).p99_ms);  // no latency made up
    }
};

QTEST_APPLESS_MAIN(TstSampleSeries)
#include "tst_sample_series.moc"
