#pragma once
// The experiment's controls: model, workload, load and server knobs, a real server to measure,
// Start/Stop and Compare. Knobs that do not apply to the chosen model are disabled (not hidden),
// and knobs that cannot change while a run is going say so in their tooltip.
//
// The panel holds the whole RunConfig it was last given (set_config) and applies the user's
// edits to it, so that fields without a control of their own (warmup, load threads,
// timeout, tick, port, and every registry row added later) survive a scenario's round trip.
// Each slider is a row of the run-field registry: its limits and tooltip come from that row.

#include <QWidget>

#include <vector>

#include "core/run_config.hpp"
#include "core/run_fields.hpp"

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace conclab::ui {

class LabeledSlider;
class LoadPlanEdit;

class ControlPanel : public QWidget {
    Q_OBJECT
public:
    explicit ControlPanel(QWidget* parent = nullptr);

    // The config last set, with the user's edits applied; `external` is the real server when
    // "Start drives the real server" is ticked and its URL is valid.
    RunConfig config() const;
    void set_config(const RunConfig& config);
    void set_running(bool running);

    // The real server's URL as typed, or why it is not one (also when the field is empty:
    // ask has_real_server_url() first to tell "nothing typed" from a mistake).
    Result<ExternalTarget> real_server() const;
    bool has_real_server_url() const;
    bool real_server_on_start() const;
    bool real_server_in_compare() const;
    int repeats() const;  // Compare runs each run this many times
    // A calibration's fitted model: model and overhead (and the GIL-released part, when the
    // registry has it). Emits knobChanged for the overhead, as a moved slider would.
    void apply_fit(const RunConfig& fitted);

    QComboBox* model_box() const { return model_; }
    QComboBox* inner_box() const { return inner_; }
    QComboBox* scheduling_box() const { return scheduling_; }
    LabeledSlider* connections() const { return connections_; }
    // Load shape: closed (connections) or open (rate, over at most max-connections).
    QComboBox* load_shape_box() const { return load_shape_; }
    LabeledSlider* rate() const { return rate_; }
    LabeledSlider* max_connections() const { return max_connections_; }
    LoadPlanEdit* plan_edit() const { return plan_; }
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
    QLineEdit* real_url() const { return real_url_; }
    QCheckBox* allow_remote() const { return allow_remote_; }
    QCheckBox* real_on_start() const { return real_on_start_; }
    QCheckBox* real_in_compare() const { return real_in_compare_; }
    QSpinBox* repeat_box() const { return repeat_; }
    QPushButton* start_button() const { return start_; }
    QPushButton* compare_button() const { return compare_; }
    QLabel* explanation() const { return explanation_; }

signals:
    // A live-adjustable knob moved (the main window decides whether a run is going).
    void knobChanged(const conclab::Knobs& knobs);
    void startStopRequested();
    void compareRequested();
    // An edit the run-field registry refused (the registry's English message); the config kept
    // its value.
    void editRefused(const QString& message);

private:
    struct FieldSlider {
        LabeledSlider* slider;
        const RunField* field;
    };

    QGroupBox* build_model_group();
    QGroupBox* build_knobs();
    QGroupBox* build_advanced();
    QGroupBox* build_real_server();
    void build_buttons(QVBoxLayout* layout);
    void connect_controls();
    void connect_knobs();
    // A slider for the registry row `key`: the slider spans [lo, hi] for the mouse, the spin box
    // the row's whole range; the tooltip is the row's help, after `tip` when one is given.
    LabeledSlider* add_field_slider(QVBoxLayout* layout, const char* key, const QString& label,
                                    double lo, double hi, int decimals, bool log,
                                    const QString& tip = {});
    void show_config(const RunConfig& config);
    void store_edit(const RunField& field, double value);
    void update_enabled();
    void update_real_server();
    void set_open_loop(bool open);

    RunConfig config_;
    std::vector<FieldSlider> field_sliders_;
    bool showing_ = false;  // set_config is filling the controls: not an edit
    QComboBox* model_;
    QComboBox* inner_;
    QComboBox* scheduling_;
    QComboBox* load_shape_;
    LabeledSlider* connections_;
    LabeledSlider* rate_;
    LabeledSlider* max_connections_;
    LoadPlanEdit* plan_;
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
    QLineEdit* real_url_;
    QCheckBox* allow_remote_;
    QCheckBox* real_on_start_;
    QCheckBox* real_in_compare_;
    QLabel* real_status_;
    QSpinBox* repeat_;
    QPushButton* start_;
    QPushButton* compare_;
    QLabel* explanation_;
    bool running_ = false;
};

}  // namespace conclab::ui
