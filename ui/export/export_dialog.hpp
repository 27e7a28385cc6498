#pragma once
// File → Export charts: which chart(s), size and scale, light or dark. The file name (and the
// confirmation before replacing a file) comes from the file dialog afterwards.

#include <QDialog>

#include "export/chart_exporter.hpp"

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace conclab::ui {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(const ChartExportOptions& defaults, QWidget* parent = nullptr);
    ChartExportOptions options() const;

private:
    QComboBox* chart_;
    QSpinBox* width_;
    QSpinBox* height_;
    QDoubleSpinBox* scale_;
    QComboBox* background_;
};

}  // namespace conclab::ui
