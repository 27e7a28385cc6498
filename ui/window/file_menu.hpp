#pragma once
// File: scenarios, runs and exports. Each item asks for its path in a dialog (a save dialog asks
// before replacing a file) and hands it on as a signal; MainWindow's actions of the same name
// (open_scenario, export_report, …), which tests and scripts call directly, do the work. Export
// charts and Export report are on the toolbar too; Open recent run lists the runs opened before.

#include <QObject>

#include <functional>

#include "export/chart_exporter.hpp"

class QAction;
class QMenu;
class QWidget;

namespace conclab::ui {

class RecentRunsMenu;

class FileMenu : public QObject {
    Q_OBJECT
public:
    // `chart_defaults`: the options the Export charts dialog starts from.
    FileMenu(QMenu* menu, QWidget* window, std::function<ChartExportOptions()> chart_defaults);

    QAction* export_charts_action() const { return export_charts_; }
    QAction* export_report_action() const { return export_report_; }  // off until a run ends
    QAction* open_run_action() const { return open_run_; }
    RecentRunsMenu* recent_runs() const { return recent_runs_; }

signals:
    void openScenario(const QString& path);
    void saveScenario(const QString& path);
    void openRun(const QString& path);
    // Chosen in a dialog that asked before replacing a file: they may overwrite.
    void exportCharts(const QString& path, const conclab::ui::ChartExportOptions& options);
    void exportReport(const QString& path);
    void exportData(const QString& path);
    void copyCharts();

private:
    void build_actions();
    void build_menu(QMenu* menu);
    void ask_export_charts();
    void ask_export_report();
    void ask_open_run();

    QWidget* window_;
    std::function<ChartExportOptions()> chart_defaults_;
    QAction* export_charts_ = nullptr;
    QAction* export_report_ = nullptr;
    QAction* open_run_ = nullptr;
    RecentRunsMenu* recent_runs_ = nullptr;
};

}  // namespace conclab::ui
