// LatencyHistogram against the exact order statistics of a sorted vector.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "metrics/latency_histogram.hpp"

using namespace conclab;

namespace {

using Samples = std::vector<std::uint64_t>;

enum class Shape { Uniform, LogNormal, Bimodal, Constant, Single, Huge, Small };

Samples generate(Shape shape) {
    std::mt19937_64 rng(42);
    Samples out;
    switch (shape) {
        case Shape::Uniform: {
            std::uniform_int_distribution<std::uint64_t> d(100, 100'000);
            for (int i = 0; i < 100'000; ++i) out.push_back(d(rng));
            break;
        }
        case Shape::LogNormal: {  // typical latencies: median ~1 ms, long right tail
            std::lognormal_distribution<double> d(std::log(1000.0), 1.0);
            for (int i = 0; i < 100'000; ++i) out.push_back(std::uint64_t(d(rng)) + 1);
            break;
        }
        case Shape::Bimodal: {  // fast hits and slow misses (e.g. a GIL convoy)
            std::normal_distribution<double> fast(200, 20), slow(50'000, 5'000);
            std::bernoulli_distribution is_slow(0.1);
            for (int i = 0; i < 100'000; ++i) {
                const double v = is_slow(rng) ? slow(rng) : fast(rng);
                out.push_back(std::uint64_t(std::max(1.0, v)));
            }
            break;
        }
        case Shape::Constant:
            out.assign(1000, 1234);
            break;
        case Shape::Single:
            out.push_back(777);
            break;
        case Shape::Huge: {  // seconds to ~15 minutes
            std::uniform_int_distribution<std::uint64_t> d(1'000'000, 900'000'000);
            for (int i = 0; i < 10'000; ++i) out.push_back(d(rng));
            break;
        }
        case Shape::Small: {  // 0..20 µs: the bottom of the axis, including 0
            std::uniform_int_distribution<std::uint64_t> d(0, 20);
            for (int i = 0; i < 10'000; ++i) out.push_back(d(rng));
            break;
        }
    }
    return out;
}

// The order statistic of rank ceil(q·n), as the histogram defines its quantile.
double exact_quantile(const Samples& sorted, double q) {
    const auto n = sorted.size();
    auto rank = static_cast<std::size_t>(std::ceil(q * double(n)));
    rank = std::clamp<std::size_t>(rank, 1, n);
    return double(sorted[rank - 1]);
}

LatencyHistogram fill(const Samples& s) {
    LatencyHistogram h;
    for (auto v : s) h.record(v);
    return h;
}

}  // namespace

Q_DECLARE_METATYPE(Shape)

class TstLatencyHistogram : public QObject {
    Q_OBJECT
private slots:
    void quantilesWithinOnePercent_data() {
        QTest::addColumn<Shape>("shape");
        QTest::newRow("uniform") << Shape::Uniform;
        QTest::newRow("log-normal") << Shape::LogNormal;
        QTest::newRow("bimodal") << Shape::Bimodal;
        QTest::newRow("constant") << Shape::Constant;
        QTest::newRow("single sample") << Shape::Single;
        QTest::newRow("huge values") << Shape::Huge;
        QTest::newRow("small values") << Shape::Small;
    }
    void quantilesWithinOnePercent() {
        QFETCH(Shape, shape);
        Samples s = generate(shape);
        const LatencyHistogram h = fill(s);
        std::sort(s.begin(), s.end());
        for (double q : {0.0, 0.001, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 0.9999, 1.0}) {
            const double exact = exact_quantile(s, q);
            const double got = h.quantile_us(q);
            QVERIFY2(std::abs(got - exact) <= 0.01 * exact,
                     qPrintable(QString("q=%1 exact=%2 got=%3").arg(q).arg(exact).arg(got)));
        }
    }

    void exactStatistics_data() { quantilesWithinOnePercent_data(); }
    void exactStatistics() {
        QFETCH(Shape, shape);
        const Samples s = generate(shape);
        const LatencyHistogram h = fill(s);
        QCOMPARE(h.count(), std::uint64_t(s.size()));
        QCOMPARE(h.min_us(), *std::min_element(s.begin(), s.end()));
        QCOMPARE(h.max_us(), *std::max_element(s.begin(), s.end()));
        std::uint64_t sum = 0;
        for (auto v : s) sum += v;
        QCOMPARE(h.mean_us(), double(sum) / double(s.size()));
        QCOMPARE(h.quantile_us(0.0), double(h.min_us()));
        QCOMPARE(h.quantile_us(1.0), double(h.max_us()));
    }

    // The bucket error itself: the middle of three values is reported from its bucket's midpoint,
    // for values spread over the whole axis (including bin edges hit by rounding).
    void everyMagnitudeWithinOnePercent() {
        for (double x = 2; x < 9e8; x *= 1.0007) {
            const auto v = static_cast<std::uint64_t>(x);
            LatencyHistogram h;
            h.record(1);
            h.record(v);
            h.record(1'000'000'000);
            const double got = h.quantile_us(0.5);
            QVERIFY2(std::abs(got - double(v)) <= 0.01 * double(v),
                     qPrintable(QString("v=%1 got=%2").arg(v).arg(got)));
        }
    }

    void mergeEqualsRecordingAll() {
        const Samples a = generate(Shape::LogNormal);
        const Samples b = generate(Shape::Bimodal);
        LatencyHistogram ha = fill(a);
        const LatencyHistogram hb = fill(b);
        Samples all = a;
        all.insert(all.end(), b.begin(), b.end());
        const LatencyHistogram hall = fill(all);

        ha.merge(hb);
        QCOMPARE(ha.count(), hall.count());
        QCOMPARE(ha.min_us(), hall.min_us());
        QCOMPARE(ha.max_us(), hall.max_us());
        QCOMPARE(ha.mean_us(), hall.mean_us());
        for (double q = 0; q <= 1.0; q += 0.001) QCOMPARE(ha.quantile_us(q), hall.quantile_us(q));
    }

    void mergeIntoAndFromEmpty() {
        const LatencyHistogram full = fill(generate(Shape::Uniform));
        LatencyHistogram empty;
        empty.merge(full);
        QCOMPARE(empty.count(), full.count());
        QCOMPARE(empty.quantile_us(0.5), full.quantile_us(0.5));
        LatencyHistogram copy = full;
        copy.merge(LatencyHistogram());
        QCOMPARE(copy.count(), full.count());
        QCOMPARE(copy.quantile_us(0.99), full.quantile_us(0.99));
    }

    void emptyHistogram() {
        LatencyHistogram h;
        QCOMPARE(h.count(), std::uint64_t(0));
        QCOMPARE(h.min_us(), std::uint64_t(0));
        QCOMPARE(h.max_us(), std::uint64_t(0));
        QCOMPARE(h.mean_us(), 0.0);
        QCOMPARE(h.quantile_us(0.5), 0.0);
        QCOMPARE(h.quantile_us(1.0), 0.0);
    }

    void resetEmpties() {
        LatencyHistogram h = fill(generate(Shape::Uniform));
        h.reset();
        QCOMPARE(h.count(), std::uint64_t(0));
        QCOMPARE(h.quantile_us(0.5), 0.0);
        h.record(50);
        QCOMPARE(h.min_us(), std::uint64_t(50));
        QCOMPARE(h.quantile_us(0.5), 50.0);
    }

    void beyondTheAxisReportsTheExactMax() {
        LatencyHistogram h;
        h.record(10);
        h.record(5'000'000'000);  // 5000 s: overflow bin
        h.record(7'000'000'000);
        QCOMPARE(h.quantile_us(1.0), 7e9);
        QVERIFY(h.quantile_us(0.5) >= 1e9 && h.quantile_us(0.5) <= 7e9);
        QCOMPARE(h.quantile_us(0.0), 10.0);
    }

    void movedFromIsEmptyAndUsable() {
        LatencyHistogram a = fill(generate(Shape::Constant));
        LatencyHistogram b = std::move(a);
        QCOMPARE(b.count(), std::uint64_t(1000));
        QCOMPARE(a.count(), std::uint64_t(0));  // NOLINT(bugprone-use-after-move): defined state
        QCOMPARE(a.quantile_us(0.5), 0.0);
        a.record(3);
        QCOMPARE(a.count(), std::uint64_t(1));
        LatencyHistogram c = a;
        QCOMPARE(c.max_us(), std::uint64_t(3));
    }
};

QTEST_APPLESS_MAIN(TstLatencyHistogram)
#include "tst_latency_histogram.moc"
