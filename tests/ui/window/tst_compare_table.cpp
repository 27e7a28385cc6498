// The comparison table's server-side columns: the peaks in service and waiting are counts at an
// instant, shown whole ("10", "990"), as the report's summary gives them, never the highest tick
// average ("990.5" passed for a count); a run that could not count them shows "—".
#include <QtTest>

#include <QHeaderView>

#include "window/compare_table.hpp"

using namespace conclab;
using namespace conclab::ui;

namespace {

RunResult run(Model model, std::optional<int> in_service, std::optional<int> waiting) {
    RunResult r;
    r.config.server.model = model;
    r.config.server.threads = 10;
    r.summary.rps = model == Model::EventLoop ? 17706.8 : 199.6;
    r.summary.server_in_service_peak = in_service;
    r.summary.server_waiting_peak = waiting;
    // The tick averages are fractions a little under the peaks: not what the columns show.
    if (in_service) r.summary.server_in_service_max = *in_service - 0.4;
    if (waiting) r.summary.server_waiting_max = *waiting - 0.5;
    return r;
}

}  // namespace

class TstCompareTable : public QObject {
    Q_OBJECT
private slots:
    void peaksAreWholeCounts() {
        CompareTable t;
        t.show_results({run(Model::EventLoop, 1000, 0), run(Model::GilThreads, 10, 990),
                        run(Model::EventLoop, std::nullopt, std::nullopt)});
        auto header = [&](int column) {
            return t.horizontalHeaderItem(column)->text().simplified();
        };
        QCOMPARE(header(CompareTable::InService), QString("Peak in service"));
        QCOMPARE(header(CompareTable::Waiting), QString("Peak waiting"));
        QVERIFY(!t.horizontalHeaderItem(CompareTable::InService)->toolTip().isEmpty());
        QCOMPARE(t.item(0, CompareTable::InService)->text(), QString("1,000"));
        QCOMPARE(t.item(0, CompareTable::Waiting)->text(), QString("0"));
        QCOMPARE(t.item(1, CompareTable::InService)->text(), QString("10"));
        QCOMPARE(t.item(1, CompareTable::Waiting)->text(), QString("990"));
        QCOMPARE(t.item(2, CompareTable::InService)->text(), QString("—"));  // not measured
    }

    // Beside the peak, the time average over the measured ticks: an event loop's few hundred
    // waiting at an instant average about ten; a pool's 990 average 990. Warm-up ticks are left
    // out, as from every figure of the summary.
    void meanWaitingTellsAnInstantFromAQueue() {
        RunResult loop = run(Model::EventLoop, 1000, 348);
        RunResult pool = run(Model::GilThreads, 10, 990);
        for (int i = 0; i < 8; ++i) {
            MetricsSample m;
            m.t_s = 0.25 * (i + 1);
            m.warmup = i == 0;
            m.server_waiting = i == 0 ? 500.0 : (i % 2 ? 4.0 : 16.0);
            loop.series.push_back(m);
            m.server_waiting = 990;
            pool.series.push_back(m);
        }
        CompareTable t;
        t.show_results({loop, pool});
        QCOMPARE(t.horizontalHeaderItem(CompareTable::WaitingMean)->text(),
                 QString("Mean waiting"));
        QCOMPARE(t.item(0, CompareTable::Waiting)->text(), QString("348"));
        QCOMPARE(t.item(0, CompareTable::WaitingMean)->text(), QString("9.1"));  // 4,16,4,16,4,16,4
        QCOMPARE(t.item(1, CompareTable::WaitingMean)->text(), QString("990.0"));
    }

    // A run repeated: the median of the peaks with their spread, whole numbers still.
    void repeatedRunsShowWholeSpreads() {
        CompareTable t;
        t.show_sets({{run(Model::GilThreads, 10, 980), run(Model::GilThreads, 10, 990),
                      run(Model::GilThreads, 9, 1000)}});
        QCOMPARE(t.item(0, CompareTable::InService)->text().left(2), QString("10"));
        const QString waiting = t.item(0, CompareTable::Waiting)->text();
        QVERIFY2(waiting.startsWith("990") && !waiting.contains('.'), qPrintable(waiting));
    }
};

QTEST_MAIN(TstCompareTable)
#include "tst_compare_table.moc"
