// The load shapes in the real window: an open-loop run (rate, max connections, both p99s, the
// coordinated-omission box with the run's own figures) and a stage plan drawn as a dashed target
// line that a hand on the slider takes over from. Real servers and load behind the window.
#include <QtTest>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStandardPaths>

#include "charts/chart_panel.hpp"
#include "charts/coordinated_omission_box.hpp"
#include "charts/time_series_chart.hpp"
#include "controls/control_panel.hpp"
#include "controls/labeled_slider.hpp"
#include "controls/load_plan_edit.hpp"
#include "gui_test_support.hpp"
#include "window/experiment_runner.hpp"
#include "window/main_window.hpp"

#include <qcustomplot.h>

using namespace conclab;
using namespace conclab::ui;

namespace {

using conclab::test::screenshot_path;

int series_named(TimeSeriesChart* chart, const QString& part) {
    for (int i = 0; i < chart->series_count(); ++i) {
        if (chart->graph(i)->name().contains(part)) return i;
    }
    return -1;
}

bool has_event(const Snapshot& s, const std::string& knob) {
    return std::any_of(s.events.begin(), s.events.end(),
                       [&](const AdjustEvent& e) { return e.knob == knob; });
}

void pick(QComboBox* box, int index) {
    // As a user does with the keyboard: focus the box and step to the item.
    box->setFocus();
    while (box->currentIndex() < index) QTest::keyClick(box, Qt::Key_Down);
    while (box->currentIndex() > index) QTest::keyClick(box, Qt::Key_Up);
}

}  // namespace

class TstLoadShapes : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        conclab::test::use_throwaway_settings("ConcurrencyLabTests");
        QVERIFY(qEnvironmentVariableIsSet("CONCLAB_WORKER"));
    }

    void openLoopShowsBothP99sAndExplainsCoordinatedOmission() {
        MainWindow w;
        w.resize(1400, 950);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ControlPanel* c = w.control_panel();
        c->model_box()->setCurrentIndex(c->model_box()->findData(int(Model::EventLoop)));
        QVERIFY(c->connections()->isVisible() && !c->rate()->isVisible());
        pick(c->load_shape_box(), 1);  // Open loop (rate)
        QVERIFY(!c->connections()->isVisible());
        QVERIFY(c->rate()->isVisible() && c->max_connections()->isVisible());
        QVERIFY(c->config().load.rate > 0);
        // Above capacity: 5 ms of CPU per request on one loop is at most 200 req/s.
        c->cpu_ms()->spin_box()->setValue(5);
        c->io_ms()->spin_box()->setValue(0);
        c->rate()->spin_box()->setValue(350);
        c->max_connections()->spin_box()->setValue(10);
        c->duration()->spin_box()->setValue(0);
        QCOMPARE(c->config().load.rate, 350.0);
        QCOMPARE(c->config().load.max_connections, 10);
        QTest::mouseClick(c->start_button(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.runner()->running(), 5000);
        QVERIFY(!c->load_shape_box()->isEnabled());
        QVERIFY(c->rate()->isEnabled());  // live, like connections

        TimeSeriesChart* latency = w.chart_panel()->latency_chart();
        const int uncorrected = series_named(latency, "uncorrected");
        QVERIFY(uncorrected >= 0);
        const int corrected = series_named(latency, "p99");
        QVERIFY(corrected >= 0 && corrected != uncorrected);
        QTRY_VERIFY_WITH_TIMEOUT(latency->point_count(uncorrected) >= 12, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(w.runner()->last_snapshot().summary.late > 0, 10000);
        QTest::qWait(1500);
        // The rate slider reaches the engine during the run, with a marker.
        c->rate()->spin_box()->setValue(120);
        QTRY_COMPARE_WITH_TIMEOUT(w.runner()->last_snapshot().config.load.rate, 120.0, 3000);
        QTRY_VERIFY_WITH_TIMEOUT(w.chart_panel()->rps_chart()->marker_count() >= 1, 3000);

        // The box tells the run's own story with its numbers.
        CoordinatedOmissionBox* box = w.chart_panel()->omission_box();
        QVERIFY(box->isVisible());
        const Summary& s = w.runner()->last_snapshot().summary;
        QVERIFY(s.latency && s.latency_uncorrected);
        // Over capacity the requests queue for a connection: measured from when they were
        // due, the p99 is well above the one from when they were sent (generous bound).
        QVERIFY2(
            s.latency->p99_ms >= 2 * s.latency_uncorrected->p99_ms,
            qPrintable(
                QString("%1 vs %2").arg(s.latency->p99_ms).arg(s.latency_uncorrected->p99_ms)));
        QVERIFY(box->text().contains("measured from when requests were due"));
        QVERIFY(box->text().contains(QString("<b>%1</b>").arg(s.late)));
        QCOMPARE(box->text(),
                 coordinated_omission_text(s, 120, c->config().load.request_timeout_s));
        QVERIFY(w.grab().save(screenshot_path("open-loop-coordinated-omission.png")));

        QTest::mouseClick(c->start_button(), Qt::LeftButton);  // Stop
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running(), 5000);
        QVERIFY(c->load_shape_box()->isEnabled());
        // Back to a closed loop: the connections slider returns, the rate is off.
        pick(c->load_shape_box(), 0);
        QVERIFY(c->connections()->isVisible() && !c->rate()->isVisible());
        QCOMPARE(c->config().load.rate, 0.0);
    }

    void stagePlanIsADashedTargetLineAndASliderTakesOver() {
        MainWindow w;
        w.resize(1400, 950);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ControlPanel* c = w.control_panel();
        pick(c->load_shape_box(), 0);
        c->model_box()->setCurrentIndex(c->model_box()->findData(int(Model::EventLoop)));
        c->connections()->spin_box()->setValue(4);
        c->cpu_ms()->spin_box()->setValue(0);
        c->io_ms()->spin_box()->setValue(10);
        c->duration()->spin_box()->setValue(0);
        QLineEdit* edit = c->plan_edit()->line_edit();
        // Bad input: a clear error, no plan.
        QTest::keyClicks(edit, "3s:10,oops");
        QVERIFY(c->plan_edit()->error_label()->isVisible());
        QVERIFY2(c->plan_edit()->error().contains("stage 2"), qPrintable(c->plan_edit()->error()));
        QVERIFY(c->config().stages.empty());
        edit->clear();
        QTest::keyClicks(edit, "3s:20,4s:20,3s:8");
        QVERIFY(!c->plan_edit()->error_label()->isVisible());
        QCOMPARE(c->config().stages.size(), std::size_t(3));

        QTest::mouseClick(c->start_button(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.runner()->running(), 5000);
        TimeSeriesChart* conns = w.chart_panel()->connections_chart();
        const int plan = series_named(conns, "planned connections");
        QVERIFY(plan >= 0);
        QCOMPARE(conns->graph(plan)->pen().style(), Qt::DashLine);
        auto data = conns->graph(plan)->data();
        QCOMPARE(data->size(), 4);
        const double t[] = {0, 3, 7, 10}, v[] = {4, 20, 20, 8};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE((data->constBegin() + i)->key, t[i]);
            QCOMPARE((data->constBegin() + i)->value, v[i]);
        }
        // The plan drives the connections: up towards 20 in the first stage.
        QTRY_VERIFY_WITH_TIMEOUT(w.runner()->last_snapshot().config.load.connections >= 12, 8000);
        QVERIFY(w.grab().save(screenshot_path("stage-plan.png")));
        // A hand on the slider takes over: the plan stops, a marker says so.
        c->connections()->spin_box()->setValue(30);
        QTRY_VERIFY_WITH_TIMEOUT(has_event(w.runner()->last_snapshot(), "plan"), 3000);
        QTRY_COMPARE_WITH_TIMEOUT(w.runner()->last_snapshot().config.load.connections, 30, 3000);
        QTRY_VERIFY_WITH_TIMEOUT(conns->marker_count() >= 2, 3000);
        // The dashed line ends where the hand took over.
        const double taken_at = [&] {
            for (const AdjustEvent& e : w.runner()->last_snapshot().events) {
                if (e.knob == "plan") return e.t_s;
            }
            return -1.0;
        }();
        QVERIFY(taken_at > 0 && taken_at < 10);
        QCOMPARE((conns->graph(plan)->data()->constEnd() - 1)->key, taken_at);
        // The plan would hold 20 here, then ramp to 8: the hand's value holds instead.
        QTest::qWait(1500);
        QCOMPARE(w.runner()->last_snapshot().config.load.connections, 30);
        QVERIFY(w.grab().save(screenshot_path("stage-plan-taken-over.png")));
        QTest::mouseClick(c->start_button(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running(), 5000);
    }
};

QTEST_MAIN(TstLoadShapes)
#include "tst_load_shapes.moc"
