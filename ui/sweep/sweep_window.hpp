#pragma once
// The Sweep mode: the same workload measured at a series of connection counts N for one to three
// models, overlaid, with the Universal Scalability Law fitted as the points arrive (see
// experiment/sweep.hpp). The workload comes from the main window's controls or a preset sweep
// (resources/presets/sweeps); the sweep runs on a worker thread (SweepRunner).

#include <QWidget>

#include <vector>

#include "experiment/sweep.hpp"
#include "scenario/scenario.hpp"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace conclab::ui {

class CostChart;
class SweepChart;
class SweepRunner;

class SweepWindow : public QWidget {
    Q_OBJECT
public:
    explicit SweepWindow(QWidget* parent = nullptr);
    ~SweepWindow() override;

    // The workload (server knobs) to sweep, from the main window; a preset replaces it.
    void set_base(const RunConfig& base);
    void apply_scenario(const Scenario& scenario);
    // A scenario file with a "sweep" section; false (and why, in the window) otherwise.
    bool open_scenario_file(const QString& path);
    // Starts the sweep set in the controls; false (and the reason shown) when they are invalid.
    bool start();
    void stop();
    bool running() const;

    std::vector<QCheckBox*> model_boxes() const { return model_boxes_; }
    QComboBox* preset_box() const { return presets_box_; }
    QLineEdit* connections_edit() const { return connections_; }
    QDoubleSpinBox* step_box() const { return step_; }
    QDoubleSpinBox* warmup_box() const { return warmup_; }
    QPushButton* run_button() const { return run_; }
    QPushButton* stop_button() const { return stop_; }
    QPushButton* export_button() const { return export_; }
    QLabel* error_label() const { return error_; }
    QLabel* fit_label() const { return fit_; }
    QLabel* status_label() const { return status_; }
    QTableWidget* table() const { return table_; }
    SweepChart* chart() const { return chart_; }
    CostChart* cost_chart() const { return cost_chart_; }
    QCheckBox* idle_box() const { return idle_box_; }
    // The points so far, per model of the sweep in order.
    const std::vector<std::vector<SweepPoint>>& points() const { return points_; }

signals:
    void finished(bool cancelled);

private:
    QWidget* build_controls();
    // The rows of build_controls' form, top to bottom.
    void fit_screen();
    void add_scenario_rows(QFormLayout* form, QGroupBox* box);
    void add_model_rows(QFormLayout* form, QGroupBox* box);
    void add_connection_rows(QFormLayout* form, QGroupBox* box);
    void add_timing_rows(QFormLayout* form, QGroupBox* box);
    void add_action_rows(QFormLayout* form, QGroupBox* box);
    void on_point(int sweep, const SweepPoint& point, int done, int total);
    void show_fits();
    void set_running(bool running);
    void fill_geometric();
    void export_chart();

    RunConfig base_;
    CostChart* cost_chart_ = nullptr;
    bool shown_idle_ = false;        // the charts show a sweep of idle connections: export its cost
    QCheckBox* idle_box_ = nullptr;  // the counts are idle connections (SweepSettings::idle)
    std::vector<Scenario> presets_;
    std::vector<Model> models_;  // of the sweep going or last run
    std::vector<std::vector<SweepPoint>> points_;
    SweepRunner* runner_;
    QComboBox* presets_box_;
    std::vector<QCheckBox*> model_boxes_;
    QLineEdit* connections_;
    QSpinBox* from_;
    QSpinBox* to_;
    QSpinBox* steps_;
    QDoubleSpinBox* step_;
    QDoubleSpinBox* warmup_;
    QLabel* workload_;
    QLabel* error_;
    QPushButton* run_;
    QPushButton* stop_;
    QPushButton* export_;
    QLabel* status_;
    QLabel* fit_;
    QTableWidget* table_;
    SweepChart* chart_;
};

}  // namespace conclab::ui
