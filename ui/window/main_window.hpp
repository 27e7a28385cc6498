#pragma once
// Concurrency Lab's main window: a toolbar with the primary actions, controls and presets on the
// left, live charts on the right, warnings above them, a comparison table below. A thin shell: it
// composes the parts (menus, presets, heading, the runs on screen, the ghost, presentation mode)
// and routes the ExperimentRunner's signals to them; it drives experiments only through the
// runner (start, adjust, stop, snapshots). What it remembers lives in AppSettings.

#include <QMainWindow>
#include <QPointer>

#include <vector>

#include "core/knobs.hpp"
#include "export/chart_exporter.hpp"
#include "scenario/scenario.hpp"
#include "window/file_menu.hpp"
#include "window/presentation_mode.hpp"
#include "window/preset_picker.hpp"
#include "window/run_display.hpp"
#include "window/run_menu.hpp"
#include "window/run_plan.hpp"
#include "window/run_status.hpp"
#include "window/view_menu.hpp"

class QToolBar;

namespace conclab::ui {

class CalibrateDialog;
class ChartPanel;
class CompareTable;
class ControlPanel;
class DiagnosisBar;
class ExperimentRunner;
class LiveKnobs;
class RunHeading;
class SweepWindow;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // The actions behind the menus, callable directly (tests, scripts).
    void start_or_stop();
    void start_run();
    void stop_run();
    void compare();  // the scenario's runs, or all three models
    void start_comparison(const std::vector<RunVariant>& variants);
    CalibrateDialog* open_calibrate_dialog();  // not modal; raised if open
    SweepWindow* open_sweep_window();          // with the controls' workload, kept between uses
    bool open_scenario(const QString& path);   // false: message shown, nothing changed
    bool save_scenario(const QString& path);
    bool export_charts(const QString& path, const ChartExportOptions& options);
    bool export_data(const QString& path, bool overwrite);    // .json or .csv
    bool export_report(const QString& path, bool overwrite);  // .html or .pdf of the runs shown
    bool open_run(const QString& path);  // a saved JSON report, shown as if it had just run
    void apply_preset(const Scenario& scenario, bool run);
    void copy_chart_to_clipboard();
    PresentationWindow* open_presentation(QScreen* screen = nullptr);
    void step_preset(int delta);   // the next (+1) or previous (-1) preset, loaded, not run
    void present_start_or_stop();  // Space in presentation mode: a preset runs as it is meant

    // The parts it composes; their actions and widgets are theirs (the menus' actions, the
    // presets' box, the status's banner, the presentation's window).
    KeptRun* kept_run() const { return kept_; }  // the ghost, Run → Keep last run (Ctrl+G)
    ChartPanel* chart_panel() const { return charts_; }
    ControlPanel* control_panel() const { return controls_; }
    CompareTable* compare_table() const { return table_; }
    ExperimentRunner* runner() const { return runner_; }
    RunStatus* run_status() const { return status_; }
    DiagnosisBar* diagnosis_bar() const { return diagnosis_; }
    QToolBar* tool_bar() const { return toolbar_; }
    RunMenu* run_menu() const { return run_menu_; }
    FileMenu* file_menu() const { return file_; }
    ViewMenu* view_menu() const { return view_; }
    PresentationMode* presentation_mode() const { return presenting_; }
    PresetPicker* preset_picker() const { return presets_; }
    const std::vector<RunResult>& last_results() const { return runs_->results(); }
    const std::vector<RunSet>& last_sets() const { return runs_->sets(); }  // by repeats
    QString last_error() const { return last_error_; }
    QString settings_note() const { return settings_note_; }  // the saved settings dropped

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* build_central();
    void build_parts();
    void build_toolbar();
    void connect_signals();
    void connect_file_menu();
    void set_running(bool running);
    void on_run_started(int index, const RunConfig& config);
    void on_all_finished(const std::vector<RunResult>& results);
    void replay_runs(const std::vector<RunSet>& sets, bool comparison);
    void show_not_applied(const QString& why);
    void show_error(const QString& title, const QString& message);
    void update_heading(const RunConfig& config);
    void save_settings() const;
    void restore_settings();

    PresetPicker* presets_;
    ControlPanel* controls_;
    ChartPanel* charts_;
    CompareTable* table_;
    DiagnosisBar* diagnosis_;
    ExperimentRunner* runner_;
    RunHeading* heading_;
    RunStatus* status_ = nullptr;
    LiveKnobs* knobs_;
    KeptRun* kept_ = nullptr;
    RunDisplay* runs_ = nullptr;
    PresentationMode* presenting_ = nullptr;
    FileMenu* file_ = nullptr;
    ViewMenu* view_ = nullptr;
    QToolBar* toolbar_ = nullptr;
    RunMenu* run_menu_ = nullptr;
    QPointer<CalibrateDialog> calibrate_dialog_;
    QPointer<SweepWindow> sweep_window_;
    RunPlan plan_;                            // of the runs started (or loaded) last
    std::vector<RunVariant> compare_models_;  // of the scenario: what Compare runs
    bool applying_preset_ = false;            // the model box moved by a preset, not by hand
    QString last_error_;
    QString settings_note_;
};

}  // namespace conclab::ui
