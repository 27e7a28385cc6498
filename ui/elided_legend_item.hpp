#pragma once
// A legend entry that never outgrows its chart: its name is elided with "…" to the width one
// legend column has in the plot being drawn (the screen's, or an export's page), and the full
// name is kept for a tooltip. QCustomPlot's own entry asks for its whole name's width, so a long
// "GIL threads (10) in service" made the legend wider than the chart and the edge cut it.

#include <qcustomplot.h>

namespace conclab::ui {

class ElidedLegendItem : public QCPPlottableLegendItem {
    Q_OBJECT
public:
    ElidedLegendItem(QCPLegend* legend, QCPAbstractPlottable* plottable);

    // The name as drawn at the plot's current size; equal to the plottable's name unless cut.
    QString shown_text() const;
    bool elided() const { return mPlottable && shown_text() != mPlottable->name(); }

    // Swaps QCustomPlot's entry of `plottable` (if in the legend) for an eliding one.
    static void replace_in(QCPLegend* legend, QCPAbstractPlottable* plottable);
    // The most columns, up to the legend's wrap, at which none of its eliding entries is cut on
    // a plot `plot_width` pixels wide (1 when even one column cuts).
    static int columns_for_whole_names(const QCPLegend* legend, int plot_width);

protected:
    QSize minimumOuterSizeHint() const override;
    void draw(QCPPainter* painter) override;

private:
    int max_text_width() const;
    static int text_width_per_column(const QCPLegend* legend, int plot_width, int columns,
                                     const QMargins& item_margins);
};

}  // namespace conclab::ui
