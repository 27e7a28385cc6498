#include "sweep/cost_chart.hpp"

#include <QVBoxLayout>

#include <algorithm>

#include <qcustomplot.h>

#include "charts/chart_style.hpp"

namespace conclab::ui {

QString memory_per_connection_summary(const std::vector<SweepPoint>& points) {
    const auto slope = memory_per_connection_of(points);
    if (!slope) return QObject::tr("no memory per connection (too few points with a reading)");
    const QLocale locale;
    return QObject::tr("%1 KiB per connection (R² %2 over %3–%4 connections)")
        .arg(locale.toString(slope->kib, 'f', 1), locale.toString(slope->r2, 'f', 3),
             locale.toString(slope->connections_min), locale.toString(slope->connections_max));
}

CostChart::CostChart(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
    setObjectName("costChart");
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    plot_->plotLayout()->insertRow(0);
    plot_->plotLayout()->addElement(
        0, 0,
        new QCPTextElement(plot_, tr("Cost: server memory and threads against connections"),
                           QFont("sans", 11, QFont::Bold)));
    plot_->xAxis->setLabel(tr("connections the server holds"));
    plot_->yAxis->setLabel(tr("resident memory (MiB), solid"));
    plot_->yAxis2->setVisible(true);
    plot_->yAxis2->setLabel(tr("threads, dashed"));
    plot_->legend->setVisible(true);
    plot_->legend->setFont(QFont("sans", 8));
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    plot_->setMinimumSize(320, 220);
}

void CostChart::clear() {
    plot_->clearGraphs();
    models_.clear();
    labels_.clear();
    plot_->replot();
}

int CostChart::add_model(const QString& label) {
    const int index = static_cast<int>(models_.size());
    const QColor color = series_color(index);
    auto make = [&](QCPAxis* value_axis, Qt::PenStyle style, QCPScatterStyle::ScatterShape shape) {
        QCPGraph* g = plot_->addGraph(plot_->xAxis, value_axis);
        g->setPen(QPen(color, 2.0, style));
        g->setScatterStyle(QCPScatterStyle(shape, color, color, 7));
        return plot_->graphCount() - 1;
    };
    Graphs g{make(plot_->yAxis, Qt::SolidLine, QCPScatterStyle::ssDisc),
             make(plot_->yAxis2, Qt::DashLine, QCPScatterStyle::ssTriangle)};
    plot_->graph(g.memory)->setName(label + tr(" — memory"));
    plot_->graph(g.threads)->setName(label + tr(" — threads"));
    models_.push_back(g);
    labels_.push_back(label);
    return index;
}

void CostChart::set_points(int index, const std::vector<SweepPoint>& points) {
    const Graphs g = graphs(index);
    QVector<double> x, memory, threads;
    for (const SweepPoint& p : points) {
        if (!p.rss_mb) continue;
        x << p.server_connections.value_or(p.connections);
        memory << *p.rss_mb;
        threads << p.threads.value_or(0);
    }
    plot_->graph(g.memory)->setData(x, memory);
    plot_->graph(g.threads)->setData(x, threads);
    const auto slope = memory_per_connection_of(points);
    const QString label = labels_.at(static_cast<std::size_t>(index));
    plot_->graph(g.memory)->setName(
        slope ? tr("%1 — memory (%2 KiB per connection)").arg(label).arg(slope->kib, 0, 'f', 1)
              : label + tr(" — memory"));
    rescale();
}

void CostChart::rescale() {
    double max_x = 1, max_memory = 1, max_threads = 1;
    for (int i = 0; i < plot_->graphCount(); ++i) {
        for (const QCPGraphData& d : *plot_->graph(i)->data()) {
            max_x = std::max(max_x, d.key);
            if (plot_->graph(i)->valueAxis() == plot_->yAxis)
                max_memory = std::max(max_memory, d.value);
            if (plot_->graph(i)->valueAxis() == plot_->yAxis2)
                max_threads = std::max(max_threads, d.value);
        }
    }
    plot_->xAxis->setRange(0, max_x * 1.05);
    // Head room above the curves for the legend, top left.
    plot_->yAxis->setRange(0, max_memory * 1.7);
    plot_->yAxis2->setRange(0, max_threads * 1.7);
    plot_->replot();
}

}  // namespace conclab::ui
