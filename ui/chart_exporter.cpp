#include "chart_exporter.hpp"

#include <QFileInfo>
#include <QLocale>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

#include "chart_panel.hpp"
#include "chart_style_scope.hpp"
#include "report/run_report.hpp"
#include "time_series_chart.hpp"

namespace conclab::ui {

namespace {

// Draws the heading and the chosen charts in logical coordinates on any painter.
void draw_page(ChartPanel& panel, QCPPainter& painter, const ChartExportOptions& o) {
    const ChartStyle& style = o.style;
    painter.fillRect(QRect(0, 0, o.width, o.height), style.background());
    const QString title = o.title.isEmpty() ? panel.heading_title() : o.title;
    const QString subtitle = o.subtitle.isEmpty() ? panel.heading_subtitle() : o.subtitle;
    const int margin = o.width / 48;
    QFont title_font = style.font(1.9);
    title_font.setBold(true);
    painter.setFont(title_font);
    painter.setPen(style.foreground());
    const int title_height = QFontMetrics(title_font).height();
    const int text_width = o.width - 2 * margin;
    painter.drawText(QRect(margin, margin / 2, text_width, title_height),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetrics(title_font).elidedText(title, Qt::ElideRight, text_width));
    const QFont sub_font = style.font(1.15);
    painter.setFont(sub_font);
    // A preset's description runs over several lines; wrapped, and cut at a quarter of the page
    // so that the charts keep their room.
    const QFontMetrics sub_metrics(sub_font);
    const int sub_limit = std::max(sub_metrics.height(), o.height / 4);
    const int sub_height =
        std::min(sub_limit, sub_metrics
                                .boundingRect(QRect(0, 0, text_width, 10 * o.height),
                                              Qt::AlignLeft | Qt::TextWordWrap, subtitle)
                                .height());
    painter.drawText(QRect(margin, margin / 2 + title_height, text_width, sub_height),
                     Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, subtitle);
    const int top = margin / 2 + title_height + sub_height + margin / 3;

    std::vector<TimeSeriesChart*> charts = panel.charts();
    if (o.chart >= 0 && o.chart < static_cast<int>(charts.size())) {
        charts = {charts[static_cast<std::size_t>(o.chart)]};
    }
    // Six charts on a landscape page: three columns of two, so that each keeps the height its
    // legend and axes need (two columns of three would halve the axes).
    const bool wide = o.width >= o.height * 1.3;
    const int columns = charts.size() == 1 ? 1 : charts.size() > 4 && wide ? 3 : 2;
    const auto cols = static_cast<std::size_t>(columns);
    const int rows = static_cast<int>((charts.size() + cols - 1) / cols);
    const int cell_w = (o.width - margin) / columns;
    const int cell_h = (o.height - top - margin / 2) / rows;
    for (std::size_t i = 0; i < charts.size(); ++i) {
        const int x = margin / 2 + static_cast<int>(i % static_cast<std::size_t>(columns)) * cell_w;
        const int y = top + static_cast<int>(i / static_cast<std::size_t>(columns)) * cell_h;
        painter.save();
        painter.translate(x, y);
        charts[i]->plot()->toPainter(&painter, cell_w - margin / 4, cell_h - margin / 4);
        painter.restore();
    }
}

QString lower_suffix(const QString& path) {
    return QFileInfo(path).suffix().toLower();
}

}  // namespace

QString model_label(const RunConfig& c) {
    if (c.external) return QString::fromStdString(run_label(c));  // "real server (URL)"
    auto inner_label = [&](Model m, int threads) {
        if (m == Model::EventLoop) return QObject::tr("event loop");
        return threads == 0 ? QObject::tr("GIL threads (one per connection)")
                            : QObject::tr("GIL threads (%1)").arg(threads);
    };
    if (c.server.model == Model::ProcessPerCore) {
        return QObject::tr("process per core (%1 × %2)")
            .arg(resolved(c.server).workers)  // 0 = one per core: say how many
            .arg(inner_label(c.server.inner, c.server.threads));
    }
    return inner_label(c.server.model, c.server.threads);
}

QString describe_workload(const RunConfig& c) {
    const QLocale locale(QLocale::English);
    QString text =
        c.load.rate > 0
            ? QObject::tr("open loop: %1 req/s over at most %2 connections")
                  .arg(locale.toString(c.load.rate), locale.toString(c.load.max_connections))
            : QObject::tr("%1 connections").arg(locale.toString(c.load.connections));
    if (!c.external) {
        text += QObject::tr(" · %1 ms CPU + %2 ms I/O per request")
                    .arg(c.server.workload.cpu_ms)
                    .arg(c.server.workload.io_ms);
        if (c.server.workload.overhead_us > 0) {
            // A calibrated overhead is exact in the config (465.167 µs); a tenth is plenty here.
            text += QObject::tr(" + %1 µs overhead")
                        .arg(std::round(c.server.workload.overhead_us * 10) / 10);
        }
    }
    if (c.load.heavy_connections > 0) {
        text += QObject::tr(" · + %1 CPU-heavy connection(s) at %2 ms")
                    .arg(c.load.heavy_connections)
                    .arg(c.load.heavy_cpu_ms);
    }
    if (c.duration_s > 0) text += QObject::tr(" · %1 s").arg(c.duration_s);
    return text;
}

QString preset_subtitle(const QString& description, const QString& what_ran) {
    return description.isEmpty() ? what_ran : description + "\n" + what_ran;
}

void show_runs(ChartPanel& panel, const std::vector<RunResult>& runs) {
    panel.clear();
    const bool single = runs.size() == 1;
    QStringList labels;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const QString label = single ? QString() : model_label(runs[i].config);
        const int run = panel.begin_run(label, static_cast<int>(i), false, single);
        panel.show_load_shape(run, runs[i].config);
        panel.append(run, runs[i].series);
        panel.set_spectrum(run, runs[i].summary.latency_spectrum);
        if (single) {
            for (const AdjustEvent& e : runs[i].events) panel.add_event(e);
        }
        labels << model_label(runs[i].config);
    }
    panel.set_window_s(0);
    if (!runs.empty()) {
        QString title = single ? labels.front() : labels.join(QObject::tr(" vs "));
        title[0] = title[0].toUpper();
        panel.set_heading(title, describe_workload(runs.front().config));
    }
    panel.refresh();
}

QImage render_image(ChartPanel& panel, const ChartExportOptions& o) {
    ChartStyleScope scope(panel, o.style);
    QImage image(qRound(o.width * o.scale), qRound(o.height * o.scale), QImage::Format_ARGB32);
    image.fill(o.style.background());
    QCPPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(o.scale, o.scale);
    draw_page(panel, painter, o);
    painter.end();
    return image;
}

bool export_panel(ChartPanel& panel, const QString& path, const ChartExportOptions& o,
                  QString* error) {
    auto fail = [&](const QString& why) {
        if (error) *error = QObject::tr("cannot write %1: %2").arg(path, why);
        return false;
    };
    const QString suffix = lower_suffix(path);
    if (suffix != "png" && suffix != "svg" && suffix != "pdf") {
        return fail(QObject::tr("the file name must end in .png, .svg or .pdf"));
    }
    if (o.width < 200 || o.height < 150 || o.width > 10000 || o.height > 10000 || o.scale <= 0 ||
        o.scale > 8) {
        return fail(QObject::tr("size must be 200×150 to 10000×10000 at a scale of up to 8"));
    }
    if (!o.overwrite && QFileInfo::exists(path)) {
        return fail(QObject::tr("the file exists (use --force, or confirm in the dialog)"));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return fail(file.errorString());
    if (suffix == "png") {
        const QImage image = render_image(panel, o);
        if (!image.save(&file, "PNG")) return fail(QObject::tr("PNG encoding failed"));
    } else {
        ChartStyleScope scope(panel, o.style);
        if (suffix == "svg") {
            QSvgGenerator svg;
            svg.setOutputDevice(&file);
            svg.setSize(QSize(o.width, o.height));
            svg.setViewBox(QRect(0, 0, o.width, o.height));
            svg.setTitle(o.title.isEmpty() ? panel.heading_title() : o.title);
            svg.setDescription(o.subtitle.isEmpty() ? panel.heading_subtitle() : o.subtitle);
            QCPPainter painter(&svg);
            draw_page(panel, painter, o);
            painter.end();
        } else {
            QPdfWriter pdf(&file);
            pdf.setCreator("Concurrency Lab");
            pdf.setTitle(o.title.isEmpty() ? panel.heading_title() : o.title);
            pdf.setPageSize(QPageSize(QSizeF(o.width, o.height), QPageSize::Point));
            pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
            QCPPainter painter(&pdf);
            const double fit = static_cast<double>(pdf.width()) / o.width;
            painter.scale(fit, fit);
            draw_page(panel, painter, o);
            painter.end();
        }
    }
    if (!file.commit()) return fail(file.errorString());
    return true;
}

bool export_runs(const std::vector<RunResult>& runs, const QString& path,
                 const ChartExportOptions& options, QString* error) {
    ChartPanel panel;
    panel.resize(options.width, options.height);
    show_runs(panel, runs);
    if (!options.preset_name.isEmpty()) {
        panel.set_heading(options.preset_name, preset_subtitle(options.preset_description,
                                                               panel.heading_title() + " · " +
                                                                   panel.heading_subtitle()));
    }
    return export_panel(panel, path, options, error);
}

}  // namespace conclab::ui
