#include "compare_table.hpp"

#include <QHeaderView>
#include <QScrollBar>

#include <optional>

#include "chart_exporter.hpp"
#include "chart_style.hpp"
#include "experiment/repeat_stats.hpp"

namespace conclab::ui {

namespace {

const QString kNone = QStringLiteral("—");

QString text_of(const Spread& spread, int decimals) {
    return QString::fromStdString(spread_text(spread, decimals));
}

QString text_of(const std::optional<Spread>& spread, int decimals) {
    return spread ? text_of(*spread, decimals) : kNone;
}

// The spread of a figure that some runs may not have measured; none if no run did.
template <typename Get>
std::optional<Spread> spread_of_optional(const RunSet& set, Get get) {
    std::vector<double> values;
    for (const RunResult& r : set) {
        if (const auto v = get(r.summary)) values.push_back(*v);
    }
    if (values.empty()) return std::nullopt;
    return spread_of(values);
}

// What the other rows are a multiple of: "event loop", "real server".
QString short_label(const RunConfig& c) {
    return c.external ? QObject::tr("real server") : model_label(c);
}

}  // namespace

CompareTable::CompareTable(QWidget* parent) : QTableWidget(parent) {
    setColumnCount(ColumnCount);
    setHorizontalHeaderLabels({tr("Run"), tr("req/s"), tr("vs first"), tr("p50 ms"), tr("p99 ms"),
                               tr("p99.9 ms"), tr("Errors"), tr("Peak in service"),
                               tr("Peak waiting")});
    // Columns as wide as their content, and the table as tall as its rows: no scroll bars, no
    // stretched empty cells, and the charts keep the rest of the height.
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(false);
    // Repeated runs' spreads can make the table wider than the window: then it scrolls sideways.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
}

void CompareTable::show_results(const std::vector<RunResult>& runs) {
    std::vector<RunSet> sets;
    for (const RunResult& r : runs) sets.push_back({r});
    show_sets(sets);
}

void CompareTable::show_sets(const std::vector<RunSet>& sets) {
    setRowCount(static_cast<int>(sets.size()));
    std::optional<RepeatSummary> first;
    for (int row = 0; row < rowCount(); ++row) {
        const RunSet& set = sets[static_cast<std::size_t>(row)];
        if (set.empty()) continue;
        std::vector<Summary> summaries;
        for (const RunResult& r : set) summaries.push_back(r.summary);
        const RepeatSummary s = summarise_repeats(summaries);
        if (!first) first = s;
        QString versus = row == 0 ? tr("baseline") : kNone;
        if (row > 0 && first->rps.median > 0) {
            versus = tr("%1× %2").arg(
                QString::fromStdString(ratio_text(s.rps.median / first->rps.median)),
                short_label(sets.front().front().config));
        }
        const auto in_service =
            spread_of_optional(set, [](const Summary& m) { return m.server_in_service_max; });
        const auto waiting =
            spread_of_optional(set, [](const Summary& m) { return m.server_waiting_max; });
        const QStringList cells = {model_label(set.front().config),
                                   text_of(s.rps, 1),
                                   versus,
                                   text_of(s.p50_ms, 2),
                                   text_of(s.p99_ms, 2),
                                   text_of(s.p999_ms, 2),
                                   text_of(s.errors, 0),
                                   text_of(in_service, 1),
                                   text_of(waiting, 1)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (column > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (column == 0) item->setForeground(series_color(row));
            setItem(row, column, item);
        }
        if (set.size() > 1) {
            item(row, Rps)->setToolTip(tr("Median (min–max) of %1 runs").arg(set.size()));
        }
    }
    resizeColumnsToContents();
    fit_height();
}

void CompareTable::fit_height() {
    const bool scrolls = horizontalHeader()->length() > width() - 2 * frameWidth();
    setFixedHeight(horizontalHeader()->sizeHint().height() +
                   rowCount() * verticalHeader()->defaultSectionSize() + 2 * frameWidth() +
                   (scrolls ? horizontalScrollBar()->sizeHint().height() : 0));
}

void CompareTable::resizeEvent(QResizeEvent* event) {
    QTableWidget::resizeEvent(event);
    fit_height();
}

}  // namespace conclab::ui
