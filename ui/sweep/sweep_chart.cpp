#include "sweep/sweep_chart.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

#include "charts/axis_scaling.hpp"
#include "charts/chart_style.hpp"
#include "export/chart_exporter.hpp"
#include "text/engine_text.hpp"

namespace conclab::ui {

namespace {

constexpr int kCurvePoints = 120;

QString ci(const UslParameter& p, int precision, char format = 'g') {
    QString text = QString::number(p.value, format, precision);
    if (p.low && p.high) {
        text += QStringLiteral(" (%1 – %2)")
                    .arg(QString::number(*p.low, format, precision),
                         QString::number(*p.high, format, precision));
    }
    return text;
}

void setup_plot(QCustomPlot* plot, const QString& title, const QString& y_label) {
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0,
                                   new QCPTextElement(plot, title, QFont("sans", 11, QFont::Bold)));
    plot->xAxis->setLabel(QObject::tr("client connections N (log)"));
    plot->yAxis->setLabel(y_label);
    make_log_axis(plot->xAxis);
    plot->legend->setVisible(true);
    plot->legend->setFont(QFont("sans", 8));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    // Two side by side beside the Sweep window's controls fit a 1024-pixel-wide screen.
    plot->setMinimumSize(260, 220);
}

QCPGraph* add_graph(QCustomPlot* plot, const QString& name, const QColor& color, Qt::PenStyle style,
                    bool scatter) {
    QCPGraph* g = plot->addGraph();
    g->setName(name);
    QPen pen(color, scatter ? 1.5 : 2.0, style);
    g->setPen(pen);
    if (scatter) {
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 7));
    }
    return g;
}

// N from 1 to max_n on a log scale.
std::vector<double> curve_n(double max_n) {
    std::vector<double> n;
    for (int i = 0; i < kCurvePoints; ++i) {
        n.push_back(std::pow(max_n, static_cast<double>(i) / (kCurvePoints - 1)));
    }
    return n;
}

}  // namespace

UslFit sweep_fit(const std::vector<SweepPoint>& points) {
    const bool has_one = std::any_of(points.begin(), points.end(),
                                     [](const SweepPoint& p) { return p.connections == 1; });
    if (!has_one || points.size() < kRecommendedUslPoints) {
        UslFit fit;
        fit.why_not = QObject::tr("no fit yet: it needs %1 points including N = 1 (have %2%3)")
                          .arg(kRecommendedUslPoints)
                          .arg(points.size())
                          .arg(has_one ? QString() : QObject::tr(", none at N = 1"))
                          .toStdString();
        return fit;
    }
    return fit_sweep(points);
}

QString fit_summary(const UslFit& f) {
    if (!f.ok) return engine_text(f.why_not);
    QString text = QObject::tr("λ = %1 req/s · σ = %2 · κ = %3 · N* = %4 · R² = %5")
                       .arg(ci(f.lambda, 4), ci(f.sigma, 3), ci(f.kappa, 3),
                            f.n_star ? QString::number(*f.n_star, 'f', 0) : QObject::tr("none"),
                            QString::number(f.r2, 'f', 3));
    if (!f.caution.empty()) text += QObject::tr(" (%1)").arg(engine_text(f.caution));
    return text;
}

SweepChart::SweepChart(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(this)),
      subtitle_(new QLabel(this)),
      throughput_(new QCustomPlot(this)),
      latency_(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    title_->setFont(big);
    title_->setWordWrap(true);
    subtitle_->setWordWrap(true);
    layout->addWidget(title_);
    layout->addWidget(subtitle_);
    auto* row = new QHBoxLayout;
    row->addWidget(throughput_);
    row->addWidget(latency_);
    layout->addLayout(row, 1);
    throughput_->setObjectName("sweepThroughputChart");
    latency_->setObjectName("sweepLatencyChart");
    setup_plot(throughput_, tr("Throughput X(N)"), tr("req/s"));
    setup_plot(latency_, tr("Latency R(N)"), tr("ms (mean)"));
    make_log_axis(latency_->yAxis);
    rescale();
}

void SweepChart::clear() {
    throughput_->clearGraphs();
    latency_->clearGraphs();
    models_.clear();
    max_n_ = 1;
    rescale();
}

int SweepChart::add_model(const QString& label) {
    const QColor color = series_color(static_cast<int>(models_.size()));
    // The legend names each model once (its measured points, in its colour) and the line
    // styles once, with the first model: with three models, twelve entries would hide the data.
    const bool first = models_.empty();
    Graphs g{};
    g.measured = throughput_->graphCount();
    add_graph(throughput_, label, color, Qt::SolidLine, true);
    g.fit = throughput_->graphCount();
    add_graph(throughput_, tr("USL fit (solid)"), color, Qt::SolidLine, false);
    g.ideal = throughput_->graphCount();
    add_graph(throughput_, tr("linear ideal λN (dotted)"), color.lighter(130), Qt::DotLine, false);
    g.amdahl = throughput_->graphCount();
    add_graph(throughput_, tr("Amdahl bound, κ = 0 (dashed)"), color.lighter(115), Qt::DashLine,
              false);
    g.latency_measured = latency_->graphCount();
    add_graph(latency_, label + tr(", measured mean"), color, Qt::SolidLine, true);
    g.latency_fit = latency_->graphCount();
    add_graph(latency_, tr("N / X(N) of the fit (solid)"), color, Qt::SolidLine, false);
    if (!first) {
        for (int i : {g.fit, g.ideal, g.amdahl}) throughput_->graph(i)->removeFromLegend();
        latency_->graph(g.latency_fit)->removeFromLegend();
    }
    models_.push_back(g);
    return static_cast<int>(models_.size()) - 1;
}

void SweepChart::set_model(int index, const std::vector<SweepPoint>& points, const UslFit& fit) {
    if (index < 0 || index >= model_count()) return;
    const Graphs& g = models_[static_cast<std::size_t>(index)];
    QVector<double> n, x, r;
    for (const SweepPoint& p : points) {
        max_n_ = std::max(max_n_, static_cast<double>(p.connections));
        n << p.connections;
        x << p.rps;
        r << (p.mean_ms > 0 ? p.mean_ms : std::nan(""));
    }
    throughput_->graph(g.measured)->setData(n, x);
    latency_->graph(g.latency_measured)->setData(n, r);
    QVector<double> cn, fx, ideal, amdahl, fr;
    if (fit.ok) {
        const double l = fit.lambda.value, s = fit.sigma.value, k = fit.kappa.value;
        for (double v : curve_n(std::max(max_n_, 2.0))) {
            cn << v;
            fx << usl_throughput(l, s, k, v);
            ideal << l * v;
            amdahl << usl_throughput(l, s, 0, v);
            fr << 1000.0 * v / usl_throughput(l, s, k, v);
        }
    }
    throughput_->graph(g.fit)->setData(cn, fx);
    throughput_->graph(g.ideal)->setData(cn, ideal);
    throughput_->graph(g.amdahl)->setData(cn, amdahl);
    latency_->graph(g.latency_fit)->setData(cn, fr);
    rescale();
}

void SweepChart::rescale() {
    const double top_n = std::max(max_n_ * 1.3, 2.0);
    // The ideal λN grows without bound: the y axis follows the measured points and the fit.
    double hi = 1;
    for (const Graphs& g : models_) {
        for (int i : {g.measured, g.fit}) {
            bool found = false;
            const QCPRange r = throughput_->graph(i)->getValueRange(found);
            if (found) hi = std::max(hi, r.upper);
        }
    }
    throughput_->xAxis->setRange(0.8, top_n);
    throughput_->yAxis->setRange(0, hi * 1.25);
    latency_->xAxis->setRange(0.8, top_n);
    bool found = false;
    double lo = 1e9, lat_hi = 0;
    for (const Graphs& g : models_) {
        for (int i : {g.latency_measured, g.latency_fit}) {
            const QCPRange r = latency_->graph(i)->getValueRange(found);
            if (found && r.upper > 0) {
                lo = std::min(lo, std::max(r.lower, 1e-3));
                lat_hi = std::max(lat_hi, r.upper);
            }
        }
    }
    if (lat_hi > 0) {
        latency_->yAxis->setRange(lo / 2, lat_hi * 2);
    } else {
        latency_->yAxis->setRange(0.1, 1000);
    }
    throughput_->replot(QCustomPlot::rpQueuedReplot);
    latency_->replot(QCustomPlot::rpQueuedReplot);
}

void SweepChart::set_heading(const QString& title, const QString& subtitle) {
    title_->setText(title);
    subtitle_->setText(subtitle);
}

QString SweepChart::title() const {
    return title_->text();
}
QString SweepChart::subtitle() const {
    return subtitle_->text();
}

void SweepChart::set_provenance(const QString& text) {
    provenance_ = text;
}

QString describe_sweep_workload(const SweepResult& s) {
    const auto& w = s.base.server.workload;
    const QString workload =
        QObject::tr("%1 ms CPU + %2 ms I/O per request · %3 s per point after %4 s warm-up")
            .arg(w.cpu_ms)
            .arg(w.io_ms)
            .arg(s.step_s)
            .arg(s.warmup_s);
    if (!s.idle) return workload;
    return QObject::tr("N idle connections beside %1 loading · %2")
        .arg(s.base.load.connections)
        .arg(workload);
}

}  // namespace conclab::ui
