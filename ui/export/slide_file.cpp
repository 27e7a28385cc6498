#include "export/slide_file.hpp"

#include <QFileInfo>
#include <QImage>
#include <QObject>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <qcustomplot.h>

#include "export/chart_exporter.hpp"

namespace conclab::ui {

Result<void, QString> write_slide(const SlideFile& slide,
                                  const std::function<void(QCPPainter&)>& draw) {
    auto fail = [&](const QString& why) {
        return Failure{QObject::tr("cannot write %1: %2").arg(slide.path, why)};
    };
    const QString suffix = QFileInfo(slide.path).suffix().toLower();
    if (suffix != "png" && suffix != "svg" && suffix != "pdf") {
        return fail(QObject::tr("the file name must end in .png, .svg or .pdf"));
    }
    if (!slide.overwrite && QFileInfo::exists(slide.path)) {
        return fail(QObject::tr("the file exists (use --force, or confirm in the dialog)"));
    }
    const int w = slide.size.width(), h = slide.size.height();
    QSaveFile file(slide.path);
    if (!file.open(QIODevice::WriteOnly)) return fail(file.errorString());
    if (suffix == "png") {
        QImage image(qRound(w * slide.png_scale), qRound(h * slide.png_scale),
                     QImage::Format_ARGB32);
        image.fill(slide.background);
        QCPPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.scale(slide.png_scale, slide.png_scale);
        draw(painter);
        painter.end();
        if (!image.save(&file, "PNG")) return fail(QObject::tr("PNG encoding failed"));
    } else if (suffix == "svg") {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(slide.size);
        svg.setViewBox(QRect(0, 0, w, h));
        // QSvgGenerator writes <title> and <desc> as given: a scenario named "p99 < 5 ms &
        // fast" would make the file ill-formed XML, and "<script>" a live element.
        svg.setTitle(svg_text(slide.title));
        svg.setDescription(svg_text(slide.description));
        QCPPainter painter(&svg);
        draw(painter);
        painter.end();
    } else {
        QPdfWriter pdf(&file);
        pdf.setCreator("Concurrency Lab");
        pdf.setTitle(slide.title);
        // The writer's default 1200 dpi would make every pixel-sized text 8× too big.
        pdf.setResolution(qRound(slide.pdf_dpi));
        pdf.setPageSize(QPageSize(QSizeF(w * 72 / 144.0, h * 72 / 144.0), QPageSize::Point,
                                  QString(), QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QCPPainter painter(&pdf);
        const double fit = static_cast<double>(pdf.width()) / w;  // 1 at 144 dpi, but rounding
        painter.scale(fit, fit);
        draw(painter);
        painter.end();
    }
    if (!file.commit()) return fail(file.errorString());
    return {};
}

}  // namespace conclab::ui
