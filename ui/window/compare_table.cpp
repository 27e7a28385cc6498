#include "window/compare_table.hpp"

#include <QHeaderView>
#include <QLocale>
#include <QScrollBar>

#include <optional>

#include "charts/chart_style.hpp"
#include "experiment/repeat_stats.hpp"
#include "export/chart_exporter.hpp"

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

// The time average of the requests waiting over the measured ticks: beside the peak, it tells a
// queue that lasts (a pool's 990, tick after tick) from one of an instant (an event loop's 300
// arriving while it writes other responses, served within a millisecond: a mean of about 10).
std::optional<double> mean_waiting(const RunResult& r) {
    double sum = 0;
    int ticks = 0;
    for (const MetricsSample& m : r.series) {
        if (m.warmup || !m.server_waiting) continue;
        sum += *m.server_waiting;
        ++ticks;
    }
    return ticks > 0 ? std::optional<double>(sum / ticks) : std::nullopt;
}

// What the other rows are a multiple of: "event loop", "real server".
QString short_label(const RunConfig& c) {
    return c.external ? QObject::tr("real server") : model_label(c);
}

double median_rps(const RunSet& set) {
    std::vector<Summary> summaries;
    for (const RunResult& r : set) summaries.push_back(r.summary);
    return summarise_repeats(summaries).rps.median;
}

QString versus_text(double rps, double baseline_rps, const RunConfig& baseline) {
    if (baseline_rps <= 0) return kNone;
    return QObject::tr("%1× %2").arg(QString::fromStdString(ratio_text(rps / baseline_rps)),
                                     short_label(baseline));
}

}  // namespace

QString kept_run_label(const RunConfig& config) {
    const QLocale english(QLocale::English);
    const QString load =
        config.load.rate > 0
            ? QObject::tr("%1 req/s").arg(english.toString(config.load.rate))
            : QObject::tr("%1 connections").arg(english.toString(config.load.connections));
    return QObject::tr("kept run: %1 · %2").arg(short_label(config), load);
}

CompareTable::CompareTable(QWidget* parent) : QTableWidget(parent) {
    setColumnCount(ColumnCount);
    // The peaks are counts at an instant, whole numbers ("10 served at once, 990 waiting"), as
    // the report's summary gives them; the charts draw the time averages.
    setHorizontalHeaderLabels({tr("Run"), tr("req/s"), tr("vs first"), tr("p50 ms"), tr("p99 ms"),
                               tr("p99.9 ms"), tr("Errors"), tr("Peak in service"),
                               tr("Peak waiting"), tr("Mean waiting")});
    horizontalHeaderItem(Waiting)->setToolTip(
        tr("The most requests waiting for the server at one instant over the measured period"));
    horizontalHeaderItem(WaitingMean)
        ->setToolTip(tr(
            "Requests waiting, averaged over time: a queue that lasts is as high as its peak; an "
            "event loop's momentary one (requests arriving while it writes other responses) "
            "averages far below it"));
    horizontalHeaderItem(InService)->setToolTip(
        tr("The most requests the server was serving at one instant over the "
           "measured period (a thread reading a request counts)"));
    horizontalHeaderItem(Waiting)->setToolTip(
        tr("The most requests that waited at one instant for a thread, the loop or a worker "
           "over the measured period"));
    horizontalHeaderItem(VsFirst)->setToolTip(
        tr("Requests per second as a multiple of the first run of the comparison (the "
           "baseline). A kept run is never the baseline."));
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

void CompareTable::show_results(const std::vector<RunResult>& runs,
                                const std::optional<RunResult>& kept) {
    std::vector<RunSet> sets;
    for (const RunResult& r : runs) sets.push_back({r});
    show_sets(sets, kept);
}

void CompareTable::show_sets(const std::vector<RunSet>& sets,
                             const std::optional<RunResult>& kept) {
    std::vector<RunSet> filled;
    for (const RunSet& set : sets) {
        if (!set.empty()) filled.push_back(set);
    }
    const int runs = static_cast<int>(filled.size());
    setRowCount(runs + (kept ? 1 : 0));
    kept_row_ = kept ? runs : -1;
    const double baseline_rps = filled.empty() ? 0 : median_rps(filled.front());
    for (int row = 0; row < runs; ++row) {
        const RunSet& set = filled[static_cast<std::size_t>(row)];
        const QString versus =
            row == 0 ? tr("baseline")
                     : versus_text(median_rps(set), baseline_rps, filled.front().front().config);
        fill_row(row, set, model_label(set.front().config), versus, series_color(row, dark_));
    }
    if (kept) {
        const QString versus = filled.empty() ? kNone
                                              : versus_text(kept->summary.rps, baseline_rps,
                                                            filled.front().front().config);
        fill_row(kept_row_, {*kept}, kept_run_label(kept->config), versus,
                 series_color(kKeptRunColorIndex, dark_));
        QFont italic = font();
        italic.setItalic(true);
        for (int column = 0; column < ColumnCount; ++column)
            item(kept_row_, column)->setFont(italic);
        item(kept_row_, Run)
            ->setToolTip(tr("Kept run (drawn faded behind the others): %1 · %2")
                             .arg(model_label(kept->config), describe_workload(kept->config)));
    }
    resizeColumnsToContents();
    fit_height();
}

void CompareTable::fill_row(int row, const RunSet& set, const QString& label, const QString& versus,
                            const QColor& color) {
    std::vector<Summary> summaries;
    for (const RunResult& r : set) summaries.push_back(r.summary);
    const RepeatSummary s = summarise_repeats(summaries);
    auto whole = [](const std::optional<int>& v) {
        return v ? std::optional<double>(*v) : std::nullopt;
    };
    const auto in_service =
        spread_of_optional(set, [&](const Summary& m) { return whole(m.server_in_service_peak); });
    const auto waiting =
        spread_of_optional(set, [&](const Summary& m) { return whole(m.server_waiting_peak); });
    std::vector<double> means;
    for (const RunResult& r : set) {
        if (const auto mean = mean_waiting(r)) means.push_back(*mean);
    }
    const std::optional<Spread> waiting_mean =
        means.empty() ? std::nullopt : std::optional<Spread>(spread_of(means));
    const QStringList cells = {label,
                               text_of(s.rps, 1),
                               versus,
                               text_of(s.p50_ms, 2),
                               text_of(s.p99_ms, 2),
                               text_of(s.p999_ms, 2),
                               text_of(s.errors, 0),
                               text_of(in_service, 0),
                               text_of(waiting, 0),
                               text_of(waiting_mean, 1)};
    for (int column = 0; column < cells.size(); ++column) {
        auto* cell = new QTableWidgetItem(cells[column]);
        if (column > 0) cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (column == 0) cell->setForeground(color);
        setItem(row, column, cell);
    }
    if (set.size() > 1) {
        item(row, Rps)->setToolTip(tr("Median (min–max) of %1 runs").arg(set.size()));
    }
}

void CompareTable::set_text_font(const QFont& font) {
    setFont(font);
    horizontalHeader()->setFont(font);
    verticalHeader()->setDefaultSectionSize(QFontMetrics(font).height() * 13 / 10);
    for (int row = 0; row < rowCount(); ++row) {
        for (int column = 0; column < columnCount(); ++column) {
            if (QTableWidgetItem* cell = item(row, column)) {
                QFont f = font;
                f.setItalic(row == kept_row_);
                cell->setFont(f);
            }
        }
    }
    resizeColumnsToContents();
    fit_height();
}

void CompareTable::set_dark(bool dark) {
    dark_ = dark;
    color_runs();
}

void CompareTable::color_runs() {
    for (int row = 0; row < rowCount(); ++row) {
        if (QTableWidgetItem* cell = item(row, Run))
            cell->setForeground(series_color(row == kept_row_ ? kKeptRunColorIndex : row, dark_));
    }
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
