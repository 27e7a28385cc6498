#pragma once
// Run → Calibrate against a real server: fits the model's framework overhead (overhead_us, and
// the GIL-released part when the registry has it) to a real server's zero-work throughput, with
// engine/experiment/calibration.hpp. The measurements block for a few times the duration, so
// they run on a worker thread; progress and the result come back to the GUI thread through
// queued calls, and Cancel stops the measurement through its stop token.

#include <QDialog>

#include <memory>
#include <optional>
#include <thread>

#include "experiment/calibration.hpp"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace conclab::ui {

class CalibrateDialog : public QDialog {
    Q_OBJECT
public:
    // `base`: the model to fit as the controls hold it (threads, workers, inner model); `url` and
    // `allow_remote`: the controls' real server, if any.
    CalibrateDialog(const RunConfig& base, const QString& url, bool allow_remote,
                    QWidget* parent = nullptr);
    ~CalibrateDialog() override;  // cancels a measurement and waits for it (at most a tick)

    // The Measure button: false (and says why in the dialog) if the settings are not usable.
    bool start();
    void cancel();  // the Cancel button while measuring
    bool measuring() const { return measuring_; }
    // The last finished calibration, if any.
    const std::optional<CalibrationResult>& result() const { return result_; }

    QLineEdit* url_edit() const { return url_; }
    QCheckBox* allow_remote_box() const { return allow_remote_; }
    QComboBox* model_box() const { return model_; }
    QSpinBox* connections_box() const { return connections_; }
    QDoubleSpinBox* duration_box() const { return duration_; }
    QPushButton* measure_button() const { return measure_; }
    QPushButton* cancel_button() const { return cancel_; }
    QPushButton* apply_button() const { return apply_; }
    QProgressBar* progress_bar() const { return progress_; }
    QLabel* step_label() const { return step_; }
    QLabel* result_label() const { return result_text_; }

signals:
    void measuringStarted();
    // Apply: the fitted model (model, overhead_us and, when fitted, overhead_released_us) and a
    // one-line summary for the status bar.
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
    void on_progress(const Progress& p);
    void on_finished(const std::shared_ptr<CalibrationResult>& result, const QString& error);
    void show_result(const CalibrationResult& r);
    void set_measuring(bool measuring);
    QString apply_summary() const;

    RunConfig base_;
    QLineEdit* url_;
    QCheckBox* allow_remote_;
    QComboBox* model_;
    QSpinBox* connections_;
    QDoubleSpinBox* duration_;
    QProgressBar* progress_;
    QLabel* step_;
    QLabel* result_text_;
    QPushButton* measure_;
    QPushButton* cancel_;
    QPushButton* apply_;
    QPushButton* close_;
    std::optional<CalibrationResult> result_;
    bool measuring_ = false;
    std::jthread worker_;  // last: joined first, while the widgets still exist
};

}  // namespace conclab::ui
