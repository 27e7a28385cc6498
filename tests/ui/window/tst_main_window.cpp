// The real window, the real engine: sliders set with QTest, real servers and load behind it.
#include <QtTest>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QImageReader>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>

#include "charts/chart_panel.hpp"
#include "charts/time_series_chart.hpp"
#include "controls/control_panel.hpp"
#include "controls/labeled_slider.hpp"
#include "core/machine_limits.hpp"
#include "export/export_dialog.hpp"
#include "gui_test_support.hpp"
#include "window/app_settings.hpp"
#include "window/compare_table.hpp"
#include "window/experiment_runner.hpp"
#include "window/kept_run.hpp"
#include "window/main_window.hpp"
#include "window/preset_library.hpp"

#include <qcustomplot.h>

using namespace conclab;
using namespace conclab::ui;

namespace {

using conclab::test::screenshot_path;

double last_value(TimeSeriesChart* chart, int series) {
    auto data = chart->plot()->graph(series)->data();
    return data->isEmpty() ? -1 : (data->constEnd() - 1)->value;
}

void set_small_io_workload(ControlPanel* c) {
    c->model_box()->setCurrentIndex(c->model_box()->findData(int(Model::EventLoop)));
    c->connections()->spin_box()->setValue(10);
    c->cpu_ms()->slider()->setValue(0);
    c->io_ms()->spin_box()->setValue(10);
    c->duration()->spin_box()->setValue(0);
}

// The button a toolbar shows for an action: what a user clicks.
QToolButton* button_for(MainWindow& w, QAction* action) {
    return qobject_cast<QToolButton*>(w.tool_bar()->widgetForAction(action));
}

RunConfig default_config() {
    return ControlPanel().config();
}

}  // namespace

class TstMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        conclab::test::use_throwaway_settings("ConcurrencyLabTests");
        QVERIFY(qEnvironmentVariableIsSet("CONCLAB_WORKER"));
    }

    void firstFrameDrawsFullSizeChartsWithLegends() {
        QSettings().clear();
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.chart_panel()->idle());
        for (TimeSeriesChart* chart : w.chart_panel()->charts()) {
            chart->plot()->replot(QCustomPlot::rpImmediateRefresh);  // what is on screen now
            const QRect axes = chart->plot()->axisRect()->rect();
            QVERIFY2(axes.width() > chart->width() / 2,
                     qPrintable(QString("%1: axes %2 px wide of %3")
                                    .arg(chart->title())
                                    .arg(axes.width())
                                    .arg(chart->width())));
            QVERIFY2(axes.height() > chart->height() / 3,
                     qPrintable(QString("%1: axes %2 px high of %3")
                                    .arg(chart->title())
                                    .arg(axes.height())
                                    .arg(chart->height())));
            QVERIFY(chart->plot()->legend->itemCount() >= 1);
        }
        QCOMPARE(w.chart_panel()->connections_chart()->plot()->legend->itemCount(), 4);
        QVERIFY(w.grab().save(screenshot_path("main-window-first-frame.png")));
    }

    void firstWindowFollowsTheScreen() {
        QSettings().clear();  // first launch: no geometry saved
        MainWindow w;
        const QRect available = w.screen()->availableGeometry();
        const QRect expected = AppSettings::first_window_geometry(available, w.minimumSizeHint());
        QCOMPARE(w.geometry().size(), expected.size());
        QVERIFY(available.contains(w.geometry().center()));
        // Generous: at least 85 % of the screen in each direction, or the window's minimum.
        QVERIFY(w.width() >= std::min<int>(0.85 * available.width(), w.minimumSizeHint().width()));
        QVERIFY(w.height() >=
                std::min<int>(0.85 * available.height(), w.minimumSizeHint().height()));
    }

    void badSavedSettingsStartWithTheDefaultsAndSaySo_data() {
        QTest::addColumn<QString>("saved");
        QTest::newRow("garbage") << "\x01 this is not a scenario {";
        QTest::newRow("1e400") << R"({"name": "last settings", "duration_s": 1e400})";
        QTest::newRow("bad field") << R"({"name": "last settings", "connections": -5})";
    }
    void badSavedSettingsStartWithTheDefaultsAndSaySo() {
        QFETCH(QString, saved);
        QSettings().clear();
        QSettings().setValue("lastScenario", saved);
        QSettings().setValue("window/geometry", QByteArray("not a geometry"));
        MainWindow w;
        w.show();
        const RunConfig c = w.control_panel()->config();
        const RunConfig d = default_config();
        QCOMPARE(c.load.connections, d.load.connections);
        QCOMPARE(c.duration_s, d.duration_s);
        QCOMPARE(c.server.model, d.server.model);
        QVERIFY(!w.settings_note().isEmpty());
        QVERIFY(w.run_status()->banner()->isVisible());
        QVERIFY2(w.run_status()->banner()->text().contains("defaults"),
                 qPrintable(w.run_status()->banner()->text()));
        QVERIFY(w.width() > 0 && w.height() > 0);  // unusable geometry: sized as a first window
        QSettings().clear();
    }

    void toolbarStartsAndStopsWithClicks() {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        set_small_io_workload(w.control_panel());
        QToolButton* start = button_for(w, w.run_menu()->start_action());
        QVERIFY(start && start->isVisible());
        QVERIFY(w.rect().contains(start->mapTo(&w, start->rect().center())));
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.runner()->running(), 5000);
        QVERIFY(!w.chart_panel()->idle());
        QCOMPARE(w.run_menu()->start_action()->text().remove('&'), QString("Stop"));
        QVERIFY(!w.run_menu()->compare_action()->isEnabled());
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running(), 5000);
        QCOMPARE(w.run_menu()->start_action()->text().remove('&'), QString("Start"));
        QVERIFY(w.run_menu()->compare_action()->isEnabled());
        // The keyboard still works: Ctrl+R and Space are on the same action.
        QVERIFY(w.run_menu()->start_action()->shortcuts().contains(QKeySequence("Ctrl+R")));
        QVERIFY(w.run_menu()->start_action()->shortcuts().contains(QKeySequence(Qt::Key_Space)));
        QCOMPARE(w.run_menu()->compare_action()->shortcut(), QKeySequence("Ctrl+M"));
    }

    void toolbarCompareThenLogAxisAndFittedTable() {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        set_small_io_workload(w.control_panel());
        w.control_panel()->duration()->spin_box()->setValue(1);
        QTest::mouseClick(button_for(w, w.run_menu()->compare_action()), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running() && w.last_results().size() == 3, 30000);
        CompareTable* table = w.compare_table();
        QVERIFY(table->isVisible());
        // Every cell's text fits its column, and no column is stretched past its content.
        const QFontMetrics metrics(table->font());
        for (int column = 0; column < table->columnCount(); ++column) {
            for (int row = 0; row < table->rowCount(); ++row) {
                const QString text = table->item(row, column)->text();
                QVERIFY2(metrics.horizontalAdvance(text) < table->columnWidth(column),
                         qPrintable(text));
            }
        }
        QVERIFY(!table->horizontalHeader()->stretchLastSection());
        QVERIFY(table->height() >= table->rowCount() * table->rowHeight(0));

        // Log axis for requests/s: the box on the chart and View menu are one setting.
        TimeSeriesChart* rps = w.chart_panel()->rps_chart();
        QVERIFY(rps->log_toggle() && rps->log_toggle()->isVisible());
        QTest::mouseClick(rps->log_toggle(), Qt::LeftButton);
        QCOMPARE(rps->plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
        QVERIFY(w.view_menu()->log_rps_action()->isChecked());
        QVERIFY(rps->plot()->yAxis->range().lower > 0);
        w.view_menu()->log_rps_action()->trigger();  // off again from the menu
        QCOMPARE(rps->plot()->yAxis->scaleType(), QCPAxis::stLinear);
        QVERIFY(!rps->log_toggle()->isChecked());
        // The latency chart has its own.
        QTest::mouseClick(w.chart_panel()->latency_chart()->log_toggle(), Qt::LeftButton);
        QVERIFY(w.view_menu()->log_latency_action()->isChecked());
    }

    void toolbarExportOpensTheExportDialog() {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        bool seen = false;
        QTimer::singleShot(0, &w, [&] {
            auto* dialog = qobject_cast<ExportDialog*>(QApplication::activeModalWidget());
            seen = dialog != nullptr;
            if (dialog) dialog->reject();
        });
        QTest::mouseClick(button_for(w, w.file_menu()->export_charts_action()), Qt::LeftButton);
        QVERIFY(seen);
    }

    void toolbarPresetPickerLoadsAndRuns() {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QComboBox* box = w.preset_picker()->box();
        QVERIFY(box->isVisible());
        QCOMPARE(box->count(), static_cast<int>(load_presets().size()) + 1);
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Down);  // the first preset
        QCOMPARE(box->currentIndex(), 1);
        QVERIFY(w.chart_panel()->heading_title().startsWith("I/O-bound"));
        QTRY_VERIFY_WITH_TIMEOUT(w.runner()->running(), 5000);
        w.stop_run();
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running(), 5000);
    }

    // #12: every recipe preset is in the list beside the controls and in the Presets menu, and
    // its description stays on screen above the charts (not only in a tooltip) while it runs,
    // ahead of the line that says what runs.
    void recipePresetsAreListedAndTheirDescriptionShown() {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const auto presets = load_presets();
        auto* list = w.findChild<QListWidget*>();
        QVERIFY(list);
        QCOMPARE(list->count(), static_cast<int>(presets.size()));
        QMenu* menu = nullptr;
        for (QAction* a : w.menuBar()->actions()) {
            if (a->text().remove('&') == "Presets") menu = a->menu();
        }
        QVERIFY(menu);
        QStringList titles;
        for (QAction* a : menu->actions()) titles << a->text();
        const auto recipe = std::find_if(presets.begin(), presets.end(), [](const Scenario& p) {
            return p.name.starts_with("gunicorn gthread");
        });
        QVERIFY(recipe != presets.end());
        QVERIFY(titles.contains(QString::fromStdString(recipe->name)));
        QVERIFY(!recipe->compare.empty());
        const QString description = QString::fromStdString(recipe->description);
        w.apply_preset(*recipe, false);
        w.control_panel()->duration()->spin_box()->setValue(1);
        w.start_comparison(recipe->compare);
        QTRY_VERIFY_WITH_TIMEOUT(w.runner()->running(), 5000);
        // The preset's claim is the title; the shorter run than the preset's 8 s is named in it.
        QCOMPARE(w.chart_panel()->heading_title(),
                 QString::fromStdString(recipe->name) + " (changed: duration 8 → 1 s)");
        QVERIFY(w.chart_panel()->heading_subtitle().startsWith(description));
        QVERIFY2(w.chart_panel()->heading_subtitle().contains("threads (4)"),
                 qPrintable(w.chart_panel()->heading_subtitle()));
        bool shown = false;
        for (QLabel* label : w.chart_panel()->findChildren<QLabel*>()) {
            shown |= label->isVisible() && label->text().startsWith(description);
        }
        QVERIFY2(shown, "the description is visible text");
        // The explanation maps the recipes to the model and knobs that stand for them.
        const QString explanation = w.control_panel()->explanation()->text();
        QVERIFY(explanation.contains("gunicorn gthread"));
        QVERIFY(explanation.contains("the GIL never matters"));
        QVERIFY(explanation.contains("Node cluster"));
        w.control_panel()->explanation()->grab().save(screenshot_path("recipe_explanation.png"));
        QTest::qWait(200);  // the layout settles on the heading's new height
        w.grab().save(screenshot_path("recipe_preset_description.png"));
        w.stop_run();
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running(), 10000);
        w.close();
        QSettings().clear();  // the next window must not come back as this preset
    }

    // A preset runs as written, also in the fields the controls do not show (the slow-clients
    // presets: slow clients, scheduling, timeouts).
    void presetFieldsWithoutAControlAreKept() {
        MainWindow w;
        Scenario s;
        s.name = "slow";
        s.run.server.model = Model::ProcessPerCore;
        s.run.server.scheduling = Scheduling::Kernel;
        s.run.server.timeouts.worker_s = 2;
        s.run.load.slow_clients = 3;
        w.apply_preset(s, false);
        const RunConfig c = w.control_panel()->config();
        QCOMPARE(c.load.slow_clients, 3);
        QCOMPARE(c.server.scheduling, Scheduling::Kernel);
        QCOMPARE(c.server.timeouts.worker_s, 2.0);
        QCOMPARE(c.server.model, Model::ProcessPerCore);  // and the controls still apply
    }

    void clientOpenStaysVisibleUnderInService() {
        MainWindow w;
        TimeSeriesChart* chart = w.chart_panel()->connections_chart();
        QCPGraph* open = chart->graph(0);
        QCPGraph* in_service = chart->graph(1);
        QVERIFY(open->name().contains("client open"));
        QVERIFY(in_service->name().contains("in service"));
        // Drawn first (underneath), wider and pale: the line on top runs inside it.
        QVERIFY(open->pen().widthF() > 2 * in_service->pen().widthF());
        QVERIFY(open->pen().color().alpha() < 128);
        QVERIFY(!chart->note().isEmpty());
        w.chart_panel()->set_style(ChartStyle{false, true});  // presentation keeps the band
        QVERIFY(chart->graph(0)->pen().widthF() > 2 * chart->graph(1)->pen().widthF());
    }

    void versionIsPrintedWithoutADisplay() {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.remove("QT_QPA_PLATFORM");
        p.setProcessEnvironment(env);
        p.start(CONCLAB_GUI, {"--version"});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(CONCLAB_VERSION), qPrintable(out));
        QVERIFY(out.contains("Concurrency Lab"));
    }

    void controlsThatDoNotApplyAreDisabled() {
        MainWindow w;
        ControlPanel* c = w.control_panel();
        c->model_box()->setCurrentIndex(c->model_box()->findData(int(Model::EventLoop)));
        QVERIFY(!c->threads()->isEnabled());
        QVERIFY(!c->workers()->isEnabled());
        QVERIFY(!c->inner_box()->isEnabled());
        QCOMPARE(c->backlog()->value(), 511.0);
        c->model_box()->setCurrentIndex(c->model_box()->findData(int(Model::GilThreads)));
        QVERIFY(c->threads()->isEnabled());
        QVERIFY(c->switch_interval()->isEnabled());
        QCOMPARE(c->backlog()->value(), 128.0);
        QVERIFY(c->explanation()->text().contains("switch interval"));
        c->model_box()->setCurrentIndex(c->model_box()->findData(int(Model::ProcessPerCore)));
        QVERIFY(c->workers()->isEnabled());
        QVERIFY(c->inner_box()->isEnabled());
        QVERIFY(!c->threads()->isEnabled());  // inner event loop
        // The logarithmic connections slider reaches both ends.
        c->connections()->slider()->setValue(c->connections()->slider()->maximum());
        QCOMPARE(c->connections()->value(), double(max_connections()));  // the machine's limit
        c->connections()->slider()->setValue(0);
        QCOMPARE(c->connections()->value(), 1.0);
    }

    void liveRunDrawsChartsAndSlidersReachTheEngine() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ControlPanel* c = w.control_panel();
        set_small_io_workload(c);
        QTest::mouseClick(c->start_button(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(w.runner()->running(), 5000);
        ChartPanel* charts = w.chart_panel();
        QTRY_VERIFY_WITH_TIMEOUT(charts->rps_chart()->point_count(0) >= 6, 10000);
        QVERIFY(!c->model_box()->isEnabled());  // fixed during a run
        QVERIFY(c->connections()->isEnabled());

        // Move a slider during the run: the engine gets it within a tick, a marker appears.
        c->connections()->spin_box()->setValue(40);
        QTRY_COMPARE_WITH_TIMEOUT(w.runner()->last_snapshot().config.load.connections, 40, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(charts->rps_chart()->marker_count(), 1, 3000);
        QCOMPARE(charts->latency_chart()->marker_count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(last_value(charts->connections_chart(), 0), 40.0, 5000);
        // Every chart holds data: req/s, p50/p90/p99, client/in service/waiting, server/load CPU.
        for (TimeSeriesChart* chart : charts->charts()) {
            for (int s = 0; s < chart->series_count(); ++s) QVERIFY(chart->point_count(s) > 0);
        }
        QTest::qWait(600);
        QVERIFY(w.grab().save(screenshot_path("main-window-running.png")));

        QTest::mouseClick(c->start_button(), Qt::LeftButton);  // Stop
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running(), 5000);
        QCOMPARE(w.last_results().size(), std::size_t(1));
        QCOMPARE(w.last_results()[0].events.size(), std::size_t(1));
        QVERIFY(c->model_box()->isEnabled());

        // Export what is on screen.
        QTemporaryDir dir;
        ChartExportOptions o;
        for (const char* name : {"run.png", "run.svg", "run.pdf"}) {
            QVERIFY2(w.export_charts(dir.filePath(name), o), qPrintable(w.last_error()));
        }
        QCOMPARE(QImageReader(dir.filePath("run.png")).size(), QSize(3840, 2160));
        QVERIFY(QSvgRenderer(dir.filePath("run.svg")).isValid());
        QFile pdf(dir.filePath("run.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly) && pdf.readAll().contains("/Type /Page"));
        // Not silently over an existing file.
        QVERIFY(!w.export_charts(dir.filePath("run.png"), o));
        QVERIFY(w.last_error().contains("exists"));
        QVERIFY(w.export_data(dir.filePath("run.json"), false));
        QVERIFY(w.export_data(dir.filePath("run.csv"), false));
        QFile json(dir.filePath("run.json"));
        QVERIFY(json.open(QIODevice::ReadOnly) &&
                json.readAll().contains("\"server_in_service_max\""));
        for (QMessageBox* box : w.findChildren<QMessageBox*>()) box->close();
    }

    void compareRunsThreeModelsAndSummarises() {
        MainWindow w;
        w.show();
        ControlPanel* c = w.control_panel();
        set_small_io_workload(c);
        c->duration()->spin_box()->setValue(2);
        w.start_comparison({Model::EventLoop, Model::GilThreads, Model::ProcessPerCore});
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running() && w.last_results().size() == 3, 30000);
        QCOMPARE(w.chart_panel()->run_count(), 3);
        QCOMPARE(w.chart_panel()->rps_chart()->series_count(), 3);
        for (int s = 0; s < 3; ++s) QVERIFY(w.chart_panel()->rps_chart()->point_count(s) >= 6);
        QVERIFY(w.compare_table()->isVisible());
        QCOMPARE(w.compare_table()->rowCount(), 3);
        QVERIFY(w.compare_table()->item(1, 0)->text().contains("GIL"));
        QVERIFY(w.compare_table()->item(2, 0)->text().contains("process per core"));
        QVERIFY(w.chart_panel()->heading_title().contains(" vs "));
    }

    // The done-when picture: the I/O-bound preset, event loop vs 10 GIL threads.
    void ioBoundPresetComparisonExport() {
        MainWindow w;
        w.show();
        const auto presets = load_presets();
        QVERIFY(presets.size() >= 4);
        const Scenario& io = presets.front();
        QVERIFY(QString::fromStdString(io.name).startsWith("I/O-bound"));
        w.apply_preset(io, false);
        w.control_panel()->duration()->spin_box()->setValue(4);  // shorter than the preset's 8 s
        w.start_comparison(io.compare);
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running() && w.last_results().size() == 2, 40000);
        const auto& r = w.last_results();
        // Event loop >> 10 GIL threads (~100x on an idle machine; generous for a loaded one).
        QVERIFY2(r[0].summary.rps > 5 * r[1].summary.rps,
                 qPrintable(QString("%1 vs %2 req/s").arg(r[0].summary.rps).arg(r[1].summary.rps)));
        // The pool is saturated: ~10 in service on average (a time average, so a hair below 10).
        QVERIFY(*r[1].summary.server_in_service_max > 9 &&
                *r[1].summary.server_in_service_max <= 10.01);
        ChartExportOptions o;
        o.overwrite = true;
        QVERIFY(w.export_charts(screenshot_path("io-bound-comparison.png"), o));
        QVERIFY(w.grab().save(screenshot_path("main-window-comparison.png")));
    }

    void ghostRunIsDrawnBehindTheNextOne() {
        MainWindow w;
        w.show();
        ControlPanel* c = w.control_panel();
        set_small_io_workload(c);
        c->duration()->spin_box()->setValue(1);
        w.start_run();
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running() && w.last_results().size() == 1, 10000);
        w.kept_run()->keep();
        c->io_ms()->spin_box()->setValue(20);
        w.start_run();
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running() && w.last_results().size() == 1, 10000);
        QCOMPARE(w.chart_panel()->run_count(), 2);  // the ghost, then the new run
        QVERIFY(w.chart_panel()->rps_chart()->point_count(0) >= 4);
        QVERIFY(w.chart_panel()->rps_chart()->point_count(1) >= 4);
        QCOMPARE(w.compare_table()->rowCount(), 2);
        // Copy to clipboard gives a real picture.
        w.copy_chart_to_clipboard();
        QCOMPARE(QApplication::clipboard()->image().size(), QSize(1600, 900));
    }

    void lastSettingsAreRemembered() {
        {
            MainWindow w;
            w.show();
            w.control_panel()->connections()->spin_box()->setValue(321);
            w.control_panel()->io_ms()->spin_box()->setValue(7);
            w.close();
        }
        MainWindow again;
        QCOMPARE(again.control_panel()->config().load.connections, 321);
        QCOMPARE(again.control_panel()->config().server.workload.io_ms, 7.0);
    }

    void brokenScenarioSaysWhyAndChangesNothing() {
        MainWindow w;
        w.show();
        ControlPanel* c = w.control_panel();
        c->connections()->spin_box()->setValue(123);
        const RunConfig before = c->config();
        QTemporaryDir dir;
        QFile f(dir.filePath("broken.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"name": "broken", "connections": "many", "io_ms": 5})");
        f.close();
        QVERIFY(!w.open_scenario(f.fileName()));
        QVERIFY2(w.last_error().contains("\"connections\""), qPrintable(w.last_error()));
        QTRY_VERIFY(!w.findChildren<QMessageBox*>().isEmpty());
        QVERIFY(w.findChildren<QMessageBox*>().front()->text().contains("connections"));
        const RunConfig after = c->config();
        QCOMPARE(after.load.connections, before.load.connections);
        QCOMPARE(after.server.workload.io_ms, before.server.workload.io_ms);
        for (QMessageBox* box : w.findChildren<QMessageBox*>()) box->close();

        // A good file round-trips through save and open.
        QVERIFY(w.save_scenario(dir.filePath("good.json")));
        c->connections()->spin_box()->setValue(7);
        QVERIFY(w.open_scenario(dir.filePath("good.json")));
        QCOMPARE(c->config().load.connections, 123);
    }

    void startErrorIsShownAndNothingRuns() {
        MainWindow w;
        w.show();
        const QByteArray saved = qgetenv("CONCLAB_WORKER");
        qputenv("CONCLAB_WORKER", "/nonexistent/conclab-worker");
        w.start_run();
        qputenv("CONCLAB_WORKER", saved);
        QVERIFY(!w.runner()->running());
        QVERIFY2(w.last_error().contains("CONCLAB_WORKER"), qPrintable(w.last_error()));
        QTRY_VERIFY(!w.findChildren<QMessageBox*>().isEmpty());
        QCOMPARE(w.control_panel()->start_button()->text(), QString("Start"));
        for (QMessageBox* box : w.findChildren<QMessageBox*>()) box->close();
    }
};

QTEST_MAIN(TstMainWindow)
#include "tst_main_window.moc"
