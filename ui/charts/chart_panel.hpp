#pragma once
// The live charts of an experiment — requests/s, latency percentiles, connections (client
// open, server in service, server waiting), CPU, inside the server (the model's internals), the
// latency spectrum and the server's cost (memory, threads, context switches) — fed from
// MetricsSamples and the run's summary. Several runs can be
// overlaid (a comparison, or a kept "ghost" run), aligned at t = 0. Before the first run the
// charts show empty series, so that axes and legends are full size from the first frame.

#include <QColor>
#include <QString>
#include <QWidget>

#include <vector>

#include "charts/chart_style.hpp"
#include "core/run_config.hpp"
#include "metrics/metrics.hpp"

class QGridLayout;
class QLabel;

namespace conclab::ui {

class InternalsChart;
class ResourcesChart;
class SpectrumChart;
class CoordinatedOmissionBox;
class TimeSeriesChart;

class ChartPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartPanel(QWidget* parent = nullptr);

    // Adds one run's series to every chart; returns its index. With `metric_colors` the metrics
    // of the run get distinct colours (a single run); otherwise the run has one colour and the
    // metrics differ by line style (a comparison).
    int begin_run(const QString& label, int color_index, bool ghost, bool metric_colors);
    void append(int run, const std::vector<MetricsSample>& samples);
    // What the charts take from a run's summary (so far, for a live run): its latency spectrum,
    // replacing the previous, and its memory per connection.
    void set_summary(int run, const Summary& summary);
    // A run measured from outside (a real server) has no server-side series: they stay as gaps
    // and leave the legends, which have little room when runs are overlaid.
    void drop_server_legend(int run);
    // What the load shape adds to a run's charts: in an open loop the p99 measured from the
    // actual send beside the corrected one; with idle connections, their count on the
    // connections chart (they are what the server holds, beside the one or few loading); with
    // stages, the plan as a dashed target line on the connections (closed) or requests/s (open)
    // chart.
    void show_load_shape(int run, const RunConfig& config);
    // A plan-stopped event ends the dashed plan line where the hand took over.
    void add_event(const AdjustEvent& event);
    // The live run's status: under the charts, an open-loop run's coordinated omission told
    // with its own figures (hidden for a closed loop).
    void show_status(const RunConfig& config, const Summary& summary);
    CoordinatedOmissionBox* omission_box() const { return omission_; }
    void clear();

    void set_heading(const QString& title, const QString& subtitle);
    QString heading_title() const;
    QString heading_subtitle() const;
    void set_window_s(double seconds);
    void set_log_latency(bool log);
    void set_log_rps(bool log);
    void set_style(const ChartStyle& style);
    const ChartStyle& style() const { return style_; }
    void refresh();

    TimeSeriesChart* rps_chart() const { return rps_; }
    TimeSeriesChart* latency_chart() const { return latency_; }
    TimeSeriesChart* connections_chart() const { return connections_; }
    TimeSeriesChart* cpu_chart() const { return cpu_; }
    InternalsChart* internals_chart() const { return internals_; }
    SpectrumChart* spectrum_chart() const { return spectrum_; }
    ResourcesChart* resources_chart() const { return resources_; }
    // The charts shown, in the export's order (ChartExportOptions::chart indexes it).
    std::vector<TimeSeriesChart*> charts() const;
    // View → Inside the server: the internals, spectrum and cost charts, shown (and exported)
    // or not.
    void set_inside_shown(bool shown);
    bool inside_shown() const { return inside_shown_; }
    // The charts with a time axis: they get the knob-change markers and the scrolling window.
    std::vector<TimeSeriesChart*> time_charts() const;
    int run_count() const { return static_cast<int>(runs_.size()); }
    bool idle() const { return idle_; }  // showing only the empty series of the first frame
    // Presentation mode lends charts to its own layout (re-parenting them); this puts one back
    // in its place in the panel's grid.
    void restore_chart(TimeSeriesChart* chart);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fit_heading();
    std::vector<TimeSeriesChart*> all_charts() const;
    void set_legend_columns();
    void fit_legends();

    struct RunSeries {
        int rps, p50, p90, p99, client_open, in_service, waiting, accept_queue, server_cpu,
            load_cpu, internals, spectrum, resources;
        int p99_uncorrected = -1;  // open loop only
        int idle_open = -1;        // with idle connections only
        QString prefix;            // the run's label and a space, or empty
        QColor idle_color;         // what a series added later wears
        bool ghost = false;
    };

    QLabel* title_;
    QLabel* subtitle_;
    QGridLayout* grid_;
    TimeSeriesChart* rps_;
    TimeSeriesChart* latency_;
    TimeSeriesChart* connections_;
    TimeSeriesChart* cpu_;
    InternalsChart* internals_;
    SpectrumChart* spectrum_;
    ResourcesChart* resources_;
    CoordinatedOmissionBox* omission_;
    ChartStyle style_;
    std::vector<RunSeries> runs_;
    // The plan line of the last run with stages, to end it when a hand takes over.
    TimeSeriesChart* plan_chart_ = nullptr;
    int plan_series_ = -1;
    std::vector<Stage> plan_;
    double plan_start_ = 0;
    bool idle_ = false;
    bool inside_shown_ = true;
};

}  // namespace conclab::ui
