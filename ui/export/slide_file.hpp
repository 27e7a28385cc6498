#pragma once
// One slide written to a file — PNG, SVG or PDF by the file's extension — for every export that
// is a single page: the charts, a sweep's charts, the model-vs-real chart. Written atomically
// (QSaveFile: a failed export leaves the user's earlier file whole) and never over an existing
// file unless asked. The caller draws the page in logical pixels of `size`.

#include <QColor>
#include <QSize>
#include <QString>

#include <functional>

#include "core/result.hpp"

class QCPPainter;

namespace conclab::ui {

struct SlideFile {
    QString path;
    QSize size{1920, 1080};  // the page in logical pixels
    double png_scale = 1;    // PNG pixels per logical pixel (2 = sharp on a 4K projector)
    // A PDF page is `size` at this resolution: 144 dpi makes 1920 × 1080 a 960 × 540 pt slide
    // with text set in pixels at its PNG size. Text set in points needs the screen's 96 dpi to
    // keep its PNG size.
    double pdf_dpi = 144;
    bool overwrite = false;
    QColor background = Qt::white;
    QString title;        // the PDF's title and the SVG's <title> (escaped: it is the user's)
    QString description;  // the SVG's <desc>
};

// Draws the page with `draw` into slide.path; fails with "cannot write …: why".
Result<void, QString> write_slide(const SlideFile& slide,
                                  const std::function<void(QCPPainter&)>& draw);

}  // namespace conclab::ui
