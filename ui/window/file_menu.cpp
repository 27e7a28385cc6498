#include "window/file_menu.hpp"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>

#include "export/export_dialog.hpp"
#include "window/recent_runs_menu.hpp"

namespace conclab::ui {

FileMenu::FileMenu(QMenu* menu, QWidget* window, std::function<ChartExportOptions()> chart_defaults)
    : QObject(window), window_(window), chart_defaults_(std::move(chart_defaults)) {
    build_actions();
    recent_runs_ = new RecentRunsMenu(window);
    connect(recent_runs_, &RecentRunsMenu::openRequested, this, &FileMenu::openRun);
    build_menu(menu);
}

// The actions the toolbar shares, so that both show the same state.
void FileMenu::build_actions() {
    export_charts_ = new QAction(tr("&Export charts…"), this);
    export_charts_->setObjectName("exportChartsAction");
    export_charts_->setShortcut(QKeySequence(tr("Ctrl+E")));
    export_charts_->setToolTip(tr("Save the charts as PNG, SVG or PDF for a slide (Ctrl+E)"));
    connect(export_charts_, &QAction::triggered, this, &FileMenu::ask_export_charts);

    export_report_ = new QAction(tr("Export &report…"), this);
    export_report_->setObjectName("exportReportAction");
    export_report_->setIconText(tr("Export report"));
    export_report_->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    export_report_->setToolTip(
        tr("Save everything the run says in one file: a self-contained HTML page or PDF slides "
           "(Ctrl+Shift+E)"));
    export_report_->setEnabled(false);  // until a run has finished
    connect(export_report_, &QAction::triggered, this, &FileMenu::ask_export_report);

    open_run_ = new QAction(tr("Open &run…"), this);
    open_run_->setObjectName("openRunAction");
    open_run_->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    open_run_->setToolTip(
        tr("Show a run or comparison saved as JSON (conclab-cli --json, File → Export data)"));
    connect(open_run_, &QAction::triggered, this, &FileMenu::ask_open_run);
}

void FileMenu::build_menu(QMenu* file) {
    file->addAction(tr("&Open scenario…"), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(window_, tr("Open scenario"), {},
                                                          tr("Scenarios (*.json)"));
        if (!path.isEmpty()) emit openScenario(path);
    });
    file->addAction(tr("&Save scenario…"), QKeySequence::Save, this, [this] {
        QString path = QFileDialog::getSaveFileName(window_, tr("Save scenario"), {},
                                                    tr("Scenarios (*.json)"));
        if (path.isEmpty()) return;
        if (QFileInfo(path).suffix().isEmpty()) path += ".json";
        emit saveScenario(path);
    });
    file->addAction(open_run_);
    file->addMenu(recent_runs_);
    file->addSeparator();
    file->addAction(export_charts_);
    file->addAction(export_report_);
    file->addAction(tr("Export &data…"), this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(window_, tr("Export data"), tr("concurrency-lab.json"),
                                         tr("JSON report (*.json);;CSV time series (*.csv)"));
        if (!path.isEmpty()) emit exportData(path);
    });
    file->addAction(tr("&Copy charts"), QKeySequence(tr("Ctrl+Shift+C")), this,
                    &FileMenu::copyCharts);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, window_, &QWidget::close);
}

void FileMenu::ask_export_charts() {
    ExportDialog options_dialog(chart_defaults_(), window_);
    if (options_dialog.exec() != QDialog::Accepted) return;
    const QString path = QFileDialog::getSaveFileName(
        window_, tr("Export charts"), tr("concurrency-lab.png"),
        tr("PNG image (*.png);;SVG vector (*.svg);;PDF vector (*.pdf)"));
    if (path.isEmpty()) return;
    ChartExportOptions o = options_dialog.options();
    o.overwrite = true;
    emit exportCharts(path, o);
}

void FileMenu::ask_export_report() {
    // Not the static helper: a test (or a script) can find this dialog and fill it in.
    QFileDialog dialog(window_, tr("Export report"), tr("concurrency-lab-report.html"),
                       tr("HTML report (*.html);;PDF slides (*.pdf)"));
    dialog.setObjectName("exportReportDialog");
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix("html");
    connect(&dialog, &QFileDialog::filterSelected, &dialog, [&dialog](const QString& filter) {
        dialog.setDefaultSuffix(filter.contains("pdf") ? "pdf" : "html");
    });
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return;
    emit exportReport(dialog.selectedFiles().constFirst());
}

void FileMenu::ask_open_run() {
    QFileDialog dialog(window_, tr("Open run"), {}, tr("Saved runs (*.json);;All files (*)"));
    dialog.setObjectName("openRunDialog");
    dialog.setFileMode(QFileDialog::ExistingFile);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return;
    emit openRun(dialog.selectedFiles().constFirst());
}

}  // namespace conclab::ui
