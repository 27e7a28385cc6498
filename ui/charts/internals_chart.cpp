#include "charts/internals_chart.hpp"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <utility>

#include <qcustomplot.h>

#include "charts/axis_scaling.hpp"

namespace conclab::ui {

namespace {

// One line per Internals field, in kInternalsFields order: legend words, axis, look, and what it
// is in the runtime the model stands in for.
struct LineLook {
    const char* name;
    bool left;  // a share of the tick (%), else the logarithmic right axis
    int color;  // palette index when a single run's metrics get their own colours
    Qt::PenStyle pen;
    bool overlaid;  // drawn when runs are overlaid too (else a single run's detail)
    const char* tip;
};

// clang-format off
constexpr LineLook kLines[] = {
    {QT_TRANSLATE_NOOP("InternalsChart", "loop delay p99 (ms)"), false, 1, Qt::SolidLine, true,
     QT_TRANSLATE_NOOP("InternalsChart",
         "How late a timer due every 10 ms fired on the loop, p99 of the tick: Node's "
         "perf_hooks.monitorEventLoopDelay() percentile(99). Near 0 = the loop is free; CPU work "
         "on the loop delays it by about the CPU time of a request.")},
    {QT_TRANSLATE_NOOP("InternalsChart", "loop delay max (ms)"), false, 3, Qt::DashLine, false,
     QT_TRANSLATE_NOOP("InternalsChart",
         "The worst lateness of that timer in the tick (monitorEventLoopDelay().max), a timer "
         "still overdue included.")},
    {QT_TRANSLATE_NOOP("InternalsChart", "loop busy (%)"), true, 0, Qt::DashLine, true,
     QT_TRANSLATE_NOOP("InternalsChart",
         "Share of the tick the loop spent running handlers: Node's "
         "performance.eventLoopUtilization(). Near 100 % = the single thread is saturated.")},
    {QT_TRANSLATE_NOOP("InternalsChart", "GIL held (%)"), true, 0, Qt::DashLine, true,
     QT_TRANSLATE_NOOP("InternalsChart",
         "Share of the tick some thread held the GIL, as gil_load (CPython) reports it. Near "
         "100 % = CPU-bound on one core: more threads cannot help, more processes can.")},
    {QT_TRANSLATE_NOOP("InternalsChart", "threads waiting for the GIL"), false, 2, Qt::SolidLine, true,
     QT_TRANSLATE_NOOP("InternalsChart",
         "Threads blocked on the GIL, time average over the tick (gil_load's wait, per4m's "
         "waiting threads). About threads − 1 when every thread computes.")},
    {QT_TRANSLATE_NOOP("InternalsChart", "GIL wait p99 (ms)"), false, 1, Qt::DashLine, false,
     QT_TRANSLATE_NOOP("InternalsChart",
         "Wait per GIL acquisition, p99 (per4m's take_gil wait): about one switch interval "
         "(sys.setswitchinterval, 5 ms by default) for every waiter ahead.")},
    {QT_TRANSLATE_NOOP("InternalsChart", "GIL hand-offs/s"), false, 4, Qt::DotLine, false,
     QT_TRANSLATE_NOOP("InternalsChart",
         "Times per second the GIL went to another thread. With threads competing for CPU it "
         "is at most 1 / sys.getswitchinterval() (200/s at 5 ms).")},
    {QT_TRANSLATE_NOOP("InternalsChart", "forced GIL drops/s"), false, 3, Qt::DashDotLine, false,
     QT_TRANSLATE_NOOP("InternalsChart",
         "Waiters that timed out after one switch interval and set gil_drop_request, forcing "
         "the holder to let go at its next eval-breaker check (CPython's ceval_gil.c).")},
};
// clang-format on
static_assert(std::size(kLines) == kInternalsFields.size());

// Worker lines in a single run: colours apart from the metrics' (0 to 4 are taken).
constexpr int kWorkerColors[] = {5, 7, 2, 4, 6, 3, 1, 0};

}  // namespace

InternalsChart::InternalsChart(QWidget* parent)
    : TimeSeriesChart(tr("Inside the server"), tr("% of the tick"), parent) {
    QCustomPlot* p = plot();
    show_right_log_axis(*p, tr("ms · threads · /s"));  // short, as Server cost's: a cell's height
    set_style(chart_style());                          // the right axis in the chart's colours too
    setToolTip(
        tr("What the server measured inside itself, per tick: the event loop's delay and "
           "utilisation (Node's monitorEventLoopDelay, eventLoopUtilization), the GIL's held "
           "share, waiters and hand-offs (gil_load, per4m, sys.setswitchinterval), and each "
           "worker process's requests/s. Hover a legend entry for its meaning."));
}

int InternalsChart::begin_run(const QString& label, int color_index, bool ghost,
                              bool metric_colors) {
    Run r;
    r.look = RunLook::of(label, color_index, ghost, metric_colors);
    r.series.fill(-1);
    runs_.push_back(r);
    return static_cast<int>(runs_.size()) - 1;
}

int InternalsChart::line_for(Run& run, std::size_t field) {
    if (run.series[field] >= 0) return run.series[field];
    const LineLook& look = kLines[field];
    if (!run.look.metric_colors && !look.overlaid) return -1;  // overlaid: the main lines only
    const int s = add_run_line(
        *this, run.look, QCoreApplication::translate("InternalsChart", look.name),
        run.look.line_color(look.color), look.pen, look.left ? plot()->yAxis : plot()->yAxis2);
    run.series[field] = s;
    set_series_tip(s, QCoreApplication::translate("InternalsChart", look.tip));
    return s;
}

int InternalsChart::worker_line(Run& run, int pid) {
    if (auto it = run.workers.find(pid); it != run.workers.end()) return it->second;
    const int k = static_cast<int>(run.worker_order.size());
    const int s =
        add_run_line(*this, run.look, tr("worker %1 (req/s)").arg(pid),
                     run.look.line_color(kWorkerColors[k % std::size(kWorkerColors)]),
                     run.look.metric_colors ? Qt::SolidLine : Qt::DashDotDotLine, workers_axis());
    run.workers[pid] = s;
    run.worker_order.push_back(pid);
    set_series_tip(
        s, tr("Requests/s completed by worker process %1 (a Node cluster worker, a gunicorn "
              "worker). Uneven lines = uneven scheduling (the kernel's accept under a "
              "burst); a line that stops and a new PID = a worker that died and its "
              "replacement.")
               .arg(pid));
    return s;
}

QCPAxis* InternalsChart::workers_axis() {
    if (!workers_axis_) {
        workers_axis_ = plot()->axisRect()->addAxis(QCPAxis::atRight);
        workers_axis_->setLabel(tr("req/s per worker"));
        workers_axis_->grid()->setVisible(false);
        set_style(chart_style());  // the new axis in the chart's colours and fonts
    }
    return workers_axis_;
}

void InternalsChart::add_samples(int run, const std::vector<MetricsSample>& samples) {
    if (run < 0 || run >= static_cast<int>(runs_.size())) return;
    Run& r = runs_[static_cast<std::size_t>(run)];
    for (const MetricsSample& s : samples) {
        for (std::size_t i = 0; i < kInternalsFields.size(); ++i) {
            const std::optional<double>& v = s.internals.*kInternalsFields[i].value;
            // Absent until the model measures it; once a line exists, a tick without a value
            // is a gap.
            if (v) {
                if (const int line = line_for(r, i); line >= 0) append(line, s.t_s, *v);
            } else if (r.series[i] >= 0) {
                append(r.series[i], s.t_s, std::nan(""));
            }
        }
        if (!s.workers) continue;
        for (const WorkerSample& w : *s.workers) append(worker_line(r, w.pid), s.t_s, w.rps);
        // A worker gone (killed, scaled down) ends its line here.
        for (const auto& [pid, series] : r.workers) {
            const bool live =
                std::any_of(s.workers->begin(), s.workers->end(),
                            [pid = pid](const WorkerSample& w) { return w.pid == pid; });
            if (!live) append(series, s.t_s, std::nan(""));
        }
    }
}

void InternalsChart::show_placeholder() {
    add_series(tr("appears once a run starts: loop delay, GIL, workers"), series_color(7), true,
               Qt::DotLine);
}

void InternalsChart::clear() {
    TimeSeriesChart::clear();
    if (workers_axis_) plot()->axisRect()->removeAxis(std::exchange(workers_axis_, nullptr));
    runs_.clear();
}

void InternalsChart::refresh() {
    TimeSeriesChart::refresh();  // time axis and the rest
    QCustomPlot* p = plot();
    p->yAxis->setRange(0, 105);                               // shares: always the whole 0–100 %
    scale_log_axis(*p, p->yAxis2, 1e-3, QCPRange(0.1, 100));  // a GIL wait of a microsecond
    // A zero GIL wait or no hand-offs in a tick: at the right axis's floor, marked "0".
    place_zeros(p->yAxis2);
    leave_room_for_markers(p->yAxis);
    leave_room_for_markers(p->yAxis2);
    if (!workers_axis_) return;
    const std::optional<QCPRange> shown = visible_value_range(*p, workers_axis_);
    const double most = shown ? std::max(0.0, shown->upper) : 0;
    workers_axis_->setRange(0, most > 0 ? most * 1.12 : 1);
    leave_room_for_markers(workers_axis_);
}

int InternalsChart::series_of(int run, std::string_view key) const {
    if (run < 0 || run >= static_cast<int>(runs_.size())) return -1;
    for (std::size_t i = 0; i < kInternalsFields.size(); ++i) {
        if (kInternalsFields[i].key == key) return runs_[static_cast<std::size_t>(run)].series[i];
    }
    return -1;
}

std::vector<int> InternalsChart::worker_pids(int run) const {
    if (run < 0 || run >= static_cast<int>(runs_.size())) return {};
    return runs_[static_cast<std::size_t>(run)].worker_order;
}

int InternalsChart::worker_series(int run, int pid) const {
    if (run < 0 || run >= static_cast<int>(runs_.size())) return -1;
    const auto& workers = runs_[static_cast<std::size_t>(run)].workers;
    const auto it = workers.find(pid);
    return it == workers.end() ? -1 : it->second;
}

}  // namespace conclab::ui
