#include "charts/chart_panel.hpp"

#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include <qcustomplot.h>

#include "charts/coordinated_omission_box.hpp"
#include "charts/internals_chart.hpp"
#include "charts/resources_chart.hpp"
#include "charts/spectrum_chart.hpp"
#include "charts/time_series_chart.hpp"
#include "window/run_changes.hpp"

namespace conclab::ui {

namespace {

// Of a chart without its legend: title, axes and a note.
constexpr int kMinChartHeight = 230;

double or_gap(const std::optional<double>& v) {
    return v ? *v : std::nan("");
}
double or_gap(const std::optional<int>& v) {
    return v ? *v : std::nan("");
}

}  // namespace

ChartPanel::ChartPanel(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(this)),
      subtitle_(new QLabel(this)),
      grid_(nullptr),
      rps_(new TimeSeriesChart(tr("Requests per second"), tr("req/s"), this)),
      latency_(new TimeSeriesChart(tr("Latency percentiles"), tr("ms"), this)),
      connections_(new TimeSeriesChart(tr("Connections"), tr("connections"), this)),
      cpu_(new TimeSeriesChart(tr("CPU"), tr("% of one core"), this)),
      internals_(new InternalsChart(this)),
      spectrum_(new SpectrumChart(this)),
      resources_(new ResourcesChart(this)),

      omission_(new CoordinatedOmissionBox(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    title_->setFont(big);
    title_->setWordWrap(true);  // a long comparison must not set the window's minimum width
    subtitle_->setWordWrap(true);
    layout->addWidget(title_);
    layout->addWidget(subtitle_);
    // The charts scroll rather than shrink: overlaid runs have long legends, and six charts
    // squeezed into a laptop's window would each be a sliver.
    auto* scroll = new QScrollArea(this);
    auto* host = new QWidget(scroll);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->viewport()->setAutoFillBackground(false);
    host->setAutoFillBackground(false);
    grid_ = new QGridLayout(host);
    grid_->setContentsMargins(0, 0, 0, 0);
    for (TimeSeriesChart* chart : all_charts()) restore_chart(chart);
    scroll->setWidget(host);
    layout->addWidget(scroll, 1);
    layout->addWidget(omission_);
    rps_->setObjectName("rpsChart");
    latency_->setObjectName("latencyChart");
    connections_->setObjectName("connectionsChart");
    cpu_->setObjectName("cpuChart");
    internals_->setObjectName("internalsChart");
    spectrum_->setObjectName("spectrumChart");
    resources_->setObjectName("resourcesChart");
    rps_->add_log_toggle();
    latency_->add_log_toggle();
    // Two short lines rather than one long one: a narrow chart would cut it at both ends.
    connections_->set_note(
        tr("Server side: time averages per tick.\nA line inside the band: "
           "in service = client open"));
    // A note of the same height under the CPU chart keeps the two charts' axes level.
    cpu_->set_note(tr("100 % = one core;\nserver = all its processes"));
    set_heading(tr("Concurrency Lab"), tr("Pick a model and a preset, then press Start."));
    // Empty series of a single run: without legend items QCustomPlot squeezes each axis rect to
    // the width of the empty legend, and the first frame would show four tiny boxes.
    begin_run(QString(), 0, false, true);
    internals_->show_placeholder();
    resources_->show_placeholder();
    runs_.clear();
    idle_ = true;
    refresh();
}

int ChartPanel::begin_run(const QString& label, int color_index, bool ghost, bool metric_colors) {
    if (idle_) clear();
    const QColor run_color = series_color(color_index);
    auto color = [&](int metric) { return metric_colors ? series_color(metric) : run_color; };
    auto style = [&](Qt::PenStyle s) { return metric_colors ? Qt::SolidLine : s; };
    const QString prefix = label.isEmpty() ? QString() : label + " ";
    RunSeries r{};
    // A chart with one line per run names the run alone: its title says what the line is, and
    // "GIL threads (10) req/s" would be cut where charts share an exported page.
    r.rps = rps_->add_series(label.isEmpty() ? tr("req/s") : label, run_color, ghost);
    r.p50 = latency_->add_series(prefix + "p50", color(0), ghost, style(Qt::DotLine));
    r.p90 = latency_->add_series(prefix + "p90", color(1), ghost, style(Qt::DashLine));
    r.p99 = latency_->add_series(prefix + "p99", color(3), ghost, Qt::SolidLine);
    // Client open is a pale band under the in-service line: the two are often equal (every
    // connection being served), and one thin line would hide the other exactly.
    r.client_open = connections_->add_series(prefix + tr("client open"), color(0), ghost,
                                             Qt::SolidLine, TimeSeriesChart::Stroke::Band);
    r.in_service =
        connections_->add_series(prefix + tr("in service"), color(2), ghost, Qt::SolidLine);
    r.waiting =
        connections_->add_series(prefix + tr("waiting"), color(1), ghost, style(Qt::DashLine));
    r.accept_queue = connections_->add_series(prefix + tr("accept queue"), color(3), ghost,
                                              style(Qt::DashDotLine));
    r.server_cpu = cpu_->add_series(prefix + tr("server"), color(0), ghost, Qt::SolidLine);
    r.load_cpu =
        cpu_->add_series(prefix + tr("load generator"), color(4), ghost, style(Qt::DotLine));
    r.internals = internals_->begin_run(label, color_index, ghost, metric_colors);
    r.spectrum = spectrum_->add_series(label.isEmpty() ? tr("latency") : label, run_color, ghost);
    r.resources = resources_->begin_run(label, color_index, ghost, metric_colors);
    r.prefix = prefix;
    r.idle_color = color(5);
    r.ghost = ghost;
    runs_.push_back(r);
    set_legend_columns();
    return static_cast<int>(runs_.size()) - 1;
}

void ChartPanel::drop_server_legend(int run) {
    if (run < 0 || run >= run_count()) return;
    const RunSeries& r = runs_[static_cast<std::size_t>(run)];
    for (int s : {r.in_service, r.waiting, r.accept_queue}) {
        if (QCPGraph* g = connections_->graph(s)) g->removeFromLegend();
    }
    if (QCPGraph* g = cpu_->graph(r.server_cpu)) g->removeFromLegend();
    set_legend_columns();
}

void ChartPanel::set_legend_columns() {
    // Overlaid runs have long series names: two per legend row keeps them readable; the
    // internals' and the spectrum's, longer still, one.
    // A single run's four connection series fit one row only where the chart is wide (a
    // 1280-pixel screen leaves each chart ~360 pixels): otherwise two rows, never cut names.
    const bool several = runs_.size() > 1;
    const bool narrow = rps_->width() < 460;
    for (TimeSeriesChart* chart : charts()) chart->set_legend_columns(several || narrow ? 2 : 4);
    internals_->set_legend_columns(several ? 1 : 2);
    // One column: the memory entry carries the run's KiB per connection once it ends.
    resources_->set_legend_columns(1);
    spectrum_->set_legend_columns(several ? 1 : 3);
    fit_legends();
}

// Each chart at least as high as its legend needs, so that a long legend takes room from the
// scroll area, not from the axes, and its last row is never under the scroll area's edge. The
// legend's own size hint counts its rows, icons, spacing and margins at the chart's width.
void ChartPanel::fit_legends() {
    for (TimeSeriesChart* chart : all_charts()) {
        QCPLegend* legend = chart->plot()->legend;
        chart->setMinimumHeight(kMinChartHeight + legend->minimumOuterSizeHint().height());
    }
}

void ChartPanel::append(int run, const std::vector<MetricsSample>& samples) {
    if (run < 0 || run >= run_count()) return;
    const RunSeries& r = runs_[static_cast<std::size_t>(run)];
    for (const MetricsSample& s : samples) {
        rps_->append(r.rps, s.t_s, s.rps);
        latency_->append(r.p50, s.t_s, or_gap(s.p50_ms));
        latency_->append(r.p90, s.t_s, or_gap(s.p90_ms));
        latency_->append(r.p99, s.t_s, or_gap(s.p99_ms));
        if (r.p99_uncorrected >= 0)
            latency_->append(r.p99_uncorrected, s.t_s, or_gap(s.p99_uncorrected_ms));
        connections_->append(r.client_open, s.t_s, s.client_open);
        connections_->append(r.in_service, s.t_s, or_gap(s.server_in_service));
        connections_->append(r.waiting, s.t_s, or_gap(s.server_waiting));
        connections_->append(r.accept_queue, s.t_s, or_gap(s.server_accept_queue));
        if (r.idle_open >= 0) connections_->append(r.idle_open, s.t_s, s.idle_open);
        cpu_->append(r.server_cpu, s.t_s, or_gap(s.server_cpu_pct));
        cpu_->append(r.load_cpu, s.t_s, s.load_cpu_pct);
    }
    const int lines = internals_->series_count() + resources_->series_count();
    internals_->add_samples(r.internals, samples);
    resources_->add_samples(r.resources, samples);
    if (internals_->series_count() + resources_->series_count() != lines) fit_legends();
}

void ChartPanel::set_summary(int run, const Summary& summary) {
    if (run < 0 || run >= run_count()) return;
    const RunSeries& r = runs_[static_cast<std::size_t>(run)];
    spectrum_->set_spectrum(r.spectrum, summary.latency_spectrum);
    if (summary.resources)
        resources_->set_memory_per_connection(r.resources,
                                              summary.resources->memory_per_connection);
}

std::vector<TimeSeriesChart*> ChartPanel::charts() const {
    if (!inside_shown_) return {rps_, latency_, connections_, cpu_};
    return all_charts();
}

std::vector<TimeSeriesChart*> ChartPanel::all_charts() const {
    return {rps_, latency_, connections_, cpu_, internals_, spectrum_, resources_};
}

void ChartPanel::set_inside_shown(bool shown) {
    inside_shown_ = shown;
    for (TimeSeriesChart* chart :
         {static_cast<TimeSeriesChart*>(internals_), static_cast<TimeSeriesChart*>(spectrum_),
          static_cast<TimeSeriesChart*>(resources_)}) {
        chart->setVisible(shown);
        if (shown) {  // restyled and rescaled while hidden? Not by the loops over charts().
            chart->set_style(style_);
            chart->refresh();
        }
    }
}

void ChartPanel::restore_chart(TimeSeriesChart* chart) {
    const auto all = all_charts();
    const auto at = std::find(all.begin(), all.end(), chart);
    if (at == all.end()) return;
    const int i = static_cast<int>(at - all.begin());
    grid_->addWidget(chart, i / 2, i % 2);  // two columns, in the order of all_charts()
    chart->setVisible(inside_shown_ || i < 4);
}

std::vector<TimeSeriesChart*> ChartPanel::time_charts() const {
    return {rps_, latency_, connections_, cpu_, internals_, resources_};
}

void ChartPanel::show_load_shape(int run, const RunConfig& config) {
    if (run < 0 || run >= run_count()) return;
    RunSeries& r = runs_[static_cast<std::size_t>(run)];
    const bool open = config.load.rate > 0;
    if (open && r.p99_uncorrected < 0) {
        QCPGraph* p99 = latency_->graph(r.p99);
        // A single run: a colour of its own, as its other metrics; overlaid runs: the run's.
        const QColor color =
            runs_.size() == 1 || !p99 ? series_color(2) : p99->pen().color().lighter(140);
        if (p99) p99->setName(p99->name() + tr(" from due time"));
        r.p99_uncorrected =
            latency_->add_series(tr("p99 from send (uncorrected)"), color, false, Qt::DashLine);
    }
    if (config.load.idle_connections > 0 && r.idle_open < 0) {
        r.idle_open = connections_->add_series(r.prefix + tr("idle open"), r.idle_color, r.ghost,
                                               Qt::DashDotDotLine);
    }
    if (config.stages.empty()) return;
    TimeSeriesChart* chart = open ? rps_ : connections_;
    const int plan = chart->add_series(open ? tr("planned req/s") : tr("planned connections"),
                                       style_.foreground(), false, Qt::DashLine);
    plan_chart_ = chart;
    plan_series_ = plan;
    plan_ = config.stages;
    plan_start_ = open ? config.load.rate : config.load.connections;
    double t = 0;
    double value = plan_start_;
    chart->append(plan, t, value);
    for (const Stage& stage : config.stages) {
        t += stage.duration_s;
        value = stage.target;
        chart->append(plan, t, value);
    }
    if (config.duration_s > t) chart->append(plan, config.duration_s, value);
}

void ChartPanel::add_event(const AdjustEvent& event) {
    const QString label = knob_change_text(event);
    for (TimeSeriesChart* chart : time_charts()) chart->add_marker(event.t_s, label);
    if (event.knob == "plan" && plan_chart_ && plan_chart_->graph(plan_series_)) {
        QCPGraph* line = plan_chart_->graph(plan_series_);
        line->data()->removeAfter(event.t_s);
        line->addData(event.t_s, planned_value(plan_, plan_start_, event.t_s));
    }
}

void ChartPanel::show_status(const RunConfig& config, const Summary& summary) {
    omission_->show_summary(summary, config.load.rate, config.load.request_timeout_s);
}

void ChartPanel::clear() {
    for (TimeSeriesChart* chart : all_charts()) chart->clear();
    runs_.clear();
    plan_chart_ = nullptr;
    plan_series_ = -1;
    idle_ = false;
}

void ChartPanel::set_heading(const QString& title, const QString& subtitle) {
    title_->setText(title);
    subtitle_->setText(subtitle);
    fit_heading();
}

void ChartPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fit_heading();
    set_legend_columns();
}

// A preset's description runs over several lines. The charts' minimum heights would otherwise
// squeeze the wrapped labels to a line or two, cutting the text: the labels keep the height
// their text needs at this width, and the charts give way.
void ChartPanel::fit_heading() {
    const int width = std::max(100, contentsRect().width() - 8);
    title_->setMinimumHeight(title_->heightForWidth(width));
    subtitle_->setMinimumHeight(subtitle_->heightForWidth(width));
}

QString ChartPanel::heading_title() const {
    return title_->text();
}
QString ChartPanel::heading_subtitle() const {
    return subtitle_->text();
}

void ChartPanel::set_window_s(double seconds) {
    for (TimeSeriesChart* chart : time_charts()) chart->set_window_s(seconds);
}

void ChartPanel::set_log_latency(bool log) {
    latency_->set_log_y(log);
}

void ChartPanel::set_log_rps(bool log) {
    rps_->set_log_y(log);
}

void ChartPanel::set_style(const ChartStyle& style) {
    style_ = style;
    for (TimeSeriesChart* chart : charts()) chart->set_style(style);
    QPalette p = palette();
    p.setColor(QPalette::Window, style.background());
    p.setColor(QPalette::WindowText, style.foreground());
    setPalette(p);
    setAutoFillBackground(true);
}

void ChartPanel::refresh() {
    for (TimeSeriesChart* chart : charts()) chart->refresh();
}

}  // namespace conclab::ui
