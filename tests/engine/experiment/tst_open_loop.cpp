// Open loop and load plans end to end (the sweep of one loop: tst_sweep_of_one_loop): real worker
// processes, the real load generator. Bounds are generous (the machine is shared); what is checked
// is the mechanism — a constant rate below capacity is met with agreeing latencies, above capacity
// the corrected latency grows without bound while the uncorrected one does not, and nothing is
// silently dropped.
#include <QtTest>

#include <algorithm>

#include "experiment/experiment.hpp"

using namespace conclab;

namespace {

constexpr double kHangS = 30;

RunConfig open_loop(double rate, double duration_s) {
    RunConfig c;
    c.server.model = Model::EventLoop;
    c.server.workload.cpu_ms = 5;  // capacity about 200 requests/s
    c.load.rate = rate;
    c.load.max_connections = 10;
    c.duration_s = duration_s;
    c.warmup_s = 0.5;
    return c;
}

RunResult run(const RunConfig& c);

// What the event loop with `cpu_ms` of CPU per request really serves on this machine now (about
// 1,000/s for 1 ms on an idle core; far less when other builds share the cores).
double closed_loop_capacity(double cpu_ms) {
    RunConfig c;
    c.server.workload.cpu_ms = cpu_ms;
    c.load.connections = 4;
    c.duration_s = 1.5;
    c.warmup_s = 0.5;
    return run(c).summary.rps;
}

RunResult run(const RunConfig& c) {
    Experiment e(c);
    e.start();
    if (!e.wait_finished(kHangS)) qFatal("the run did not finish");
    return e.result();
}

QString describe(const Summary& s) {
    return QString("rps %1 p50 %2/%3 p99 %4/%5 ms late %6 dropped %7 errors %8")
        .arg(s.rps)
        .arg(s.latency ? s.latency->p50_ms : -1)
        .arg(s.latency_uncorrected ? s.latency_uncorrected->p50_ms : -1)
        .arg(s.latency ? s.latency->p99_ms : -1)
        .arg(s.latency_uncorrected ? s.latency_uncorrected->p99_ms : -1)
        .arg(s.late)
        .arg(s.dropped)
        .arg(s.errors);
}

}  // namespace

class TstOpenLoop : public QObject {
    Q_OBJECT
private slots:
    void belowCapacityMeetsTheRate() {
        // 100/s of 1 ms each is below capacity when the server gets a seventh of a core (1 ms
        // of work: about 1,000/s on an idle core). With 5 ms, as above capacity below, it needed
        // three quarters, which the everyday suite's parallel runs do not leave it (44/s seen);
        // on a machine too busy even for 1 ms the check would measure the machine, not the loop.
        const double capacity = closed_loop_capacity(1);
        if (capacity < 150) {
            const QString why = QString(
                                    "the server serves only %1 req/s on this busy machine; "
                                    "100/s is not below its capacity")
                                    .arg(capacity);
            // CTest counts a skip as a pass: in CI, where this check must run, it is a failure.
            if (!qEnvironmentVariableIsEmpty("CI")) QFAIL(qPrintable(why + " (CI is set)"));
            QSKIP(qPrintable(why));
        }
        RunConfig c = open_loop(100, 3);
        c.server.workload.cpu_ms = 1;
        const RunResult r = run(c);
        const Summary& s = r.summary;
        qInfo("%s", qPrintable(describe(s)));
        QVERIFY(s.latency && s.latency_uncorrected);
        // Within 10 %: with the machine's other tests running, the generator itself was held up
        // for 76 of 300 sends and met 94/s (a check of the open loop, not of the machine).
        QVERIFY2(std::abs(s.rps - 100) <= 10, qPrintable(describe(s)));
        // Corrected ≈ uncorrected below capacity; each may add a few ms of the machine's own: a
        // loader thread held up 4 ms read p99 7.8 against 3.3 ms in the parallel suite. Above
        // capacity (the next check) the gap is a second.
        QVERIFY2(s.latency->p50_ms < 1.5 * s.latency_uncorrected->p50_ms + 5,
                 qPrintable(describe(s)));
        QVERIFY2(s.latency->p99_ms < 1.5 * s.latency_uncorrected->p99_ms + 20,
                 qPrintable(describe(s)));
        QCOMPARE(s.dropped, std::uint64_t(0));
        QCOMPARE(s.errors, std::uint64_t(0));
        QVERIFY(s.client_open_max <= 10);
        const MetricsSample& last = r.series.back();
        QVERIFY(last.p99_uncorrected_ms);
    }

    void aboveCapacityShowsCoordinatedOmission() {
        RunConfig c = open_loop(300, 3.5);
        c.load.request_timeout_s = 1;
        const RunResult r = run(c);
        const Summary& s = r.summary;
        qInfo("%s", qPrintable(describe(s)));
        QVERIFY(s.latency && s.latency_uncorrected);
        // Measured from the due time, p99 is several times what the sends saw (about 10× on a
        // quiet machine; 4.6× when other tests slowed the server and so the sends too).
        QVERIFY2(s.latency->p99_ms >= 3 * s.latency_uncorrected->p99_ms, qPrintable(describe(s)));
        QVERIFY2(s.rps < 270, qPrintable(describe(s)));  // the server cannot do 300/s
        QVERIFY2(s.late > 0 && s.dropped > 0, qPrintable(describe(s)));
        QVERIFY2(s.dropped <= s.late, qPrintable(describe(s)));
        QCOMPARE(s.client_open_max, 10);
        QVERIFY(!r.warnings.empty());
    }

    void rateIsLive() {
        RunConfig c = open_loop(100, 2.5);
        c.server.workload.cpu_ms = 0;
        Experiment e(c);
        e.start();
        QTest::qWait(1000);
        QVERIFY(e.adjust(Knobs{{"rate", 400}}).empty());
        const auto rejected = e.adjust(Knobs{{"connections", 5}});
        QCOMPARE(rejected.size(), std::size_t(1));
        QVERIFY(rejected.front().find("open loop") != std::string::npos);
        QVERIFY(e.wait_finished(kHangS));
        const RunResult r = e.result();
        QCOMPARE(r.final_config.load.rate, 400.0);
        QCOMPARE(r.events.size(), std::size_t(1));
        QCOMPARE(r.events.front().knob, std::string("rate"));
        QVERIFY2(r.series.back().rps > 300, qPrintable(QString::number(r.series.back().rps)));
        // A closed-loop run refuses a rate.
        RunConfig closed;
        closed.duration_s = 1;
        Experiment e2(closed);
        e2.start();
        QCOMPARE(e2.adjust(Knobs{{"rate", 5}}).size(), std::size_t(1));
        e2.stop();
    }

    // Closed loop, 1 → 20 connections over 1 s, then 20 held: client_open follows the plan, at
    // the time it is due (the plan is applied between ticks, not a tick late).
    void stagesDriveTheConnections() {
        RunConfig c;
        c.server.workload.io_ms = 5;
        c.load.connections = 1;
        c.stages = {{1, 20}, {1, 20}};
        c.duration_s = 2;
        const RunResult r = run(c);
        int checked = 0;
        for (const MetricsSample& m : r.series) {
            const double planned = planned_value(c.stages, 1, m.t_s);
            if (m.t_s <= 0.3 || m.t_s > 1.9) continue;
            QVERIFY2(std::abs(m.client_open_end - planned) <= 2,
                     qPrintable(QString("t %1 open %2 planned %3")
                                    .arg(m.t_s)
                                    .arg(m.client_open_end)
                                    .arg(planned)));
            ++checked;
        }
        QVERIFY(checked >= 5);
        QCOMPARE(r.final_config.load.connections, 20);
    }

    // A step due inside a tick (2 → 30 between 1.0 and 1.1 s, ticks of 0.25 s) shows in that
    // tick, not the next; a drop to 4 in the last 0.1 s of the run ends it at 4.
    void stagesAreAppliedWhenDue() {
        RunConfig c;
        c.server.workload.io_ms = 5;
        c.load.connections = 2;
        c.stages = {{1.0, 2}, {0.1, 30}, {1.3, 30}, {0.1, 4}};
        c.duration_s = 2.5;
        const RunResult r = run(c);
        auto at = [&](double t) {
            for (const MetricsSample& m : r.series) {
                if (std::abs(m.t_s - t) < 1e-6) return m;
            }
            return MetricsSample{};
        };
        QVERIFY2(at(1.0).client_open <= 3, qPrintable(QString::number(at(1.0).client_open)));
        // Due at 1.1: open within the tick that ends at 1.25 (the old sampler showed it at 1.5).
        QVERIFY2(at(1.25).client_open >= 28, qPrintable(QString::number(at(1.25).client_open)));
        QVERIFY2(at(1.25).client_open_end >= 28,
                 qPrintable(QString::number(at(1.25).client_open_end)));
        // The run ends on the plan's last target.
        QCOMPARE(r.series.back().t_s, 2.5);
        QVERIFY2(r.series.back().client_open_end <= 5,
                 qPrintable(QString::number(r.series.back().client_open_end)));
        QCOMPARE(r.final_config.load.connections, 4);
    }

    void handOnTheKnobStopsThePlan() {
        RunConfig c;
        c.server.workload.io_ms = 5;
        c.load.connections = 1;
        c.stages = {{3, 30}};
        c.duration_s = 2;
        Experiment e(c);
        e.start();
        QTest::qWait(700);
        QVERIFY(e.adjust(Knobs{{"connections", 3}}).empty());
        QVERIFY(e.wait_finished(kHangS));
        const RunResult r = e.result();
        QCOMPARE(r.final_config.load.connections, 3);  // the plan would have reached ~20
        const auto plan = std::find_if(r.events.begin(), r.events.end(),
                                       [](const AdjustEvent& ev) { return ev.knob == "plan"; });
        QVERIFY(plan != r.events.end());
        QCOMPARE(plan->label(), std::string("plan stopped: connections set by hand"));
        QVERIFY(r.series.back().client_open <= 3);
    }
};

QTEST_APPLESS_MAIN(TstOpenLoop)
#include "tst_open_loop.moc"
