#include "export/report_writer.hpp"

#include <QBuffer>
#include <QFileInfo>
#include <QSaveFile>

#include "charts/chart_panel.hpp"
#include "charts/chart_style_scope.hpp"
#include "export/chart_exporter.hpp"
#include "export/report_content.hpp"
#include "export/report_html.hpp"
#include "export/report_pdf.hpp"

namespace conclab::ui {

QString report_format(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "html" || suffix == "htm") return QStringLiteral("html");
    if (suffix == "pdf") return QStringLiteral("pdf");
    return {};
}

Result<void, QString> write_report(ChartPanel& panel, const std::vector<RunResult>& runs,
                                   const QString& path, const ReportOptions& o) {
    auto fail = [&](const QString& why) {
        return Failure{QObject::tr("cannot write %1: %2").arg(path, why)};
    };
    const QString format = report_format(path);
    if (format.isEmpty()) return fail(QObject::tr("a report is .html or .pdf"));
    if (runs.empty()) return fail(QObject::tr("there is no finished run to report"));
    if (!o.overwrite && QFileInfo::exists(path)) {
        return fail(QObject::tr("the file exists (use --force, or confirm in the dialog)"));
    }
    ReportContent content =
        report_content(runs, o.title.isEmpty() ? panel.heading_title() : o.title,
                       o.subtitle.isEmpty() ? panel.heading_subtitle() : o.subtitle);
    content.opened_from_file = o.opened_from_file;
    // Drawn into memory first: the file is only created once the report exists.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        // Text in pixels of the output: a PDF page is 1920 pixels wide (slide rules: ≥ 24 px
        // on 1080), an HTML chart 1200 (a web page's reading size).
        ChartStyleScope scope(panel, ChartStyle{false, true, format == "html" ? 17.0 : 26.0});
        if (format == "html") {
            buffer.write(report_html(content, panel));
        } else {
            write_report_pdf(buffer, content, panel);
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return fail(file.errorString());
    if (file.write(buffer.data()) != buffer.size()) return fail(file.errorString());
    if (!file.commit()) return fail(file.errorString());
    return {};
}

Result<void, QString> write_report_for_runs(const std::vector<RunResult>& runs, const QString& path,
                                            const ReportOptions& options) {
    ChartPanel panel;
    panel.resize(1920, 1080);
    show_runs(panel, runs);
    return write_report(panel, runs, path, options);
}

}  // namespace conclab::ui
