#pragma once
// One live chart: a QCustomPlot with a time axis, several series, and labelled vertical markers
// for knob changes ("connections 10 → 100"), so that a chart tells its own story on a slide.

#include <QString>
#include <QStringList>
#include <QWidget>

#include <utility>
#include <vector>

#include "charts/chart_style.hpp"

class QCheckBox;
class QCustomPlot;
class QCPAxis;
class QCPGraph;
class QCPTextElement;

namespace conclab::ui {

class ChartOverlay;

class TimeSeriesChart : public QWidget {
    Q_OBJECT
public:
    TimeSeriesChart(const QString& title, const QString& y_label, QWidget* parent = nullptr);

    // How a series is stroked. A band is wide and pale and meant to be added before the lines
    // it shares values with: a line equal to it runs visibly inside it instead of hiding it.
    enum class Stroke { Line, Band };

    // Returns the series' index. A ghost is a kept earlier run: drawn faded, behind the rest.
    int add_series(const QString& name, const QColor& color, bool ghost = false,
                   Qt::PenStyle pen_style = Qt::SolidLine, Stroke stroke = Stroke::Line);
    // NaN draws a gap (a tick without data, e.g. no response completed). Zero on a log axis is
    // drawn at the axis floor, which is marked "0" (never dropped: a run of 0–5 req/s stays).
    void append(int series, double t_s, double value);
    void add_marker(double t_s, const QString& label);
    virtual void clear();

    void set_title(const QString& title);
    // A line of small print under the legend (drawn in exports too); empty hides it.
    void set_note(const QString& note);
    QString note() const { return note_; }
    // A "log" check box in the chart's top-right corner, kept in step with set_log_y().
    QCheckBox* add_log_toggle();
    QCheckBox* log_toggle() const { return log_toggle_; }
    // Its type (presentation mode's, for the presenter), placed again in the corner.
    void set_log_toggle_font(const QFont& font);
    void set_legend_columns(int columns);
    QString title() const { return title_; }
    void set_window_s(double seconds);  // scrolling window; 0 = the whole run
    void set_log_y(bool log);
    bool log_y() const { return log_y_; }
    void set_style(const ChartStyle& style);
    // Rescales to the visible data and schedules a repaint (coalesced by Qt's event loop). The
    // left axis is scaled to the series drawn on it; a chart with a second axis scales that one.
    virtual void refresh();

    QCustomPlot* plot() const { return plot_; }
    QCPGraph* graph(int series) const;
    int series_count() const;
    int point_count(int series) const;
    int marker_count() const { return static_cast<int>(markers_.size()); }
    QStringList marker_labels() const;  // as added, in order
    // What hovering `series`'s legend entry explains ("name: tip"); empty = its name when cut.
    void set_series_tip(int series, const QString& tip);
    QString tip_of(int series) const;
    // The markers' labels and the zero mark, as last drawn.
    const ChartOverlay* overlay() const { return overlay_; }
    // The zeros of `series` drawn at the floor of its log axis.
    int zero_count(int series) const;

signals:
    void logToggled(bool log);  // by the check box, not by set_log_y()

protected:
    void resizeEvent(QResizeEvent* event) override;
    // A legend entry cut to fit its chart gives its whole name on hover.
    bool eventFilter(QObject* watched, QEvent* event) override;
    const ChartStyle& chart_style() const { return style_; }
    // Zero on any log axis (the left one, or a right one a subclass scales) is drawn at the
    // axis floor and marked "0": refresh() hides the zeros while the ranges are computed;
    // a subclass that scales an axis of its own then calls place_zeros() for it.
    void hide_zeros();
    void place_zeros(QCPAxis* axis);
    void clear_series(int series);  // its points and its zeros
    // Raises `axis`'s top so that the markers' labels (a row at the top of the plot) cover no
    // data; refresh() does it for the left axis, a subclass for an axis it scales.
    void leave_room_for_markers(QCPAxis* axis);

private:
    void rebuild_markers();
    void fit_legend_to_entries();
    double zero_level(const QCPAxis* axis) const;
    void set_zero_level(const QCPAxis* axis, double level);
    void set_zero_values(const QCPAxis* axis, double value);
    void apply_pen(int series);
    void place_log_toggle();

    QCustomPlot* plot_;
    QString title_;
    QString y_label_;
    QString note_;
    QCPTextElement* note_element_ = nullptr;
    QCheckBox* log_toggle_ = nullptr;
    ChartStyle style_;
    double window_s_ = 60;
    bool log_y_ = false;
    double latest_t_ = 0;
    ChartOverlay* overlay_;
    std::vector<std::pair<double, QString>> markers_;
    double room_share_ = 0;  // the most room above the data the markers' labels were given
    // Per series on a log axis, the keys whose value is zero, drawn at their axis's level.
    std::vector<std::vector<double>> zero_keys_;
    std::vector<std::pair<const QCPAxis*, double>> zero_levels_;
    struct SeriesLook {
        QColor color;
        bool ghost;
        Qt::PenStyle pen_style;
        Stroke stroke;
    };
    std::vector<SeriesLook> looks_;
    std::vector<QString> tips_;  // by series
};

}  // namespace conclab::ui
