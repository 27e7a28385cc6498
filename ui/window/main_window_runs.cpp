// MainWindow's run flow: Start/Stop of one run, Compare of several models (each repeated), and
// the runner's signals as the runs go (start, status, finish, knobs moved), routed to the parts
// that show them.
#include <QAction>
#include <QLabel>
#include <QStatusBar>

#include <algorithm>
#include <limits>

#include "charts/chart_panel.hpp"
#include "controls/control_panel.hpp"
#include "controls/kill_worker_action.hpp"
#include "experiment/comparison.hpp"
#include "text/engine_text.hpp"
#include "window/diagnosis_bar.hpp"
#include "window/experiment_runner.hpp"
#include "window/kept_run.hpp"
#include "window/main_window.hpp"
#include "window/presentation_mode.hpp"
#include "window/run_display.hpp"
#include "window/run_heading.hpp"
#include "window/run_status.hpp"
#include "window/view_menu.hpp"

namespace conclab::ui {

namespace {
constexpr double kDefaultCompareSeconds = 10;
}  // namespace

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
    plan_.comparing = false;
    runner_->start({controls_->config()});
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

// The runs in turn (each a model, or fields over the controls' settings), after the real server
// when the controls name one and include it in Compare; each repeated as they say.
void MainWindow::start_comparison(const std::vector<RunVariant>& models) {
    if (runner_->running() || models.empty()) return;
    RunConfig base = controls_->config();
    base.external.reset();
    if (base.duration_s <= 0) base.duration_s = kDefaultCompareSeconds;
    std::optional<ExternalTarget> real;
    if (controls_->real_server_in_compare()) real = *controls_->real_server();
    // Each model with its real-world backlog; the real server first, with the same load.
    plan_ = RunPlan{true, comparison_runs(base, models, real), controls_->repeats()};
    runs_->clear_sets();
    runner_->start(plan_.runs());
}

// Space in presentation mode.
void MainWindow::present_start_or_stop() {
    if (runner_->running()) {
        stop_run();
    } else if (!compare_models_.empty()) {
        compare();  // a comparison preset is meant as its comparison
    } else {
        start_run();
    }
}

void MainWindow::on_run_started(int index, const RunConfig& config) {
    set_running(true);
    last_error_.clear();
    run_menu_->kill_action()->set_run(&config);
    runs_->begin(index, config, plan_, view_->window_s());
    update_heading(config);
    presenting_->sync();
    save_settings();
    if (!plan_.comparing) {
        statusBar()->showMessage(tr("Running %1").arg(model_label(config)));
    } else if (plan_.repeats > 1) {
        statusBar()->showMessage(tr("Comparison: %1, repeat %2 of %3 (run %4 of %5)")
                                     .arg(model_label(config))
                                     .arg(index % plan_.repeats + 1)
                                     .arg(plan_.repeats)
                                     .arg(index + 1)
                                     .arg(runner_->run_count()));
    } else {
        statusBar()->showMessage(tr("Comparison: run %1 of %2 (%3)")
                                     .arg(index + 1)
                                     .arg(runner_->run_count())
                                     .arg(model_label(config)));
    }
}

void MainWindow::update_heading(const RunConfig& config) {
    heading_->describe(config, plan_, controls_->config());
    QString subtitle = heading_->subtitle();
    if (kept_->shown()) subtitle += "\n" + kept_->subtitle();
    charts_->set_heading(heading_->title(), subtitle);
}

void MainWindow::on_all_finished(const std::vector<RunResult>& results) {
    runs_->finish(results, plan_);
    set_running(false);
    status_->show_finished();
    if (plan_.comparing && plan_.repeats > 1) {
        statusBar()->showMessage(tr("Each run %1 times: the table shows the median (min–max), "
                                    "the charts the run nearest each median")
                                     .arg(plan_.repeats));
    }
    presenting_->sync();
    if (!results.empty()) {
        const Summary& s = results.back().summary;
        statusBar()->showMessage(
            tr("Finished: %1 req/s, p99 %2 ms, %3 errors")
                .arg(s.rps, 0, 'f', 1)
                .arg(s.latency ? QString::number(s.latency->p99_ms, 'f', 2) : QStringLiteral("—"))
                .arg(s.errors));
    }
    if (!plan_.comparing) return;
    // A comparison can differ by a factor of a hundred (19,000 against 200 req/s): on a linear
    // axis the slow run is a flat line at zero, so say where the logarithmic axis is.
    double lo = std::numeric_limits<double>::max(), hi = 0;
    for (const RunResult& r : results) {
        lo = std::min(lo, r.summary.rps);
        hi = std::max(hi, r.summary.rps);
    }
    if (view_->log_rps() || lo <= 0 || hi < 20 * lo) return;
    statusBar()->showMessage(tr("The runs differ %1× in requests/s: tick \"log\" on the chart "
                                "(or View → Logarithmic requests/s axis) to see the slower one")
                                 .arg(qRound(hi / lo)));
}

}  // namespace conclab::ui
