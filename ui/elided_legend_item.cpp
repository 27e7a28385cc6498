#include "elided_legend_item.hpp"

#include <algorithm>

namespace conclab::ui {

ElidedLegendItem::ElidedLegendItem(QCPLegend* legend, QCPAbstractPlottable* plottable)
    : QCPPlottableLegendItem(legend, plottable) {}

void ElidedLegendItem::replace_in(QCPLegend* legend, QCPAbstractPlottable* plottable) {
    QCPPlottableLegendItem* old = legend->itemWithPlottable(plottable);
    if (!old || qobject_cast<ElidedLegendItem*>(old)) return;
    // Same place in the fill order: the entry replaces the one QCustomPlot appended last.
    legend->removeItem(old);
    legend->addItem(new ElidedLegendItem(legend, plottable));
}

// One legend column's share of the plot's width (the viewport is the page's while exporting),
// less the line sample and the padding around the text.
int ElidedLegendItem::max_text_width() const {
    return text_width_per_column(mParentLegend, mParentPlot->viewport().width(),
                                 std::max(1, mParentLegend->wrap()), mMargins);
}

int ElidedLegendItem::text_width_per_column(const QCPLegend* legend, int plot_width, int columns,
                                            const QMargins& item_margins) {
    const QMargins lm = legend->margins();
    const int available =
        plot_width - lm.left() - lm.right() - legend->columnSpacing() * (columns - 1) - 4;
    const int per_column = available / columns;
    return std::max(20, per_column - legend->iconSize().width() - legend->iconTextPadding() -
                            item_margins.left() - item_margins.right());
}

int ElidedLegendItem::columns_for_whole_names(const QCPLegend* legend, int plot_width) {
    int widest = 0;
    QMargins margins;
    for (int i = 0; i < legend->itemCount(); ++i) {
        auto* item = qobject_cast<ElidedLegendItem*>(legend->item(i));
        if (!item || !item->plottable()) continue;
        widest = std::max(
            widest, QFontMetrics(item->getFont()).horizontalAdvance(item->plottable()->name()));
        margins = item->margins();
    }
    for (int columns = std::max(1, legend->wrap()); columns > 1; --columns) {
        if (widest <= text_width_per_column(legend, plot_width, columns, margins)) return columns;
    }
    return 1;
}

QString ElidedLegendItem::shown_text() const {
    if (!mPlottable) return {};
    return QFontMetrics(getFont()).elidedText(mPlottable->name(), Qt::ElideRight, max_text_width());
}

QSize ElidedLegendItem::minimumOuterSizeHint() const {
    if (!mPlottable) return {};
    const QFontMetrics metrics(getFont());
    const QSize icon = mParentLegend->iconSize();
    const QRect text = metrics.boundingRect(0, 0, 0, icon.height(), Qt::TextDontClip, shown_text());
    QSize result(icon.width() + mParentLegend->iconTextPadding() + text.width(),
                 std::max(text.height(), icon.height()));
    result.rwidth() += mMargins.left() + mMargins.right();
    result.rheight() += mMargins.top() + mMargins.bottom();
    return result;
}

// QCustomPlot's drawing with the elided name in place of the whole one for the moment: the
// line sample is drawn by the plottable's protected drawLegendIcon, which only QCustomPlot's own
// legend entry may call.
void ElidedLegendItem::draw(QCPPainter* painter) {
    if (!mPlottable) return;
    const QString name = mPlottable->name();
    mPlottable->setName(shown_text());
    QCPPlottableLegendItem::draw(painter);
    mPlottable->setName(name);
}

}  // namespace conclab::ui
