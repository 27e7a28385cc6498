// A race at a point of validate (race_outcomes.hpp): both sides' p99s fall into two outcomes
// split by one gap wider than the bound, and Fisher's exact test says whether the two tallies
// differ more than chance would.
#include <QtTest>

#include "experiment/race_outcomes.hpp"

using namespace conclab;

class TestRaceOutcomes : public QObject {
    Q_OBJECT
private slots:
    // Against R's fisher.test (two-sided) and the hypergeometric sums by hand.
    void fishersExactTest_data() {
        QTest::addColumn<int>("a");
        QTest::addColumn<int>("b");
        QTest::addColumn<int>("c");
        QTest::addColumn<int>("d");
        QTest::addColumn<double>("p");
        QTest::newRow("6 of 6 against 0 of 6") << 6 << 0 << 0 << 6 << 2.0 / 924;
        QTest::newRow("5 of 6 against 0 of 6") << 5 << 1 << 0 << 6 << 12.0 / 792;
        QTest::newRow("4 of 6 against 1 of 6") << 4 << 2 << 1 << 5 << 192.0 / 792;
        QTest::newRow("5 of 6 against 1 of 6") << 5 << 1 << 1 << 5 << 74.0 / 924;
        QTest::newRow("the same tallies") << 3 << 3 << 3 << 3 << 1.0;
        QTest::newRow("3 of 3 against 0 of 3") << 3 << 0 << 0 << 3 << 0.1;
        QTest::newRow("R: fisher.test(matrix(c(3,1,1,3),2))") << 3 << 1 << 1 << 3 << 0.4857143;
        QTest::newRow("4 of 9 against 9 of 9") << 4 << 5 << 9 << 0 << 252.0 / 8568;
        QTest::newRow("8 of 9 against 1 of 9") << 8 << 1 << 1 << 8 << 164.0 / 48620;
    }
    void fishersExactTest() {
        QFETCH(int, a);
        QFETCH(int, b);
        QFETCH(int, c);
        QFETCH(int, d);
        QFETCH(double, p);
        QVERIFY2(std::abs(fisher_exact_two_sided(a, b, c, d) - p) < 1e-6,
                 qPrintable(QString::number(fisher_exact_two_sided(a, b, c, d), 'g', 9)));
        // The test does not care which side is which, nor which outcome is counted.
        QVERIFY(std::abs(fisher_exact_two_sided(c, d, a, b) - p) < 1e-6);
        QVERIFY(std::abs(fisher_exact_two_sided(b, a, d, c) - p) < 1e-6);
    }

    void twoOutcomesAreTallied() {
        const auto t = race_tally({231, 4199.6, 240, 3183.2, 236, 228},
                                  {3183.2, 252, 4199.6, 3246.8, 267, 4199.6}, 1.5);
        QVERIFY(t.has_value());
        QVERIFY2(t->boundary_ms > 267 && t->boundary_ms < 3183.2,
                 qPrintable(QString::number(t->boundary_ms)));
        QCOMPARE(t->real_low, 4);
        QCOMPARE(t->real_runs, 6);
        QCOMPARE(t->model_low, 2);
        QCOMPARE(t->model_runs, 6);
        QVERIFY(t->levels_agree);
        QVERIFY(std::abs(t->p_value - fisher_exact_two_sided(4, 2, 2, 4)) < 1e-12);
        // A side that landed one way only is tallied too: 0 of 3 low.
        const auto one_way = race_tally({231, 4199.6, 240}, {3183.2, 3246.8, 4199.6}, 1.5);
        QVERIFY(one_way && one_way->levels_agree);
        QCOMPARE(one_way->model_low, 0);
    }

    // The low outcome is a chain of neighbours within the bound: the real server's runs at
    // 230 ms and the model's at 480 ms, joined by one model run at 330, are one group by the
    // chain but not one level.
    void outcomesAtOtherLevelsDoNotAgree() {
        const auto t = race_tally({231, 228, 4199.6}, {330, 480, 490, 4199.6}, 1.5);
        QVERIFY(t.has_value());
        QCOMPARE(t->real_low, 2);
        QCOMPARE(t->model_low, 3);
        QVERIFY(!t->levels_agree);
        // The same outcomes at the same levels agree, whichever side has more runs in them.
        const auto same = race_tally({231, 228, 4199.6}, {240, 4100, 4199.6, 3300}, 1.5);
        QVERIFY(same && same->levels_agree);
    }

    // One outcome (no gap wider than the bound), three, or a run without a p99: no tally.
    void notTwoOutcomes() {
        QVERIFY(!race_tally({231, 240, 300}, {250, 340, 260}, 1.5));
        QVERIFY(!race_tally({231, 800, 4200}, {240, 790, 4100}, 1.5));
        QVERIFY(!race_tally({231, 0, 4200}, {240, 4100}, 1.5));
        QVERIFY(!race_tally({}, {240, 4100}, 1.5));
        // Values chained within the bound are one outcome, however far their ends.
        QVERIFY(!race_tally({100, 140, 196}, {274, 384, 537}, 1.5));
    }
};

QTEST_APPLESS_MAIN(TestRaceOutcomes)
#include "tst_race_outcomes.moc"
