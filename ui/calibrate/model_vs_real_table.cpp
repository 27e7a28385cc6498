#include "calibrate/model_vs_real_table.hpp"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

#include "calibrate/model_vs_real_chart.hpp"
#include "report/validation_report.hpp"
#include "text/engine_text.hpp"

namespace conclab::ui {

namespace {

QString number(double v, int digits) {
    return QLocale(QLocale::English).toString(v, 'f', digits);
}

QTableWidgetItem* cell(const QString& text, bool right = true) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (right) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

}  // namespace

ModelVsRealTable::ModelVsRealTable(QWidget* parent) : QWidget(parent) {
    setObjectName("modelVsReal");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    summary_->setObjectName("modelVsRealSummary");
    export_ = new QPushButton(tr("Export…"), this);
    export_->setToolTip(tr("Save the table as CSV or JSON, or the chart as PNG, SVG or PDF"));
    export_->setEnabled(false);
    top->addWidget(summary_, 1);
    top->addWidget(export_);
    layout->addLayout(top);
    table_ = new QTableWidget(0, 9, this);
    table_->setHorizontalHeaderLabels({tr("Workload"), tr("Connections"), tr("Real req/s"),
                                       tr("Model req/s"), tr("req/s ×"), tr("Real p99 ms"),
                                       tr("Model p99 ms"), tr("p99 ×"), tr("Verdict")});
    table_->verticalHeader()->setVisible(false);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setWordWrap(false);
    layout->addWidget(table_, 1);
    connect(export_, &QPushButton::clicked, this, &ModelVsRealTable::export_clicked);
}

void ModelVsRealTable::clear() {
    result_.reset();
    table_->setRowCount(0);
    summary_->clear();
    export_->setEnabled(false);
}

void ModelVsRealTable::set_result(const ValidationResult& r, const ValidationSettings& settings) {
    result_ = r;
    settings_ = settings;
    table_->setRowCount(static_cast<int>(r.points.size()));
    for (int i = 0; i < table_->rowCount(); ++i) {
        const ValidationPointResult& p = r.points[static_cast<std::size_t>(i)];
        table_->setItem(i, 0, cell(point_label(p.point).section('\n', 0, 0), false));
        table_->setItem(i, 1, cell(QLocale(QLocale::English).toString(p.point.connections)));
        // With repeats, each side's runs' range (the median's error bar) in the tooltip.
        const auto ranged = [](QTableWidgetItem* item, const ValidationSide& side, double low,
                               double high, int digits, const QString& unit) {
            if (side.runs > 1) {
                item->setToolTip(tr("%1 runs ranged %2–%3%4")
                                     .arg(side.runs)
                                     .arg(number(low, digits), number(high, digits), unit));
            }
            return item;
        };
        table_->setItem(i, 2,
                        ranged(cell(number(p.real.rps, 1)), p.real, p.real.rps_low, p.real.rps_high,
                               0, tr(" req/s")));
        table_->setItem(i, 3,
                        ranged(cell(number(p.model.rps, 1)), p.model, p.model.rps_low,
                               p.model.rps_high, 0, tr(" req/s")));
        table_->setItem(i, 4, cell(number(p.rps_ratio, 2) + "×"));
        // "≥": a request still unanswered when the run ended, which waited at least this long.
        const auto p99 = [](const ValidationSide& side) {
            return (side.p99_lower_bound ? QStringLiteral("≥") : QString()) +
                   number(side.p99_ms, 2);
        };
        table_->setItem(
            i, 5,
            ranged(cell(p99(p.real)), p.real, p.real.p99_low_ms, p.real.p99_high_ms, 1, tr(" ms")));
        table_->setItem(i, 6,
                        ranged(cell(p99(p.model)), p.model, p.model.p99_low_ms, p.model.p99_high_ms,
                               1, tr(" ms")));
        table_->setItem(
            i, 7, cell(number(p.p99_ratio, 2) + "×" + (p.p99_counts ? "" : tr(" (not counted)"))));
        auto* verdict = cell(engine_text(p.verdict), false);
        // The verdict, and what the runs warned of (a real server still busy before a run).
        QString tip = engine_text(p.verdict);
        for (const std::string& w : p.real_warnings)
            tip += "\n" + tr("Real server: %1").arg(engine_text(w));
        for (const std::string& w : p.model_warnings)
            tip += "\n" + tr("Model: %1").arg(engine_text(w));
        verdict->setToolTip(tip);
        // Amber: ok only against the real server's own spread, which the tooltip gives.
        verdict->setForeground(p.within_real_spread ? QColor(150, 95, 0)
                               : p.ok               ? QColor(0, 120, 60)
                                                    : QColor(176, 0, 32));
        table_->setItem(i, 8, verdict);
    }
    table_->resizeColumnsToContents();
    QString summary =
        tr("<b>%1</b> against %2: the worst ratio is <b>%3×</b> (fidelity; 0.8 is as far off "
           "as 1.25); %4 of %5 points outside ±15 % req/s or ×1.5 p99 where the server is "
           "saturated.")
            .arg(engine_text(r.shape).toHtmlEscaped(),
                 QString::fromStdString(settings.real.url).toHtmlEscaped(), number(r.fidelity, 2))
            .arg(r.outside)
            .arg(r.points.size());
    if (r.within_real_spread > 0) {
        summary += " " + tr("Within only against the real server's own spread (its runs "
                            "disagreed by more than the bound, or it and the model landed "
                            "alike in a race): %1.")
                             .arg(r.within_real_spread);
    }
    summary_->setText(summary);
    export_->setEnabled(true);
}

Result<void, QString> ModelVsRealTable::export_to(const QString& path) const {
    if (!result_) return Failure{tr("nothing to export yet")};
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "png" || suffix == "svg" || suffix == "pdf") {
        return export_model_vs_real(*result_, settings_, path, true);
    }
    QByteArray bytes;
    if (suffix == "csv") {
        bytes = QByteArray::fromStdString(validation_csv(*result_));
    } else if (suffix == "json") {
        bytes = QByteArray::fromStdString(validation_to_json(*result_, settings_).dump(2) + "\n");
    } else {
        return Failure{tr("the file name must end in .csv, .json, .png, .svg or .pdf")};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return Failure{tr("cannot write %1: %2").arg(path, file.errorString())};
    }
    return {};
}

void ModelVsRealTable::export_clicked() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Model vs real"), "model-vs-real.csv",
        tr("CSV (*.csv);;JSON (*.json);;PNG chart (*.png);;SVG chart (*.svg);;PDF chart (*.pdf)"));
    if (path.isEmpty()) return;
    if (auto written = export_to(path); !written) {
        QMessageBox::warning(this, tr("Export failed"), written.error());
    }
}

}  // namespace conclab::ui
