#include "report_pdf.hpp"

#include <QAbstractTextDocumentLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

#include <qcustomplot.h>

#include "chart_panel.hpp"
#include "report_html.hpp"
#include "time_series_chart.hpp"

namespace conclab::ui {

namespace {

// Logical page: 1920 × 1080 pixels at 144 dpi is 960 × 540 pt, a 16:9 slide.
constexpr int kWidth = 1920;
constexpr int kHeight = 1080;
constexpr int kDpi = 144;
constexpr int kMargin = 80;

constexpr const char* kPageStyle = R"(
h1 { font-size: 84px; } h2 { font-size: 60px; } h3 { font-size: 44px; }
p, li, td, th { font-size: 36px; }
th { background-color: #f2f4f8; } td, th { padding: 6px 14px; }
table.summary td, table.summary th { font-size: 30px; padding: 3px 14px; }
p.sub { color: #555555; font-size: 30px; } p.none { color: #777777; font-style: italic; }
)";

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

    // Rich text over as many pages as it needs.
    void text_pages(const QString& body_html) {
        QTextDocument doc;
        doc.documentLayout()->setPaintDevice(&pdf_);
        doc.setDefaultStyleSheet(kPageStyle);
        QFont font = doc.defaultFont();
        font.setPixelSize(36);
        doc.setDefaultFont(font);
        doc.setHtml(body_html);
        const QSizeF page(kWidth - 2 * kMargin, kHeight - 2 * kMargin);
        doc.setPageSize(page);
        for (int i = 0; i < doc.pageCount(); ++i) {
            next_page();
            painter_.save();
            painter_.translate(kMargin, kMargin - i * page.height());
            doc.drawContents(&painter_, QRectF(QPointF(0, i * page.height()), page));
            painter_.restore();
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
    QPdfWriter pdf_;
    QCPPainter painter_;
    int pages_ = 0;
};

QString title_page_html(const ReportContent& c) {
    QString html = "<h1>" + c.title.toHtmlEscaped() +
                   "</h1><h3 style=\"font-weight: normal; color: #555555\">" +
                   c.subtitle.toHtmlEscaped() + "</h3>";
    html += "<h3>" + QObject::tr("Scenario").toHtmlEscaped() + "</h3>" + list_html(c.scenario, {});
    html += "<h3>" + QObject::tr("Diagnosis").toHtmlEscaped() + "</h3>" +
            list_html(c.diagnosis, c.scenario.size() > 1
                                       ? QObject::tr("Nothing stands out in these runs.")
                                       : QObject::tr("Nothing stands out in this run."));
    return html;
}

QString heading(const QString& text) {
    return "<h2>" + text.toHtmlEscaped() + "</h2>";
}

}  // namespace

int write_report_pdf(QIODevice& device, const ReportContent& c, ChartPanel& panel) {
    PdfPages pages(device, c.title);
    pages.text_pages(title_page_html(c));
    for (TimeSeriesChart* chart : panel.charts()) pages.chart_page(*chart);
    // The runs side by side, one figure a row: a dozen columns of numbers would not fit a
    // slide's width at a size the room reads.
    pages.text_pages(heading(QObject::tr("Summary")) + table_html(transposed(c.summary)) +
                     "<p class=\"sub\">" + summary_note().toHtmlEscaped() + "</p>");
    pages.text_pages(heading(QObject::tr("Warnings")) +
                     list_html(c.warnings, QObject::tr("None.")) +
                     heading(QObject::tr("Knob changes during the run")) +
                     list_html(c.events, QObject::tr("None: the knobs stayed as started.")));
    QString models = heading(QObject::tr("The model"));
    for (const auto& [name, text] : c.explanations) {
        models += "<h3>" + name.toHtmlEscaped() + "</h3>" + text;
    }
    pages.text_pages(models);
    QString measured = heading(QObject::tr("How it was measured")) + pairs_html(c.machine);
    if (c.opened_from_file) {
        measured += "<p class=\"none\">" +
                    QObject::tr(
                        "These runs were opened from a saved report: the machine above "
                        "wrote this report and may not be the one that measured them.")
                        .toHtmlEscaped() +
                    "</p>";
    }
    pages.text_pages(measured);
    return pages.pages();
}

}  // namespace conclab::ui
