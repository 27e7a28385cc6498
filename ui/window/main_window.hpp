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

class QLabel;
class QToolBar;

namespace conclab::ui {

class CalibrateDialog;
class ChartPanel;
class CompareTable;
class ControlPanel;
class DiagnosisBar;
class ExperimentRunner;
class KillWorkerAction;
class LiveKnobs;
class RunHeading;
class SweepWindow;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // The actions behind the menus, callable directly (tests, scripts). File paths are used as
    // given: the dialogs, and their overwrite confirmation, are the menus' (window/file_menu).
    void start_or_stop();
    void start_run();
    void stop_run();
    void compare();  // the scenario's runs, or all three models
    // The runs in turn (each a model, or fields over the controls' settings), after the real
    // server when the controls name one and include it in Compare; each repeated as they say.
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
    PresentationWindow* presentation() const { return presenting_->window(); }  // null: none
    void step_preset(int delta);   // the next (+1) or previous (-1) preset, loaded, not run
    void present_start_or_stop();  // Space in presentation mode: a preset runs as it is meant

    KeptRun* kept_run() const { return kept_; }  // the ghost, Run → Keep last run (Ctrl+G)
    ChartPanel* chart_panel() const { return charts_; }
    ControlPanel* control_panel() const { return controls_; }
    CompareTable* compare_table() const { return table_; }
    ExperimentRunner* runner() const { return runner_; }
    QLabel* warning_banner() const { return status_->banner(); }
    DiagnosisBar* diagnosis_bar() const { return diagnosis_; }
    KillWorkerAction* kill_worker_action() const { return run_menu_->kill_action(); }
    QToolBar* tool_bar() const { return toolbar_; }
    QAction* start_action() const { return run_menu_->start_action(); }
    QAction* compare_action() const { return run_menu_->compare_action(); }
    QAction* export_charts_action() const { return file_->export_charts_action(); }
    QAction* export_report_action() const { return file_->export_report_action(); }
    QAction* open_run_action() const { return file_->open_run_action(); }
    QAction* log_rps_action() const { return view_->log_rps_action(); }
    QAction* log_latency_action() const { return view_->log_latency_action(); }
    QAction* presentation_action() const { return presenting_->action(); }
    QComboBox* preset_box() const { return presets_->box(); }
    const std::vector<RunResult>& last_results() const { return runs_->results(); }
    const std::vector<RunSet>& last_sets() const { return runs_->sets(); }  // by repeats
    QString last_error() const { return last_error_; }
    QString settings_note() const { return settings_note_; }  // the saved settings dropped

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* build_left();
    QWidget* build_right();
    void build_parts();
    void build_toolbar();
    void connect_signals();
    void connect_file_menu();
    void set_running(bool running);
    void on_run_started(int index, const RunConfig& config);
    void on_status(const Snapshot& snapshot);
    void on_run_finished();  // a comparison's table grows a row as each run finishes
    void on_all_finished(const std::vector<RunResult>& results);
    void on_knobs_applied(const Knobs& knobs);
    void replay_runs(const std::vector<RunSet>& sets, bool comparison);
    void show_not_applied(const QString& why);
    void suggest_log_axis(const std::vector<RunResult>& results);
    void show_error(const QString& title, const QString& message);
    void update_heading(const RunConfig& config);
    void sync_presentation() { presenting_->sync(); }
    RunConfig current_config() const;
    void save_settings() const;
    void restore_settings();
    ChartExportOptions export_options() const;

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
    bool opened_from_file_ = false;           // the runs on screen were read from a saved report
    QString last_error_;
    QString settings_note_;
};

}  // namespace conclab::ui
