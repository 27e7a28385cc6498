#include "calibrate/model_vs_real_chart.hpp"

#include <qcustomplot.h>
#include <QLocale>

#include <algorithm>
#include <cmath>

#include "charts/chart_style.hpp"
#include "export/slide_file.hpp"
#include "text/engine_text.hpp"

namespace conclab::ui {

namespace {

constexpr double kBand = 0.15;      // req/s within ±15 %
constexpr double kP99Factor = 1.5;  // p99 within a factor 1.5

QString number(double v, int digits) {
    return QLocale(QLocale::English).toString(v, 'f', digits);
}

void band(QCustomPlot& plot, double lo, double hi, const QColor& fill) {
    auto* rect = new QCPItemRect(&plot);
    rect->topLeft->setTypeX(QCPItemPosition::ptAxisRectRatio);
    rect->topLeft->setTypeY(QCPItemPosition::ptPlotCoords);
    rect->bottomRight->setTypeX(QCPItemPosition::ptAxisRectRatio);
    rect->bottomRight->setTypeY(QCPItemPosition::ptPlotCoords);
    rect->topLeft->setCoords(0, hi);
    rect->bottomRight->setCoords(1, lo);
    rect->setPen(Qt::NoPen);
    rect->setBrush(fill);
    rect->setLayer("background");
}

void level(QCustomPlot& plot, double y, const QPen& pen) {
    auto* line = new QCPItemStraightLine(&plot);
    line->point1->setCoords(0, y);
    line->point2->setCoords(1, y);
    line->setPen(pen);
}

}  // namespace

QString point_label(const ValidationPoint& p) {
    QString work;
    if (p.cpu_ms > 0 && p.io_ms > 0) {
        work = QObject::tr("CPU %1 + I/O %2 ms").arg(p.cpu_ms).arg(p.io_ms);
    } else if (p.cpu_ms > 0) {
        work = QObject::tr("CPU %1 ms").arg(p.cpu_ms);
    } else if (p.io_ms > 0) {
        work = QObject::tr("I/O %1 ms").arg(p.io_ms);
    } else {
        work = QObject::tr("no work");
    }
    return work + "\n" +
           QObject::tr("%1 conns").arg(QLocale(QLocale::English).toString(p.connections));
}

void draw_model_vs_real(QCustomPlot& plot, const ValidationResult& r,
                        const ValidationSettings& settings) {
    plot.clearPlottables();
    plot.clearItems();
    while (plot.plotLayout()->rowCount() > 1) {
        plot.plotLayout()->removeAt(0);
        plot.plotLayout()->simplify();
    }
    ChartStyle style;
    style.presentation = true;
    apply_style(plot, style);
    const int n = static_cast<int>(r.points.size());
    QVector<double> x, rps, p99_counted, p99_other;
    QVector<double> x_counted, x_other;
    // Error bars, from the real server's runs (--repeat): the ratio the model's median would
    // have against the real run that was highest and the one that was lowest.
    QVector<double> rps_below, rps_above, counted_below, counted_above, other_below, other_above;
    bool any_range = false;
    const auto bar = [&any_range](double ratio, double median, double low, double high,
                                  QVector<double>& below, QVector<double>& above) {
        const bool ranged = median > 0 && low > 0 && high > low;
        any_range = any_range || ranged;
        below << (ranged ? ratio - ratio * median / high : 0);
        above << (ranged ? ratio * median / low - ratio : 0);
    };
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    double top = 1 + 2 * kBand, bottom = 1 - 2 * kBand;
    for (int i = 0; i < n; ++i) {
        const ValidationPointResult& p = r.points[i];
        x << i;
        rps << p.rps_ratio;
        bar(p.rps_ratio, p.real.rps, p.real.rps_low, p.real.rps_high, rps_below, rps_above);
        (p.p99_counts ? x_counted : x_other) << i + 0.15;
        (p.p99_counts ? p99_counted : p99_other) << p.p99_ratio;
        bar(p.p99_ratio, p.real.p99_ms, p.real.p99_low_ms, p.real.p99_high_ms,
            p.p99_counts ? counted_below : other_below, p.p99_counts ? counted_above : other_above);
        ticker->addTick(i, point_label(p.point));
        for (double v : {p.rps_ratio, p.p99_ratio}) {
            if (v > 0) {
                top = std::max(top, v * 1.1);
                bottom = std::min(bottom, v / 1.1);
            }
        }
        // The bars' ends too, so that none is cut.
        if (p.real.runs > 1 && p.real.rps_low > 0 && p.real.p99_low_ms > 0) {
            top = std::max({top, p.rps_ratio * p.real.rps / p.real.rps_low * 1.1,
                            p.p99_ratio * p.real.p99_ms / p.real.p99_low_ms * 1.1});
            if (p.real.rps_high > 0 && p.real.p99_high_ms > 0) {
                bottom = std::min({bottom, p.rps_ratio * p.real.rps / p.real.rps_high / 1.1,
                                   p.p99_ratio * p.real.p99_ms / p.real.p99_high_ms / 1.1});
            }
        }
    }
    band(plot, 1 - kBand, 1 + kBand, QColor(0, 158, 115, 50));
    level(plot, 1, QPen(style.foreground(), 1.5));
    QPen dashed(QColor(150, 150, 150), 1.5, Qt::DashLine);
    level(plot, kP99Factor, dashed);
    level(plot, 1 / kP99Factor, dashed);

    auto scatter = [&](const QVector<double>& xs, const QVector<double>& ys, const QString& name,
                       const QColor& color, QCPScatterStyle::ScatterShape shape, bool filled,
                       const QVector<double>& below, const QVector<double>& above) {
        QCPGraph* g = plot.addGraph();
        g->setData(xs, ys, true);
        g->setName(name);
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(shape, color, filled ? color : QColor(Qt::white), 16));
        g->setPen(QPen(color, 2.5));
        if (!any_range || xs.isEmpty()) return;
        auto* bars = new QCPErrorBars(plot.xAxis, plot.yAxis);
        bars->removeFromLegend();
        bars->setDataPlottable(g);
        bars->setData(below, above);
        bars->setPen(QPen(color, 2.5));
        bars->setWhiskerWidth(14);
    };
    scatter(x, rps, QObject::tr("req/s, model ÷ real"), series_color(0), QCPScatterStyle::ssDisc,
            true, rps_below, rps_above);
    scatter(x_counted, p99_counted, QObject::tr("p99, model ÷ real (server saturated: counts)"),
            series_color(1), QCPScatterStyle::ssDiamond, true, counted_below, counted_above);
    scatter(x_other, p99_other, QObject::tr("p99, model ÷ real (not saturated: shown only)"),
            series_color(1), QCPScatterStyle::ssDiamond, false, other_below, other_above);

    plot.xAxis->setTicker(ticker);
    plot.xAxis->setRange(-0.6, std::max(n, 1) - 0.4);
    plot.xAxis->grid()->setVisible(false);
    plot.yAxis->setLabel(QObject::tr("model ÷ real (1 = the same; band ±15 %, dashes ×1.5)"));
    plot.yAxis->setScaleType(QCPAxis::stLogarithmic);
    auto log_ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (double v : {0.05, 0.1, 0.25, 0.33, 0.5, 0.67, 0.85, 1.0, 1.15, 1.5, 2.0, 3.0, 4.0, 6.0,
                     10.0, 15.0, 20.0, 30.0, 50.0}) {
        if (v >= bottom && v <= top) log_ticker->addTick(v, number(v, 2));
    }
    plot.yAxis->setTicker(log_ticker);
    plot.yAxis->setRange(bottom, top);
    plot.legend->setVisible(true);
    plot.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    plot.plotLayout()->insertRow(0);
    const QString title = QObject::tr("Model vs real: %1 against %2")
                              .arg(engine_text(r.shape), QString::fromStdString(settings.real.url));
    const QString subtitle =
        QObject::tr(
            "overhead %1 µs · fidelity %2 (worst ratio) · %3 of %4 points outside ±15 % "
            "req/s or ×1.5 p99 · %5 s per run, real and model alternating")
            .arg(number(settings.model.server.workload.overhead_us, 1), number(r.fidelity, 2))
            .arg(r.outside)
            .arg(n)
            .arg(settings.model.duration_s) +
        (any_range ? "\n" + QObject::tr("median of %1 runs each; bars: the ratio against the real "
                                        "server's highest and lowest run")
                                .arg(r.repeats)
                   : QString());
    auto* heading = new QCPTextElement(&plot, title + "\n" + subtitle, style.font(1.3));
    heading->setTextColor(style.foreground());
    plot.plotLayout()->addElement(0, 0, heading);
}

Result<void, QString> export_model_vs_real(const ValidationResult& result,
                                           const ValidationSettings& settings, const QString& path,
                                           bool overwrite) {
    constexpr int kW = 1920, kH = 1080;
    QCustomPlot plot;
    plot.resize(kW, kH);
    draw_model_vs_real(plot, result, settings);
    SlideFile slide;
    slide.path = path;
    slide.size = QSize(kW, kH);
    // The plot's fonts are in points: at the offscreen screen's 96 dpi they are the same pixels
    // in the PDF as in the PNG.
    slide.pdf_dpi = 96;
    slide.overwrite = overwrite;
    slide.title = QObject::tr("Model vs real");
    return write_slide(slide, [&](QCPPainter& painter) { plot.toPainter(&painter, kW, kH); });
}

}  // namespace conclab::ui
