#include "export/report_html.hpp"

#include <QBuffer>
#include <QLocale>
#include <QSvgGenerator>

#include "charts/svg_axis_clamp.hpp"

#include <qcustomplot.h>

#include "charts/chart_panel.hpp"
#include "charts/time_series_chart.hpp"
#include "export/chart_exporter.hpp"

namespace conclab::ui {

namespace {

// Inline, so that the file is whole on its own; system fonts only.
constexpr const char* kStyle = R"(
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2330;
       max-width: 1200px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { margin-bottom: 0.1em; } p.sub { color: #555; margin-top: 0; }
ul.diagnosis li { background: #eef4ff; border-left: 4px solid #3a6fd8; padding: 0.4em 0.6em;
                  margin: 0.3em 0; list-style: none; }
figure { margin: 1.5em 0; } figcaption { font-weight: 600; margin-bottom: 0.3em; }
figure svg { width: 100%; height: auto; border: 1px solid #ddd; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { padding: 0.3em 0.8em; border-bottom: 1px solid #ddd; }
table.summary th { background: #f2f4f8; } td[align=right] { font-variant-numeric: tabular-nums; }
table.summary th, table.summary td { padding: 0.3em 0.45em; }
p.none { color: #777; font-style: italic; }
.explanation { background: #fafafa; border: 1px solid #e4e4e4; padding: 0.2em 1em; }
)";

// 16:9, as a slide; the text size is report_writer's.
constexpr int kChartWidth = 1200;
constexpr int kChartHeight = 675;

QString section(const QString& heading, const QString& body) {
    return "<section><h2>" + heading.toHtmlEscaped() + "</h2>\n" + body + "</section>\n";
}

}  // namespace

QByteArray chart_svg_element(TimeSeriesChart& chart, int width, int height) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(QSize(width, height));
    svg.setViewBox(QRect(0, 0, width, height));
    // Its <title> is the chart's (a browser shows it on hover), not QSvgGenerator's English
    // "Qt SVG Document".
    svg.setTitle(svg_text(chart.title()));
    svg.setDescription(svg_text(chart.title()));
    {
        const SvgAxisClamp clamp(*chart.plot());  // the SVG keeps no clipping
        QCPPainter painter(&svg);
        chart.plot()->toPainter(&painter, width, height);
    }
    QByteArray text = buffer.data();
    // The prolog (<?xml ...?>) and any DOCTYPE are not allowed inside an HTML body.
    const qsizetype start = text.indexOf("<svg");
    return start < 0 ? QByteArray() : text.mid(start);
}

QByteArray report_html(const ReportContent& c, ChartPanel& panel) {
    // The language the report is written in (the GUI's), for screen readers and hyphenation.
    QString html = QStringLiteral(
                       "<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\">"
                       "<meta name=\"generator\" content=\"Concurrency Lab\">")
                       .arg(QLocale().name().section('_', 0, 0));
    html += "<title>" + c.title.toHtmlEscaped() + "</title><style>" + QString(kStyle) +
            "</style></head><body>\n";
    html += "<h1>" + c.title.toHtmlEscaped() + "</h1><p class=\"sub\">" +
            c.subtitle.toHtmlEscaped() + "</p>\n";
    html += list_html(c.scenario, QString());
    if (!c.diagnosis.isEmpty()) {
        html +=
            section(QObject::tr("Diagnosis"),
                    list_html(c.diagnosis, QString()).replace("<ul>", "<ul class=\"diagnosis\">"));
    }
    QString charts;
    for (TimeSeriesChart* chart : panel.charts()) {
        charts += "<figure><figcaption>" + chart->title().toHtmlEscaped() + "</figcaption>\n" +
                  QString::fromUtf8(chart_svg_element(*chart, kChartWidth, kChartHeight)) +
                  "</figure>\n";
    }
    html += section(QObject::tr("Charts"), charts);
    html += section(QObject::tr("Summary"),
                    // Whole numbers never wrap: a narrow window scrolls the table instead.
                    "<div style=\"overflow-x: auto\">" + table_html(c.summary) + "</div><p>" +
                        summary_note().toHtmlEscaped() + "</p>");
    html += section(QObject::tr("Warnings"), list_html(c.warnings, QObject::tr("None.")));
    html += section(QObject::tr("Knob changes during the run"),
                    list_html(c.events, QObject::tr("None: the knobs stayed as started.")));
    QString models;
    for (const auto& [name, text] : c.explanations) {
        models +=
            "<h3>" + name.toHtmlEscaped() + "</h3><div class=\"explanation\">" + text + "</div>\n";
    }
    html += section(QObject::tr("The model"), models);
    QString measured = pairs_html(c.machine);
    if (c.opened_from_file) {
        measured += "<p class=\"none\">" +
                    QObject::tr(
                        "These runs were opened from a saved report: the machine above "
                        "wrote this report and may not be the one that measured them.")
                        .toHtmlEscaped() +
                    "</p>";
    }
    html += section(QObject::tr("How it was measured"), measured);
    html += QStringLiteral("</body></html>\n");
    return html.toUtf8();
}

}  // namespace conclab::ui
