// DurationHistogram: quantiles within its bucket width, differences of cumulative readings, and
// the sparse text form the worker protocol carries.
#include <QtTest>

#include "core/duration_histogram.hpp"

using namespace conclab;

class TstDurationHistogram : public QObject {
    Q_OBJECT
private slots:
    void quantilesAreWithinTheBucketWidth() {
        DurationHistogram h;
        for (int i = 1; i <= 1000; ++i) h.record(std::int64_t(i) * 100'000);  // 0.1 .. 100 ms
        QCOMPARE(h.count(), std::uint64_t(1000));
        auto near = [](double got, double want) { return std::abs(got / want - 1) < 0.05; };
        QVERIFY2(near(h.quantile_ns(0.5), 50e6), qPrintable(QString::number(h.quantile_ns(0.5))));
        QVERIFY(near(h.quantile_ns(0.99), 99e6));
        QVERIFY(near(h.quantile_ns(1.0), 100e6));
        QVERIFY(near(h.quantile_ns(0.0), 0.1e6));
    }
    void subMicrosecondIsItsOwnBucket() {
        DurationHistogram h;
        h.record(0);
        h.record(-5);  // a clock that went nowhere: still counted, as "on time"
        QVERIFY(h.quantile_ns(1.0) < 1000);
        QCOMPARE(DurationHistogram{}.quantile_ns(0.99), 0.0);
    }
    void sinceIsTheDifferenceOfTwoReadings() {
        DurationHistogram h;
        h.record(1'000'000);
        const DurationHistogram earlier = h;
        h.record(40'000'000);
        h.record(40'000'000);
        const DurationHistogram d = h.since(earlier);
        QCOMPARE(d.count(), std::uint64_t(2));
        QVERIFY(std::abs(d.quantile_ns(0.0) / 40e6 - 1) < 0.05);
    }
    void encodeDecodeRoundTrip() {
        DurationHistogram h;
        for (std::int64_t v : {0LL, 1500LL, 1500LL, 7'000'000LL, 3'000'000'000LL}) h.record(v);
        const std::string text = h.encode() + " tail";
        std::string_view view = text;
        DurationHistogram back;
        QVERIFY(back.decode(view));
        QCOMPARE(back, h);
        QCOMPARE(std::string(view), std::string(" tail"));  // stops where it ends
        std::string_view empty_text = "0";
        QVERIFY(back.decode(empty_text));
        QCOMPARE(back.count(), std::uint64_t(0));
    }
    void decodeRejectsGarbage() {
        DurationHistogram h;
        for (const char* bad : {"", "x", "2 1:3", "1 1-3", "1 99999:1", "1 3:"}) {
            std::string_view view = bad;
            QVERIFY2(!h.decode(view), bad);
        }
    }
};

QTEST_APPLESS_MAIN(TstDurationHistogram)
#include "tst_duration_histogram.moc"
