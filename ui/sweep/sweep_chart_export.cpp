#include "sweep/sweep_chart.hpp"

// Writing a sweep's charts to a file: a 16:9 slide with the title, the workload and fit lines,
// both charts side by side in slide type, and the provenance in small print.

#include <algorithm>
#include <initializer_list>

#include <qcustomplot.h>

#include "export/chart_exporter.hpp"
#include "export/machine_info.hpp"
#include "export/slide_file.hpp"
#include "sweep/cost_chart.hpp"

namespace conclab::ui {

namespace {

// A 16:9 slide: 1920 × 1080 logical pixels; a PDF page at 144 dpi is 960 × 540 pt. Text in
// pixels of the page (SLIDES.md: title ≥ 40 px, labels ≥ 24 px, small print ≥ 16 px): a point
// size would be turned into pixels by the device, and a 1200-dpi PDF writer makes it a giant.
constexpr int kPageW = 1920, kPageH = 1080;
constexpr double kTitlePx = 46, kSubtitlePx = 24, kPlotTextPx = 24, kProvenancePx = 17;

QFont pixel_font(double px, bool bold = false) {
    QFont f;
    f.setPixelSize(qRound(px));
    f.setBold(bold);
    return f;
}

// The plots in slide type and slide lines for the length of an export; the screen's look
// comes back after.
class SlideLook {
public:
    explicit SlideLook(std::initializer_list<QCustomPlot*> plots) {
        for (QCustomPlot* plot : plots) {
            Saved saved{plot, plot->legend->font(), plot->legend->iconSize(), {}, {}, {}, {}, {}};
            for (QCPAxis* axis : plot->axisRect()->axes()) {
                saved.tick_fonts << axis->tickLabelFont();
                saved.label_fonts << axis->labelFont();
            }
            if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0))) {
                saved.title = title->font();
                title->setFont(pixel_font(kPlotTextPx * 1.25, true));
            }
            for (int i = 0; i < plot->graphCount(); ++i) {
                saved.pens << plot->graph(i)->pen();
                saved.scatters << plot->graph(i)->scatterStyle();
                QPen pen = plot->graph(i)->pen();
                pen.setWidthF(pen.widthF() * 1.8);  // ≥ 3 px lines on a 1080-pixel slide
                plot->graph(i)->setPen(pen);
                QCPScatterStyle scatter = plot->graph(i)->scatterStyle();
                scatter.setSize(scatter.size() * 1.8);
                plot->graph(i)->setScatterStyle(scatter);
            }
            for (QCPAxis* axis : plot->axisRect()->axes()) {
                axis->setTickLabelFont(pixel_font(kPlotTextPx));
                axis->setLabelFont(pixel_font(kPlotTextPx * 1.05));
            }
            plot->legend->setFont(pixel_font(kPlotTextPx));
            plot->legend->setIconSize(qRound(kPlotTextPx * 2), qRound(kPlotTextPx));
            saved_.push_back(std::move(saved));
        }
    }
    ~SlideLook() {
        for (Saved& s : saved_) {
            const QList<QCPAxis*> axes = s.plot->axisRect()->axes();
            for (qsizetype i = 0; i < axes.size() && i < s.tick_fonts.size(); ++i) {
                axes[i]->setTickLabelFont(s.tick_fonts[i]);
                axes[i]->setLabelFont(s.label_fonts[i]);
            }
            if (auto* title = qobject_cast<QCPTextElement*>(s.plot->plotLayout()->element(0, 0))) {
                title->setFont(s.title);
            }
            for (int i = 0; i < s.plot->graphCount() && i < s.pens.size(); ++i) {
                s.plot->graph(i)->setPen(s.pens[i]);
                s.plot->graph(i)->setScatterStyle(s.scatters[i]);
            }
            s.plot->legend->setFont(s.legend);
            s.plot->legend->setIconSize(s.icon);
            s.plot->replot(QCustomPlot::rpQueuedReplot);
        }
    }
    SlideLook(const SlideLook&) = delete;
    SlideLook& operator=(const SlideLook&) = delete;

private:
    struct Saved {
        QCustomPlot* plot;
        QFont legend;
        QSize icon;
        QFont title;
        QList<QFont> tick_fonts, label_fonts;
        QList<QPen> pens;
        QList<QCPScatterStyle> scatters;
    };
    std::vector<Saved> saved_;
};

void draw_page(SweepChart& chart, QCPPainter& painter, CostChart* cost) {
    painter.fillRect(QRect(0, 0, kPageW, kPageH), Qt::white);
    constexpr int margin = 40;
    const int text_width = kPageW - 2 * margin;
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    painter.setPen(Qt::black);
    painter.setFont(pixel_font(kTitlePx, true));
    const QRect title =
        painter.boundingRect(QRect(margin, 16, text_width, 200), flags, chart.title());
    painter.drawText(title, flags, chart.title());
    // The subtitle holds the workload and one fit line per model: as tall as it needs.
    painter.setFont(pixel_font(kSubtitlePx));
    const QRect sub = painter.boundingRect(QRect(margin, title.bottom() + 6, text_width, 400),
                                           flags, chart.subtitle());
    painter.drawText(sub, flags, chart.subtitle());
    const QFont small = pixel_font(kProvenancePx);
    const int small_height = QFontMetrics(small).height();
    painter.setFont(small);
    painter.setPen(QColor(90, 90, 90));
    const QString provenance =
        chart.provenance().isEmpty() ? machine_summary() : chart.provenance();
    painter.drawText(QRect(margin, kPageH - 12 - small_height, text_width, small_height),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetrics(small).elidedText(provenance, Qt::ElideRight, text_width));
    const int top = sub.bottom() + 16, w = (kPageW - 3 * margin) / 2;
    const int h = kPageH - top - small_height - 28;
    if (cost) {
        SlideLook look{cost->plot()};
        painter.save();
        painter.translate(margin, top);
        cost->plot()->toPainter(&painter, kPageW - 2 * margin, h);
        painter.restore();
        return;
    }
    SlideLook look{chart.throughput_plot(), chart.latency_plot()};
    painter.save();
    painter.translate(margin, top);
    chart.throughput_plot()->toPainter(&painter, w, h);
    painter.restore();
    painter.save();
    painter.translate(2 * margin + w, top);
    chart.latency_plot()->toPainter(&painter, w, h);
    painter.restore();
}

}  // namespace

Result<void, QString> export_sweep_chart(SweepChart& chart, const QString& path, bool overwrite,
                                         CostChart* cost) {
    SlideFile slide;
    slide.path = path;
    slide.size = QSize(kPageW, kPageH);
    slide.png_scale = 2;
    slide.overwrite = overwrite;
    slide.title = chart.title();
    slide.description = chart.subtitle();
    return write_slide(slide, [&](QCPPainter& painter) { draw_page(chart, painter, cost); });
}

Result<void, QString> export_sweeps(const std::vector<SweepResult>& sweeps, const QString& path,
                                    bool overwrite) {
    SweepChart chart;
    chart.resize(1600, 800);
    CostChart cost;
    cost.resize(1600, 800);
    const bool idle = !sweeps.empty() && sweeps.front().idle;
    QStringList labels, fits;
    int most_n = 0;
    for (const SweepResult& s : sweeps) {
        for (const SweepPoint& p : s.points) most_n = std::max(most_n, p.connections);
        const QString label = model_label(s.base);
        const int i = chart.add_model(label);
        const UslFit fit = sweep_fit(s.points);
        chart.set_model(i, s.points, fit);
        labels << label;
        if (idle) {
            cost.set_points(cost.add_model(label), s.points);
            fits << label + ": " + memory_per_connection_summary(s.points);
        } else {
            fits << label + ": " + fit_summary(fit);
        }
    }
    if (!sweeps.empty()) {
        chart.set_heading(
            idle ? QObject::tr("What a connection costs: %1").arg(labels.join(QObject::tr(" vs ")))
                 : QObject::tr("Concurrency sweep: %1").arg(labels.join(QObject::tr(" vs "))),
            describe_sweep_workload(sweeps.front()) + "\n" + fits.join("\n"));
        // The workload is in the subtitle already: repeated here it pushed the machine off the
        // end of the line.
        chart.set_provenance(QObject::tr("%1 · N up to %2 · %3")
                                 .arg(labels.join(QObject::tr(" vs ")))
                                 .arg(QLocale(QLocale::English).toString(most_n))
                                 .arg(machine_summary()));
    }
    return export_sweep_chart(chart, path, overwrite, idle ? &cost : nullptr);
}

}  // namespace conclab::ui
