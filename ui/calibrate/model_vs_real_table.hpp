#pragma once
// "Model vs real": the table of a validation (engine/experiment/validation.hpp) as the Calibrate
// dialog shows it after a calibration — per point the real server's and the model's req/s and
// p99, the ratios and a verdict, the fidelity score above — with Export (CSV, JSON, or the chart
// as PNG/SVG/PDF).

#include <QWidget>

#include <optional>

#include "core/result.hpp"
#include "experiment/validation.hpp"

class QLabel;
class QPushButton;
class QTableWidget;

namespace conclab::ui {

class ModelVsRealTable : public QWidget {
    Q_OBJECT
public:
    explicit ModelVsRealTable(QWidget* parent = nullptr);

    void set_result(const ValidationResult& result, const ValidationSettings& settings);
    void clear();
    // Writes the table by the extension: .csv, .json, or the chart (.png, .svg, .pdf); or says
    // why not.
    Result<void, QString> export_to(const QString& path) const;

    QTableWidget* table() const { return table_; }
    QLabel* summary_label() const { return summary_; }
    QPushButton* export_button() const { return export_; }

private:
    void export_clicked();

    QLabel* summary_;
    QTableWidget* table_;
    QPushButton* export_;
    std::optional<ValidationResult> result_;
    ValidationSettings settings_;
};

}  // namespace conclab::ui
