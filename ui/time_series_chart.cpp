#include "time_series_chart.hpp"

#include <QCheckBox>
#include <QHelpEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

#include "chart_overlay.hpp"
#include "elided_legend_item.hpp"

namespace conclab::ui {

namespace {

QCPTextElement* title_element(QCustomPlot* plot) {
    return qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0));
}

// A band is this many lines wide, and this opaque (of 255), so a line on top stays readable.
constexpr double kBandWidth = 3.2;
constexpr int kBandAlpha = 70;
constexpr int kGhostAlpha = 110;

}  // namespace

TimeSeriesChart::TimeSeriesChart(const QString& title, const QString& y_label, QWidget* parent)
    : QWidget(parent),
      plot_(new QCustomPlot(this)),
      title_(title),
      y_label_(y_label),
      overlay_(new ChartOverlay(plot_)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    setMinimumSize(280, 180);
    plot_->plotLayout()->insertRow(0);
    plot_->plotLayout()->addElement(0, 0, new QCPTextElement(plot_, title, QFont()));
    plot_->xAxis->setLabel(tr("time (s)"));
    plot_->yAxis->setLabel(y_label);
    // The legend gets its own row under the axes, laid out horizontally, so it never covers
    // data or the markers' labels.
    plot_->legend->setVisible(true);
    plot_->axisRect()->insetLayout()->take(plot_->legend);
    plot_->plotLayout()->addElement(2, 0, plot_->legend);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setWrap(3);
    plot_->plotLayout()->setRowStretchFactor(2, 0.001);
    plot_->plotLayout()->setRowSpacing(2);
    plot_->setNoAntialiasingOnDrag(true);
    plot_->installEventFilter(this);
    set_style(style_);
}

int TimeSeriesChart::add_series(const QString& name, const QColor& color, bool ghost,
                                Qt::PenStyle pen_style, Stroke stroke) {
    QCPGraph* graph = plot_->addGraph();
    graph->setName(name);
    graph->setAdaptiveSampling(true);
    if (ghost) graph->setLayer("background");
    ElidedLegendItem::replace_in(plot_->legend, graph);
    fit_legend_to_entries();
    looks_.push_back({color, ghost, pen_style, stroke});
    zero_keys_.emplace_back();
    apply_pen(plot_->graphCount() - 1);
    return plot_->graphCount() - 1;
}

void TimeSeriesChart::apply_pen(int series) {
    const SeriesLook& look = looks_[static_cast<std::size_t>(series)];
    QColor c = look.color;
    double width = style_.line_width();
    if (look.stroke == Stroke::Band) {
        c.setAlpha(look.ghost ? kBandAlpha / 2 : kBandAlpha);
        width *= kBandWidth;
    } else if (look.ghost) {
        c.setAlpha(kGhostAlpha);
    }
    QPen pen(c, width, look.stroke == Stroke::Band ? Qt::SolidLine : look.pen_style);
    pen.setCapStyle(Qt::FlatCap);
    plot_->graph(series)->setPen(pen);
}

QCPGraph* TimeSeriesChart::graph(int series) const {
    return series >= 0 && series < plot_->graphCount() ? plot_->graph(series) : nullptr;
}

void TimeSeriesChart::append(int series, double t_s, double value) {
    if (series < 0 || series >= plot_->graphCount()) return;
    // A log axis cannot show zero: it is drawn at the floor (place_zeros), and remembered.
    if (log_y_ && value <= 0) {
        zero_keys_[static_cast<std::size_t>(series)].push_back(t_s);
        value = zero_level_ > 0 ? zero_level_ : std::nan("");
    }
    plot_->graph(series)->addData(t_s, value);
    latest_t_ = std::max(latest_t_, t_s);
}

void TimeSeriesChart::add_marker(double t_s, const QString& label) {
    markers_.emplace_back(t_s, label);
    rebuild_markers();
}

QStringList TimeSeriesChart::marker_labels() const {
    QStringList labels;
    for (const auto& marker : markers_) labels << marker.second;
    return labels;
}

void TimeSeriesChart::rebuild_markers() {
    std::vector<ChartOverlay::Marker> markers;
    for (const auto& [t_s, label] : markers_) markers.push_back({t_s, label});
    overlay_->set_markers(std::move(markers));
    overlay_->set_look(style_.foreground(), style_.background(), style_.font(0.9),
                       style_.presentation ? 2 : 1);
}

void TimeSeriesChart::clear() {
    plot_->clearGraphs();
    plot_->clearItems();
    markers_.clear();
    rebuild_markers();
    looks_.clear();
    tips_.clear();
    zero_keys_.clear();
    zero_level_ = 0;
    overlay_->set_zero_level(0);
    latest_t_ = 0;
}

void TimeSeriesChart::set_title(const QString& title) {
    title_ = title;
    if (auto* element = title_element(plot_)) element->setText(title);
}

void TimeSeriesChart::set_note(const QString& note) {
    note_ = note;
    if (note.isEmpty()) {
        if (note_element_) {
            plot_->plotLayout()->remove(note_element_);
            plot_->plotLayout()->simplify();
            note_element_ = nullptr;
        }
        return;
    }
    if (!note_element_) {
        note_element_ = new QCPTextElement(plot_, note, style_.font(0.85));
        plot_->plotLayout()->addElement(plot_->plotLayout()->rowCount(), 0, note_element_);
        plot_->plotLayout()->setRowStretchFactor(plot_->plotLayout()->rowCount() - 1, 0.001);
    }
    note_element_->setText(note);
    note_element_->setFont(style_.font(0.85));
    note_element_->setTextColor(style_.foreground());
}

QCheckBox* TimeSeriesChart::add_log_toggle() {
    if (log_toggle_) return log_toggle_;
    log_toggle_ = new QCheckBox(tr("log"), this);
    log_toggle_->setObjectName("logToggle");
    log_toggle_->setToolTip(
        tr("Logarithmic axis: a small series stays visible next to one a hundred times larger"));
    log_toggle_->setChecked(log_y_);
    connect(log_toggle_, &QCheckBox::toggled, this, [this](bool log) {
        set_log_y(log);
        refresh();
        emit logToggled(log);
    });
    place_log_toggle();
    log_toggle_->raise();
    return log_toggle_;
}

void TimeSeriesChart::place_log_toggle() {
    if (!log_toggle_) return;
    log_toggle_->adjustSize();
    log_toggle_->move(width() - log_toggle_->width() - 6, 3);
}

void TimeSeriesChart::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    place_log_toggle();
}

bool TimeSeriesChart::eventFilter(QObject* watched, QEvent* event) {
    if (watched == plot_ && event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        QCPLayoutElement* under = plot_->layoutElementAt(help->pos());
        if (auto* item = qobject_cast<QCPPlottableLegendItem*>(under)) {
            for (int i = 0; i < plot_->graphCount(); ++i) {
                if (plot_->graph(i) != item->plottable() || tip_of(i).isEmpty()) continue;
                QToolTip::showText(help->globalPos(), item->plottable()->name() + ": " + tip_of(i),
                                   plot_);
                return true;
            }
        }
        if (auto* item = qobject_cast<ElidedLegendItem*>(under)) {
            if (item->elided()) {
                QToolTip::showText(help->globalPos(), item->plottable()->name(), plot_);
                return true;
            }
        }
        if (!toolTip().isEmpty()) {  // elsewhere the chart explains itself
            QToolTip::showText(help->globalPos(), toolTip(), plot_);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TimeSeriesChart::set_series_tip(int series, const QString& tip) {
    if (series < 0) return;
    if (tips_.size() <= static_cast<std::size_t>(series))
        tips_.resize(static_cast<std::size_t>(series) + 1);
    tips_[static_cast<std::size_t>(series)] = tip;
}

QString TimeSeriesChart::tip_of(int series) const {
    if (series < 0 || static_cast<std::size_t>(series) >= tips_.size()) return {};
    return tips_[static_cast<std::size_t>(series)];
}

void TimeSeriesChart::set_window_s(double seconds) {
    window_s_ = seconds;
}

void TimeSeriesChart::set_legend_columns(int columns) {
    plot_->legend->setWrap(columns);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);  // re-flow existing items
}

void TimeSeriesChart::set_log_y(bool log) {
    log_y_ = log;
    if (log_toggle_ && log_toggle_->isChecked() != log) {
        const QSignalBlocker block(log_toggle_);
        log_toggle_->setChecked(log);
    }
    if (log) {
        plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
        plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
        // Existing zeros go to the floor (place_zeros), remembered to come back on a linear axis.
        for (int i = 0; i < plot_->graphCount(); ++i) {
            auto& keys = zero_keys_[static_cast<std::size_t>(i)];
            keys.clear();
            for (auto it = plot_->graph(i)->data()->begin(); it != plot_->graph(i)->data()->end();
                 ++it) {
                if (it->value <= 0) {
                    keys.push_back(it->key);
                    it->value = std::nan("");
                }
            }
        }
    } else {
        plot_->yAxis->setScaleType(QCPAxis::stLinear);
        plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        set_zero_values(0);
        for (auto& keys : zero_keys_) keys.clear();
        zero_level_ = 0;
        overlay_->set_zero_level(0);
    }
}

void TimeSeriesChart::set_style(const ChartStyle& style) {
    style_ = style;
    apply_style(*plot_, style_);
    for (int i = 0; i < plot_->graphCount(); ++i) apply_pen(i);  // bands stay wide
    if (note_element_) set_note(note_);
    if (auto* element = title_element(plot_)) {
        QFont f = style_.font(1.25);
        f.setBold(true);
        element->setFont(f);
        element->setTextColor(style_.foreground());
    }
    rebuild_markers();
}

// An empty legend caps its column's width (QCPLayoutGrid gives a column the least of its
// elements' maximum widths, and an empty grid's is its margins): the axes would shrink to a
// sliver. Without entries the legend leaves the layout, and comes back with the first.
void TimeSeriesChart::fit_legend_to_entries() {
    QCPLayoutGrid* layout = plot_->plotLayout();
    const bool has_entries = plot_->legend->itemCount() > 0;
    const bool occupied = layout->hasElement(2, 0);
    const bool in_layout = occupied && layout->element(2, 0) == plot_->legend;
    if (has_entries && !occupied) {
        layout->addElement(2, 0, plot_->legend);
    } else if (!has_entries && in_layout) {
        layout->take(plot_->legend);
    }
    plot_->legend->setVisible(has_entries);
}

void TimeSeriesChart::refresh() {
    fit_legend_to_entries();
    // A live window starts 10 s wide, grows to its full width, then scrolls.
    const double end = std::max(latest_t_, window_s_ > 0 ? std::min(window_s_, 10.0) : 1.0);
    const double start = window_s_ > 0 ? std::max(0.0, end - window_s_) : 0.0;
    plot_->xAxis->setRange(start, std::max(end, start + 1.0));
    // Y range from the visible points only, so an early spike does not flatten the present;
    // zeros on a log axis are left out (they are drawn at the floor this computes).
    if (log_y_) set_zero_values(std::nan(""));
    double lo = std::numeric_limits<double>::max(), hi = 0;
    for (int i = 0; i < plot_->graphCount(); ++i) {
        if (plot_->graph(i)->valueAxis() != plot_->yAxis) continue;
        bool found = false;
        const QCPRange r =
            plot_->graph(i)->getValueRange(found, QCP::sdBoth, plot_->xAxis->range());
        if (!found) continue;
        lo = std::min(lo, r.lower);
        hi = std::max(hi, r.upper);
    }
    if (hi <= 0) {
        plot_->yAxis->setRange(log_y_ ? 0.1 : 0, log_y_ ? 10 : 1);
    } else if (log_y_) {
        // From the decade below the smallest value, so that the lowest series has a labelled
        // tick under it (196 req/s starts the axis at 100, not at an unlabelled 137).
        const double floor_decade =
            std::pow(10.0, std::floor(std::log10(std::max(lo * 0.9, 1e-3))));
        plot_->yAxis->setRange(floor_decade, hi * 1.6);
    } else {
        plot_->yAxis->setRange(0, hi * 1.12);
    }
    if (log_y_) place_zeros();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

// Zeros on a log axis: the axis reaches a third of a decade below its lowest labelled decade,
// and the zeros are drawn just above that floor, where the overlay marks "0".
void TimeSeriesChart::place_zeros() {
    const bool any = std::any_of(zero_keys_.begin(), zero_keys_.end(),
                                 [](const std::vector<double>& keys) { return !keys.empty(); });
    if (!any) {
        zero_level_ = 0;
        overlay_->set_zero_level(0);
        return;
    }
    const QCPRange range = plot_->yAxis->range();
    const double floor = range.lower / 3;
    plot_->yAxis->setRange(floor, range.upper);
    zero_level_ = floor * 1.25;
    set_zero_values(zero_level_);
    overlay_->set_zero_level(zero_level_);
}

void TimeSeriesChart::set_zero_values(double value) {
    for (int i = 0; i < plot_->graphCount(); ++i) {
        QCPGraphDataContainer& data = *plot_->graph(i)->data();
        for (double key : zero_keys_[static_cast<std::size_t>(i)]) {
            auto it = data.begin() + (data.findBegin(key, false) - data.constBegin());
            if (it != data.end() && it->key == key) it->value = value;
        }
    }
}

int TimeSeriesChart::series_count() const {
    return plot_->graphCount();
}

int TimeSeriesChart::point_count(int series) const {
    if (series < 0 || series >= plot_->graphCount()) return 0;
    return plot_->graph(series)->dataCount();
}

}  // namespace conclab::ui
