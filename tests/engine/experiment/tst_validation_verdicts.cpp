// validate's one-line reason for a point outside its bounds (judge_point): a long tail of the
// real server's is an overflowed accept queue when the kernel counted overflows or the client saw
// connects retried; with the kernel's count at 0 it is a server that accepts slowly (Node, one
// accept per turn of a busy loop); with no count (a remote server) neither is claimed.
#include <QtTest>

#include <optional>
#include <vector>

#include "experiment/validation.hpp"
#include "validation_points.hpp"

using namespace conclab;

namespace {

// A CPU-bound point at 100 connections where both serve 450 req/s and the real server's tail
// is long (p99 1.6 s, max 4 s) while the model's is not.
ValidationPointResult long_real_tail(std::optional<std::uint64_t> listen_overflows,
                                     std::uint64_t slow_connects, double model_rps) {
    ValidationPointResult p;
    p.point = {2, 0, 100};
    p.real.rps = 450;
    p.model.rps = model_rps;
    p.real.p99_ms = 1600;
    p.model.p99_ms = 220;
    p.p99_counts = true;
    Summary& real = p.real_run.summary;
    real.requests = 1800;
    real.latency = LatencySummary{};
    real.latency->max_ms = 3965;
    real.slow_connects = slow_connects;
    real.listen_overflows = listen_overflows;
    judge_point(p, ValidationSettings{});
    return p;
}

}  // namespace

class TstValidationVerdicts : public QObject {
    Q_OBJECT
private slots:
    // Measured: real Express at 100 connections × 2 ms of CPU had p99 1.66 s and a max of 3.97 s
    // with no listen overflow (nstat) and no connect retried; the old verdict said "accept queue
    // overflowed" from the max alone.
    void noOverflowCountedIsASlowAccept() {
        const ValidationPointResult p = long_real_tail(0, 0, 455);
        QVERIFY(!p.ok);
        const QString verdict = QString::fromStdString(p.verdict);
        QVERIFY2(verdict.contains("accepted new connections slowly"), qPrintable(verdict));
        QVERIFY2(!verdict.contains("overflowed"), qPrintable(verdict));
        QVERIFY2(verdict.contains("3965 ms"), qPrintable(verdict));
    }
    // The same rate and the model's tail far longer: its connections waited to be taken, not
    // "the model serves more at once" (the fallback for a higher rate).
    void aLongerModelTailAtTheSameRateIsASlowerAccept() {
        const QString slow = QString::fromStdString(test::long_model_tail(0).verdict);
        QVERIFY2(slow.startsWith("OFF (p99 5.83×): likely the model's slowest response took 1400 "
                                 "ms, the real server's 260 ms") &&
                     slow.contains("waited to be taken") && !slow.contains("dropped") &&
                     !slow.contains("serves more at once"),
                 qPrintable(slow));
        const QString dropped = QString::fromStdString(test::long_model_tail(37).verdict);
        QVERIFY2(dropped.contains("; the kernel dropped 37 handshakes, retried after 1 s)"),
                 qPrintable(dropped));
    }
    void overflowsCountedAreAnOverflow() {
        const ValidationPointResult p = long_real_tail(40, 0, 600);  // the model serves more
        QVERIFY(!p.ok);
        const QString verdict = QString::fromStdString(p.verdict);
        QVERIFY2(verdict.contains("accept queue overflowed (the kernel dropped 40 handshakes"),
                 qPrintable(verdict));
    }
    // A remote server: no kernel count, but a retried connect proves the overflow.
    void connectsRetriedAreAnOverflow() {
        const ValidationPointResult p = long_real_tail(std::nullopt, 12, 600);
        const QString verdict = QString::fromStdString(p.verdict);
        QVERIFY2(verdict.contains("accept queue overflowed (12 connects were retried"),
                 qPrintable(verdict));
    }
    void aRemoteServerWithoutEvidenceIsNeither() {
        const ValidationPointResult p = long_real_tail(std::nullopt, 0, 455);
        const QString verdict = QString::fromStdString(p.verdict);
        QVERIFY2(!verdict.contains("slowly") && !verdict.contains("overflowed"),
                 qPrintable(verdict));
    }
    // Little's law (req/s × mean latency): the side that kept far fewer of its connections busy
    // accepted the rest more slowly, and their unanswered requests are not in its p99. Measured:
    // real Express, CPU-bound at 1,000 connections, about 930 busy (p99 2.6 s), the model about
    // 210 (p99 0.8 s), which the old verdict called the real server's slow accept.
    void fewerConnectionsBusyIsTheSlowerAccept_data() {
        QTest::addColumn<double>("real_mean_ms");
        QTest::addColumn<double>("model_mean_ms");
        QTest::addColumn<QString>("said");
        QTest::newRow("the model kept fewer")
            << 2000.0 << 450.0 << "the model kept only about 210 of 1000";
        QTest::newRow("the real server kept fewer")
            << 450.0 << 2000.0 << "the real server kept only about 210 of 1000";
        QTest::newRow("both kept them all") << 2000.0 << 2100.0 << "";
    }
    void fewerConnectionsBusyIsTheSlowerAccept() {
        QFETCH(double, real_mean_ms);
        QFETCH(double, model_mean_ms);
        QFETCH(QString, said);
        ValidationPointResult p = long_real_tail(0, 0, 467);
        p.point = {2, 0, 1000};
        p.real.rps = p.real_run.summary.rps = p.model_run.summary.rps = 467;
        p.real.p99_ms = real_mean_ms * 1.3;
        p.model.p99_ms = model_mean_ms * 1.3 * (said.isEmpty() ? 3 : 1);  // off either way
        p.real_run.summary.latency->mean_ms = real_mean_ms;
        p.model_run.summary.latency = LatencySummary{};
        p.model_run.summary.latency->mean_ms = model_mean_ms;
        judge_point(p, ValidationSettings{});
        QVERIFY(!p.ok);
        const QString verdict = QString::fromStdString(p.verdict);
        if (said.isEmpty()) {
            QVERIFY2(!verdict.contains("busy"), qPrintable(verdict));
        } else {
            QVERIFY2(verdict.contains(said), qPrintable(verdict));
        }
    }
    void aShortTailIsNeither() {
        ValidationPointResult p = long_real_tail(0, 0, 455);
        p.real_run.summary.latency->max_ms = 400;
        judge_point(p, ValidationSettings{});
        const QString verdict = QString::fromStdString(p.verdict);
        QVERIFY2(!verdict.contains("slowly") && !verdict.contains("overflowed"),
                 qPrintable(verdict));
    }

    // CPU-bound at the same rate: a real tail of a turn more than the median, where the model's
    // p99 is its p50, is the loop's order (a request served a turn late); without that tail the
    // reason is the cost of CPU work.
    void aTurnLateTailIsTheLoopsOrder_data() {
        QTest::addColumn<double>("real_p99");
        QTest::addColumn<double>("model_p99");
        QTest::addColumn<bool>("turn_late");
        QTest::newRow("real 40 ms, model 21 ms (Express, 10 connections)") << 40.1 << 21.3 << true;
        QTest::newRow("both tails long") << 40.1 << 39.0 << false;
        QTest::newRow("real tail short, model's shorter") << 25.0 << 12.0 << false;
    }
    // A p99 made by requests one side left unanswered when its run ended (they count at how long
    // they had waited): real Express, 1,000 connections × 50 ms of I/O, left none, its p99
    // 142 ms; the model left 118 in its accept queue, its p99 1.5 s.
    void requestsLeftUnansweredAreTheReason_data() {
        QTest::addColumn<int>("real_unanswered");
        QTest::addColumn<int>("model_unanswered");
        QTest::addColumn<double>("real_p99");
        QTest::addColumn<double>("model_p99");
        QTest::addColumn<QString>("said");
        QTest::newRow("the model left them")
            << 0 << 118 << 142.0 << 1500.0 << "the model left 118 requests unanswered";
        QTest::newRow("the real server left them")
            << 118 << 0 << 1500.0 << 142.0 << "the real server left 118 requests unanswered";
        QTest::newRow("both left as many") << 118 << 120 << 1500.0 << 142.0 << "";
        QTest::newRow("the model left them, but its p99 is the shorter")
            << 0 << 118 << 1500.0 << 142.0 << "";
    }
    void requestsLeftUnansweredAreTheReason() {
        QFETCH(int, real_unanswered);
        QFETCH(int, model_unanswered);
        QFETCH(double, real_p99);
        QFETCH(double, model_p99);
        QFETCH(QString, said);
        const ValidationPointResult p =
            test::unanswered_point(real_unanswered, model_unanswered, real_p99, model_p99);
        QVERIFY(!p.ok);
        const QString verdict = QString::fromStdString(p.verdict);
        if (said.isEmpty()) {
            QVERIFY2(!verdict.contains("unanswered"), qPrintable(verdict));
        } else {
            QVERIFY2(verdict.contains(said), qPrintable(verdict));
        }
    }

    // A p99 among requests unanswered when the run ended is a lower bound: 1 % or more of the
    // latencies counted are such requests.
    void aP99AmongUnansweredRequestsIsALowerBound_data() {
        QTest::addColumn<int>("answered");
        QTest::addColumn<int>("unanswered");
        QTest::addColumn<int>("beyond_p99");
        QTest::addColumn<bool>("lower_bound");
        QTest::newRow("600 starved of 4,000") << 3400 << 600 << 600 << true;
        QTest::newRow("10 of 1,000") << 990 << 10 << 10 << true;
        QTest::newRow("5 of 1,000") << 995 << 5 << 5 << false;
        QTest::newRow("500 a fair server's last, within its tail") << 4000 << 500 << 0 << false;
        QTest::newRow("none") << 1000 << 0 << 0 << false;
    }
    void aP99AmongUnansweredRequestsIsALowerBound() {
        QFETCH(int, answered);
        QFETCH(int, unanswered);
        QFETCH(int, beyond_p99);
        QFETCH(bool, lower_bound);
        RunResult r;
        r.summary.requests = static_cast<std::uint64_t>(answered);
        r.summary.unanswered = static_cast<std::uint64_t>(unanswered);
        r.summary.unanswered_beyond_p99 = static_cast<std::uint64_t>(beyond_p99);
        r.summary.latency = LatencySummary{};
        r.summary.latency->p99_ms = 4456.5;
        const ValidationSide side = validation_side(r);
        QCOMPARE(side.p99_ms, 4456.5);
        QCOMPARE(side.p99_lower_bound, lower_bound);
    }

    // With repeats, a real server whose own runs disagree with their median by more than the
    // bound is met by a model within the bound of one of its runs; one whose runs agree, or a
    // single run, is met only at its median.
    void aRealServerThatDisagreesWithItself_data() {
        QTest::addColumn<double>("real_low");
        QTest::addColumn<double>("real_median");
        QTest::addColumn<double>("real_high");
        QTest::addColumn<double>("model");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("by_spread");
        QTest::newRow("Express's first burst: model at the real slow run")
            << 224.4 << 231.0 << 4199.6 << 4199.6 << true << true;
        QTest::newRow("beyond the slowest run's bound")
            << 224.4 << 231.0 << 4199.6 << 6400.0 << false << false;
        QTest::newRow("below the fastest run's bound")
            << 224.4 << 231.0 << 4199.6 << 140.0 << false << false;
        // Between the fast runs and the slow one, 4.3× the nearest fast run and 4.2× below the
        // slow one: near none of them.
        QTest::newRow("between the real runs, near none")
            << 224.4 << 231.0 << 4199.6 << 1000.0 << false << false;
        QTest::newRow("runs that agree: the median decides")
            << 224.4 << 231.0 << 240.0 << 4199.6 << false << false;
        QTest::newRow("within the median's bound: a plain ok")
            << 224.4 << 231.0 << 4199.6 << 300.0 << true << false;
    }
    void aRealServerThatDisagreesWithItself() {
        QFETCH(double, real_low);
        QFETCH(double, real_median);
        QFETCH(double, real_high);
        QFETCH(double, model);
        QFETCH(bool, ok);
        QFETCH(bool, by_spread);
        const ValidationPointResult p = test::spread_point(real_low, real_median, real_high, model);
        const QString verdict = QString::fromStdString(p.verdict);
        QCOMPARE(p.ok, ok);
        QCOMPARE(p.within_real_spread, by_spread);
        QVERIFY2(verdict.contains("own spread") == by_spread, qPrintable(verdict));
        if (by_spread) {
            QVERIFY2(verdict.contains("its 3 runs ranged 455–478 req/s and 224.4–4199.6 ms p99"),
                     qPrintable(verdict));
        }
        if (!ok) QVERIFY2(verdict.startsWith("OFF (p99 "), qPrintable(verdict));
    }
    // The same for req/s (Node wanders ±10 % from run to run), and never for one run.
    void aRateOutsideOnlyTheMediansBound() {
        ValidationPointResult p = test::spread_point(224.4, 231.0, 240.0, 231.0);
        p.real.rps = 11000;
        p.real.rps_low = 10000;
        p.real.rps_high = 13000;
        p.real.rps_runs = {10000, 13000, 11000};
        p.model.rps = 14500;  // 1.32× the median, 1.12× the highest run
        judge_point(p, ValidationSettings{});
        QVERIFY2(p.ok && p.within_real_spread, p.verdict.c_str());
        p.model.rps = 15200;  // 1.17× the highest run
        judge_point(p, ValidationSettings{});
        QVERIFY2(!p.ok && !p.within_real_spread, p.verdict.c_str());
        p.model.rps = 14500;
        p.real.runs = 1;
        p.real.rps_runs = {11000};
        judge_point(p, ValidationSettings{});
        QVERIFY2(!p.ok, p.verdict.c_str());
    }
    // A side's figures over its runs: the median of each, the lowest and highest, and a median
    // p99 that is a lower bound when the run it comes from had one.
    void aSideOfSeveralRuns() {
        std::vector<RunResult> runs(3);
        const double rps[] = {480, 455, 470};
        const double p99[] = {4199.6, 224.4, 231.0};
        for (std::size_t i = 0; i < runs.size(); ++i) {
            Summary& s = runs[i].summary;
            s.rps = rps[i];
            s.requests = 1800;
            s.errors = i;
            s.latency = LatencySummary{};
            s.latency->p50_ms = 100 + static_cast<double>(i);
            s.latency->p99_ms = p99[i];
        }
        runs[0].summary.unanswered = runs[0].summary.unanswered_beyond_p99 = 100;
        ValidationSide side = validation_side(runs);
        QCOMPARE(side.runs, 3);
        QCOMPARE(side.rps, 470.0);
        QCOMPARE(side.rps_low, 455.0);
        QCOMPARE(side.rps_high, 480.0);
        QCOMPARE(side.p50_ms, 101.0);
        QCOMPARE(side.p99_ms, 231.0);
        QCOMPARE(side.p99_low_ms, 224.4);
        QCOMPARE(side.p99_high_ms, 4199.6);
        QCOMPARE(side.p99_runs_ms, (std::vector<double>{4199.6, 224.4, 231.0}));  // as they ran
        QCOMPARE(side.rps_runs, (std::vector<double>{480, 455, 470}));
        QCOMPARE(side.errors, std::uint64_t{2});  // the median-rate run's
        QVERIFY(!side.p99_lower_bound);           // the starved run is the slowest, not the median
        runs[2].summary.latency->p99_ms = 5000;   // now the starved run's p99 is the median
        runs[2].summary.unanswered = runs[2].summary.unanswered_beyond_p99 = 100;
        side = validation_side(runs);
        QCOMPARE(side.p99_ms, 4199.6);
        QVERIFY(side.p99_lower_bound);
    }

    // An even count: the median of the middle two.
    void aSideOfTwoRuns() {
        std::vector<RunResult> runs(2);
        runs[0].summary.rps = 400;
        runs[1].summary.rps = 500;
        for (RunResult& r : runs) {
            r.summary.requests = 1000;
            r.summary.latency = LatencySummary{};
            r.summary.latency->p99_ms = r.summary.rps / 10;
        }
        const ValidationSide side = validation_side(runs);
        QCOMPARE(side.rps, 450.0);
        QCOMPARE(side.p99_ms, 45.0);
        QCOMPARE(side.runs, 2);
    }

    // With nine runs a side, a p99 that lands in one of two outcomes is judged by how often each
    // side lands low (race_outcomes.hpp), before the medians and the real server's spread.
    void aRaceIsJudgedByItsTallies_data() {
        const double lo[] = {231, 240, 236, 228, 245, 233, 250, 229, 238};
        const double hi[] = {3183.2, 4199.6, 3246.8, 3300, 4199.6, 3900, 3400, 4100, 3700};
        // `low` of nine runs at the low outcome, the rest at the high one, interleaved.
        const auto runs = [&](int low) {
            std::vector<double> out;
            for (int i = 0; i < 9; ++i) out.push_back(i < low ? lo[i] : hi[i]);
            return out;
        };
        QTest::addColumn<std::vector<double>>("real");
        QTest::addColumn<std::vector<double>>("model");
        QTest::addColumn<bool>("by_race");
        QTest::addColumn<bool>("ok");
        QTest::newRow("6 of 9 and 3 of 9 low: p = 0.35") << runs(6) << runs(3) << true << true;
        QTest::newRow("8 of 9 and 1 of 9 low: p = 0.003") << runs(8) << runs(1) << true << false;
        // The spread rule alone would excuse this one: the model is within a real run.
        QTest::newRow("a model that always wins, the real server 2 of 9: p = 0.002")
            << runs(2) << runs(9) << true << false;
        QTest::newRow("the model won 1 of 9, the real server 5 of 9: p = 0.13")
            << runs(5) << runs(1) << true << true;
        QTest::newRow("a model that always loses, the real server won 5 of 9: p = 0.029")
            << runs(5) << runs(0) << true << false;
        // Medians that agree decide before any tally: the model always wins, and so did the
        // real server's middle run.
        QTest::newRow("a model that always wins, the real server 5 of 9: the medians")
            << runs(5) << runs(9) << false << true;
        // Low at 230 ms and at 480 ms (chained by a run at 330): not the same outcome.
        QTest::newRow("the low outcomes at other levels")
            << runs(5) << std::vector<double>{330, 480, 490, 485, 495, 3900, 3400, 4100, 3700}
            << false << false;
        QTest::newRow("three runs a side: not enough for tallies")
            << std::vector<double>{231, 240, 4199.6} << std::vector<double>{3183.2, 4199.6, 3300}
            << false << true;
    }
    void aRaceIsJudgedByItsTallies() {
        QFETCH(std::vector<double>, real);
        QFETCH(std::vector<double>, model);
        QFETCH(bool, by_race);
        QFETCH(bool, ok);
        const ValidationPointResult p = test::race_point(real, model);
        const QString verdict = QString::fromStdString(p.verdict);
        QCOMPARE(p.race.has_value(), by_race);
        QCOMPARE(p.ok, ok);
        if (!by_race) {
            QVERIFY2(!verdict.contains("race"), qPrintable(verdict));
            return;
        }
        const QString tallies =
            QString(
                "p99 below %1 ms in %2 of 9 real runs and %3 of 9 model runs (Fisher's "
                "exact test p = %4)")
                .arg(p.race->boundary_ms, 0, 'f', 0)
                .arg(p.race->real_low)
                .arg(p.race->model_low)
                .arg(p.race->p_value, 0, 'f', 3);
        QCOMPARE(p.within_real_spread, ok);
        // The tallies first: a table cell shows the start of a verdict.
        if (ok) {
            QVERIFY2(verdict.startsWith("ok as a race: " + tallies + ": each run lands low"),
                     qPrintable(verdict + " / " + tallies));
        } else {
            QVERIFY2(verdict.startsWith("OFF (p99 ") &&
                         verdict.contains("likely a race: " + tallies + ": one side lands low"),
                     qPrintable(verdict + " / " + tallies));
        }
    }
    // validate runs a point again, up to nine runs a side, when its p99 is off its median's bound
    // (outside, or ok only against the real server's spread) and a side disagrees with itself or
    // left requests unanswered; not when it is plainly ok, its rate is off, or it has nine runs.
    void whenAPointIsRunAgainAsARace() {
        const ValidationSettings settings;
        std::vector<RunResult> three(3), nine(9);
        // The real runs 224–4,200 ms, the model 1,000 ms: off, and the real server disagrees.
        const ValidationPointResult unsettled = test::spread_point(224.4, 231.0, 4199.6, 1000.0);
        QVERIFY(!unsettled.ok);
        QVERIFY(wants_race_runs(unsettled, three, three, settings));
        QVERIFY(!wants_race_runs(unsettled, nine, nine, settings));
        // ok only against the real server's spread (the model at its slow run): run again too.
        const ValidationPointResult by_spread = test::spread_point(224.4, 231.0, 4199.6, 4199.6);
        QVERIFY(by_spread.ok && by_spread.within_real_spread);
        QVERIFY(wants_race_runs(by_spread, three, three, settings));
        // Plainly ok: no.
        QVERIFY(!wants_race_runs(test::spread_point(224.4, 231.0, 4199.6, 300.0), three, three,
                                 settings));
        // The rate off even against the real server's runs: no; within one of them: yes.
        ValidationPointResult rate = unsettled;
        rate.model.rps = 600;  // 1.28× the median 470, 1.26× the highest run
        judge_point(rate, settings);
        QVERIFY(!wants_race_runs(rate, three, three, settings));
        rate.real.rps_runs = {478, 455, 560};
        rate.real.rps_high = 560;
        judge_point(rate, settings);
        QVERIFY(wants_race_runs(rate, three, three, settings));
        // Both sides settled, far apart: only a run that left requests unanswered says race.
        const ValidationPointResult settled = test::spread_point(224.4, 231.0, 240.0, 4199.6);
        QVERIFY(!settled.ok);
        QVERIFY(!wants_race_runs(settled, three, three, settings));
        std::vector<RunResult> left = three;
        left[1].summary.requests = 1600;
        left[1].summary.unanswered = 60;
        left[1].summary.unanswered_beyond_p99 = 60;
        QVERIFY(wants_race_runs(settled, three, left, settings));
    }
    void aTurnLateTailIsTheLoopsOrder() {
        QFETCH(double, real_p99);
        QFETCH(double, model_p99);
        QFETCH(bool, turn_late);
        const ValidationPointResult p = test::cpu_bound_tail_point(real_p99, model_p99);
        const QString verdict = QString::fromStdString(p.verdict);
        QVERIFY2(verdict.contains("a turn late") == turn_late, qPrintable(verdict));
    }
};

QTEST_APPLESS_MAIN(TstValidationVerdicts)
#include "tst_validation_verdicts.moc"
