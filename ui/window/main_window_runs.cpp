// MainWindow's run flow: Start/Stop of one run, Compare of several models (each repeated), the
// signals of the runs as they go (start, status, finish), and the knobs moved during a run.
#include <QAction>
#include <QLabel>
#include <QStatusBar>
#include <QStyle>

#include <algorithm>
#include <limits>

#include "charts/chart_panel.hpp"
#include "charts/chart_style.hpp"
#include "controls/control_panel.hpp"
#include "controls/kill_worker_action.hpp"
#include "experiment/comparison.hpp"
#include "experiment/repeat_stats.hpp"
#include "export/chart_exporter.hpp"
#include "text/data_text.hpp"
#include "text/engine_text.hpp"
#include "window/compare_table.hpp"
#include "window/diagnosis_bar.hpp"
#include "window/experiment_runner.hpp"
#include "window/kept_run.hpp"
#include "window/main_window.hpp"
#include "window/run_changes.hpp"

namespace conclab::ui {

namespace {

constexpr double kDefaultCompareSeconds = 10;

// What a run is called in legends and headings, where room is short: a real server without its
// URL (the summary table gives it).
QString chart_label(const RunConfig& c) {
    return c.external ? QObject::tr("real server") : model_label(c);
}

}  // namespace

RunConfig MainWindow::current_config() const {
    return controls_->config();
}

void MainWindow::start_or_stop() {
    if (runner_->running()) {
        stop_run();
    } else {
        start_run();
    }
}

void MainWindow::start_run() {
    if (runner_->running()) return;
    if (controls_->real_server_on_start()) {
        const Result<ExternalTarget> real = controls_->real_server();
        if (!real) {
            show_error(tr("Cannot start"), !controls_->has_real_server_url()
                                               ? tr("Give the real server's URL, or untick \"Start "
                                                    "drives it\".")
                                               : QString::fromStdString(real.error()));
            return;
        }
    }
    comparing_ = false;
    runner_->start({current_config()});
}

void MainWindow::stop_run() {
    runner_->stop();
}

void MainWindow::compare() {
    start_comparison(
        compare_models_.empty()
            ? std::vector<RunVariant>{Model::EventLoop, Model::GilThreads, Model::ProcessPerCore}
            : compare_models_);
}

void MainWindow::start_comparison(const std::vector<RunVariant>& models) {
    if (runner_->running() || models.empty()) return;
    RunConfig base = current_config();
    base.external.reset();
    if (base.duration_s <= 0) base.duration_s = kDefaultCompareSeconds;
    std::optional<ExternalTarget> real;
    if (controls_->real_server_in_compare()) real = *controls_->real_server();
    // Each model with its real-world backlog; the real server first, with the same load.
    comparison_plan_ = comparison_runs(base, models, real);
    repeats_ = controls_->repeats();
    std::vector<RunConfig> runs;
    for (const RunConfig& c : comparison_plan_)
        runs.insert(runs.end(), static_cast<std::size_t>(repeats_), c);
    comparing_ = true;
    sets_.clear();
    runner_->start(runs);
}

void MainWindow::on_run_started(int index, const RunConfig& config) {
    if (index == 0) opened_from_file_ = false;
    set_running(true);
    last_error_.clear();
    kill_action_->set_run(&config);
    if (index == 0) {
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
    const bool single = !comparing_ && !kept_->shown();
    // Runs take the palette in order; a ghost has its own colour, so the new run is 0. The
    // repeats of one run share its colour; the first alone is in the legend's words.
    const int set = comparing_ ? index / repeats_ : 0;
    // In the legends a real server is short; the heading and the table give its URL.
    QString label = single ? QString() : chart_label(config);
    if (comparing_ && repeats_ > 1) label += tr(" #%1").arg(index % repeats_ + 1);
    const int run = charts_->begin_run(label, set, false, single);
    if (config.external) charts_->drop_server_legend(run);
    charts_->show_load_shape(run, config);
    if (comparing_) {
        charts_->set_window_s(0);  // the runs are aligned at t = 0 and shown whole
    } else {
        charts_->set_window_s(whole_run_action_ && whole_run_action_->isChecked() ? 0 : 60);
    }
    heading_config_ = config;
    update_heading(config);
    sync_presentation();
    save_settings();
    statusBar()->showMessage(comparing_ ? tr("Comparison: run %1 of %2 (%3)")
                                              .arg(index + 1)
                                              .arg(runner_->run_count())
                                              .arg(model_label(config))
                                        : tr("Running %1").arg(model_label(config)));
    if (comparing_ && repeats_ > 1) {
        statusBar()->showMessage(tr("Comparison: %1, repeat %2 of %3 (run %4 of %5)")
                                     .arg(model_label(config))
                                     .arg(index % repeats_ + 1)
                                     .arg(repeats_)
                                     .arg(index + 1)
                                     .arg(runner_->run_count()));
    }
}

void MainWindow::update_heading(const RunConfig& config) {
    QString title = model_label(config);
    if (comparing_) {
        QStringList names;
        for (const RunConfig& c : comparison_plan_) names << chart_label(c);
        if (!names.isEmpty())
            title = names.join(tr(" vs "));
        else
            title = tr("Comparison of models");
    }
    if (!title.isEmpty()) title[0] = title[0].toUpper();
    // A preset's name is the better title, as long as the run is the preset's: a knob moved
    // since (before the run or during it) is named in the title. The models lead the subtitle.
    if (scenario_name_.isEmpty()) {
        heading_title_ = title;
        heading_what_ran_ = describe_workload(config);
    } else {
        const QString changes =
            preset_config_ ? changes_between(*preset_config_, current_config()) : QString();
        heading_title_ = title_with_changes(scenario_text(scenario_name_), changes);
        heading_what_ran_ = title + " · " + describe_workload(config);
    }
    QString subtitle =
        scenario_name_.isEmpty()
            ? heading_what_ran_
            : preset_subtitle(scenario_text(scenario_description_), heading_what_ran_);
    if (kept_->shown()) subtitle += "\n" + kept_->subtitle();
    charts_->set_heading(heading_title_, subtitle);
}

void MainWindow::on_status(const Snapshot& s) {
    const QString state = s.state == RunState::Running ? tr("Running") : tr("Finished");
    const QString where = s.config.external ? QString::fromStdString(s.config.external->url)
                                            : tr("port %1").arg(s.port);
    state_label_->setText(tr("%1 · %2 s · %3").arg(state).arg(s.elapsed_s, 0, 'f', 1).arg(where));
    charts_->show_status(s.config, s.summary);
    QStringList lines;
    for (const std::string& w : s.warnings) lines << engine_text(w);
    if (!s.fatal_error.empty()) lines << tr("Stopped: %1").arg(engine_text(s.fatal_error));
    warnings_->setText(lines.join("\n"));
    warnings_->setVisible(!lines.isEmpty());
    charts_->set_summary(kept_->series_index(runner_->current_index()), s.summary);
}

void MainWindow::on_all_finished(const std::vector<RunResult>& results) {
    results_ = results;
    set_running(false);
    state_label_->setText(tr("Finished"));
    // One colour per run everywhere: a diagnosis line is in its run's colour, as its lines.
    std::vector<QColor> colors;
    for (std::size_t i = 0; i < results.size(); ++i)
        colors.push_back(series_color(comparing_ ? static_cast<int>(i) / repeats_ : 0));
    diagnosis_->show_runs(results, comparing_ || kept_->shown(), colors);
    if (comparing_) {
        // Consecutive runs are the repeats of one run of the plan (fewer if stopped early).
        sets_.clear();
        for (std::size_t i = 0; i < results.size(); i += static_cast<std::size_t>(repeats_)) {
            const auto end = results.begin() +
                             static_cast<long>(std::min(results.size(), i + std::size_t(repeats_)));
            sets_.emplace_back(results.begin() + static_cast<long>(i), end);
        }
        show_table(sets_);  // a kept run is a row of its own, never the baseline
        if (repeats_ > 1) {
            show_typical_runs();
            statusBar()->showMessage(tr("Each run %1 times: the table shows the median (min–max), "
                                        "the charts the run nearest each median")
                                         .arg(repeats_));
        }
    } else if (kept_->shown() && !results.empty()) {
        show_table({results});
    }
    sync_presentation();
    if (!results.empty()) {
        const Summary& s = results.back().summary;
        statusBar()->showMessage(
            tr("Finished: %1 req/s, p99 %2 ms, %3 errors")
                .arg(s.rps, 0, 'f', 1)
                .arg(s.latency ? QString::number(s.latency->p99_ms, 'f', 2) : QStringLiteral("—"))
                .arg(s.errors));
    }
    if (comparing_) suggest_log_axis(results);
}

// A comparison's table grows by a row as each run (each set of repeats) finishes, so the rows on
// screen are always this comparison's.
void MainWindow::on_run_finished() {
    if (!comparing_) return;
    const auto& done = runner_->results();
    std::vector<RunSet> sets;
    for (std::size_t i = 0; i < done.size(); i += static_cast<std::size_t>(repeats_)) {
        const std::size_t end = std::min(done.size(), i + static_cast<std::size_t>(repeats_));
        sets.emplace_back(done.begin() + static_cast<long>(i),
                          done.begin() + static_cast<long>(end));
    }
    show_table(sets);
}

void MainWindow::show_table(const std::vector<RunSet>& sets) {
    table_sets_ = sets;
    table_->show_sets(sets, kept_->shown());
    table_->show();
    sync_presentation();
}

// Repeated runs: the charts keep one run per set, the one whose req/s is nearest the median,
// as the CLI's --chart does.
void MainWindow::show_typical_runs() {
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

// A comparison can differ by a factor of a hundred (19,000 against 200 req/s): on a linear axis
// the slow run is a flat line at zero, so say where the logarithmic axis is.
void MainWindow::suggest_log_axis(const std::vector<RunResult>& results) {
    double lo = std::numeric_limits<double>::max(), hi = 0;
    for (const RunResult& r : results) {
        lo = std::min(lo, r.summary.rps);
        hi = std::max(hi, r.summary.rps);
    }
    if (log_rps_action_->isChecked() || lo <= 0 || hi < 20 * lo) return;
    statusBar()->showMessage(tr("The runs differ %1× in requests/s: tick \"log\" on the chart "
                                "(or View → Logarithmic requests/s axis) to see the slower one")
                                 .arg(qRound(hi / lo)));
}

void MainWindow::on_knob_changed(const Knobs& knobs) {
    if (!runner_->running()) return;
    // Merge into the pending change: a drag becomes one adjustment per 150 ms, well within a
    // tick, and the marker shows where the drag ended.
    pending_knobs_.merge(knobs);
    if (!knob_timer_.isActive()) knob_timer_.start();
}

void MainWindow::flush_knobs() {
    const Knobs knobs = pending_knobs_;
    pending_knobs_ = Knobs{};
    if (!runner_->running()) return;
    const auto rejected = runner_->adjust(knobs);
    if (rejected.empty()) {
        statusBar()->showMessage(tr("Changed %1").arg(knobs_text(knobs)), 4000);
        // The heading describes the run on screen: from now on, the run with this knob.
        heading_config_ = with_knobs(heading_config_, knobs);
        update_heading(heading_config_);
        sync_presentation();
    } else {
        QStringList messages;
        for (const std::string& r : rejected) messages << engine_text(r);
        last_error_ = messages.join("; ");
        statusBar()->showMessage(tr("Not applied: %1").arg(last_error_), 8000);
    }
}

}  // namespace conclab::ui
