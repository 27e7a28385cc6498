#pragma once
// Concurrency Lab's main window: a toolbar with the primary actions, controls and explanation on
// the left, live charts on the right, warnings above them, a comparison table below. It drives
// experiments only through ExperimentRunner (start, adjust, stop, snapshots); what it remembers
// lives in AppSettings, what it writes besides charts in DataExporter.

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <optional>
#include <utility>
#include <vector>

#include "experiment/experiment.hpp"
#include "export/chart_exporter.hpp"
#include "report/compare_report.hpp"
#include "scenario/scenario.hpp"
#include "window/app_settings.hpp"

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QMenu;
class QScreen;
class QToolBar;
class QToolButton;

namespace conclab::ui {

class CalibrateDialog;
class SweepWindow;
class ChartPanel;
class CompareTable;
class ControlPanel;
class DiagnosisBar;
class ExperimentRunner;
class KeptRun;
class KillWorkerAction;
class PresentationWindow;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // The actions behind the menus, callable directly (tests, scripts). File paths are used as
    // given: dialogs, and their overwrite confirmation, live in the menu handlers.
    void start_or_stop();
    void start_run();
    void stop_run();
    void compare();  // the scenario's runs, or all three models
    // The runs in turn (each a model, or fields over the controls' settings), after the real
    // server when the controls name one and include it in Compare; each repeated as they say.
    void start_comparison(const std::vector<RunVariant>& variants);
    // Run → Calibrate against a real server…: opens (or raises) the dialog, not modal.
    CalibrateDialog* open_calibrate_dialog();
    // The Sweep mode, with the controls' workload (a window of its own, kept between uses).
    SweepWindow* open_sweep_window();
    bool open_scenario(const QString& path);  // false: message shown, nothing changed
    bool save_scenario(const QString& path);
    bool export_charts(const QString& path, const ChartExportOptions& options);
    bool export_data(const QString& path, bool overwrite);  // .json or .csv
    // File → Export report: .html or .pdf of the finished run (or comparison) on screen.
    bool export_report(const QString& path, bool overwrite);
    // File → Open run: a JSON report (CLI or GUI) shown as if it had just run.
    bool open_run(const QString& path);  // false: message shown, nothing changed
    void apply_preset(const Scenario& scenario, bool run);
    void copy_chart_to_clipboard();

    // The ghost (window/kept_run): a finished run kept and drawn faded behind the next runs, a
    // row of its own in the table ("kept run"), never their baseline. Run → Keep last run as
    // ghost (Ctrl+G) toggles it; choosing another preset or model clears it, with Undo.
    KeptRun* kept_run() const { return kept_; }

    // Presentation mode (main_window_present.cpp): View → Presentation, F5.
    PresentationWindow* open_presentation(QScreen* screen = nullptr);
    PresentationWindow* presentation() const;  // null when not presenting
    QAction* presentation_action() const { return presentation_action_; }
    // The next (+1) or previous (-1) preset, loaded, not run: the slide changes.
    void step_preset(int delta);
    // Space in presentation mode: stop, or run the preset as it is meant (its comparison).
    void present_start_or_stop();

    ChartPanel* chart_panel() const { return charts_; }
    ControlPanel* control_panel() const { return controls_; }
    CompareTable* compare_table() const { return table_; }
    ExperimentRunner* runner() const { return runner_; }
    QLabel* warning_banner() const { return warnings_; }
    DiagnosisBar* diagnosis_bar() const { return diagnosis_; }
    KillWorkerAction* kill_worker_action() const { return kill_action_; }
    QToolBar* tool_bar() const { return toolbar_; }
    QAction* start_action() const { return start_action_; }
    QAction* compare_action() const { return compare_action_; }
    QAction* export_charts_action() const { return export_charts_action_; }
    QAction* export_report_action() const { return export_report_action_; }
    QAction* open_run_action() const { return open_run_action_; }
    QAction* log_rps_action() const { return log_rps_action_; }
    QAction* log_latency_action() const { return log_latency_action_; }
    QComboBox* preset_box() const { return preset_box_; }
    const std::vector<RunResult>& last_results() const { return results_; }
    // The last comparison's runs grouped by repeats (one set per run of the plan).
    const std::vector<std::vector<RunResult>>& last_sets() const { return sets_; }
    QString last_error() const { return last_error_; }
    // What was wrong with the remembered settings at start-up (empty if nothing).
    QString settings_note() const { return settings_note_; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QWidget* build_left();
    QWidget* build_right();
    void build_actions();
    void build_report_actions();  // main_window_reports.cpp
    void build_toolbar();
    void build_menus();
    void build_view_menu();
    void connect_signals();
    void export_charts_interactively();
    void export_report_interactively();
    void open_run_interactively();
    void replay_runs(const std::vector<std::vector<RunResult>>& sets, bool comparison);
    std::vector<RunResult> report_runs() const;
    void remember_recent_run(const QString& path);
    void fill_recent_runs_menu();
    void set_running(bool running);
    void on_knob_changed(const Knobs& knobs);
    void flush_knobs();
    void on_run_started(int index, const RunConfig& config);
    void on_status(const Snapshot& snapshot);
    void on_all_finished(const std::vector<RunResult>& results);
    void show_typical_runs();
    void suggest_log_axis(const std::vector<RunResult>& results);
    void show_error(const QString& title, const QString& message);
    void update_heading(const RunConfig& config);
    void show_blank_charts();  // a preset loaded, not run: nothing on screen is stale
    void on_run_finished();    // a comparison's table grows a row as each run finishes
    void show_table(const std::vector<RunSet>& sets);
    void sync_presentation();
    void on_model_chosen();
    RunConfig current_config() const;
    ViewSettings view_settings() const;
    void save_settings() const;
    void restore_settings();
    ChartExportOptions export_options() const;

    ControlPanel* controls_;
    ChartPanel* charts_;
    CompareTable* table_;
    QLabel* warnings_;
    DiagnosisBar* diagnosis_;
    QLabel* state_label_;
    QListWidget* presets_list_;
    ExperimentRunner* runner_;
    QToolBar* toolbar_ = nullptr;
    QComboBox* preset_box_ = nullptr;
    QTimer knob_timer_;  // coalesces slider drags into one adjust() per 150 ms
    Knobs pending_knobs_;
    std::vector<Scenario> presets_;
    std::vector<RunResult> results_;
    std::vector<std::vector<RunResult>> sets_;
    KeptRun* kept_ = nullptr;
    // The preset's settings as loaded: what the heading's words describe, and what a knob moved
    // since departs from ("(changed: connections 1,000 → 120)").
    std::optional<RunConfig> preset_config_;
    int preset_index_ = -1;     // in presets_, or -1
    RunConfig heading_config_;  // the run on screen, with the knobs moved during it
    QString heading_title_;
    QString heading_what_ran_;
    std::vector<RunSet> table_sets_;  // what the table shows (without the kept run)
    bool applying_preset_ = false;
    QPointer<PresentationWindow> presentation_;
    std::pair<int, int> presentation_charts_{0, 2};  // req/s and connections: the story
    std::vector<RunVariant> compare_models_;         // of the scenario: what Compare runs
    std::vector<RunConfig> comparison_plan_;         // of the comparison running or last run
    int repeats_ = 1;                                // of each run of that comparison
    QString scenario_name_;
    QString scenario_description_;
    QString last_error_;
    QString settings_note_;
    QAction* start_action_ = nullptr;
    QAction* compare_action_ = nullptr;
    QAction* export_charts_action_ = nullptr;
    QAction* export_report_action_ = nullptr;
    QAction* open_run_action_ = nullptr;
    QMenu* recent_runs_menu_ = nullptr;  // File → Open recent run
    QAction* whole_run_action_ = nullptr;
    QAction* log_rps_action_ = nullptr;
    QAction* log_latency_action_ = nullptr;
    QAction* calibrate_action_ = nullptr;
    KillWorkerAction* kill_action_ = nullptr;
    QAction* dark_action_ = nullptr;
    QAction* presentation_action_ = nullptr;
    QPointer<CalibrateDialog> calibrate_dialog_;
    QPointer<SweepWindow> sweep_window_;
    bool comparing_ = false;
    bool opened_from_file_ = false;  // the runs on screen were read from a saved report
};

}  // namespace conclab::ui
