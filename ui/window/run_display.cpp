#include "window/run_display.hpp"

#include "charts/chart_panel.hpp"
#include "charts/chart_style.hpp"
#include "experiment/repeat_stats.hpp"
#include "window/compare_table.hpp"
#include "window/diagnosis_bar.hpp"
#include "window/kept_run.hpp"
#include "window/run_plan.hpp"

namespace conclab::ui {

RunDisplay::RunDisplay(ChartPanel* charts, CompareTable* table, DiagnosisBar* diagnosis,
                       KeptRun* kept, QObject* parent)
    : QObject(parent), charts_(charts), table_(table), diagnosis_(diagnosis), kept_(kept) {}

void RunDisplay::begin(int index, const RunConfig& config, const RunPlan& plan, double window_s) {
    if (index == 0) {
        from_file_ = false;
        charts_->clear();
        diagnosis_->clear_runs();
        results_.clear();
        // A new run or comparison: the previous one's rows go; this one's come as it finishes.
        table_sets_.clear();
        table_->setRowCount(0);
        table_->hide();
        kept_->show_under_next_runs();
        kept_->draw(charts_);
    }
    const bool single = !plan.comparing && !kept_->shown();
    // Runs take the palette in order; a ghost has its own colour, so the new run is 0. The
    // repeats of one run share its colour; the first alone is in the legend's words.
    // In the legends a real server is short; the heading and the table give its URL.
    QString label = single ? QString() : chart_label(config);
    if (plan.comparing && plan.repeats > 1) label += tr(" #%1").arg(index % plan.repeats + 1);
    const int run = charts_->begin_run(label, plan.set_of(index), false, single);
    if (config.external) charts_->drop_server_legend(run);
    charts_->show_load_shape(run, config);
    // A comparison's runs are aligned at t = 0 and shown whole.
    charts_->set_window_s(plan.comparing ? 0 : window_s);
}

void RunDisplay::add_samples(int index, const std::vector<MetricsSample>& samples) {
    charts_->append(kept_->series_index(index), samples);
    charts_->refresh();
}

void RunDisplay::add_events(const std::vector<AdjustEvent>& events) {
    for (const AdjustEvent& e : events) charts_->add_event(e);
    charts_->refresh();
}

void RunDisplay::show_summary(int index, const Summary& summary) {
    charts_->set_summary(kept_->series_index(index), summary);
}

void RunDisplay::draw_saved(int index, const RunResult& run) {
    from_file_ = true;
    charts_->append(kept_->series_index(index), run.series);
    // A live run's spectrum arrives with its status polls; a saved one has its final one.
    charts_->set_summary(kept_->series_index(index), run.summary);
    for (const AdjustEvent& e : run.events) charts_->add_event(e);
}

void RunDisplay::show_sets(const std::vector<RunSet>& sets) {
    table_sets_ = sets;
    table_->show_sets(sets, kept_->shown());
    table_->show();
}

void RunDisplay::finish(const std::vector<RunResult>& results, const RunPlan& plan) {
    results_ = results;
    // One colour per run everywhere: a diagnosis line is in its run's colour, as its lines.
    std::vector<QColor> colors;
    for (std::size_t i = 0; i < results.size(); ++i)
        colors.push_back(series_color(plan.set_of(static_cast<int>(i))));
    diagnosis_->show_runs(results, plan.comparing || kept_->shown(), colors);
    if (plan.comparing) {
        sets_ = plan.group(results);
        show_sets(sets_);  // a kept run is a row of its own, never the baseline
        if (plan.repeats > 1) show_typical_runs();
    } else if (kept_->shown() && !results.empty()) {
        show_sets({results});
    }
}

// Repeated runs: the charts keep one run per set, the one whose req/s is nearest the median,
// as the CLI's --chart does.
void RunDisplay::show_typical_runs() {
    charts_->clear();
    kept_->draw(charts_);
    for (std::size_t i = 0; i < sets_.size(); ++i) {
        std::vector<Summary> summaries;
        for (const RunResult& r : sets_[i]) summaries.push_back(r.summary);
        const RunResult& typical = sets_[i][summarise_repeats(summaries).typical_run];
        const int run =
            charts_->begin_run(chart_label(typical.config), static_cast<int>(i), false, false);
        if (typical.config.external) charts_->drop_server_legend(run);
        charts_->append(run, typical.series);
        charts_->set_summary(run, typical.summary);
    }
    charts_->set_window_s(0);
    charts_->refresh();
}

void RunDisplay::blank() {
    charts_->clear();
    charts_->begin_run(QString(), 0, false, true);  // empty series: full-size axes and legends
    charts_->refresh();
    diagnosis_->clear_runs();
    table_sets_.clear();
    table_->setRowCount(0);
    table_->hide();
    results_.clear();
    sets_.clear();
    kept_->hide();
}

std::vector<RunResult> RunDisplay::report_runs() const {
    std::vector<RunResult> runs = results_;
    // A kept run drawn under the others is in the report too: last, never its baseline.
    if (kept_->shown() && !runs.empty()) runs.push_back(*kept_->shown());
    return runs;
}

}  // namespace conclab::ui
