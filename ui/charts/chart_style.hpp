#pragma once
// How charts look: on screen, or large and bold for a slide, on a light or dark background.

#include <QColor>
#include <QFont>

#include <algorithm>

class QCustomPlot;

namespace conclab::ui {

struct ChartStyle {
    bool dark = false;
    bool presentation = false;  // large fonts, thick lines
    // The base text size (tick labels) in pixels of the output — an export's page or the screen
    // presentation mode fills (it follows the screen's height); titles, legends and notes are
    // multiples of it. Pixels, not points: a point size is turned into pixels by the device's
    // resolution, and a 1200-dpi PDF writer makes a giant of "15 pt". 0: on screen, in points,
    // as the desktop's resolution wants.
    double text_px = 0;

    QColor background() const;
    QColor foreground() const;
    QColor grid() const;
    // Thick enough to see from the back of a room: 3.5 px at 1080p, and more on a larger screen.
    double line_width() const {
        return text_px > 0 ? std::max(3.5, text_px / 7.0) : presentation ? 3.5 : 1.8;
    }
    QFont font(double scale = 1.0) const;
    // A run's colour as this style draws it: on the dark background each palette colour has
    // its counterpart (series_color(i, true)), any other colour stays as it is.
    QColor shown(const QColor& color) const;
};

// A fixed, colour-blind-safe palette (Okabe-Ito); series keep their colour across charts. A
// negative index is the grey of a kept run. On the dark background (`dark`) the same runs in
// colours of at least 4.5 : 1 against it: sky blue for blue, a lighter vermilion and grey,
// white for black (Okabe-Ito's own blue is 3.2 : 1 there).
QColor series_color(int index, bool dark = false);

// WCAG's contrast ratio of two colours (1 to 21).
double contrast_ratio(const QColor& a, const QColor& b);

// Rich text (a diagnosis) with every palette colour turned into its dark counterpart, so that a
// run's line in the text keeps its run's colour on the dark background.
QString dark_run_colors(QString html);

void apply_style(QCustomPlot& plot, const ChartStyle& style);

}  // namespace conclab::ui
