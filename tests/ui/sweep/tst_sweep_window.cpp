// The Sweep mode with real clicks: opened from the main window's toolbar, a small sweep of three
// models run through the engine, points arriving live, the USL fit shown once there are six.
#include <QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QToolBar>
#include <QToolButton>
#include <QXmlStreamReader>

#include "controls/control_panel.hpp"
#include "controls/labeled_slider.hpp"
#include "export/chart_exporter.hpp"
#include "gui_test_support.hpp"
#include "pdf_text.hpp"
#include "result_text.hpp"
#include "sweep/sweep_chart.hpp"
#include "sweep/sweep_window.hpp"
#include "window/main_window.hpp"

#include <qcustomplot.h>

using namespace conclab;
using namespace conclab::ui;
using conclab::test::succeeded;

namespace {

using conclab::test::screenshot_path;

QAction* action_named(QWidget& w, const QString& name) {
    for (QAction* a : w.findChildren<QAction*>()) {
        if (a->objectName() == name) return a;
    }
    return nullptr;
}

}  // namespace

class TstSweepWindow : public QObject {
    Q_OBJECT
private slots:
    // `sweep --chart x.pdf` and the window's Export: a 16:9 slide with text sized for it (the
    // PDF writer's 1200 dpi made the title ~475 pt), and a name with markup stays text in SVG.
    void sweepChartExportsAreSlides() {
        std::vector<SweepResult> sweeps(2);
        sweeps[1].base.server.model = Model::GilThreads;
        for (SweepResult& s : sweeps) {
            s.step_s = 3;
            s.warmup_s = 1;
            const bool loop = s.base.server.model == Model::EventLoop;
            for (int n : {1, 2, 4, 8, 16, 32, 64}) {
                SweepPoint p;
                p.connections = n;
                p.rps = usl_throughput(loop ? 900 : 190, loop ? 0.02 : 0.9, 0.0001, n);
                p.mean_ms = 1000.0 * n / p.rps;
                s.points.push_back(p);
            }
        }
        QTemporaryDir dir;
        QString error;
        const QString pdf = dir.filePath("sweep.pdf");
        QVERIFY2(succeeded(export_sweeps(sweeps, pdf, false), error), qPrintable(error));
        QFile::remove(screenshot_path("sweep-export.pdf"));
        QFile::copy(pdf, screenshot_path("sweep-export.pdf"));  // to look at
        conclab::test::check_slide_pdf(pdf,
                                       "Concurrency sweep: " + model_label(sweeps[0].base) +
                                           " vs " + model_label(sweeps[1].base),
                                       18);
        SweepChart chart;
        chart.add_model("p99 < 5 ms & <script>x</script>");
        chart.set_heading("p99 < 5 ms & <script>x</script>", "a & b");
        const QString svg = dir.filePath("sweep.svg");
        QVERIFY2(succeeded(export_sweep_chart(chart, svg, false), error), qPrintable(error));
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&f);
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement) QVERIFY(xml.name() != u"script");
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    }

    // A sweep of idle connections has no X(N) to fit: its slide is the cost chart, each model's
    // memory per connection in the subtitle, not "no fit yet: it needs 6 points".
    void idleSweepExportsTheCost() {
        std::vector<SweepResult> sweeps(2);
        sweeps[1].base.server.model = Model::GilThreads;
        sweeps[1].base.server.threads = 0;
        for (SweepResult& s : sweeps) {
            s.idle = true;
            s.step_s = 3;
            s.warmup_s = 20;
            const bool loop = s.base.server.model == Model::EventLoop;
            for (int n : {1000, 5000, 10000}) {
                SweepPoint p;
                p.connections = n;
                p.server_connections = n + 10;
                p.rss_mb = 4 + (loop ? 5.4 : 18.4) * (n + 10) / 1024.0;
                p.threads = loop ? 3 : n + 13;
                p.rps = 30000;
                s.points.push_back(p);
            }
        }
        QTemporaryDir dir;
        QString error;
        const QString pdf = dir.filePath("cost.pdf");
        QVERIFY2(succeeded(export_sweeps(sweeps, pdf, false), error), qPrintable(error));
        QFile::remove(screenshot_path("sweep-cost-export.pdf"));
        QFile::copy(pdf, screenshot_path("sweep-cost-export.pdf"));  // to look at
        conclab::test::check_slide_pdf(pdf,
                                       "What a connection costs: " + model_label(sweeps[0].base) +
                                           " vs " + model_label(sweeps[1].base),
                                       18);
        const QString text = conclab::test::pdf_layout_pages(pdf, &error).join("\n");
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(text.contains("5.4 KiB per connection"), qPrintable(text));
        QVERIFY2(text.contains("18.4 KiB per connection"), qPrintable(text));
        QVERIFY2(text.contains("Cost: server memory and threads"), qPrintable(text));
        QVERIFY2(!text.contains("no fit yet"), qPrintable(text));
    }

    void initTestCase() {
        conclab::test::use_throwaway_settings("ConcurrencyLabTests");
        QVERIFY(qEnvironmentVariableIsSet("CONCLAB_WORKER"));
    }

    void badInputIsRefusedWithTheReason() {
        SweepWindow s;
        s.show();
        QVERIFY(QTest::qWaitForWindowExposed(&s));
        s.connections_edit()->clear();
        QTest::keyClicks(s.connections_edit(), "1,2,x");
        QTest::mouseClick(s.run_button(), Qt::LeftButton);
        QVERIFY(!s.running());
        QVERIFY2(s.error_label()->text().contains("x"), qPrintable(s.error_label()->text()));
        for (QCheckBox* b : s.model_boxes()) b->setChecked(false);
        s.connections_edit()->setText("1,2");
        QTest::mouseClick(s.run_button(), Qt::LeftButton);
        QVERIFY(!s.running());
        QVERIFY(s.error_label()->text().contains("model"));
    }

    void presetSweepFillsTheControls() {
        SweepWindow s;
        QVERIFY(s.preset_box()->count() >= 3);  // the main window's workload + the presets
        s.preset_box()->setCurrentIndex(1);
        emit s.preset_box()->activated(1);
        int ticked = 0;
        for (QCheckBox* b : s.model_boxes()) ticked += b->isChecked() ? 1 : 0;
        QCOMPARE(ticked, 3);
        QVERIFY(s.connections_edit()->text().startsWith("1,2,4"));
    }

    void sweepScenarioFileIsReadOrRefused() {
        SweepWindow s;
        QTemporaryDir dir;
        auto write = [&](const char* name, const char* text) {
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::WriteOnly)) return QString();
            f.write(text);
            return f.fileName();
        };
        QVERIFY(s.open_scenario_file(write("ok.json", R"({"name":"s","io_ms":7,"sweep":{
            "models":["gil-threads"],"connections":[1,3,9],"step_duration":1.5,"warmup":0.25}})")));
        QCOMPARE(s.connections_edit()->text(), QString("1,3,9"));
        QCOMPARE(s.step_box()->value(), 1.5);
        QCOMPARE(s.warmup_box()->value(), 0.25);
        QVERIFY(!s.model_boxes()[0]->isChecked() && s.model_boxes()[1]->isChecked());
        QVERIFY(!s.open_scenario_file(write("none.json", R"({"name":"no sweep"})")));
        QVERIFY(s.error_label()->text().contains("no \"sweep\" section") ||
                s.error_label()->text().contains("no &quot;sweep&quot; section"));
        QVERIFY(!s.open_scenario_file(
            write("bad.json", R"({"name":"b","sweep":{"connections":[0]}})")));
        QVERIFY(s.error_label()->text().contains("got 0"));
        QCOMPARE(s.connections_edit()->text(), QString("1,3,9"));  // nothing changed
    }

    void threeModelsSweptLiveWithAFit() {
        MainWindow w;
        w.resize(1700, 900);  // the toolbar shows every action, none in its overflow menu
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ControlPanel* c = w.control_panel();
        c->cpu_ms()->spin_box()->setValue(0);
        c->io_ms()->spin_box()->setValue(10);
        c->threads()->spin_box()->setValue(4);
        QAction* action = action_named(w, "sweepAction");
        QVERIFY(action);
        auto* button = qobject_cast<QToolButton*>(w.tool_bar()->widgetForAction(action));
        QVERIFY(button && button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        SweepWindow* s = w.findChild<SweepWindow*>();
        QVERIFY(s && s->isVisible());
        s->resize(1500, 950);
        for (QCheckBox* b : s->model_boxes()) {
            if (!b->isChecked()) QTest::mouseClick(b, Qt::LeftButton, {}, QPoint(5, 5));
        }
        for (QCheckBox* b : s->model_boxes()) QVERIFY(b->isChecked());
        s->connections_edit()->clear();
        QTest::keyClicks(s->connections_edit(), "1,2,4,8,16,32");
        s->step_box()->setValue(0.8);
        s->warmup_box()->setValue(0.2);
        QTest::mouseClick(s->run_button(), Qt::LeftButton);
        QVERIFY(s->running());
        QVERIFY(s->stop_button()->isEnabled() && !s->run_button()->isEnabled());
        // Points arrive live: the first model's third point, no fit yet, and it says why.
        QTRY_VERIFY_WITH_TIMEOUT(s->points().at(0).size() >= 3, 30000);
        if (s->points().at(0).size() < 6) {
            QVERIFY2(s->fit_label()->text().contains("no fit yet"),
                     qPrintable(s->fit_label()->text()));
        }
        QVERIFY(s->table()->rowCount() >= 3);
        // The first model's fit once its six points are in.
        QTRY_COMPARE_WITH_TIMEOUT(s->points().at(0).size(), std::size_t(6), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(s->fit_label()->text().contains("σ ="), 2000);
        SweepChart* chart = s->chart();
        const SweepChart::Graphs g = chart->graphs(0);
        QCOMPARE(chart->throughput_plot()->graph(g.measured)->dataCount(), 6);
        QVERIFY(chart->throughput_plot()->graph(g.fit)->dataCount() > 50);
        QVERIFY(chart->throughput_plot()->graph(g.amdahl)->dataCount() > 50);
        QVERIFY(chart->latency_plot()->graph(g.latency_fit)->dataCount() > 50);
        // The event loop with 10 ms of I/O scales: X(32) well above X(1) (generous bound).
        const auto& el = s->points().at(0);
        QVERIFY2(el.back().rps > 5 * el.front().rps,
                 qPrintable(QString("%1 vs %2").arg(el.back().rps).arg(el.front().rps)));
        // All three, overlaid.
        QTRY_VERIFY_WITH_TIMEOUT(!s->running(), 120000);
        for (std::size_t m = 0; m < 3; ++m) QCOMPARE(s->points().at(m).size(), std::size_t(6));
        QCOMPARE(chart->model_count(), 3);
        QCOMPARE(s->table()->rowCount(), 18);
        QCOMPARE(s->fit_label()->text().count("σ ="), 3);
        // 4 GIL threads with 10 ms I/O stop near 4 / 10 ms = 400 req/s; the loop goes past it.
        const auto& gil = s->points().at(1);
        QVERIFY2(el.back().rps > 1.5 * gil.back().rps,
                 qPrintable(QString("%1 vs %2").arg(el.back().rps).arg(gil.back().rps)));
        QTest::qWait(300);
        QVERIFY(s->grab().save(screenshot_path("sweep-three-models.png")));
        QTemporaryDir dir;
        QString error;
        QVERIFY2(succeeded(export_sweep_chart(*chart, dir.filePath("s.png"), false), error),
                 qPrintable(error));
        QVERIFY(QImage(dir.filePath("s.png")).width() >= 1920);

        // Stop: a new sweep ends at once, the point in progress dropped.
        QTest::mouseClick(s->run_button(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(s->points().at(0).size() >= 1, 20000);
        QTest::mouseClick(s->stop_button(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!s->running(), 10000);
        QVERIFY(s->points().at(0).size() < 6);
        QVERIFY(s->points().at(1).empty());
    }
};

QTEST_MAIN(TstSweepWindow)
#include "tst_sweep_window.moc"
