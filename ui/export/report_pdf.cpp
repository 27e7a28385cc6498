#include "export/report_pdf.hpp"

#include <QAbstractTextDocumentLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextDocument>

#include <qcustomplot.h>

#include "charts/chart_panel.hpp"
#include "charts/time_series_chart.hpp"
#include "export/report_html.hpp"
#include "export/report_slides.hpp"

namespace conclab::ui {

namespace {

// Logical page: 1920 × 1080 pixels at 144 dpi is 960 × 540 pt, a 16:9 slide.
constexpr int kWidth = 1920;
constexpr int kHeight = 1080;
constexpr int kDpi = 144;
constexpr int kMargin = 80;

// The type of a text slide at `scale` (1: headings 84/60/44 px, text 36 px of a 1080-pixel
// slide). It shrinks to 27 px at most before a section moves on to a slide of its own: 24 px is
// what the back of a room still reads, and a speaker would rather show two slides than that.
constexpr double kLeastScale = 27.0 / 36.0;

QString page_style(double scale) {
    auto px = [scale](double size) { return QString::number(qRound(size * scale)) + "px"; };
    return QStringLiteral(
               "h1 { font-size: %1; } h2 { font-size: %2; } h3 { font-size: %3; } "
               "p, li, td, th { font-size: %4; } "
               "th { background-color: #f2f4f8; } td, th { padding: 6px 14px; } "
               "table.summary td, table.summary th { font-size: %5; padding: 3px 14px; } "
               "p.sub { color: #555555; font-size: %5; } "
               "p.none { color: #777777; font-style: italic; }")
        .arg(px(84), px(60), px(44), px(36), px(30));
}

class PdfPages {
public:
    PdfPages(QIODevice& device, const QString& title) : pdf_(&device) {
        pdf_.setCreator("Concurrency Lab");
        pdf_.setTitle(title);  // before painting starts, or it is not written
        pdf_.setResolution(kDpi);
        pdf_.setPageSize(QPageSize(QSizeF(kWidth * 72.0 / kDpi, kHeight * 72.0 / kDpi),
                                   QPageSize::Point, QString(), QPageSize::ExactMatch));
        pdf_.setPageMargins(QMarginsF(0, 0, 0, 0));
        painter_.begin(&pdf_);
        painter_.setRenderHint(QPainter::Antialiasing);
    }
    ~PdfPages() { painter_.end(); }

    // Starts a page (the first one is already open).
    void next_page() {
        if (pages_ > 0) pdf_.newPage();
        ++pages_;
    }

    // Sections of rich text on as many slides as they need, none splitting a block or leaving
    // a heading at the foot of a page (report_slides).
    void text_pages(const std::vector<SlideSection>& sections) {
        const double width = kWidth - 2 * kMargin, height = kHeight - 2 * kMargin;
        const SlideLayout layout = fit_slides(
            sections, height,
            [&](const QString& html, double scale) {
                QTextDocument doc;
                prepare(doc, html, scale, width);
                return doc.documentLayout()->documentSize().height();
            },
            kLeastScale);
        for (const Slide& slide : layout.slides) {
            QTextDocument doc;
            prepare(doc, slide_html(sections, slide), layout.scale, width);
            // Only a block taller than a page at the smallest type runs over pages of its own.
            const double total = doc.documentLayout()->documentSize().height();
            for (double top = 0; top == 0 || top < total; top += height) {
                next_page();
                painter_.save();
                painter_.translate(kMargin, kMargin - top);
                doc.drawContents(&painter_, QRectF(0, top, width, height));
                painter_.restore();
            }
        }
    }

    // One chart on a page of its own, as large as the page allows, drawn straight onto the
    // page: its text is sized in pixels of the page (report_writer's style), and the plot's
    // clipping holds (a detour through SVG lost it, and lines below a log axis ran into the
    // legend).
    void chart_page(TimeSeriesChart& chart) {
        next_page();
        const int chart_margin = kMargin / 2;
        painter_.save();
        painter_.translate(chart_margin, chart_margin);
        chart.plot()->toPainter(&painter_, kWidth - 2 * chart_margin, kHeight - 2 * chart_margin);
        painter_.restore();
    }

    int pages() const { return pages_; }

private:
    void prepare(QTextDocument& doc, const QString& html, double scale, double width) {
        doc.documentLayout()->setPaintDevice(&pdf_);
        doc.setDefaultStyleSheet(page_style(scale));
        QFont font = doc.defaultFont();
        font.setPixelSize(qRound(36 * scale));
        doc.setDefaultFont(font);
        doc.setHtml(html);
        doc.setTextWidth(width);
    }

    QPdfWriter pdf_;
    QCPPainter painter_;
    int pages_ = 0;
};

// A plain-text list as a section: one block per item, or the note that it is empty.
SlideSection list_section(const QString& heading, const QStringList& items, const QString& none,
                          int level = 2) {
    SlideSection s{heading, level, {}, !items.isEmpty()};
    // A figure keeps its unit on its line ("3 %", "22 ms"), and "I/O" or "req/s" stay whole:
    // a no-break space and a word joiner where the line breaker would cut them.
    static const QRegularExpression unit(QStringLiteral("(\\d) (%|ms\\b|s\\b|µs\\b)"));
    static const QRegularExpression slash(QStringLiteral("(\\w)/(\\w)"));
    for (const QString& item : items) {
        s.blocks << item.toHtmlEscaped()
                        .replace(unit, QStringLiteral("\\1&nbsp;\\2"))
                        .replace(slash, QStringLiteral("\\1/\u2060\\2"));
    }
    if (items.isEmpty()) s.blocks << "<p class=\"none\">" + none.toHtmlEscaped() + "</p>";
    return s;
}

// Our own rich text (a model's explanation) cut at its paragraphs, each kept whole.
QStringList paragraphs(const QString& html) {
    QStringList blocks;
    for (QString part : html.split(QStringLiteral("<p>"), Qt::SkipEmptyParts)) {
        part = part.trimmed();
        if (part.endsWith(QStringLiteral("</p>"))) part.chop(4);
        if (!part.isEmpty()) blocks << "<p>" + part + "</p>";
    }
    return blocks;
}

std::vector<SlideSection> title_sections(const ReportContent& c) {
    return {{c.title,
             1,
             {"<h3 style=\"font-weight: normal; color: #555555\">" + c.subtitle.toHtmlEscaped() +
              "</h3>"}},
            list_section(QObject::tr("Scenario"), c.scenario, QString(), 3),
            list_section(QObject::tr("Diagnosis"), c.diagnosis,
                         c.scenario.size() > 1 ? QObject::tr("Nothing stands out in these runs.")
                                               : QObject::tr("Nothing stands out in this run."),
                         3)};
}

}  // namespace

int write_report_pdf(QIODevice& device, const ReportContent& c, ChartPanel& panel) {
    PdfPages pages(device, c.title);
    pages.text_pages(title_sections(c));
    for (TimeSeriesChart* chart : panel.charts()) pages.chart_page(*chart);
    // The runs side by side, one figure a row: a dozen columns of numbers would not fit a
    // slide's width at a size the room reads.
    pages.text_pages({{QObject::tr("Summary"),
                       2,
                       {table_html(transposed(c.summary)),
                        "<p class=\"sub\">" + summary_note().toHtmlEscaped() + "</p>"}}});
    pages.text_pages({list_section(QObject::tr("Warnings"), c.warnings, QObject::tr("None.")),
                      list_section(QObject::tr("Knob changes during the run"), c.events,
                                   QObject::tr("None: the knobs stayed as started."))});
    std::vector<SlideSection> models = {{QObject::tr("The model"), 2, {}}};
    for (const auto& [name, text] : c.explanations) models.push_back({name, 3, paragraphs(text)});
    pages.text_pages(models);
    SlideSection measured{QObject::tr("How it was measured"), 2, {pairs_html(c.machine)}};
    if (c.opened_from_file) {
        measured.blocks << "<p class=\"none\">" +
                               QObject::tr(
                                   "These runs were opened from a saved report: the machine above "
                                   "wrote this report and may not be the one that measured them.")
                                   .toHtmlEscaped() +
                               "</p>";
    }
    pages.text_pages({measured});
    return pages.pages();
}

}  // namespace conclab::ui
