#include "presentation/presentation_legend.hpp"

#include <QFontMetrics>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

#include <qcustomplot.h>

namespace conclab::ui {

namespace {

constexpr const char* kGrouped = "conclabGroupedLegend";   // a series whose entry is grouped
constexpr const char* kSignature = "conclabLegendGroups";  // what the groups were made from
constexpr const char* kRunPrefix = "conclabRunPrefix";     // set_run_prefix

// A legend entry that is not a series: a short line in a pen, then its text.
class SwatchItem : public QCPAbstractLegendItem {
public:
    SwatchItem(QCPLegend* legend, const QString& text, const QPen& pen)
        : QCPAbstractLegendItem(legend), text_(text), pen_(pen) {
        setObjectName(text);  // what the entry says, for tests and accessibility
    }

protected:
    void draw(QCPPainter* painter) override {
        const QSize icon = mParentLegend->iconSize();
        const QFontMetrics metrics(mFont);
        const QRect r = mRect;
        const int height = std::max(icon.height(), metrics.height());
        const double y = r.top() + height / 2.0;
        painter->setPen(pen_);
        painter->drawLine(QLineF(r.left(), y, r.left() + icon.width(), y));
        painter->setFont(mFont);
        painter->setPen(QPen(mTextColor));
        const int x = r.left() + icon.width() + mParentLegend->iconTextPadding();
        // Cut with "…" where its column is narrower than the name, never mid-letter.
        painter->drawText(QRect(x, r.top(), r.right() - x, height),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(text_, Qt::ElideRight, r.right() - x));
    }
    QSize minimumOuterSizeHint() const override {
        const QSize icon = mParentLegend->iconSize();
        const QFontMetrics metrics(mFont);
        return QSize(
            icon.width() + mParentLegend->iconTextPadding() + metrics.horizontalAdvance(text_) +
                mMargins.left() + mMargins.right(),
            std::max(icon.height(), metrics.height()) + mMargins.top() + mMargins.bottom());
    }

private:
    QString text_;
    QPen pen_;
};

void remove_swatches(QCPLegend* legend) {
    for (int i = legend->itemCount() - 1; i >= 0; --i) {
        if (dynamic_cast<SwatchItem*>(legend->item(i))) legend->removeItem(i);
    }
}

// The longest common start of the names, cut back to a word: "GIL threads (10) ".
QString common_prefix(const std::vector<QCPGraph*>& graphs) {
    const QString run = graphs.front()->property(kRunPrefix).toString();
    if (!run.isEmpty() && std::all_of(graphs.begin(), graphs.end(), [&](const QCPGraph* g) {
            return g->name().startsWith(run);
        })) {
        return run;
    }
    QString prefix = graphs.front()->name();
    for (const QCPGraph* g : graphs) {
        int n = 0;
        while (n < prefix.size() && n < g->name().size() && prefix[n] == g->name()[n]) ++n;
        prefix.truncate(n);
    }
    const qsizetype space = prefix.lastIndexOf(' ');
    return space < 0 ? QString() : prefix.left(space + 1);
}

}  // namespace

void set_run_prefix(QCPGraph* graph, const QString& prefix) {
    if (graph) graph->setProperty(kRunPrefix, prefix);
}

void ungroup_legend(QCustomPlot& plot) {
    remove_swatches(plot.legend);
    for (int i = 0; i < plot.graphCount(); ++i) {
        QCPGraph* g = plot.graph(i);
        if (!g->property(kGrouped).toBool()) continue;
        g->setProperty(kGrouped, false);
        g->addToLegend();
    }
    plot.setProperty(kSignature, QString());
}

void group_legend(QCustomPlot& plot, const QColor& text_color, int max_entries) {
    // The series that have (or had, before grouping) an entry, by run colour in order.
    std::vector<QCPGraph*> listed;
    QString signature = text_color.name() + '|';  // light or dark: the styles' colour
    for (int i = 0; i < plot.graphCount(); ++i) {
        QCPGraph* g = plot.graph(i);
        if (!g->property(kGrouped).toBool() && !plot.legend->hasItemWithPlottable(g)) continue;
        listed.push_back(g);
        // The pen's width too: a larger screen's style draws thicker lines, and the swatches
        // made at the smaller one would stay thin.
        signature += g->name() + QString::number(g->pen().widthF()) + '|';
    }
    if (signature == plot.property(kSignature).toString()) return;  // as grouped last time
    std::vector<std::vector<QCPGraph*>> runs;
    for (QCPGraph* g : listed) {
        const QRgb rgb = g->pen().color().rgb();
        auto run = std::find_if(runs.begin(), runs.end(), [&](const auto& r) {
            return r.front()->pen().color().rgb() == rgb;
        });
        if (run == runs.end()) {
            runs.push_back({g});
        } else {
            run->push_back(g);
        }
    }
    const long several =
        std::count_if(runs.begin(), runs.end(), [](const auto& r) { return r.size() > 1; });
    ungroup_legend(plot);
    if (static_cast<int>(listed.size()) <= max_entries || several < 2) return;

    QCPLegend* legend = plot.legend;
    std::vector<std::pair<QString, QPen>> styles;  // what each line style means
    for (const auto& run : runs) {
        if (run.size() == 1) continue;  // a line of its own (a plan): keeps its entry
        const QString prefix = common_prefix(run);
        QPen solid = run.front()->pen();
        for (QCPGraph* g : run) {
            g->removeFromLegend();
            g->setProperty(kGrouped, true);
            // One entry for every worker's line ("worker 31035 (req/s)", "worker 31036 …"):
            // what the style means, not which process.
            static const QRegularExpression pid(QStringLiteral("\\s*\\b\\d{2,}\\b"));
            const QString meaning = g->name().mid(prefix.size()).remove(pid);
            QPen pen = g->pen();
            QColor c = text_color;
            c.setAlpha(g->pen().color().alpha());
            pen.setColor(c);
            auto style = std::find_if(styles.begin(), styles.end(),
                                      [&](const auto& s) { return s.first == meaning; });
            if (style == styles.end()) {
                styles.emplace_back(meaning, pen);
            } else if (style->second.color().alpha() < c.alpha()) {
                style->second = pen;  // a live run's stroke, not a kept run's faded one
            }
            if (g->pen().style() == Qt::SolidLine && g->pen().widthF() < solid.widthF())
                solid = g->pen();
        }
        solid.setStyle(Qt::SolidLine);
        legend->addItem(new SwatchItem(legend, prefix.trimmed(), solid));
    }
    for (const auto& [meaning, pen] : styles) legend->addItem(new SwatchItem(legend, meaning, pen));
    legend->setFillOrder(legend->fillOrder(), true);  // no empty cells where entries were
    legend->setFont(legend->font());  // the new entries in the legend's font and colour
    legend->setTextColor(legend->textColor());
    plot.setProperty(kSignature, signature);
}

}  // namespace conclab::ui
