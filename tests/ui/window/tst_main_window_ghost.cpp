// Truth on screen, on the real window with real runs: the ghost is a state with a check mark
// and Clear, labelled as the kept run and never the baseline, cleared (with Undo) by another
// preset or model; the heading says when a knob has left the preset's settings; a new comparison
// starts with an empty table that grows as runs finish; one colour per run everywhere.
#include <QtTest>

#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>

#include "charts/chart_panel.hpp"
#include "charts/chart_style.hpp"
#include "charts/time_series_chart.hpp"
#include "controls/control_panel.hpp"
#include "controls/labeled_slider.hpp"
#include "gui_test_support.hpp"
#include "window/compare_table.hpp"
#include "window/diagnosis_bar.hpp"
#include "window/experiment_runner.hpp"
#include "window/kept_run.hpp"
#include "window/main_window.hpp"
#include "window/preset_library.hpp"

#include <qcustomplot.h>

using namespace conclab;
using namespace conclab::ui;

namespace {

void set_small_io_workload(ControlPanel* c, double seconds) {
    c->model_box()->setCurrentIndex(c->model_box()->findData(int(Model::EventLoop)));
    c->connections()->spin_box()->setValue(10);
    c->cpu_ms()->slider()->setValue(0);
    c->io_ms()->spin_box()->setValue(10);
    c->duration()->spin_box()->setValue(seconds);
}

bool run_once(MainWindow& w) {
    w.start_run();
    return QTest::qWaitFor([&] { return !w.runner()->running() && w.last_results().size() == 1; },
                           15000);
}

}  // namespace

class TstMainWindowGhost : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        conclab::test::use_throwaway_settings("ConcurrencyLabGhostTests");
        QVERIFY(qEnvironmentVariableIsSet("CONCLAB_WORKER"));
    }

    void ghostIsAStateThatTogglesAndClears() {
        MainWindow w;
        w.show();
        QAction* keep = w.kept_run()->keep_action();
        QVERIFY(keep->isCheckable());
        QCOMPARE(keep->shortcut(), QKeySequence("Ctrl+G"));
        // Nothing to keep yet: it says so and stays unchecked.
        keep->trigger();
        QVERIFY(!keep->isChecked());
        QVERIFY(!w.kept_run()->kept());
        QVERIFY(w.statusBar()->currentMessage().contains("No finished run"));

        set_small_io_workload(w.control_panel(), 1);
        QVERIFY(run_once(w));
        keep->trigger();
        QVERIFY(keep->isChecked());
        QVERIFY(w.kept_run()->kept());
        QVERIFY(w.kept_run()->clear_action()->isEnabled());
        keep->trigger();  // Ctrl+G again: off, not a second ghost
        QVERIFY(!keep->isChecked());
        QVERIFY(!w.kept_run()->kept());
        QVERIFY(!w.kept_run()->clear_action()->isEnabled());
        keep->trigger();
        QVERIFY(w.kept_run()->kept());
        w.kept_run()->clear_action()->trigger();
        QVERIFY(!w.kept_run()->kept());
        QVERIFY(!keep->isChecked());
    }

    // The ghost lives in the Run menu: the toolbar keeps every action in view at 1280 px (none
    // pushed into the overflow menu).
    void toolbarStillFitsA1280PixelWindow() {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QToolBar* bar = w.tool_bar();
        for (QAction* a : bar->actions()) {
            if (a->isSeparator()) continue;
            QWidget* shown = bar->widgetForAction(a);
            QVERIFY2(shown && shown->isVisible(), qPrintable(a->text()));
            QVERIFY2(bar->rect().contains(shown->geometry()), qPrintable(a->text()));
        }
    }

    // The kept run is drawn faded under the next run, is the table's last row ("kept run: …"),
    // and the ratios are against the run on screen, which says whom they are against.
    void ghostIsAKeptRowNeverTheBaseline() {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        ControlPanel* c = w.control_panel();
        set_small_io_workload(c, 1);
        c->io_ms()->spin_box()->setValue(40);
        QVERIFY(run_once(w));
        w.kept_run()->keep_action()->trigger();
        c->io_ms()->spin_box()->setValue(10);
        w.start_comparison({Model::EventLoop, Model::GilThreads});
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running() && w.last_results().size() == 2, 30000);

        CompareTable* t = w.compare_table();
        QCOMPARE(t->rowCount(), 3);
        QCOMPARE(t->kept_row(), 2);
        QCOMPARE(t->item(0, CompareTable::VsFirst)->text(), QString("baseline"));
        QVERIFY(t->item(0, CompareTable::Run)->text().startsWith("event loop"));
        QVERIFY2(t->item(2, CompareTable::Run)->text().startsWith("kept run: event loop"),
                 qPrintable(t->item(2, CompareTable::Run)->text()));
        QVERIFY2(t->item(2, CompareTable::VsFirst)->text().endsWith("× event loop"),
                 qPrintable(t->item(2, CompareTable::VsFirst)->text()));
        QVERIFY(t->item(2, CompareTable::Run)->toolTip().contains("40 ms I/O"));
        // One colour per run: the table's rows are coloured as the runs' lines (the ghost is
        // series 0, drawn first and faded; run i is series i + 1).
        TimeSeriesChart* rps = w.chart_panel()->rps_chart();
        QCOMPARE(rps->series_count(), 3);
        for (int row = 0; row < 3; ++row) {
            const int series = row == t->kept_row() ? 0 : row + 1;
            QCOMPARE(t->item(row, CompareTable::Run)->foreground().color().rgb(),
                     rps->graph(series)->pen().color().rgb());
        }
        // The legend calls it "kept"; the heading says which run that was.
        QCOMPARE(rps->graph(0)->name(), QString("kept"));
        QVERIFY2(w.chart_panel()->heading_subtitle().contains("Faded: kept run, event loop"),
                 qPrintable(w.chart_panel()->heading_subtitle()));
        QVERIFY(w.chart_panel()->heading_subtitle().contains("40 ms I/O"));
        QVERIFY(w.grab().save(conclab::test::screenshot_path("ghost-comparison-1280x800.png")));
    }

    void anotherPresetOrModelClearsTheGhostWithUndo() {
        MainWindow w;
        w.show();
        set_small_io_workload(w.control_panel(), 1);
        QVERIFY(run_once(w));
        w.kept_run()->keep();
        QVERIFY(w.kept_run()->kept());
        const auto presets = load_presets();
        QVERIFY(presets.size() >= 2);
        w.apply_preset(presets[1], false);
        QVERIFY(!w.kept_run()->kept());
        QVERIFY(!w.kept_run()->keep_action()->isChecked());
        QVERIFY2(w.statusBar()->currentMessage().contains("Ghost cleared (another preset)"),
                 qPrintable(w.statusBar()->currentMessage()));
        QVERIFY(w.kept_run()->undo_button()->isVisible());
        QTest::mouseClick(w.kept_run()->undo_button(), Qt::LeftButton);
        QVERIFY(w.kept_run()->kept());
        QVERIFY(w.kept_run()->keep_action()->isChecked());
        QVERIFY(!w.kept_run()->undo_button()->isVisible());

        // Another model by hand: the same.
        QComboBox* model = w.control_panel()->model_box();
        QCOMPARE(w.kept_run()->kept()->config.server.model, Model::EventLoop);
        model->setCurrentIndex(model->findData(int(Model::ProcessPerCore)));
        QVERIFY(!w.kept_run()->kept());
        QVERIFY(w.statusBar()->currentMessage().contains("another model"));
        QVERIFY(w.kept_run()->undo_button()->isVisible());
        // Undo goes with its message.
        w.statusBar()->showMessage("something else");
        QVERIFY(!w.kept_run()->undo_button()->isVisible());
    }

    // A preset loaded as it is claims no change: the controls hold every preset's settings
    // exactly (a control that rounded one would put a false "(changed: …)" in the title).
    void presetsLoadedAsTheyAreClaimNoChange() {
        MainWindow w;
        w.show();
        for (const Scenario& p : load_presets()) {
            w.apply_preset(p, false);
            QCOMPARE(w.chart_panel()->heading_title(), QString::fromStdString(p.name));
            QVERIFY(w.chart_panel()->heading_subtitle().contains(
                QString::fromStdString(p.description)));
        }
    }

    // #16, stale words: the preset's title said 1,000 connections after the knob was at 120.
    void knobMovedDuringARunIsInTheTitle() {
        MainWindow w;
        w.show();
        const Scenario io = load_presets().front();
        QCOMPARE(io.run.load.connections, 1000);
        w.apply_preset(io, false);
        QCOMPARE(w.chart_panel()->heading_title(), QString::fromStdString(io.name));
        ControlPanel* c = w.control_panel();
        c->model_box()->setCurrentIndex(c->model_box()->findData(int(Model::EventLoop)));
        c->duration()->spin_box()->setValue(0);  // until stopped
        w.start_run();
        QTRY_VERIFY_WITH_TIMEOUT(w.runner()->running(), 5000);
        QVERIFY2(w.chart_panel()->heading_title().contains("duration 8 → 0 s"),
                 qPrintable(w.chart_panel()->heading_title()));
        QVERIFY2(!w.chart_panel()->heading_title().contains("connections 1,000"),
                 qPrintable(w.chart_panel()->heading_title()));
        c->connections()->spin_box()->setValue(120);
        QTRY_VERIFY_WITH_TIMEOUT(
            w.chart_panel()->heading_title().contains("(changed: ") &&
                w.chart_panel()->heading_title().contains("connections 1,000 → 120"),
            5000);
        QVERIFY2(w.chart_panel()->heading_subtitle().contains("120 connections"),
                 qPrintable(w.chart_panel()->heading_subtitle()));
        // The status bar says the change from the knob's row.
        QCOMPARE(w.statusBar()->currentMessage(), QString("Changed connections 120"));
        QVERIFY(w.grab().save(conclab::test::screenshot_path("knob-changed-during-run.png")));
        QVERIFY(!w.chart_panel()->heading_subtitle().contains("1,000 connections ·"));
        w.stop_run();
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running(), 10000);
        // The next Compare runs at 120, and says so.
        c->duration()->spin_box()->setValue(1);
        c->connections()->spin_box()->setValue(120);
        w.compare();
        QTRY_VERIFY_WITH_TIMEOUT(w.runner()->running(), 5000);
        QVERIFY(w.chart_panel()->heading_title().contains("connections 1,000 → 120"));
        w.stop_run();
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running(), 10000);
    }

    void newComparisonClearsTheTableAndRowsComeAsRunsFinish() {
        MainWindow w;
        w.show();
        set_small_io_workload(w.control_panel(), 1);
        w.start_comparison({Model::EventLoop, Model::GilThreads});
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running() && w.last_results().size() == 2, 30000);
        QCOMPARE(w.compare_table()->rowCount(), 2);
        w.start_comparison({Model::GilThreads, Model::EventLoop, Model::ProcessPerCore});
        QVERIFY(w.runner()->running());
        QCOMPARE(w.compare_table()->rowCount(), 0);  // not the previous comparison's rows
        QVERIFY(w.compare_table()->isHidden());
        QTRY_VERIFY_WITH_TIMEOUT(w.compare_table()->rowCount() == 1, 15000);
        QVERIFY(w.runner()->running());  // a row per finished run, while the next one runs
        QVERIFY(w.compare_table()->item(0, CompareTable::Run)->text().startsWith("GIL threads"));
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running() && w.last_results().size() == 3, 30000);
        QCOMPARE(w.compare_table()->rowCount(), 3);
    }

    // The pool's diagnosis is about the GIL-threads run: its mark is that run's colour (orange,
    // as its lines and row), and the rule's id is in the tooltip, not in the sentence.
    void diagnosisLinesTakeTheirRunsColour() {
        MainWindow w;
        w.show();
        ControlPanel* c = w.control_panel();
        set_small_io_workload(c, 2);
        c->connections()->spin_box()->setValue(100);
        c->io_ms()->spin_box()->setValue(50);
        w.start_comparison({Model::EventLoop, Model::GilThreads});
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running() && w.last_results().size() == 2, 30000);
        DiagnosisBar* bar = w.diagnosis_bar();
        QVERIFY2(!w.last_results()[1].diagnosis.empty(), "no diagnosis of 10 threads at 100");
        QCOMPARE(static_cast<int>(bar->mark_colors().size()), bar->sentences().size());
        int gil_lines = 0;
        for (std::size_t i = 0; i < bar->mark_colors().size(); ++i) {
            const bool gil = i >= w.last_results()[0].diagnosis.size();
            QCOMPARE(bar->mark_colors()[i], series_color(gil ? 1 : 0));
            gil_lines += gil;
        }
        QVERIFY(gil_lines >= 1);
        for (const QString& rule : bar->rules()) {
            QVERIFY2(!bar->text().contains("[" + rule + "]"), qPrintable(bar->text()));
            QVERIFY(bar->toolTip().contains(rule));
        }
    }

    // A damaged file's message is a sentence; the parser's words are in the details.
    void parserInternalsStayOutOfTheMessage() {
        MainWindow w;
        w.show();
        QTemporaryDir dir;
        QFile f(dir.filePath("damaged.json"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"runs\": [x");
        f.close();
        QVERIFY(!w.open_run(f.fileName()));
        QVERIFY2(!w.last_error().contains("json.exception"), qPrintable(w.last_error()));
        QVERIFY2(w.last_error().contains("line 1, column"), qPrintable(w.last_error()));
        QTRY_VERIFY(!w.findChildren<QMessageBox*>().isEmpty());
        QMessageBox* box = w.findChildren<QMessageBox*>().front();
        QVERIFY(!box->text().contains("json.exception"));
        QVERIFY(box->detailedText().contains("json.exception.parse_error"));
        for (QMessageBox* b : w.findChildren<QMessageBox*>()) b->close();
    }
};

QTEST_MAIN(TstMainWindowGhost)
#include "tst_main_window_ghost.moc"
