#include "time_series_chart.hpp"

#include <QCheckBox>
#include <QVBoxLayout>

#include <cmath>

#include <qcustomplot.h>

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
    : QWidget(parent), plot_(new QCustomPlot(this)), title_(title), y_label_(y_label) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    setMinimumSize(280, 180);
    plot_->plotLayout()->insertRow(0);
    plot_->plotLayout()->addElement(0, 0, new QCPTextElement(plot_, title, QFont()));
    plot_->xAxis->setLabel("time (s)");
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
    set_style(style_);
}

int TimeSeriesChart::add_series(const QString& name, const QColor& color, bool ghost,
                                Qt::PenStyle pen_style, Stroke stroke) {
    QCPGraph* graph = plot_->addGraph();
    graph->setName(name);
    graph->setAdaptiveSampling(true);
    if (ghost) graph->setLayer("background");
    looks_.push_back({color, ghost, pen_style, stroke});
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
    // A log axis cannot show zero or less: those become gaps rather than a made-up value.
    if (log_y_ && !(value > 0)) value = std::nan("");
    plot_->graph(series)->addData(t_s, value);
    latest_t_ = std::max(latest_t_, t_s);
}

void TimeSeriesChart::add_marker(double t_s, const QString& label) {
    markers_.push_back({t_s, label});
    rebuild_markers();
}

void TimeSeriesChart::rebuild_markers() {
    plot_->clearItems();
    for (std::size_t i = 0; i < markers_.size(); ++i) {
        auto* line = new QCPItemStraightLine(plot_);
        line->point1->setCoords(markers_[i].t_s, 0);
        line->point2->setCoords(markers_[i].t_s, 1);
        line->setPen(QPen(style_.foreground(), style_.presentation ? 2 : 1, Qt::DashLine));
        auto* text = new QCPItemText(plot_);
        text->position->setTypeX(QCPItemPosition::ptPlotCoords);
        text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        // Staggered so that labels of changes made in quick succession do not overlap.
        text->position->setCoords(markers_[i].t_s, 0.04 + 0.09 * static_cast<double>(i % 4));
        text->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        text->setText(" " + markers_[i].label);
        text->setFont(style_.font(0.9));
        text->setColor(style_.foreground());
        text->setBrush(QBrush(style_.background()));
        text->setClipToAxisRect(true);
    }
}

void TimeSeriesChart::clear() {
    plot_->clearGraphs();
    plot_->clearItems();
    markers_.clear();
    looks_.clear();
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
        // Existing zeros cannot be drawn on a log axis.
        for (int i = 0; i < plot_->graphCount(); ++i) {
            for (auto it = plot_->graph(i)->data()->begin(); it != plot_->graph(i)->data()->end();
                 ++it) {
                if (!(it->value > 0)) it->value = std::nan("");
            }
        }
    } else {
        plot_->yAxis->setScaleType(QCPAxis::stLinear);
        plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
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

void TimeSeriesChart::refresh() {
    // A live window starts 10 s wide, grows to its full width, then scrolls.
    const double end = std::max(latest_t_, window_s_ > 0 ? std::min(window_s_, 10.0) : 1.0);
    const double start = window_s_ > 0 ? std::max(0.0, end - window_s_) : 0.0;
    plot_->xAxis->setRange(start, std::max(end, start + 1.0));
    // Y range from the visible points only, so an early spike does not flatten the present.
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
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

int TimeSeriesChart::series_count() const {
    return plot_->graphCount();
}

int TimeSeriesChart::point_count(int series) const {
    if (series < 0 || series >= plot_->graphCount()) return 0;
    return plot_->graph(series)->dataCount();
}

}  // namespace conclab::ui
