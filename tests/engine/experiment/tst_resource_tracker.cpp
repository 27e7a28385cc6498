// The cost of the connections over a run, from recorded ticks: means, peaks and the memory per
// connection (the slope of RSS against connections, with its R²).
#include <QtTest>

#include <cmath>

#include "experiment/resource_tracker.hpp"

using namespace conclab;

namespace {

MetricsSample tick(double t_s, int connections, double rss_mb, int threads) {
    MetricsSample s;
    s.t_s = t_s;
    s.server_connections = connections;
    s.server.rss_mb = rss_mb;
    s.server.threads = threads;
    s.server.fds = connections + 5;
    s.server.context_switches_per_s = 100.0 * threads;
    return s;
}

}  // namespace

class TstResourceTracker : public QObject {
    Q_OBJECT
private slots:
    void slopeIsTheMemoryPerConnection() {
        // 10 MiB at rest, 16 KiB per connection, read at 0..2000 connections.
        ResourceTracker tracker;
        for (int i = 0; i <= 8; ++i) {
            const int n = 250 * i;
            tracker.add(tick(0.25 * i, n, 10 + n * 16.0 / 1024, 3), true);
        }
        const auto summary = tracker.summary();
        QVERIFY(summary && summary->memory_per_connection);
        QVERIFY(std::fabs(summary->memory_per_connection->kib - 16) < 1e-9);
        QVERIFY(summary->memory_per_connection->r2 > 0.999999);
        QCOMPARE(summary->memory_per_connection->connections_max, 2000);
        QCOMPARE(summary->memory_per_connection->points, 9);
        QCOMPARE(summary->threads->max, 3.0);
        QCOMPARE(summary->fds->max, 2005.0);
    }
    void noisyMemoryHasALowerFitQuality() {
        std::vector<std::pair<double, double>> points;
        for (int i = 0; i < 20; ++i) {
            points.emplace_back(100.0 * i, 50000 + 8.0 * 100 * i + (i % 2 ? 6000 : -6000));
        }
        const auto fit = fit_memory_per_connection(points);
        QVERIFY(fit);
        QVERIFY(fit->kib > 4 && fit->kib < 12);
        QVERIFY(fit->r2 < 0.95);
    }
    void noLineWithoutChangingConnections() {
        QVERIFY(!fit_memory_per_connection({{100, 5000}, {100, 5010}, {101, 5020}}));
        QVERIFY(!fit_memory_per_connection({{0, 5000}, {1000, 6000}}));  // two points
    }
    void warmupCountsForTheSlopeNotTheMeans() {
        ResourceTracker tracker;
        tracker.add(tick(0.25, 0, 10, 3), false);
        tracker.add(tick(0.5, 500, 20, 3), false);
        tracker.add(tick(0.75, 1000, 30, 3), true);
        const auto summary = tracker.summary();
        QCOMPARE(summary->rss_mb->mean, 30.0);
        QVERIFY(summary->memory_per_connection);
    }
    void nothingMeasuredIsEmpty() {
        ResourceTracker tracker;
        MetricsSample external;  // a --target without --target-pid
        external.server_connections = 10;
        tracker.add(external, true);
        QVERIFY(!tracker.summary());
    }
};

QTEST_GUILESS_MAIN(TstResourceTracker)
#include "tst_resource_tracker.moc"
