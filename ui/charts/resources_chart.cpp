#include "charts/resources_chart.hpp"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

#include "charts/axis_scaling.hpp"

namespace conclab::ui {

namespace {

// One entry per ResourcesChart::Line: legend words, look and what the figure is.
struct LineLook {
    const char* name;
    bool left;  // memory, else the logarithmic right axis
    int color;  // palette index when a single run's metrics get their own colours
    Qt::PenStyle pen;
    const char* tip;
};

// clang-format off
constexpr LineLook kLines[] = {
    {QT_TRANSLATE_NOOP("ResourcesChart", "memory (MiB)"), true, 0, Qt::SolidLine,
     QT_TRANSLATE_NOOP("ResourcesChart",
         "Resident memory of the server's processes, summed (/proc/PID/statm). Its slope "
         "against the connections held is the memory one more connection costs.")},
    {QT_TRANSLATE_NOOP("ResourcesChart", "threads"), false, 2, Qt::DashLine,
     QT_TRANSLATE_NOOP("ResourcesChart",
         "Kernel threads of the server's processes (/proc/PID/status Threads). A thread per "
         "connection follows the connections one for one; an event loop stays flat.")},
    {QT_TRANSLATE_NOOP("ResourcesChart", "context switches/s"), false, 1, Qt::DotLine,
     QT_TRANSLATE_NOOP("ResourcesChart",
         "Voluntary and involuntary context switches per second of every server thread "
         "(getrusage in each worker). Idle threads parked in recv() hardly switch; busy "
         "threads handing a lock to each other switch all the time.")},
};
// clang-format on

}  // namespace

ResourcesChart::ResourcesChart(QWidget* parent)
    : TimeSeriesChart(tr("Server cost"), tr("MiB"), parent) {
    QCustomPlot* p = plot();
    // Units only: in a cell of the all-charts page an axis title must fit the plot's height
    // ("memory (MiB)" was cut); the legend names the lines, and the tick labels (1, 10, 100, …)
    // say the axis is logarithmic.
    show_right_log_axis(*p, tr("threads · /s"));
    set_style(chart_style());  // the right axis in the chart's colours too
    set_note(tr("All the server's processes, summed.\nA real server: with --target-pid only"));
    setToolTip(
        tr("What a connection costs the server, per tick: its resident memory, its threads and "
           "its context switches. Hover a legend entry for its meaning."));
}

int ResourcesChart::begin_run(const QString& label, int color_index, bool ghost,
                              bool metric_colors) {
    Run r;
    r.look = RunLook::of(label, color_index, ghost, metric_colors);
    runs_.push_back(r);
    return static_cast<int>(runs_.size()) - 1;
}

int ResourcesChart::line_for(Run& run, Line line) {
    const auto i = static_cast<std::size_t>(line);
    if (run.series[i] >= 0) return run.series[i];
    const LineLook& look = kLines[i];
    const int s = add_run_line(
        *this, run.look, QCoreApplication::translate("ResourcesChart", look.name),
        run.look.line_color(look.color), look.pen, look.left ? plot()->yAxis : plot()->yAxis2);
    run.series[i] = s;
    set_series_tip(s, QCoreApplication::translate("ResourcesChart", look.tip));
    return s;
}

void ResourcesChart::add_samples(int run, const std::vector<MetricsSample>& samples) {
    if (run < 0 || run >= static_cast<int>(runs_.size())) return;
    Run& r = runs_[static_cast<std::size_t>(run)];
    for (const MetricsSample& s : samples) {
        const std::optional<double> values[] = {
            s.server.rss_mb,
            s.server.threads ? std::optional<double>(*s.server.threads) : std::nullopt,
            s.server.context_switches_per_s};
        for (std::size_t i = 0; i < std::size(values); ++i) {
            const auto line = static_cast<Line>(i);
            if (values[i]) {
                // A zero on the logarithmic right axis is drawn at its floor, marked "0".
                append(line_for(r, line), s.t_s, *values[i]);
            } else if (r.series[i] >= 0) {
                append(r.series[i], s.t_s, std::nan(""));  // a tick without a reading
            }
        }
    }
}

void ResourcesChart::set_memory_per_connection(int run,
                                               const std::optional<MemoryPerConnection>& slope) {
    if (run < 0 || run >= static_cast<int>(runs_.size())) return;
    const Run& r = runs_[static_cast<std::size_t>(run)];
    const int s = r.series[static_cast<std::size_t>(Line::Memory)];
    if (s < 0 || !slope) return;
    if (runs_.size() > 1) {
        // Overlaid runs keep one meaning per line style in a grouped legend: the figure goes
        // to the line's tip rather than into three different names.
        set_series_tip(
            s,
            QCoreApplication::translate("ResourcesChart",
                                        kLines[static_cast<std::size_t>(Line::Memory)].tip) +
                "\n" +
                tr("This run: %1 KiB per connection").arg(QLocale().toString(slope->kib, 'f', 1)));
        return;
    }
    graph(s)->setName(
        r.look.prefix +
        tr("memory (MiB, %1 KiB per connection)").arg(QLocale().toString(slope->kib, 'f', 1)));
}

void ResourcesChart::show_placeholder() {
    add_series(tr("appears once a run starts: memory, threads, context switches"), series_color(7),
               true, Qt::DotLine);
}

void ResourcesChart::clear() {
    TimeSeriesChart::clear();
    runs_.clear();
}

void ResourcesChart::refresh() {
    TimeSeriesChart::refresh();  // time axis and the memory axis
    QCustomPlot* p = plot();
    scale_log_axis(*p, p->yAxis2, 1, QCPRange(1, 1000));  // threads and switches: at least one
    place_zeros(p->yAxis2);  // no context switch in a tick: at the floor, marked "0"
    leave_room_for_markers(p->yAxis2);
}

int ResourcesChart::series_of(int run, Line line) const {
    if (run < 0 || run >= static_cast<int>(runs_.size())) return -1;
    return runs_[static_cast<std::size_t>(run)].series[static_cast<std::size_t>(line)];
}

}  // namespace conclab::ui
