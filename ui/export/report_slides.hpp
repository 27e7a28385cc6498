#pragma once
// Rich text laid out on slides without breaking what a reader reads as one: a paragraph, a list
// item or a table never runs over a page break, and a heading always stands on the page of the
// first block under it. The type shrinks in steps (down to what the back of a room still reads)
// before a section moves on to a page of its own; a section carried over to the next page repeats
// its heading, marked "(continued)".

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

class QTextDocument;

namespace conclab::ui {

struct SlideSection {
    QString heading;     // plain text; empty: no heading
    int level = 2;       // <h1> … <h3>
    QStringList blocks;  // rich text, each kept whole on one page
    bool list = false;   // the blocks are the <li> of one <ul>
};

struct SlidePart {
    int section = 0;
    int first = 0;  // blocks [first, last) of the section
    int last = 0;
};
using Slide = std::vector<SlidePart>;

struct SlideLayout {
    std::vector<Slide> slides;
    double scale = 1;  // of the type, for every slide
    // A block alone taller than a page even at the smallest type: its page is cut by the
    // document's own pagination instead.
    bool overflow = false;
};

// Measures a slide's HTML at a scale of the type: its height in the page's pixels.
using SlideMeasure = std::function<double(const QString& html, double scale)>;

// The slide's HTML (headings and blocks).
QString slide_html(const std::vector<SlideSection>& sections, const Slide& slide);

// Chooses the largest type that needs the fewest slides, each no taller than `page_height`; type
// under `least_scale` only when a single block would not fit otherwise.
SlideLayout fit_slides(const std::vector<SlideSection>& sections, double page_height,
                       const SlideMeasure& measure, double least_scale);

}  // namespace conclab::ui
