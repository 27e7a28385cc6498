#include "export/report_slides.hpp"

#include <QObject>

#include <algorithm>
#include <tuple>

namespace conclab::ui {

namespace {

QString heading_html(const SlideSection& s, bool continued) {
    if (s.heading.isEmpty()) return {};
    const QString tag = QStringLiteral("h%1").arg(std::clamp(s.level, 1, 3));
    const QString text =
        continued
            ? QObject::tr("%1 (continued)", "a heading on a slide carried over").arg(s.heading)
            : s.heading;
    return "<" + tag + ">" + text.toHtmlEscaped() + "</" + tag + ">";
}

// Packs the blocks greedily at one scale: each goes on the current slide if it still fits there,
// else starts the next one (with its section's heading, repeated when the section began before).
SlideLayout pack(const std::vector<SlideSection>& sections, double page_height,
                 const SlideMeasure& measure, double scale) {
    SlideLayout out;
    out.scale = scale;
    Slide current;
    // A section without blocks is a heading alone: it goes with the next block, wherever that
    // goes (a page's title with the first section under it).
    Slide pending;
    auto with = [&pending](Slide slide, int section, int block) {
        if (block == 0) slide.insert(slide.end(), pending.begin(), pending.end());
        if (!slide.empty() && slide.back().section == section && slide.back().last == block) {
            ++slide.back().last;
        } else {
            slide.push_back({section, block, block + 1});
        }
        return slide;
    };
    auto place = [&](int s, int b) {
        Slide candidate = with(current, s, b);
        if (measure(slide_html(sections, candidate), scale) <= page_height) {
            current = std::move(candidate);
            return;
        }
        if (!current.empty()) out.slides.push_back(std::move(current));
        current = with({}, s, b);
        if (measure(slide_html(sections, current), scale) > page_height) out.overflow = true;
    };
    for (int s = 0; s < static_cast<int>(sections.size()); ++s) {
        const int blocks = static_cast<int>(sections[static_cast<std::size_t>(s)].blocks.size());
        if (blocks == 0) {
            pending.push_back({s, 0, 0});
            continue;
        }
        for (int b = 0; b < blocks; ++b) place(s, b);
        pending.clear();
    }
    if (!pending.empty()) {  // headings with nothing after them: on a slide of their own
        if (!current.empty()) out.slides.push_back(std::move(current));
        out.slides.push_back(pending);
        current.clear();
    }
    if (!current.empty()) out.slides.push_back(std::move(current));
    return out;
}

}  // namespace

QString slide_html(const std::vector<SlideSection>& sections, const Slide& slide) {
    QString html;
    for (const SlidePart& part : slide) {
        const SlideSection& s = sections[static_cast<std::size_t>(part.section)];
        html += heading_html(s, part.first > 0);
        const int last = std::min(part.last, static_cast<int>(s.blocks.size()));
        if (part.first >= last) continue;
        if (s.list) html += QStringLiteral("<ul>");
        for (int b = part.first; b < last; ++b) {
            const QString& block = s.blocks[b];
            html += s.list ? "<li>" + block + "</li>" : block;
        }
        if (s.list) html += QStringLiteral("</ul>");
    }
    return html;
}

SlideLayout fit_slides(const std::vector<SlideSection>& sections, double page_height,
                       const SlideMeasure& measure, double least_scale) {
    // Readable steps first: the fewest slides, at the largest type that needs no more.
    std::vector<double> scales;
    for (double s = 1.0; s >= least_scale - 1e-9; s -= 0.1) scales.push_back(s);
    if (scales.empty() || scales.back() > least_scale + 1e-9) scales.push_back(least_scale);
    SlideLayout best;
    bool have = false;
    for (double scale : scales) {
        SlideLayout l = pack(sections, page_height, measure, scale);
        const auto key = [](const SlideLayout& x) {
            return std::make_tuple(x.overflow, x.slides.size());
        };
        if (!have || key(l) < key(best)) {
            best = std::move(l);
            have = true;
        }
    }
    // A block taller than a page at readable type (a long table): smaller type for it rather
    // than a cut.
    for (double scale = least_scale * 0.9; best.overflow && scale >= least_scale * 0.5;
         scale *= 0.9) {
        SlideLayout l = pack(sections, page_height, measure, scale);
        if (!l.overflow) best = std::move(l);
    }
    return best;
}

}  // namespace conclab::ui
