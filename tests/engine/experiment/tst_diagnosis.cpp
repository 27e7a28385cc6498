// Each diagnosis rule fires on its own scenario and stays silent on the others, on recorded
// ticks run through the tick aggregator (no processes, threads or clocks).
#include <QtTest>

#include "experiment/diagnosis.hpp"
#include "recorded_ticks.hpp"

using namespace conclab;
using namespace conclab::recorded;

namespace {

RunConfig config(Model model, double cpu_ms = 0, double io_ms = 0) {
    RunConfig c;
    c.server.model = model;
    c.server.threads = 10;
    c.server.workers = 2;
    c.server.workload.cpu_ms = cpu_ms;
    c.server.workload.io_ms = io_ms;
    return c;
}

struct Scenario {
    RunConfig config;
    Summary summary;
};

// The GIL held 98 % with 9 threads waiting: CPU-bound requests on 10 threads.
Scenario gil_bound() {
    return {config(Model::GilThreads, 5), summary_of(8, [](double t) {
                return tick(t, {gil_worker(7, 48, 98, 9, 45)}, false, 30, 10, 0);
            })};
}
// The loop busy 99 % and its timer 48 ms late: 20 ms CPU requests on the loop.
Scenario loop_blocked() {
    return {config(Model::EventLoop, 20),
            summary_of(8, [](double t) { return tick(t, {loop_worker(7, 12, 99, 48, 5)}); })};
}
// Kernel scheduling after a burst: one worker serves 71 %.
Scenario uneven_workers() {
    Scenario s{config(Model::ProcessPerCore, 0, 20), {}};
    s.config.server.scheduling = Scheduling::Kernel;
    s.summary = summary_of(8, [](double t) {
        return tick(t, {loop_worker(7, 71, 20, 0.4), loop_worker(8, 29, 10, 0.3)}, true);
    });
    return s;
}
// The loader uses its one thread to the full; the server is idle-ish.
Scenario load_generator_saturated() {
    return {config(Model::EventLoop), summary_of(8, [](double t) {
                return tick(t, {loop_worker(7, 5000, 40, 0.5)}, false, 98);
            })};
}
// A 10-thread pool, all in I/O waits, 990 requests queued, the GIL nearly free.
Scenario thread_pool_exhausted() {
    return {config(Model::GilThreads, 0, 50), summary_of(8, [](double t) {
                return tick(t, {gil_worker(7, 50, 3, 0, 0.01, 50, 0)}, false, 5, 10, 990);
            })};
}
// An I/O-bound event loop with nothing wrong.
Scenario plain() {
    return {config(Model::EventLoop, 0, 50), summary_of(8, [](double t) {
                return tick(t, {loop_worker(7, 5000, 25, 0.6)}, false, 40, 1000);
            })};
}

std::vector<std::string> rules(const Scenario& s) {
    std::vector<std::string> out;
    for (const Diagnosis& d : diagnose(s.config, s.summary)) out.push_back(d.rule);
    return out;
}

}  // namespace

class TstDiagnosis : public QObject {
    Q_OBJECT
private slots:
    void eachRuleFiresOnItsScenarioAlone_data() {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<QString>("rule");
        QTest::newRow("gil-bound") << 0 << "gil-bound";
        QTest::newRow("loop-blocked") << 1 << "loop-blocked";
        QTest::newRow("uneven-workers") << 2 << "uneven-workers";
        QTest::newRow("load-generator-saturated") << 3 << "load-generator-saturated";
        QTest::newRow("thread-pool-exhausted") << 4 << "thread-pool-exhausted";
        QTest::newRow("nothing stands out") << 5 << "";
    }
    void eachRuleFiresOnItsScenarioAlone() {
        QFETCH(int, scenario);
        QFETCH(QString, rule);
        const Scenario all[] = {gil_bound(),
                                loop_blocked(),
                                uneven_workers(),
                                load_generator_saturated(),
                                thread_pool_exhausted(),
                                plain()};
        const auto fired = rules(all[scenario]);
        std::vector<std::string> expected;
        if (!rule.isEmpty()) expected.push_back(rule.toStdString());
        QString got;
        for (const auto& r : fired) got += QString::fromStdString(r) + " ";
        QVERIFY2(fired == expected, qPrintable("fired: " + got));
    }

    // The texts say what the issue says, with the measured figures.
    void textsCarryTheEvidence() {
        const auto gil = diagnose(gil_bound().config, gil_bound().summary);
        QCOMPARE(QString::fromStdString(gil.at(0).text),
                 QString("The GIL is held 98 % of the time and 9 threads wait for it: more "
                         "threads cannot help; more processes can."));
        QCOMPARE(gil[0].evidence.at(0).first, std::string("gil_held_pct"));
        QVERIFY(std::abs(gil[0].evidence.at(0).second - 98) < 0.01);

        const auto loop = diagnose(loop_blocked().config, loop_blocked().summary);
        const QString text = QString::fromStdString(loop.at(0).text);
        QVERIFY2(text.startsWith("The event loop is busy 99 % of the time and fires timers "),
                 qPrintable(text));
        QVERIFY(text.endsWith(" ms late: CPU work on the loop blocks every connection."));

        const auto uneven = diagnose(uneven_workers().config, uneven_workers().summary);
        QVERIFY2(QString::fromStdString(uneven.at(0).text)
                     .startsWith("Worker 1 (PID 7) served 71 % of the requests: the kernel's "
                                 "accept is uneven under a burst; round-robin evens it."),
                 uneven.at(0).text.c_str());

        const auto load =
            diagnose(load_generator_saturated().config, load_generator_saturated().summary);
        QVERIFY(
            QString::fromStdString(load.at(0).text).startsWith("The load generator is saturated"));
        QVERIFY(QString::fromStdString(load.at(0).text)
                    .endsWith("the numbers show its limit, not the server's."));
    }

    // Round-robin scheduling gets its own explanation, not the kernel's.
    void unevenUnderRoundRobinSaysSo() {
        Scenario s = uneven_workers();
        s.config.server.scheduling = Scheduling::RoundRobin;
        const auto d = diagnose(s.config, s.summary);
        QCOMPARE(d.size(), std::size_t(1));
        QVERIFY(d[0].text.find("round-robin evens out connections") != std::string::npos);
    }

    // An even split, or too few requests to tell, says nothing.
    void evenWorkersSayNothing() {
        Scenario s = uneven_workers();
        s.summary = summary_of(8, [](double t) {
            return tick(t, {loop_worker(7, 52, 20, 0.4), loop_worker(8, 48, 10, 0.3)}, true);
        });
        QVERIFY(diagnose(s.config, s.summary).empty());
        s.summary = summary_of(1, [](double t) {
            return tick(t, {loop_worker(7, 9, 20, 0.4), loop_worker(8, 1, 10, 0.3)}, true);
        });
        QVERIFY(diagnose(s.config, s.summary).empty());
    }

    // Two worker slots, one killed and replaced halfway: three PIDs, but the fair share is still
    // half, and 50 / 25 / 25 is even.
    void aRestartedWorkerDoesNotLowerTheFairShare() {
        Scenario s = uneven_workers();
        s.summary = summary_of(8, [](double t) {
            if (t < 4 * kTickS) {
                return tick(t, {loop_worker(7, 50, 20, 0.4), loop_worker(8, 50, 10, 0.3)}, true);
            }
            return tick(t, {loop_worker(7, 50, 20, 0.4), loop_worker(9, 50, 10, 0.3)}, true);
        });
        QCOMPARE(s.summary.workers->size(), std::size_t(3));
        QVERIFY(diagnose(s.config, s.summary).empty());
    }

    // An external target has no internals: only the load generator's rule can speak.
    void externalTargetGetsNoServerDiagnosis() {
        RunConfig c = config(Model::EventLoop);
        c.external = ExternalTarget{};
        TickAggregator a(0, 1);
        for (int i = 1; i <= 4; ++i) {
            TickInput in = tick(i * kTickS, {});
            in.host.reset();
            a.add(in);
        }
        QVERIFY(diagnose(c, a.summary()).empty());
    }
};

QTEST_APPLESS_MAIN(TstDiagnosis)
#include "tst_diagnosis.moc"
