#include "compare_table.hpp"

#include <QHeaderView>

#include "chart_exporter.hpp"
#include "chart_style.hpp"

namespace conclab::ui {

CompareTable::CompareTable(QWidget* parent) : QTableWidget(parent) {
    setColumnCount(7);
    setHorizontalHeaderLabels({tr("Model"), tr("req/s"), tr("p50 ms"), tr("p99 ms"), tr("Errors"),
                               tr("Peak in service"), tr("Peak waiting")});
    // Columns as wide as their content, and the table as tall as its rows: no scroll bars, no
    // stretched empty cells, and the charts keep the rest of the height.
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
}

void CompareTable::show_results(const std::vector<RunResult>& runs) {
    setRowCount(static_cast<int>(runs.size()));
    for (int row = 0; row < rowCount(); ++row) {
        const RunResult& r = runs[static_cast<std::size_t>(row)];
        const Summary& s = r.summary;
        auto number = [](double v, int decimals) { return QString::number(v, 'f', decimals); };
        const QString none = QStringLiteral("—");
        const QStringList cells = {
            model_label(r.config),
            number(s.rps, 1),
            s.latency ? number(s.latency->p50_ms, 2) : none,
            s.latency ? number(s.latency->p99_ms, 2) : none,
            QString::number(s.errors),
            s.server_in_service_max ? QString::number(*s.server_in_service_max, 'f', 1) : none,
            s.server_waiting_max ? QString::number(*s.server_waiting_max, 'f', 1) : none};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (column > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (column == 0) item->setForeground(series_color(row));
            setItem(row, column, item);
        }
    }
    resizeColumnsToContents();
    setFixedHeight(horizontalHeader()->sizeHint().height() +
                   rowCount() * verticalHeader()->defaultSectionSize() + 2 * frameWidth());
}

}  // namespace conclab::ui
