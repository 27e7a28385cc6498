// MainWindow's files: the charts, data and report of the runs on screen written out, and a saved
// run (File → Open run) shown as if it had just run. The menu's dialogs ask for the paths, and
// confirm an overwrite (window/file_menu); these use the paths as given, do the work, and say
// what went wrong.
#include <QAction>
#include <QFileInfo>
#include <QStatusBar>

#include <algorithm>

#include "charts/chart_panel.hpp"
#include "export/data_exporter.hpp"
#include "export/report_writer.hpp"
#include "report/run_report_reader.hpp"
#include "window/experiment_runner.hpp"
#include "window/file_menu.hpp"
#include "window/main_window.hpp"
#include "window/preset_picker.hpp"
#include "window/recent_runs_menu.hpp"
#include "window/run_display.hpp"
#include "window/run_heading.hpp"
#include "window/view_menu.hpp"

namespace conclab::ui {

void MainWindow::connect_file_menu() {
    connect(file_, &FileMenu::openScenario, this, &MainWindow::open_scenario);
    connect(file_, &FileMenu::saveScenario, this, &MainWindow::save_scenario);
    connect(file_, &FileMenu::openRun, this, &MainWindow::open_run);
    connect(file_, &FileMenu::exportCharts, this, &MainWindow::export_charts);
    connect(file_, &FileMenu::exportReport, this,
            [this](const QString& path) { export_report(path, true); });
    connect(file_, &FileMenu::exportData, this,
            [this](const QString& path) { export_data(path, true); });
    connect(file_, &FileMenu::copyCharts, this, &MainWindow::copy_chart_to_clipboard);
}

bool MainWindow::export_charts(const QString& path, const ChartExportOptions& options) {
    if (auto written = export_panel(*charts_, path, options); !written) {
        show_error(tr("Cannot export charts"), written.error());
        return false;
    }
    statusBar()->showMessage(tr("Exported %1").arg(path), 4000);
    return true;
}

bool MainWindow::export_data(const QString& path, bool overwrite) {
    if (auto written = DataExporter::write(path, runs_->results(), overwrite); !written) {
        show_error(tr("Cannot export data"), written.error());
        return false;
    }
    statusBar()->showMessage(tr("Exported %1").arg(path), 4000);
    return true;
}

void MainWindow::copy_chart_to_clipboard() {
    DataExporter::copy_charts(*charts_, view_->chart_export_options().style);
    statusBar()->showMessage(tr("Charts copied to the clipboard"), 3000);
}

bool MainWindow::export_report(const QString& path, bool overwrite) {
    ReportOptions options;
    options.overwrite = overwrite;
    options.opened_from_file = runs_->from_file();
    // The report shows the whole run, whatever stretch the screen scrolls to.
    charts_->set_window_s(0);
    const auto written = write_report(*charts_, runs_->report_runs(), path, options);
    if (!plan_.comparing) charts_->set_window_s(view_->window_s());
    charts_->refresh();
    if (!written) {
        show_error(tr("Cannot export the report"), written.error());
        return false;
    }
    statusBar()->showMessage(tr("Report written to %1").arg(path), 4000);
    return true;
}

bool MainWindow::open_run(const QString& path) {
    if (runner_->running()) {
        show_error(tr("Cannot open a run"), tr("Stop the experiment first."));
        return false;
    }
    const auto saved = load_saved_runs_file(path.toStdString());
    if (!saved) {
        show_error(tr("Cannot open the run"), QString::fromStdString(saved.error()));
        return false;
    }
    // The window now shows the file's runs, not a preset's: the heading is made from their
    // configs, and no preset's words describe them.
    heading_->clear_scenario();
    presets_->show_none();
    replay_runs(saved->sets, saved->comparison);
    file_->recent_runs()->remember(path);
    statusBar()->showMessage(tr("Opened %1: keep it as a ghost (Ctrl+G) to draw the next run "
                                "over it")
                                 .arg(QFileInfo(path).fileName()),
                             8000);
    return true;
}

// The runs go through the same steps as live ones (started, samples, events, finished), so the
// charts, table, heading and whatever else follows a run show them exactly as after a real run.
void MainWindow::replay_runs(const std::vector<RunSet>& sets, bool comparison) {
    std::vector<RunResult> runs;
    for (const auto& set : sets) runs.insert(runs.end(), set.begin(), set.end());
    const std::size_t repeats = sets.front().size();
    const bool even = std::all_of(sets.begin(), sets.end(),
                                  [&](const auto& set) { return set.size() == repeats; });
    plan_ = RunPlan{comparison || runs.size() > 1, {}, even ? static_cast<int>(repeats) : 1};
    for (const auto& set : sets) plan_.configs.push_back(set.front().config);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        on_run_started(static_cast<int>(i), runs[i].config);
        runs_->draw_saved(static_cast<int>(i), runs[i]);
    }
    on_all_finished(runs);
    charts_->refresh();
}

}  // namespace conclab::ui
