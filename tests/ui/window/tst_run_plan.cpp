// What the runs on screen were started as: a comparison's runs in order with their repeats, its
// results grouped back into one set per run (the table's rows), and each run's colour.
#include <QtTest>

#include "export/chart_exporter.hpp"
#include "window/run_plan.hpp"

using namespace conclab;
using namespace conclab::ui;

namespace {

RunConfig config_of(Model model) {
    RunConfig c;
    c.server.model = model;
    return c;
}

// Results told apart by their req/s: 0, 1, 2, …
std::vector<RunResult> results(int count) {
    std::vector<RunResult> out(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) out[static_cast<std::size_t>(i)].summary.rps = i;
    return out;
}

}  // namespace

class TstRunPlan : public QObject {
    Q_OBJECT
private slots:
    void eachRunIsRepeatedInARow() {
        const RunPlan plan{true, {config_of(Model::EventLoop), config_of(Model::GilThreads)}, 3};
        const auto runs = plan.runs();
        QCOMPARE(runs.size(), std::size_t(6));
        for (std::size_t i = 0; i < runs.size(); ++i)
            QCOMPARE(runs[i].server.model, i < 3 ? Model::EventLoop : Model::GilThreads);
    }

    void aRunTakesTheColourOfItsSet() {
        RunPlan plan{true, {config_of(Model::EventLoop), config_of(Model::GilThreads)}, 3};
        QCOMPARE(plan.set_of(0), 0);
        QCOMPARE(plan.set_of(2), 0);
        QCOMPARE(plan.set_of(3), 1);
        QCOMPARE(plan.set_of(5), 1);
        plan.comparing = false;  // a single run, repeated or not, is the first colour
        QCOMPARE(plan.set_of(5), 0);
    }

    // Stopped early, the last set is shorter; none is lost or shifted.
    void resultsAreGroupedByRepeatsInOrder() {
        const RunPlan plan{true, {}, 2};
        const auto sets = plan.group(results(5));
        QCOMPARE(sets.size(), std::size_t(3));
        QCOMPARE(sets[0].size(), std::size_t(2));
        QCOMPARE(sets[1].size(), std::size_t(2));
        QCOMPARE(sets[2].size(), std::size_t(1));
        QCOMPARE(sets[1][0].summary.rps, 2.0);
        QCOMPARE(sets[1][1].summary.rps, 3.0);
        QCOMPARE(sets[2][0].summary.rps, 4.0);
        QVERIFY(RunPlan{}.group({}).empty());
    }

    void aRealServerIsShortInTheLegends() {
        RunConfig real;
        real.external = ExternalTarget{};
        real.external->url = "http://127.0.0.1:8080/";
        QCOMPARE(chart_label(real), QString("real server"));
        const RunConfig loop = config_of(Model::EventLoop);
        QCOMPARE(chart_label(loop), model_label(loop));
    }
};

QTEST_MAIN(TstRunPlan)
#include "tst_run_plan.moc"
