#pragma once
// What a time chart draws over its data besides the series: the knob-change and worker-restart
// markers (a dashed line with a label) and, on a logarithmic axis, the mark of zero at the axis
// floor. Laid out while the plot is drawn, in the pixels of that drawing (the screen's, or an
// export's page), so that labels avoid each other and the plot's edges at any size: each label
// goes right of its line, or left of it near the right edge, in the highest row where it
// overlaps no other; when no row is free it shows its number, and a key at the foot of the plot
// gives those in full.

#include <QFont>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <vector>

#include <qcustomplot.h>

namespace conclab::ui {

class ChartOverlay : public QCPLayerable {
    Q_OBJECT
public:
    explicit ChartOverlay(QCustomPlot* plot);

    struct Marker {
        double t_s;
        QString label;
    };
    void set_markers(std::vector<Marker> markers) { markers_ = std::move(markers); }
    void set_look(const QColor& foreground, const QColor& background, const QFont& font,
                  double line_width);
    // The value drawn for zero on a log axis, the left one or another (0: no zero mark).
    void set_zero_level(double level) { set_zero_level(mParentPlot->yAxis, level); }
    void set_zero_level(const QCPAxis* axis, double level);

    // Of the last drawing: each visible marker label's box, and the markers whose label did not
    // fit and shows its number only (1-based, in marker order).
    const std::vector<QRectF>& label_rects() const { return label_rects_; }
    const std::vector<int>& numbered() const { return numbered_; }
    // How far down the plot the rows of whole labels reached, as a share of its height (0: no
    // label drawn yet): the room an axis leaves above its data (TimeSeriesChart).
    double label_share() const { return label_share_; }
    QRectF zero_label_rect() const { return zero_label_rect(mParentPlot->yAxis); }
    QRectF zero_label_rect(const QCPAxis* axis) const;
    QRectF key_rect() const { return key_rect_; }

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
    void draw(QCPPainter* painter) override;

private:
    void draw_markers(QCPPainter* painter, const QRect& area);
    void draw_key(QCPPainter* painter, const QRect& area);
    void draw_zeros(QCPPainter* painter, const QRect& area);

    std::vector<Marker> markers_;
    QColor foreground_, background_;
    QFont font_;
    double line_width_ = 1;
    struct Zero {
        const QCPAxis* axis;
        double level;
        QRectF label;  // as last drawn
    };
    std::vector<Zero> zeros_;
    std::vector<QRectF> label_rects_;
    std::vector<int> numbered_;
    double label_share_ = 0;
    QRectF key_rect_;
};

}  // namespace conclab::ui
