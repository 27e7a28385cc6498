#include "export/export_dialog.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

namespace conclab::ui {

ExportDialog::ExportDialog(const ChartExportOptions& d, QWidget* parent)
    : QDialog(parent),
      chart_(new QComboBox(this)),
      width_(new QSpinBox(this)),
      height_(new QSpinBox(this)),
      scale_(new QDoubleSpinBox(this)),
      background_(new QComboBox(this)) {
    setWindowTitle(tr("Export charts"));
    chart_->addItem(tr("All charts on one page"), -1);
    chart_->addItem(tr("Requests per second"), 0);
    chart_->addItem(tr("Latency percentiles"), 1);
    chart_->addItem(tr("Connections"), 2);
    chart_->addItem(tr("CPU"), 3);
    chart_->addItem(tr("Inside the server"), 4);
    chart_->addItem(tr("Latency by percentile"), 5);
    chart_->addItem(tr("Server cost"), 6);
    chart_->setCurrentIndex(chart_->findData(d.chart));
    width_->setRange(200, 10000);
    height_->setRange(150, 10000);
    width_->setValue(d.width);
    height_->setValue(d.height);
    width_->setSuffix(" px");
    height_->setSuffix(" px");
    scale_->setRange(0.5, 8);
    scale_->setSingleStep(0.5);
    scale_->setValue(d.scale);
    scale_->setSuffix(" ×");
    scale_->setToolTip(
        tr("PNG only: pixels per logical pixel (2× for sharp slides). SVG and PDF "
           "are vector and scale freely."));
    background_->addItem(tr("Light (presentation style)"), false);
    background_->addItem(tr("Dark (presentation style)"), true);
    background_->setCurrentIndex(d.style.dark ? 1 : 0);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Charts"), chart_);
    form->addRow(tr("Width"), width_);
    form->addRow(tr("Height"), height_);
    form->addRow(tr("PNG scale"), scale_);
    form->addRow(tr("Background"), background_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

ChartExportOptions ExportDialog::options() const {
    ChartExportOptions o;
    o.chart = chart_->currentData().toInt();
    o.width = width_->value();
    o.height = height_->value();
    o.scale = scale_->value();
    o.style = ChartStyle{background_->currentData().toBool(), true};
    return o;
}

}  // namespace conclab::ui
