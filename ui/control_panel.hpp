#pragma once
// The experiment's controls: model, workload, load and server knobs, Start/Stop and Compare.
// Knobs that do not apply to the chosen model are disabled (not hidden), and knobs that cannot
// change while a run is going say so in their tooltip.

#include <QWidget>

#include "core/run_config.hpp"

class QComboBox;
class QLabel;
class QPushButton;

namespace conclab::ui {

class LabeledSlider;

class ControlPanel : public QWidget {
    Q_OBJECT
public:
    explicit ControlPanel(QWidget* parent = nullptr);

    RunConfig config() const;
    void set_config(const RunConfig& config);
    void set_running(bool running);

    QComboBox* model_box() const { return model_; }
    QComboBox* inner_box() const { return inner_; }
    LabeledSlider* connections() const { return connections_; }
    LabeledSlider* cpu_ms() const { return cpu_ms_; }
    LabeledSlider* io_ms() const { return io_ms_; }
    LabeledSlider* overhead_us() const { return overhead_us_; }
    LabeledSlider* overhead_released_us() const { return overhead_released_us_; }
    LabeledSlider* threads() const { return threads_; }
    LabeledSlider* workers() const { return workers_; }
    LabeledSlider* switch_interval() const { return switch_interval_; }
    LabeledSlider* backlog() const { return backlog_; }
    LabeledSlider* duration() const { return duration_; }
    LabeledSlider* heavy_connections() const { return heavy_connections_; }
    LabeledSlider* heavy_cpu_ms() const { return heavy_cpu_ms_; }
    QPushButton* start_button() const { return start_; }
    QPushButton* compare_button() const { return compare_; }
    QLabel* explanation() const { return explanation_; }

signals:
    // A live-adjustable knob moved (the main window decides whether a run is going).
    void knobChanged(const conclab::Knobs& knobs);
    void startStopRequested();
    void compareRequested();

private:
    void update_enabled();
    LabeledSlider* add_slider(const QString& label, const QString& unit, double min, double max,
                              int decimals, bool log, const QString& tip);

    QComboBox* model_;
    QComboBox* inner_;
    LabeledSlider* connections_;
    LabeledSlider* cpu_ms_;
    LabeledSlider* io_ms_;
    LabeledSlider* overhead_us_;
    LabeledSlider* overhead_released_us_;
    LabeledSlider* threads_;
    LabeledSlider* workers_;
    LabeledSlider* switch_interval_;
    LabeledSlider* backlog_;
    LabeledSlider* duration_;
    LabeledSlider* heavy_connections_;
    LabeledSlider* heavy_cpu_ms_;
    QPushButton* start_;
    QPushButton* compare_;
    QLabel* explanation_;
    bool running_ = false;
    // What the last set_config() gave for the fields without a control here (slow clients,
    // timeouts, scheduling…): a preset or scenario runs with them instead of the defaults.
    RunConfig loaded_;
};

}  // namespace conclab::ui
