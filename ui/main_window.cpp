#include "main_window.hpp"

#include <QAction>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>
#include <limits>

#include "calibrate_dialog.hpp"
#include "chart_panel.hpp"
#include "compare_table.hpp"
#include "control_panel.hpp"
#include "data_exporter.hpp"
#include "diagnosis_bar.hpp"
#include "experiment/comparison.hpp"
#include "experiment/repeat_stats.hpp"
#include "experiment_runner.hpp"
#include "export_dialog.hpp"
#include "kill_worker_action.hpp"
#include "preset_library.hpp"
#include "sweep_window.hpp"
#include "time_series_chart.hpp"

namespace conclab::ui {

namespace {

constexpr double kDefaultCompareSeconds = 10;

QString knob_summary(const Knobs& k) {
    QStringList parts;
    if (k.connections) parts << QObject::tr("connections %1").arg(*k.connections);
    if (k.rate) parts << QObject::tr("rate %1 req/s").arg(*k.rate);
    if (k.cpu_ms) parts << QObject::tr("CPU %1 ms").arg(*k.cpu_ms);
    if (k.io_ms) parts << QObject::tr("I/O %1 ms").arg(*k.io_ms);
    if (k.overhead_us) parts << QObject::tr("overhead %1 µs").arg(*k.overhead_us);
    if (k.overhead_released_us) {
        parts << QObject::tr("overhead without GIL %1 µs").arg(*k.overhead_released_us);
    }
    if (k.threads) parts << QObject::tr("threads %1").arg(*k.threads);
    if (k.workers) parts << QObject::tr("workers %1").arg(*k.workers);
    return parts.join(", ");
}

// What a run is called in legends and headings, where room is short: a real server without its
// URL (the summary table gives it).
QString chart_label(const RunConfig& c) {
    return c.external ? QObject::tr("real server") : model_label(c);
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      controls_(new ControlPanel),
      charts_(new ChartPanel),
      table_(new CompareTable),
      warnings_(new QLabel),
      diagnosis_(new DiagnosisBar),
      state_label_(new QLabel),
      presets_list_(new QListWidget),
      runner_(new ExperimentRunner(this)) {
    setWindowTitle(tr("Concurrency Lab"));
    presets_ = load_presets();  // also registers the compiled-in resources (icon)
    setWindowIcon(QIcon(":/icons/conclab.svg"));

    auto* splitter = new QSplitter;
    splitter->addWidget(build_left());
    splitter->addWidget(build_right());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({400, 880});
    setCentralWidget(splitter);
    statusBar()->addPermanentWidget(state_label_);
    resize(1280, 800);  // replaced by the saved geometry, or by the screen's size on first launch

    build_actions();
    build_toolbar();
    build_menus();
    connect_signals();
    restore_settings();
    state_label_->setText(tr("Idle"));
}

MainWindow::~MainWindow() {
    runner_->stop();
}

QWidget* MainWindow::build_left() {
    auto* left = new QWidget;
    auto* layout = new QVBoxLayout(left);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea;
    scroll->setWidget(controls_);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(scroll, 3);
    layout->addWidget(new QLabel(tr("<b>Presets</b> (double-click runs one)")));
    layout->addWidget(presets_list_, 1);
    presets_list_->setWordWrap(true);
    for (const Scenario& p : presets_) {
        auto* item = new QListWidgetItem(QString::fromStdString(p.name), presets_list_);
        item->setToolTip(QString::fromStdString(p.description));
    }
    return left;
}

QWidget* MainWindow::build_right() {
    auto* right = new QWidget;
    auto* layout = new QVBoxLayout(right);
    layout->setContentsMargins(0, 0, 0, 0);
    warnings_->setObjectName("warningBanner");
    warnings_->setWordWrap(true);
    warnings_->setStyleSheet(
        "QLabel { background: #fff3cd; color: #5c4400; padding: 6px; "
        "border: 1px solid #e0c060; border-radius: 3px; }");
    warnings_->hide();
    layout->addWidget(warnings_);
    layout->addWidget(diagnosis_);
    layout->addWidget(charts_, 1);
    table_->hide();
    layout->addWidget(table_);
    return right;
}

// The actions shared by the toolbar and the menus, so that both show the same state.
void MainWindow::build_actions() {
    start_action_ = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Start"), this);
    start_action_->setObjectName("startAction");
    start_action_->setShortcuts({QKeySequence(Qt::Key_Space), QKeySequence(tr("Ctrl+R"))});
    start_action_->setToolTip(tr("Start or stop the experiment (Space, Ctrl+R)"));
    connect(start_action_, &QAction::triggered, this, &MainWindow::start_or_stop);

    compare_action_ = new QAction(tr("&Compare models"), this);
    compare_action_->setObjectName("compareAction");
    compare_action_->setShortcut(QKeySequence(tr("Ctrl+M")));
    compare_action_->setToolTip(
        tr("Run the same workload on each model in turn and overlay the results (Ctrl+M)"));
    connect(compare_action_, &QAction::triggered, this, &MainWindow::compare);

    export_charts_action_ = new QAction(tr("&Export charts…"), this);
    export_charts_action_->setObjectName("exportChartsAction");
    export_charts_action_->setShortcut(QKeySequence(tr("Ctrl+E")));
    export_charts_action_->setToolTip(
        tr("Save the charts as PNG, SVG or PDF for a slide (Ctrl+E)"));
    connect(export_charts_action_, &QAction::triggered, this,
            &MainWindow::export_charts_interactively);

    kill_action_ = new KillWorkerAction(runner_, this);
    connect(kill_action_, &KillWorkerAction::done, this, [this](const QString& message, bool ok) {
        if (!ok) last_error_ = message;
        statusBar()->showMessage(message, 8000);
    });
    build_report_actions();
}

void MainWindow::build_toolbar() {
    toolbar_ = addToolBar(tr("Experiment"));
    toolbar_->setObjectName("mainToolBar");
    toolbar_->setMovable(false);
    toolbar_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar_->addAction(start_action_);
    toolbar_->addAction(compare_action_);
    toolbar_->addAction(kill_action_);
    if (auto* b = qobject_cast<QToolButton*>(toolbar_->widgetForAction(kill_action_)))
        b->setPopupMode(QToolButton::MenuButtonPopup);  // click: the busiest; arrow: choose
    toolbar_->addSeparator();
    preset_box_ = new QComboBox(toolbar_);
    preset_box_->setObjectName("presetBox");
    preset_box_->setToolTip(tr("Load a preset and run it"));
    preset_box_->addItem(tr("Presets…"));
    for (const Scenario& p : presets_) {
        preset_box_->addItem(QString::fromStdString(p.name));
        preset_box_->setItemData(preset_box_->count() - 1, QString::fromStdString(p.description),
                                 Qt::ToolTipRole);
    }
    // Wide enough for most names; the open list shows them whole.
    preset_box_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    preset_box_->setMinimumContentsLength(44);
    connect(preset_box_, &QComboBox::activated, this, [this](int index) {
        if (index > 0) apply_preset(presets_[static_cast<std::size_t>(index - 1)], true);
    });
    toolbar_->addWidget(preset_box_);
    toolbar_->addSeparator();
    toolbar_->addAction(export_charts_action_);
    toolbar_->addAction(export_report_action_);
}

void MainWindow::build_menus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open scenario…"), QKeySequence::Open, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open scenario"), {}, tr("Scenarios (*.json)"));
        if (!path.isEmpty()) open_scenario(path);
    });
    file->addAction(tr("&Save scenario…"), QKeySequence::Save, this, [this] {
        QString path =
            QFileDialog::getSaveFileName(this, tr("Save scenario"), {}, tr("Scenarios (*.json)"));
        if (path.isEmpty()) return;
        if (QFileInfo(path).suffix().isEmpty()) path += ".json";
        save_scenario(path);
    });
    file->addAction(open_run_action_);
    file->addMenu(recent_runs_menu_);
    file->addSeparator();
    file->addAction(export_charts_action_);
    file->addAction(export_report_action_);
    file->addAction(tr("Export &data…"), this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export data"), tr("concurrency-lab.json"),
                                         tr("JSON report (*.json);;CSV time series (*.csv)"));
        if (!path.isEmpty()) export_data(path, true);
    });
    file->addAction(tr("&Copy charts"), QKeySequence(tr("Ctrl+Shift+C")), this,
                    &MainWindow::copy_chart_to_clipboard);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->addAction(start_action_);
    run->addAction(compare_action_);
    run->addAction(kill_action_);
    run->addAction(tr("&Keep last run as ghost"), QKeySequence(tr("Ctrl+G")), this,
                   &MainWindow::keep_as_ghost);
    run->addSeparator();
    calibrate_action_ = run->addAction(tr("C&alibrate against a real server…"), this,
                                       [this] { open_calibrate_dialog(); });
    calibrate_action_->setObjectName("calibrateAction");
    QAction* sweep =
        run->addAction(tr("Concurrency &sweep (X(N), USL fit)…"), QKeySequence(tr("Ctrl+Shift+W")),
                       this, [this] { open_sweep_window(); });
    sweep->setObjectName("sweepAction");
    toolbar_->addAction(sweep);

    QMenu* presets = menuBar()->addMenu(tr("&Presets"));
    for (std::size_t i = 0; i < presets_.size(); ++i) {
        presets->addAction(QString::fromStdString(presets_[i].name), this,
                           [this, i] { apply_preset(presets_[i], true); });
    }
    build_view_menu();
}

void MainWindow::build_view_menu() {
    QMenu* view = menuBar()->addMenu(tr("&View"));
    auto toggle = [view](const QString& text) {
        QAction* a = view->addAction(text);
        a->setCheckable(true);
        return a;
    };
    whole_run_action_ = toggle(tr("Show the &whole run (not the last 60 s)"));
    connect(whole_run_action_, &QAction::toggled, this, [this](bool whole) {
        charts_->set_window_s(whole ? 0 : 60);
        charts_->refresh();
    });
    log_rps_action_ = toggle(tr("Logarithmic &requests/s axis"));
    connect(log_rps_action_, &QAction::toggled, this, [this](bool log) {
        charts_->set_log_rps(log);
        charts_->refresh();
        if (log) statusBar()->clearMessage();  // the hint to turn it on, if shown
    });
    log_latency_action_ = toggle(tr("&Logarithmic latency axis"));
    connect(log_latency_action_, &QAction::toggled, this, [this](bool log) {
        charts_->set_log_latency(log);
        charts_->refresh();
    });
    // The charts' own "log" boxes and these menu items are one setting each.
    connect(charts_->rps_chart(), &TimeSeriesChart::logToggled, log_rps_action_,
            &QAction::setChecked);
    connect(charts_->latency_chart(), &TimeSeriesChart::logToggled, log_latency_action_,
            &QAction::setChecked);
    QAction* inside = toggle(tr("&Inside the server and latency by percentile"));
    inside->setObjectName("insideAction");
    inside->setChecked(true);
    connect(inside, &QAction::toggled, charts_, &ChartPanel::set_inside_shown);
    view->addSeparator();
    dark_action_ = toggle(tr("&Dark charts"));
    presentation_action_ = toggle(tr("&Presentation style (large fonts, thick lines)"));
    for (QAction* a : {dark_action_, presentation_action_}) {
        connect(a, &QAction::toggled, this, [this] {
            charts_->set_style(
                ChartStyle{dark_action_->isChecked(), presentation_action_->isChecked()});
            charts_->refresh();
        });
    }
}

void MainWindow::connect_signals() {
    connect(presets_list_, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        apply_preset(presets_[static_cast<std::size_t>(presets_list_->row(item))], true);
    });
    knob_timer_.setSingleShot(true);
    knob_timer_.setInterval(150);
    connect(&knob_timer_, &QTimer::timeout, this, &MainWindow::flush_knobs);
    connect(controls_, &ControlPanel::knobChanged, this, &MainWindow::on_knob_changed);
    connect(controls_, &ControlPanel::startStopRequested, this, &MainWindow::start_or_stop);
    connect(controls_, &ControlPanel::compareRequested, this, &MainWindow::compare);
    connect(runner_, &ExperimentRunner::runStarted, this, &MainWindow::on_run_started);
    connect(runner_, &ExperimentRunner::samplesArrived, this,
            [this](int index, const std::vector<MetricsSample>& samples) {
                charts_->append(ghost_ ? index + 1 : index, samples);
                charts_->refresh();
            });
    connect(runner_, &ExperimentRunner::eventsArrived, this,
            [this](int, const std::vector<AdjustEvent>& events) {
                for (const AdjustEvent& e : events) charts_->add_event(e);
                charts_->refresh();
            });
    connect(runner_, &ExperimentRunner::statusChanged, this, &MainWindow::on_status);
    connect(runner_, &ExperimentRunner::allFinished, this, &MainWindow::on_all_finished);
    connect(runner_, &ExperimentRunner::failed, this, [this](const QString& message) {
        set_running(false);
        show_error(tr("Cannot start"), message);
    });
}

void MainWindow::set_running(bool running) {
    controls_->set_running(running);
    start_action_->setText(running ? tr("&Stop") : tr("&Start"));
    start_action_->setIcon(
        style()->standardIcon(running ? QStyle::SP_MediaStop : QStyle::SP_MediaPlay));
    compare_action_->setEnabled(!running);
    if (!running) kill_action_->set_run(nullptr);
    export_report_action_->setEnabled(!running && !results_.empty());
    open_run_action_->setEnabled(!running);
}

void MainWindow::export_charts_interactively() {
    ExportDialog options_dialog(export_options(), this);
    if (options_dialog.exec() != QDialog::Accepted) return;
    // The file dialog asks before replacing a file, so the export may overwrite.
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export charts"), tr("concurrency-lab.png"),
        tr("PNG image (*.png);;SVG vector (*.svg);;PDF vector (*.pdf)"));
    if (path.isEmpty()) return;
    ChartExportOptions o = options_dialog.options();
    o.overwrite = true;
    export_charts(path, o);
}

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
        const TargetParse real = controls_->real_server();
        if (!real.target) {
            show_error(tr("Cannot start"), real.error.empty()
                                               ? tr("Give the real server's URL, or untick \"Start "
                                                    "drives it\".")
                                               : QString::fromStdString(real.error));
            return;
        }
    }
    comparing_ = false;
    table_->hide();
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
    if (controls_->real_server_in_compare()) real = controls_->real_server().target;
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

SweepWindow* MainWindow::open_sweep_window() {
    if (!sweep_window_) sweep_window_ = new SweepWindow(this);
    if (!sweep_window_->running()) sweep_window_->set_base(current_config());
    sweep_window_->show();
    sweep_window_->raise();
    return sweep_window_;
}

CalibrateDialog* MainWindow::open_calibrate_dialog() {
    if (!calibrate_dialog_) {
        RunConfig base = current_config();
        base.external.reset();
        calibrate_dialog_ = new CalibrateDialog(base, controls_->real_url()->text(),
                                                controls_->allow_remote()->isChecked(), this);
        calibrate_dialog_->setAttribute(Qt::WA_DeleteOnClose);
        // One experiment at a time: a run going meanwhile would share the cores it measures.
        connect(calibrate_dialog_, &CalibrateDialog::measuringStarted, this,
                [this] { runner_->stop(); });
        connect(calibrate_dialog_, &CalibrateDialog::applyRequested, this,
                [this](const RunConfig& fitted, const QString& summary) {
                    controls_->apply_fit(fitted);
                    statusBar()->showMessage(summary, 15000);
                });
    }
    calibrate_dialog_->show();
    calibrate_dialog_->raise();
    calibrate_dialog_->activateWindow();
    return calibrate_dialog_;
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
        if (ghost_) {
            charts_->begin_run(tr("kept: %1").arg(model_label(ghost_->config)), 5, true, false);
            charts_->append(0, ghost_->series);
            charts_->set_spectrum(0, ghost_->summary.latency_spectrum);
        }
    }
    const bool single = !comparing_ && !ghost_;
    // Runs take the palette in order; a ghost has its own colour (5), so the new run is 0. The
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
    update_heading(config);
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
    // A preset's name is the better title; the models then lead the subtitle.
    if (scenario_name_.isEmpty()) {
        charts_->set_heading(title, describe_workload(config));
    } else {
        charts_->set_heading(
            scenario_name_,
            preset_subtitle(scenario_description_, title + " · " + describe_workload(config)));
    }
}

void MainWindow::on_status(const Snapshot& s) {
    const QString state = s.state == RunState::Running ? tr("Running") : tr("Finished");
    const QString where = s.config.external ? QString::fromStdString(s.config.external->url)
                                            : tr("port %1").arg(s.port);
    state_label_->setText(tr("%1 · %2 s · %3").arg(state).arg(s.elapsed_s, 0, 'f', 1).arg(where));
    charts_->show_status(s.config, s.summary);
    QStringList lines;
    for (const std::string& w : s.warnings) lines << QString::fromStdString(w);
    if (!s.fatal_error.empty())
        lines << tr("Stopped: %1").arg(QString::fromStdString(s.fatal_error));
    warnings_->setText(lines.join("\n"));
    warnings_->setVisible(!lines.isEmpty());
    charts_->set_spectrum(ghost_ ? runner_->current_index() + 1 : runner_->current_index(),
                          s.summary.latency_spectrum);
}

void MainWindow::on_all_finished(const std::vector<RunResult>& results) {
    results_ = results;
    set_running(false);
    state_label_->setText(tr("Finished"));
    diagnosis_->show_runs(results, comparing_ || ghost_);
    if (comparing_) {
        // Consecutive runs are the repeats of one run of the plan (fewer if stopped early).
        sets_.clear();
        for (std::size_t i = 0; i < results.size(); i += static_cast<std::size_t>(repeats_)) {
            const auto end = results.begin() +
                             static_cast<long>(std::min(results.size(), i + std::size_t(repeats_)));
            sets_.emplace_back(results.begin() + static_cast<long>(i), end);
        }
        // A kept run (an opened one, say) takes part too: first, as the baseline.
        std::vector<std::vector<RunResult>> rows = sets_;
        if (ghost_) rows.insert(rows.begin(), {*ghost_});
        table_->show_sets(rows);
        table_->show();
        if (repeats_ > 1) {
            show_typical_runs();
            statusBar()->showMessage(tr("Each run %1 times: the table shows the median (min–max), "
                                        "the charts the run nearest each median")
                                         .arg(repeats_));
        }
    } else if (ghost_) {
        std::vector<RunResult> rows = results;
        rows.insert(rows.begin(), *ghost_);
        table_->show_results(rows);
        table_->show();
    }
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

// Repeated runs: the charts keep one run per set, the one whose req/s is nearest the median,
// as the CLI's --chart does.
void MainWindow::show_typical_runs() {
    charts_->clear();
    for (std::size_t i = 0; i < sets_.size(); ++i) {
        std::vector<Summary> summaries;
        for (const RunResult& r : sets_[i]) summaries.push_back(r.summary);
        const RunResult& typical = sets_[i][summarise_repeats(summaries).typical_run];
        const int run =
            charts_->begin_run(chart_label(typical.config), static_cast<int>(i), false, false);
        if (typical.config.external) charts_->drop_server_legend(run);
        charts_->append(run, typical.series);
        charts_->set_spectrum(run, typical.summary.latency_spectrum);
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
    if (knobs.connections) pending_knobs_.connections = knobs.connections;
    if (knobs.rate) pending_knobs_.rate = knobs.rate;
    if (knobs.cpu_ms) pending_knobs_.cpu_ms = knobs.cpu_ms;
    if (knobs.io_ms) pending_knobs_.io_ms = knobs.io_ms;
    if (knobs.overhead_us) pending_knobs_.overhead_us = knobs.overhead_us;
    if (knobs.overhead_released_us)
        pending_knobs_.overhead_released_us = knobs.overhead_released_us;
    if (knobs.threads) pending_knobs_.threads = knobs.threads;
    if (knobs.workers) pending_knobs_.workers = knobs.workers;
    if (!knob_timer_.isActive()) knob_timer_.start();
}

void MainWindow::flush_knobs() {
    const Knobs knobs = pending_knobs_;
    pending_knobs_ = Knobs{};
    if (!runner_->running()) return;
    const auto rejected = runner_->adjust(knobs);
    if (rejected.empty()) {
        statusBar()->showMessage(tr("Changed %1").arg(knob_summary(knobs)), 4000);
    } else {
        QStringList messages;
        for (const std::string& r : rejected) messages << QString::fromStdString(r);
        last_error_ = messages.join("; ");
        statusBar()->showMessage(tr("Not applied: %1").arg(last_error_), 8000);
    }
}

void MainWindow::show_error(const QString& title, const QString& message) {
    last_error_ = message;
    // Window-modal and asynchronous: the experiment and the charts keep running meanwhile.
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

bool MainWindow::open_scenario(const QString& path) {
    ScenarioParse parsed;
    try {
        parsed = load_scenario_file(path.toStdString());
    } catch (const std::exception& e) {
        // nlohmann::json throws for numbers beyond double's range (1e400), not a parse error.
        parsed.error = e.what();
    }
    if (!parsed.scenario) {
        show_error(tr("Cannot open scenario"), QString::fromStdString(parsed.error));
        return false;
    }
    apply_preset(*parsed.scenario, false);
    statusBar()->showMessage(tr("Opened %1").arg(path), 4000);
    return true;
}

bool MainWindow::save_scenario(const QString& path) {
    Scenario s;
    s.name = scenario_name_.isEmpty() ? QFileInfo(path).completeBaseName().toStdString()
                                      : scenario_name_.toStdString();
    s.description = scenario_description_.toStdString();
    s.run = current_config();
    s.compare = compare_models_;
    try {
        save_scenario_file(path.toStdString(), s);
    } catch (const std::exception& e) {
        show_error(tr("Cannot save scenario"), QString::fromUtf8(e.what()));
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(path), 4000);
    return true;
}

void MainWindow::apply_preset(const Scenario& scenario, bool run) {
    if (runner_->running()) runner_->stop();
    controls_->set_config(scenario.run);
    scenario_name_ = QString::fromStdString(scenario.name);
    scenario_description_ = QString::fromStdString(scenario.description);
    compare_models_ = scenario.compare;
    charts_->set_heading(scenario_name_, scenario_description_);
    {
        const QSignalBlocker block(preset_box_);
        const int index = preset_box_->findText(scenario_name_);
        preset_box_->setCurrentIndex(index > 0 ? index : 0);
    }
    if (!run) return;
    if (scenario.compare.empty()) {
        start_run();
    } else {
        start_comparison(scenario.compare);
    }
}

ChartExportOptions MainWindow::export_options() const {
    ChartExportOptions o;
    o.style = ChartStyle{dark_action_->isChecked(), true};
    return o;
}

bool MainWindow::export_charts(const QString& path, const ChartExportOptions& options) {
    QString error;
    if (!export_panel(*charts_, path, options, &error)) {
        show_error(tr("Cannot export charts"), error);
        return false;
    }
    statusBar()->showMessage(tr("Exported %1").arg(path), 4000);
    return true;
}

bool MainWindow::export_data(const QString& path, bool overwrite) {
    QString error;
    if (!DataExporter::write(path, results_, overwrite, &error)) {
        show_error(tr("Cannot export data"), error);
        return false;
    }
    statusBar()->showMessage(tr("Exported %1").arg(path), 4000);
    return true;
}

void MainWindow::keep_as_ghost() {
    if (results_.empty()) {
        statusBar()->showMessage(tr("No finished run to keep yet"), 4000);
        return;
    }
    ghost_ = results_.back();
    statusBar()->showMessage(
        tr("Kept %1; the next run is drawn over it").arg(model_label(ghost_->config)), 4000);
}

void MainWindow::copy_chart_to_clipboard() {
    DataExporter::copy_charts(*charts_, export_options().style);
    statusBar()->showMessage(tr("Charts copied to the clipboard"), 3000);
}

ViewSettings MainWindow::view_settings() const {
    return ViewSettings{whole_run_action_->isChecked(), log_latency_action_->isChecked(),
                        log_rps_action_->isChecked(), dark_action_->isChecked(),
                        presentation_action_->isChecked()};
}

void MainWindow::save_settings() const {
    Scenario s;
    s.name = scenario_name_.isEmpty() ? "last settings" : scenario_name_.toStdString();
    s.run = current_config();
    s.compare = compare_models_;
    AppSettings::save_scenario(s);
    AppSettings::save_view(view_settings());
    AppSettings::save_geometry(saveGeometry());
}

void MainWindow::restore_settings() {
    const RestoredSettings saved = AppSettings::load();
    if (saved.last_scenario) {
        controls_->set_config(saved.last_scenario->run);
        compare_models_ = saved.last_scenario->compare;
    }
    whole_run_action_->setChecked(saved.view.whole_run);
    log_rps_action_->setChecked(saved.view.log_rps);
    log_latency_action_->setChecked(saved.view.log_latency);
    dark_action_->setChecked(saved.view.dark);
    presentation_action_->setChecked(saved.view.presentation);
    if (saved.geometry.isEmpty() || !restoreGeometry(saved.geometry)) {
        // First launch (or unusable geometry): fill most of the screen the window opens on.
        const QScreen* on = screen() ? screen() : QGuiApplication::primaryScreen();
        if (on)
            setGeometry(
                AppSettings::first_window_geometry(on->availableGeometry(), minimumSizeHint()));
    }
    settings_note_ = saved.note;
    if (!settings_note_.isEmpty()) {
        warnings_->setText(settings_note_);
        warnings_->show();
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    runner_->stop();  // no server process or port outlives the window
    save_settings();
    event->accept();
}

}  // namespace conclab::ui
