#pragma once
// Run → Calibrate against a real server: the user says what the real server is (a shape from
// engine/core/server_shapes.hpp, in words), and the dialog fits the model's framework cost to it
// in a closed loop (engine/experiment/calibration.hpp), shows every step and what was and was not
// fitted, in sentences; then Validate runs the fitted model and the real server on a grid of
// workloads and shows "Model vs real" (model_vs_real_table.hpp). The measurements block for
// minutes, so they run on a worker thread; progress and results come back to the GUI thread
// through queued calls, and Cancel stops them through their stop token.

#include <QDialog>

#include <memory>
#include <optional>
#include <thread>

#include "experiment/calibration.hpp"
#include "experiment/validation.hpp"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace conclab::ui {

class ModelVsRealTable;

class CalibrateDialog : public QDialog {
    Q_OBJECT
public:
    // `base`: the model as the controls hold it (threads, workers, inner model); `url` and
    // `allow_remote`: the controls' real server, if any.
    CalibrateDialog(const RunConfig& base, const QString& url, bool allow_remote,
                    QWidget* parent = nullptr);
    ~CalibrateDialog() override;  // cancels a measurement and waits for it (at most a tick)

    // The Measure button: false (and says why in the dialog) if the settings are not usable.
    bool start();
    // The Validate button (after a fit): the fitted model against the real server on the grid.
    bool start_validation();
    void cancel();  // the Cancel button while measuring
    bool measuring() const { return measuring_; }
    // The last finished calibration / validation, if any.
    const std::optional<CalibrationResult>& result() const { return result_; }
    const std::optional<ValidationResult>& validation() const { return validation_; }
    // The model the Measure button fits: the shape picked, with the workers and threads given.
    RunConfig model_to_fit() const;

    QLineEdit* url_edit() const { return url_; }
    QCheckBox* allow_remote_box() const { return allow_remote_; }
    QComboBox* shape_box() const { return shape_; }
    QSpinBox* workers_box() const { return workers_; }
    QSpinBox* threads_box() const { return threads_; }
    QSpinBox* connections_box() const { return connections_; }
    QDoubleSpinBox* duration_box() const { return duration_; }
    QSpinBox* repeats_box() const { return repeats_; }
    QPushButton* measure_button() const { return measure_; }
    QPushButton* validate_button() const { return validate_; }
    QPushButton* cancel_button() const { return cancel_; }
    QPushButton* apply_button() const { return apply_; }
    QProgressBar* progress_bar() const { return progress_; }
    QLabel* step_label() const { return step_; }
    QLabel* result_label() const { return result_text_; }
    ModelVsRealTable* model_vs_real() const { return table_; }
    // The grid Validate runs (the default one unless a test makes it smaller).
    void set_validation_points(std::vector<ValidationPoint> points) { grid_ = std::move(points); }

signals:
    void measuringStarted();
    // Apply: the fitted model (its shape and overhead) and a one-line summary for the status bar.
    void applyRequested(const conclab::RunConfig& fitted, const QString& summary);

protected:
    void reject() override;  // Close / Escape: cancels a measurement first

private:
    struct Progress {
        int index = 0, steps = 1;
        QString what;
        double elapsed_s = 0, duration_s = 0;
        std::optional<double> finished_rps;
    };
    void build();
    QWidget* build_form();
    void shape_changed();
    void on_progress(const Progress& p);
    void on_finished(const std::shared_ptr<CalibrationResult>& result, const QString& error);
    void on_validated(const std::shared_ptr<ValidationResult>& result,
                      const ValidationSettings& settings, const QString& error);
    void show_result(const CalibrationResult& r);
    void set_measuring(bool measuring);
    QString apply_summary() const;
    [[nodiscard]] bool target(ExternalTarget& out);

    RunConfig base_;
    QLineEdit* url_;
    QCheckBox* allow_remote_;
    QComboBox* shape_;
    QSpinBox* workers_;
    QSpinBox* threads_;
    QSpinBox* connections_;
    QDoubleSpinBox* duration_;
    QSpinBox* repeats_;
    QProgressBar* progress_;
    QLabel* step_;
    QLabel* result_text_;
    ModelVsRealTable* table_;
    QTabWidget* results_;  // the calibration's text, and Model vs real once validated
    static constexpr int kModelVsRealTab = 1;
    QPushButton* measure_;
    QPushButton* validate_;
    QPushButton* cancel_;
    QPushButton* apply_;
    QPushButton* close_;
    std::optional<CalibrationResult> result_;
    std::optional<ValidationResult> validation_;
    std::vector<ValidationPoint> grid_ = default_validation_grid();
    bool measuring_ = false;
    std::jthread worker_;  // last: joined first, while the widgets still exist
};

// The result of a calibration in sentences, as the dialog shows it (HTML): "framework cost per
// request, holding the GIL: 306 µs", never the fields' keys.
QString calibration_html(const CalibrationResult& r);

}  // namespace conclab::ui
