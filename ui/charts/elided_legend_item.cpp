#include "charts/elided_legend_item.hpp"

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
    const QCPLegend* legend = mParentLegend;
    const int columns = std::max(1, legend->wrap());
    const QMargins lm = legend->margins();
    const int available = mParentPlot->viewport().width() - lm.left() - lm.right() -
                          legend->columnSpacing() * (columns - 1) - 4;
    const int per_column = available / columns;
    return std::max(20, per_column - legend->iconSize().width() - legend->iconTextPadding() -
                            mMargins.left() - mMargins.right());
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
