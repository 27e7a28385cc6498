// The Cost chart with real runs: the Sweep window set to a small sweep of idle connections
// (event loop vs a thread per connection, as the "What a connection costs" preset), run through
// the engine; the chart's thread curve follows the connections for a thread per connection and
// stays flat for the event loop, and memory grows with connections for both.
#include <QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPushButton>

#include "gui_test_support.hpp"
#include "sweep/cost_chart.hpp"
#include "sweep/sweep_window.hpp"

#include <qcustomplot.h>

using namespace conclab;
using namespace conclab::ui;

namespace {

std::vector<double> values(QCPGraph* graph) {
    std::vector<double> out;
    for (const QCPGraphData& d : *graph->data()) out.push_back(d.value);
    return out;
}

}  // namespace

class TstCostChart : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        conclab::test::use_throwaway_settings("ConcurrencyLabTests");
        QVERIFY(qEnvironmentVariableIsSet("CONCLAB_WORKER"));
    }

    void presetIsAnIdleSweep() {
        SweepWindow s;
        bool found = false;
        for (int i = 0; i < s.preset_box()->count(); ++i) {
            if (!s.preset_box()->itemText(i).startsWith("What a connection costs")) continue;
            s.preset_box()->setCurrentIndex(i);
            emit s.preset_box()->activated(i);
            found = true;
        }
        QVERIFY(found);
        QVERIFY(s.idle_box()->isChecked());
        QCOMPARE(s.connections_edit()->text(), QString("1000,5000,10000"));
    }

    void threadsFollowConnectionsOnlyForAThreadPerConnection() {
        SweepWindow s;
        RunConfig base;
        base.server.threads = 0;  // gil-threads: one thread per connection
        base.load.connections = 1;
        s.set_base(base);
        s.resize(1400, 1000);
        s.show();
        QVERIFY(QTest::qWaitForWindowExposed(&s));
        const std::vector<bool> ticked{true, true, false};  // event loop, GIL threads
        for (std::size_t i = 0; i < ticked.size(); ++i) s.model_boxes()[i]->setChecked(ticked[i]);
        s.connections_edit()->setText("100,300,600");
        s.idle_box()->setChecked(true);
        s.step_box()->setValue(1);
        s.warmup_box()->setValue(0);
        QSignalSpy finished(&s, &SweepWindow::finished);
        QTest::mouseClick(s.run_button(), Qt::LeftButton);
        QVERIFY(s.running());
        QVERIFY(finished.wait(90000));
        QCOMPARE(finished.first().first().toBool(), false);

        CostChart* chart = s.cost_chart();
        const auto loop_threads = values(chart->plot()->graph(chart->graphs(0).threads));
        const auto gil_threads = values(chart->plot()->graph(chart->graphs(1).threads));
        const auto loop_memory = values(chart->plot()->graph(chart->graphs(0).memory));
        const auto gil_memory = values(chart->plot()->graph(chart->graphs(1).memory));
        QCOMPARE(loop_threads.size(), std::size_t(3));
        QCOMPARE(gil_threads.size(), std::size_t(3));
        QCOMPARE(loop_threads.front(), loop_threads.back());              // flat
        QVERIFY(gil_threads.back() >= 600 && gil_threads.front() < 200);  // one per connection
        QVERIFY(gil_memory.back() > gil_memory.front());
        QVERIFY(loop_memory.back() > loop_memory.front());
        QVERIFY(
            chart->plot()->graph(chart->graphs(1).memory)->name().contains("KiB per connection"));
        QVERIFY(chart->grab().save(conclab::test::screenshot_path("cost-chart.png")));
        QVERIFY(s.grab().save(conclab::test::screenshot_path("sweep-window-cost.png")));
    }
};

QTEST_MAIN(TstCostChart)
#include "tst_cost_chart.moc"
