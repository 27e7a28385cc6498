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

protected:
    QSize minimumOuterSizeHint() const override;
    void draw(QCPPainter* painter) override;

private:
    int max_text_width() const;
};

}  // namespace conclab::ui
