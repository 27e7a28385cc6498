// MainWindow's report actions: File → Export report (HTML or PDF of the runs on screen) and
// File → Open run (a saved JSON report shown as if it had just run).
#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>

#include <algorithm>

#include "charts/chart_panel.hpp"
#include "export/report_writer.hpp"
#include "report/run_report_reader.hpp"
#include "window/experiment_runner.hpp"
#include "window/kept_run.hpp"
#include "window/main_window.hpp"

namespace conclab::ui {

void MainWindow::build_report_actions() {
    export_report_action_ = new QAction(tr("Export &report…"), this);
    export_report_action_->setObjectName("exportReportAction");
    export_report_action_->setIconText(tr("Export report"));
    export_report_action_->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    export_report_action_->setToolTip(
        tr("Save everything the run says in one file: a self-contained HTML page or PDF slides "
           "(Ctrl+Shift+E)"));
    export_report_action_->setEnabled(false);  // until a run has finished
    connect(export_report_action_, &QAction::triggered, this,
            &MainWindow::export_report_interactively);

    open_run_action_ = new QAction(tr("Open &run…"), this);
    open_run_action_->setObjectName("openRunAction");
    open_run_action_->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    open_run_action_->setToolTip(
        tr("Show a run or comparison saved as JSON (conclab-cli --json, File → Export data)"));
    connect(open_run_action_, &QAction::triggered, this, &MainWindow::open_run_interactively);

    recent_runs_menu_ = new QMenu(tr("Open r&ecent run"), this);
    recent_runs_menu_->setObjectName("recentRunsMenu");
    fill_recent_runs_menu();
}

namespace {
constexpr const char* kRecentRunsKey = "recentRuns";
constexpr qsizetype kRecentRuns = 8;
}  // namespace

void MainWindow::remember_recent_run(const QString& path) {
    QStringList recent = QSettings().value(kRecentRunsKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    QSettings().setValue(kRecentRunsKey, recent.mid(0, kRecentRuns));
    fill_recent_runs_menu();
}

void MainWindow::fill_recent_runs_menu() {
    recent_runs_menu_->clear();
    const QStringList recent = QSettings().value(kRecentRunsKey).toStringList();
    for (const QString& path : recent) {
        QAction* a = recent_runs_menu_->addAction(QFileInfo(path).fileName(), this,
                                                  [this, path] { open_run(path); });
        a->setToolTip(path);
    }
    recent_runs_menu_->setEnabled(!recent.isEmpty());
}

void MainWindow::export_report_interactively() {
    // Not the static helper: a test (or a script) can find this dialog and fill it in.
    QFileDialog dialog(this, tr("Export report"), tr("concurrency-lab-report.html"),
                       tr("HTML report (*.html);;PDF slides (*.pdf)"));
    dialog.setObjectName("exportReportDialog");
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix("html");
    connect(&dialog, &QFileDialog::filterSelected, &dialog, [&dialog](const QString& filter) {
        dialog.setDefaultSuffix(filter.contains("pdf") ? "pdf" : "html");
    });
    // The dialog asks before replacing a file, so the report may overwrite.
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return;
    export_report(dialog.selectedFiles().constFirst(), true);
}

std::vector<RunResult> MainWindow::report_runs() const {
    std::vector<RunResult> runs = results_;
    // A kept run drawn under the others is in the report too: last, never its baseline.
    if (kept_->shown() && !runs.empty()) runs.push_back(*kept_->shown());
    return runs;
}

bool MainWindow::export_report(const QString& path, bool overwrite) {
    ReportOptions options;
    options.overwrite = overwrite;
    options.opened_from_file = opened_from_file_;
    // The report shows the whole run, whatever stretch the screen scrolls to.
    charts_->set_window_s(0);
    const auto written = write_report(*charts_, report_runs(), path, options);
    if (!comparing_) charts_->set_window_s(whole_run_action_->isChecked() ? 0 : 60);
    charts_->refresh();
    if (!written) {
        show_error(tr("Cannot export the report"), written.error());
        return false;
    }
    statusBar()->showMessage(tr("Report written to %1").arg(path), 4000);
    return true;
}

void MainWindow::open_run_interactively() {
    QFileDialog dialog(this, tr("Open run"), {}, tr("Saved runs (*.json);;All files (*)"));
    dialog.setObjectName("openRunDialog");
    dialog.setFileMode(QFileDialog::ExistingFile);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return;
    open_run(dialog.selectedFiles().constFirst());
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
    scenario_name_.clear();
    scenario_description_.clear();
    preset_config_.reset();
    preset_index_ = -1;
    replay_runs(saved->sets, saved->comparison);
    opened_from_file_ = true;
    remember_recent_run(path);
    statusBar()->showMessage(tr("Opened %1: keep it as a ghost (Ctrl+G) to draw the next run "
                                "over it")
                                 .arg(QFileInfo(path).fileName()),
                             8000);
    return true;
}

// The runs go through the same steps as live ones (started, samples, events, finished), so the
// charts, table, heading and whatever else follows a run show them exactly as after a real run.
void MainWindow::replay_runs(const std::vector<std::vector<RunResult>>& sets, bool comparison) {
    std::vector<RunResult> runs;
    for (const auto& set : sets) runs.insert(runs.end(), set.begin(), set.end());
    const std::size_t repeats = sets.front().size();
    const bool even = std::all_of(sets.begin(), sets.end(),
                                  [&](const auto& set) { return set.size() == repeats; });
    comparing_ = comparison || runs.size() > 1;
    repeats_ = even ? static_cast<int>(repeats) : 1;
    comparison_plan_.clear();
    for (const auto& set : sets) comparison_plan_.push_back(set.front().config);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const int index = static_cast<int>(i);
        on_run_started(index, runs[i].config);
        charts_->append(kept_->series_index(index), runs[i].series);
        // A live run's spectrum arrives with its status polls; a saved one has its final one.
        charts_->set_summary(kept_->series_index(index), runs[i].summary);
        for (const AdjustEvent& e : runs[i].events) charts_->add_event(e);
    }
    on_all_finished(runs);
    charts_->refresh();
}

}  // namespace conclab::ui
