#include "charts/time_series_chart.hpp"

#include <QCheckBox>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

#include "charts/axis_scaling.hpp"
#include "charts/chart_overlay.hpp"
#include "charts/elided_legend_item.hpp"

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
    // Labels drawn deeper than the room the axes left (markers added since, stacked rows): the
    // axes are scaled again once. Only ever more room, so it settles at the next drawing.
    connect(plot_, &QCustomPlot::afterReplot, this, [this] {
        if (!markers_.empty() && std::min(overlay_->label_share(), 0.5) > room_share_ + 0.02)
            refresh();
    });
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
    QColor c = style_.shown(look.color);  // a run's colour for the background
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
    QCPAxis* axis = plot_->graph(series)->valueAxis();
    if (axis->scaleType() == QCPAxis::stLogarithmic && value <= 0) {
        zero_keys_[static_cast<std::size_t>(series)].push_back(t_s);
        const double level = zero_level(axis);
        value = level > 0 ? level : std::nan("");
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
    room_share_ = 0;
    rebuild_markers();
    looks_.clear();
    tips_.clear();
    zero_keys_.clear();
    for (const auto& [axis, level] : zero_levels_) overlay_->set_zero_level(axis, 0);
    zero_levels_.clear();
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

void TimeSeriesChart::set_log_toggle_font(const QFont& font) {
    if (!log_toggle_) return;
    log_toggle_->setFont(font);
    place_log_toggle();
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
        make_log_axis(plot_->yAxis);
        // Existing zeros go to the floor (place_zeros), remembered to come back on a linear axis.
        for (int i = 0; i < plot_->graphCount(); ++i) {
            if (plot_->graph(i)->valueAxis() != plot_->yAxis) continue;
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
        set_zero_values(plot_->yAxis, 0);
        for (int i = 0; i < plot_->graphCount(); ++i) {
            if (plot_->graph(i)->valueAxis() == plot_->yAxis)
                zero_keys_[static_cast<std::size_t>(i)].clear();
        }
        set_zero_level(plot_->yAxis, 0);
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
    hide_zeros();
    const std::optional<QCPRange> shown = visible_value_range(*plot_, plot_->yAxis);
    const double lo = shown ? shown->lower : 0, hi = shown ? shown->upper : 0;
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
    if (log_y_) place_zeros(plot_->yAxis);
    leave_room_for_markers(plot_->yAxis);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

// A marker's label sits in a row at the top of the plot on a box of the background: the axis
// reaches that much higher, so that the box hides no data (a band at the connections' maximum
// seemed to stop at a worker's death marker, its label drawn over it).
void TimeSeriesChart::leave_room_for_markers(QCPAxis* axis) {
    if (markers_.empty()) return;
    const QFontMetricsF metrics(style_.font(0.9));
    const double row = metrics.height() * 1.3 + 6;  // ChartOverlay's row, its padding, a gap
    // As many rows as the labels took when last drawn (several markers close together stack
    // their labels); before a first drawing, one row of the plot's height as last laid out.
    const int height = plot_->axisRect()->height();
    const double drawn = overlay_->label_share();
    const double share = drawn > 0 ? std::clamp(drawn, 0.08, 0.5)
                                   : std::clamp(row / std::max(height, 1), 0.08, 0.25);
    room_share_ = std::max(room_share_, share);
    const QCPRange r = axis->range();
    if (axis->scaleType() == QCPAxis::stLogarithmic) {
        if (r.lower <= 0) return;
        const double top = (std::log10(r.upper) - share * std::log10(r.lower)) / (1 - share);
        axis->setRange(r.lower, std::pow(10.0, top));
    } else {
        axis->setRange(r.lower, (r.upper - share * r.lower) / (1 - share));
    }
}

void TimeSeriesChart::hide_zeros() {
    for (const auto& [axis, level] : zero_levels_) set_zero_values(axis, std::nan(""));
}

// Zeros on a log axis: the axis reaches a third of a decade below its lowest labelled decade,
// and the zeros are drawn just above that floor, where the overlay marks "0".
void TimeSeriesChart::place_zeros(QCPAxis* axis) {
    bool any = false;
    for (int i = 0; i < plot_->graphCount(); ++i) {
        any = any || (plot_->graph(i)->valueAxis() == axis &&
                      !zero_keys_[static_cast<std::size_t>(i)].empty());
    }
    if (!any) {
        set_zero_level(axis, 0);
        return;
    }
    const QCPRange range = axis->range();
    const double floor = range.lower / 3;
    axis->setRange(floor, range.upper);
    set_zero_level(axis, floor * 1.25);
    set_zero_values(axis, floor * 1.25);
}

double TimeSeriesChart::zero_level(const QCPAxis* axis) const {
    for (const auto& [a, level] : zero_levels_) {
        if (a == axis) return level;
    }
    return 0;
}

void TimeSeriesChart::set_zero_level(const QCPAxis* axis, double level) {
    auto it = std::find_if(zero_levels_.begin(), zero_levels_.end(),
                           [&](const auto& z) { return z.first == axis; });
    if (it != zero_levels_.end()) {
        it->second = level;
    } else if (level > 0) {
        zero_levels_.emplace_back(axis, level);
    }
    overlay_->set_zero_level(axis, level);
}

void TimeSeriesChart::set_zero_values(const QCPAxis* axis, double value) {
    for (int i = 0; i < plot_->graphCount(); ++i) {
        if (plot_->graph(i)->valueAxis() != axis) continue;
        QCPGraphDataContainer& data = *plot_->graph(i)->data();
        for (double key : zero_keys_[static_cast<std::size_t>(i)]) {
            auto it = data.begin() + (data.findBegin(key, false) - data.constBegin());
            if (it != data.end() && it->key == key) it->value = value;
        }
    }
}

void TimeSeriesChart::clear_series(int series) {
    if (series < 0 || series >= plot_->graphCount()) return;
    plot_->graph(series)->data()->clear();
    zero_keys_[static_cast<std::size_t>(series)].clear();
}

int TimeSeriesChart::zero_count(int series) const {
    if (series < 0 || series >= plot_->graphCount()) return 0;
    return static_cast<int>(zero_keys_[static_cast<std::size_t>(series)].size());
}

int TimeSeriesChart::series_count() const {
    return plot_->graphCount();
}

int TimeSeriesChart::point_count(int series) const {
    if (series < 0 || series >= plot_->graphCount()) return 0;
    return plot_->graph(series)->dataCount();
}

}  // namespace conclab::ui
