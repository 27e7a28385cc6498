#include <QtTest>

#include "experiment/repeat_stats.hpp"

using namespace conclab;

namespace {

Summary summary(double rps, std::optional<double> p99 = std::nullopt) {
    Summary s;
    s.rps = rps;
    s.requests = static_cast<std::uint64_t>(rps * 2);
    if (p99) {
        LatencySummary l;
        l.p50_ms = *p99 / 2;
        l.p99_ms = *p99;
        l.p999_ms = *p99 * 1.5;
        s.latency = l;
    }
    return s;
}

}  // namespace

class TstRepeatStats : public QObject {
    Q_OBJECT
private slots:
    void medianMinMax_data() {
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<double>("median");
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        QTest::newRow("one") << QList<double>{5} << 5.0 << 5.0 << 5.0;
        QTest::newRow("odd, unsorted") << QList<double>{3, 1, 2} << 2.0 << 1.0 << 3.0;
        QTest::newRow("even: mean of the middle two")
            << QList<double>{4, 1, 3, 2} << 2.5 << 1.0 << 4.0;
        QTest::newRow("one outlier does not move the median")
            << QList<double>{100, 101, 99, 5} << 99.5 << 5.0 << 101.0;
    }
    void medianMinMax() {
        QFETCH(QList<double>, values);
        const Spread s = spread_of(std::vector<double>(values.begin(), values.end()));
        QFETCH(double, median);
        QFETCH(double, min);
        QFETCH(double, max);
        QCOMPARE(s.median, median);
        QCOMPARE(s.min, min);
        QCOMPARE(s.max, max);
        QCOMPARE(s.count, static_cast<int>(values.size()));
    }

    void emptyHasNoCount() { QCOMPARE(spread_of({}).count, 0); }

    void summarisesEveryFigureAndPicksTheTypicalRun() {
        const std::vector<Summary> runs = {summary(100, 10), summary(120, 30), summary(90, 20)};
        const RepeatSummary r = summarise_repeats(runs);
        QCOMPARE(r.runs, 3);
        QCOMPARE(r.rps.median, 100.0);
        QCOMPARE(r.rps.min, 90.0);
        QCOMPARE(r.rps.max, 120.0);
        QVERIFY(r.p99_ms);
        QCOMPARE(r.p99_ms->median, 20.0);
        QCOMPARE(r.p999_ms->max, 45.0);
        QCOMPARE(r.p50_ms->min, 5.0);
        QCOMPARE(r.requests.median, 200.0);
        QCOMPARE(r.typical_run, std::size_t(0));  // 100 req/s is the median
    }

    void latencyOnlyOverRunsThatHaveOne() {
        const RepeatSummary r = summarise_repeats({summary(0), summary(10, 8), summary(12, 6)});
        QCOMPARE(r.p99_ms->count, 2);
        QCOMPARE(r.p99_ms->median, 7.0);
        QVERIFY(!summarise_repeats({summary(0), summary(0)}).p99_ms);
    }

    // 19,759 with a spread of about ±4 % supports hundreds, not units.
    void digitsTheSpreadSupports_data() {
        QTest::addColumn<double>("median");
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        QTest::addColumn<double>("finest");
        QTest::addColumn<double>("step");
        QTest::newRow("±4 % of 19,759") << 19759.0 << 18970.0 << 20550.0 << 0.1 << 100.0;
        QTest::newRow("±0.5 %") << 200.0 << 199.0 << 201.0 << 0.1 << 1.0;
        QTest::newRow("tight latency") << 50.12 << 50.10 << 50.16 << 0.01 << 0.01;
        QTest::newRow("no spread") << 5.0 << 5.0 << 5.0 << 0.1 << 0.1;
        QTest::newRow("never finer than printed") << 1.0 << 1.0 << 1.0001 << 0.01 << 0.01;
    }
    void digitsTheSpreadSupports() {
        QFETCH(double, median);
        QFETCH(double, min);
        QFETCH(double, max);
        QFETCH(double, finest);
        QFETCH(double, step);
        const Spread s{median, min, max, 3};
        QCOMPARE(supported_step(s, finest), step);
    }

    void roundsToTheStep() {
        QCOMPARE(round_to_step(19759, 100), 19800.0);
        QCOMPARE(round_to_step(18970, 100), 19000.0);
        QCOMPARE(round_to_step(0.126, 0.01), 0.13);
        QCOMPARE(round_to_step(7, 0), 7.0);
    }
};

QTEST_APPLESS_MAIN(TstRepeatStats)
#include "tst_repeat_stats.moc"
