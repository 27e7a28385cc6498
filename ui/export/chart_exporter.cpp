#include "export/chart_exporter.hpp"

#include <QFileInfo>
#include <QLocale>
#include <QPageSize>

#include <algorithm>
#include <cmath>
#include <memory>

#include <qcustomplot.h>

#include "charts/chart_panel.hpp"
#include "charts/chart_style_scope.hpp"
#include "charts/svg_axis_clamp.hpp"
#include "charts/time_series_chart.hpp"
#include "export/machine_info.hpp"
#include "export/slide_file.hpp"
#include "presentation/presentation_legend.hpp"
#include "report/run_report.hpp"

namespace conclab::ui {

namespace {

// Sizes in pixels of a slide 1080 pixels high (SLIDES.md: a title ≥ 40 px, labels ≥ 24 px,
// nothing under 16 px), scaled with the page. The charts' own text is set by chart_text_px.
constexpr double kTitlePx = 46;
constexpr double kSubtitlePx = 26;
constexpr double kProvenancePx = 17;

// How much larger than a 1920 × 1080 slide the page is (0.67 for 1280 × 720).
double page_unit(const ChartExportOptions& o) {
    return std::min(o.width / 1920.0, o.height / 1080.0);
}

std::vector<TimeSeriesChart*> page_charts(ChartPanel& panel, int chart) {
    std::vector<TimeSeriesChart*> charts = panel.charts();
    if (chart >= 0 && chart < static_cast<int>(charts.size())) {
        charts = {charts[static_cast<std::size_t>(chart)]};
    }
    return charts;
}

// Six or seven charts on a landscape page: in two rows (three or four columns), so that each
// keeps the height its legend and axes need (a third row squeezes Connections to a strip whose
// tick labels overlap).
int page_columns(std::size_t count, const ChartExportOptions& o) {
    const bool wide = o.width >= o.height * 1.3;
    if (count == 1) return 1;
    if (count <= 4 || !wide) return 2;
    return count <= 6 ? 3 : 4;
}

// Charts sharing a page have narrow legends: a comparison's legend groups there (a run per
// colour, a meaning per line style, as on a slide) rather than cutting "GIL threads (10) in
// service" to "GIL threads (10)…". A chart alone on its page keeps its own entries.
constexpr int kGroupedEntriesOnASharedPage = 1;

// The charts' base text (tick labels; legends and axis titles are a little larger): the slide
// rules' 24 px where a chart has half the page or more, a step smaller where four or six
// share it, so that their legends do not crowd out the plots.
double chart_text_px(std::size_t count, const ChartExportOptions& o) {
    // Notes are 0.85 of it: 16 px on a 1080-pixel page with six charts.
    const double px = count <= 2 ? 25 : count <= 4 ? 22 : 19;
    return std::max(9.0, px * page_unit(o));
}

// What ran and where, for the small print at the foot of the page.
QString default_provenance(ChartPanel& panel) {
    const QString subtitle = panel.heading_subtitle();
    // A preset's subtitle ends with the line that says what ran (preset_subtitle).
    const QString what_ran = subtitle.contains('\n') ? subtitle.section('\n', -1)
                                                     : panel.heading_title() + " · " + subtitle;
    return what_ran + " · " + machine_summary();
}

QFont pixel_font(double px, bool bold = false) {
    QFont f;
    f.setPixelSize(std::max(1, qRound(px)));
    f.setBold(bold);
    return f;
}

// Draws `text` wrapped at words into at most `max_lines` lines of `width` (the last elided),
// top-left at `top_left`; returns the height used.
int draw_wrapped(QPainter& painter, const QFont& font, const QString& text, QPoint top_left,
                 int width, int max_lines) {
    if (text.isEmpty()) return 0;
    const QFontMetrics metrics(font);
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    const int full = metrics.boundingRect(QRect(0, 0, width, 100000), flags, text).height();
    // A line of this text: taller than the font's own line spacing when a fallback font draws
    // part of it (Hangul beside Latin), which would otherwise cut a Korean line to "…".
    int line = metrics.lineSpacing();
    for (const QString& part : text.split('\n')) {
        line = std::max(line, metrics.boundingRect(part).height());
    }
    const int height = std::min(full, max_lines * line);
    painter.setFont(font);
    QString shown = text;
    if (full > height) {
        // Cut at a word, with "…": never a word or a number broken at the page's edge.
        while (shown.contains(' ') &&
               metrics.boundingRect(QRect(0, 0, width, 100000), flags, shown + "…").height() >
                   height) {
            shown = shown.left(shown.lastIndexOf(' '));
        }
        shown += "…";
    }
    painter.drawText(QRect(top_left, QSize(width, height)), flags, shown);
    return height;
}

// A chart in a cell of a shared page, for the time it is drawn there: its (grouped) legend in
// as many columns as the cell's width holds, so that it stays shorter than the plot, and each
// axis title no longer than the plot is high (elided with "…"), where "threads · switches/s
// (log)" ran past the plot of Server cost into the legend and off the cell.
class CellFit {
public:
    CellFit(QCustomPlot& plot, QSize cell) : plot_(plot), wrap_(plot.legend->wrap()) {
        QCPLegend* legend = plot.legend;
        int widest = 0;  // an entry's whole name: an elided entry asks for less
        for (int i = 0; i < legend->itemCount(); ++i) {
            QCPAbstractLegendItem* item = legend->item(i);
            if (!item) continue;
            int width = item->minimumOuterSizeHint().width();
            if (auto* entry = qobject_cast<QCPPlottableLegendItem*>(item)) {
                width = legend->iconSize().width() + legend->iconTextPadding() +
                        QFontMetrics(entry->font()).horizontalAdvance(entry->plottable()->name()) +
                        entry->margins().left() + entry->margins().right();
            }
            widest = std::max(widest, width);
        }
        if (legend->itemCount() > 0 && widest > 0) {
            // Whole names: fewer columns where they are long, more where they are short.
            const int columns = std::clamp(cell.width() / (widest + legend->columnSpacing() + 8), 1,
                                           legend->itemCount());
            if (columns != wrap_) {
                legend->setWrap(columns);
                legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
            }
        }
        // Laid out at the cell's size as toPainter() will, to know the plot's height. A legend
        // never taller than its plot: more columns (their names elided) until it is not.
        auto lay_out = [&] {
            QCPLayoutGrid* layout = plot.plotLayout();
            layout->setOuterRect(QRect(QPoint(0, 0), cell));
            for (auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins,
                               QCPLayoutElement::upLayout})
                layout->update(phase);
        };
        lay_out();
        while (legend->visible() && legend->wrap() < legend->itemCount() &&
               legend->outerRect().height() > plot.axisRect()->height()) {
            legend->setWrap(legend->wrap() + 1);
            legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
            lay_out();
        }
        const int room = plot.axisRect()->height();
        for (QCPAxis* axis : plot.axisRect()->axes(QCPAxis::atLeft | QCPAxis::atRight)) {
            const QString label = axis->label();
            const QString fits =
                QFontMetrics(axis->labelFont()).elidedText(label, Qt::ElideRight, room);
            if (fits == label) continue;
            labels_.emplace_back(axis, label);
            axis->setLabel(fits);
        }
    }
    ~CellFit() {
        for (const auto& [axis, label] : labels_) axis->setLabel(label);
        plot_.legend->setWrap(wrap_);
        plot_.legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    }
    CellFit(const CellFit&) = delete;
    CellFit& operator=(const CellFit&) = delete;

private:
    QCustomPlot& plot_;
    int wrap_;
    std::vector<std::pair<QCPAxis*, QString>> labels_;
};

// Draws the heading, the chosen charts and the provenance line in logical coordinates on any
// painter; the panel wears page_style() meanwhile (ChartStyleScope).
void draw_page(ChartPanel& panel, QCPPainter& painter, const ChartExportOptions& o) {
    const ChartStyle& style = o.style;
    painter.fillRect(QRect(0, 0, o.width, o.height), style.background());
    const double unit = page_unit(o);
    // Control characters in a scenario's name would make an SVG ill-formed XML.
    const QString title = printable(o.title.isEmpty() ? panel.heading_title() : o.title);
    const QString subtitle =
        printable(o.subtitle.isEmpty() ? panel.heading_subtitle() : o.subtitle);
    const QString provenance =
        printable(o.provenance.isEmpty() ? default_provenance(panel) : o.provenance);
    const int margin = std::max(8, qRound(40 * unit));
    const int text_width = o.width - 2 * margin;
    painter.setPen(style.foreground());
    int y = margin / 2;
    y += draw_wrapped(painter, pixel_font(kTitlePx * unit, true), title, QPoint(margin, y),
                      text_width, 2);
    // A preset's description runs over several lines, and the workload follows it on a line of
    // its own: at most five, so that the charts keep their room (four cut preset 01's last
    // sentence and its workload line).
    y += draw_wrapped(painter, pixel_font(kSubtitlePx * unit), subtitle, QPoint(margin, y),
                      text_width, 5);
    const QFont small = pixel_font(kProvenancePx * unit);
    const int small_height = QFontMetrics(small).height();
    QColor faint = style.foreground();
    faint.setAlpha(170);
    painter.setPen(faint);
    draw_wrapped(painter, small, provenance, QPoint(margin, o.height - margin / 3 - small_height),
                 text_width, 1);
    const int top = y + margin / 3;
    const int bottom = o.height - margin / 3 - small_height - margin / 4;

    const std::vector<TimeSeriesChart*> charts = page_charts(panel, o.chart);
    const int columns = page_columns(charts.size(), o);
    const auto cols = static_cast<std::size_t>(columns);
    const int rows = static_cast<int>((charts.size() + cols - 1) / cols);
    const int cell_h = std::max(50, (bottom - top) / std::max(1, rows));
    for (std::size_t i = 0; i < charts.size(); ++i) {
        // A last row of fewer charts (seven: four and three) shares the page's whole width:
        // wider cells, whose legends take fewer rows.
        const std::size_t row_start = i / cols * cols;
        const int in_row = static_cast<int>(std::min(cols, charts.size() - row_start));
        const int cell_w = (o.width - margin) / in_row;
        const int x = margin / 2 + static_cast<int>(i - row_start) * cell_w;
        const int cell_y = top + static_cast<int>(i / cols) * cell_h;
        QCustomPlot& plot = *charts[i]->plot();
        const QSize cell(cell_w - margin / 4, cell_h - margin / 4);
        if (charts.size() > 2) group_legend(plot, style.foreground(), kGroupedEntriesOnASharedPage);
        {
            const CellFit fit(plot, cell);
            painter.save();
            painter.translate(x, cell_y);
            plot.toPainter(&painter, cell.width(), cell.height());
            painter.restore();
        }
        ungroup_legend(plot);
    }
}

// The export's look: the chosen background, presentation lines, text in pixels of the page.
ChartStyle page_style(ChartPanel& panel, const ChartExportOptions& o) {
    ChartStyle style = o.style;
    style.presentation = true;
    style.text_px = chart_text_px(page_charts(panel, o.chart).size(), o);
    return style;
}

}  // namespace

QString model_label(const RunConfig& c) {
    if (c.external) {  // as the engine's run_label(), in the GUI's language
        const QString url = QString::fromStdString(c.external->url);
        return c.external->method == "GET"
                   ? QObject::tr("real server (%1)").arg(url)
                   : QObject::tr("real server (%1, %2)")
                         .arg(url, QString::fromStdString(c.external->method));
    }
    auto inner_label = [&](Model m, int threads) {
        if (m == Model::EventLoop) {
            return c.server.event_loop == EventLoopKind::Gevent ? QObject::tr("gevent event loop")
                                                                : QObject::tr("event loop");
        }
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
    QString text = c.load.rate > 0 ? QObject::tr("open loop: %1 req/s over at most %2 connections")
                                         .arg(locale.toString(c.load.rate),
                                              locale.toString(c.load.max_connections))
                   : c.load.connections == 1
                       ? QObject::tr("1 connection")
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
    if (c.load.idle_connections > 0) {
        text +=
            QObject::tr(" · + %1 idle connections").arg(locale.toString(c.load.idle_connections));
    }
    if (c.duration_s > 0) text += QObject::tr(" · %1 s").arg(c.duration_s);
    return text;
}

QString printable(const QString& text) {
    QString clean;
    clean.reserve(text.size());
    for (const QChar c : text) {
        if (c.unicode() >= 0x20 || c == '\t' || c == '\n' || c == '\r') clean += c;
    }
    return clean;
}

QString svg_text(const QString& text) {
    return printable(text).toHtmlEscaped();
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
        panel.set_summary(run, runs[i].summary);
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
    ChartStyleScope scope(panel, page_style(panel, o));
    QImage image(qRound(o.width * o.scale), qRound(o.height * o.scale), QImage::Format_ARGB32);
    image.fill(o.style.background());
    QCPPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(o.scale, o.scale);
    draw_page(panel, painter, o);
    painter.end();
    return image;
}

Result<void, QString> export_panel(ChartPanel& panel, const QString& path,
                                   const ChartExportOptions& o) {
    if (o.width < 200 || o.height < 150 || o.width > 10000 || o.height > 10000 || o.scale <= 0 ||
        o.scale > 8) {
        return Failure{QObject::tr("cannot write %1: %2")
                           .arg(path, QObject::tr("size must be 200×150 to 10000×10000 at a "
                                                  "scale of up to 8"))};
    }
    ChartStyleScope scope(panel, page_style(panel, o));
    SlideFile slide;
    slide.path = path;
    slide.size = QSize(o.width, o.height);
    slide.png_scale = o.scale;
    slide.overwrite = o.overwrite;
    slide.background = o.style.background();
    slide.title = o.title.isEmpty() ? panel.heading_title() : o.title;
    slide.description = o.subtitle.isEmpty() ? panel.heading_subtitle() : o.subtitle;
    std::vector<std::unique_ptr<SvgAxisClamp>> clamps;  // an SVG keeps no clipping
    if (QFileInfo(path).suffix().toLower() == "svg") {
        for (TimeSeriesChart* chart : page_charts(panel, o.chart))
            clamps.push_back(std::make_unique<SvgAxisClamp>(*chart->plot()));
    }
    return write_slide(slide, [&](QCPPainter& painter) { draw_page(panel, painter, o); });
}

Result<void, QString> export_runs(const std::vector<RunResult>& runs, const QString& path,
                                  const ChartExportOptions& options) {
    ChartPanel panel;
    panel.resize(options.width, options.height);
    show_runs(panel, runs);
    const QString what_ran = panel.heading_title() + " · " + panel.heading_subtitle();
    if (!options.preset_name.isEmpty()) {
        panel.set_heading(options.preset_name,
                          preset_subtitle(options.preset_description, what_ran));
    }
    ChartExportOptions o = options;
    if (o.provenance.isEmpty()) o.provenance = what_ran + " · " + machine_summary();
    return export_panel(panel, path, o);
}

}  // namespace conclab::ui
