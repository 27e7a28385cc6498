#include "main_window.hpp"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

#include "chart_panel.hpp"
#include "compare_table.hpp"
#include "control_panel.hpp"
#include "core/atomic_file.hpp"
#include "experiment_runner.hpp"
#include "export_dialog.hpp"
#include "preset_library.hpp"
#include "report/run_report.hpp"
#include "time_series_chart.hpp"

namespace conclab::ui {

namespace {

constexpr double kDefaultCompareSeconds = 10;

QString knob_summary(const Knobs& k) {
    QStringList parts;
    if (k.connections) parts << QObject::tr("connections %1").arg(*k.connections);
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

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      controls_(new ControlPanel),
      charts_(new ChartPanel),
      table_(new CompareTable),
      warnings_(new QLabel),
      state_label_(new QLabel),
      presets_list_(new QListWidget),
      runner_(new ExperimentRunner(this)) {
    setWindowTitle(tr("Concurrency Lab"));
    presets_ = load_presets();  // also registers the compiled-in resources (icon)
    setWindowIcon(QIcon(":/icons/conclab.svg"));

    auto* left = new QWidget;
    auto* left_layout = new QVBoxLayout(left);
    left_layout->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea;
    scroll->setWidget(controls_);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    left_layout->addWidget(scroll, 3);
    auto* presets_label = new QLabel(tr("<b>Presets</b> (double-click runs one)"));
    left_layout->addWidget(presets_label);
    left_layout->addWidget(presets_list_, 1);

    auto* right = new QWidget;
    auto* right_layout = new QVBoxLayout(right);
    right_layout->setContentsMargins(0, 0, 0, 0);
    warnings_->setObjectName("warningBanner");
    warnings_->setWordWrap(true);
    warnings_->setStyleSheet(
        "QLabel { background: #fff3cd; color: #5c4400; padding: 6px; "
        "border: 1px solid #e0c060; border-radius: 3px; }");
    warnings_->hide();
    right_layout->addWidget(warnings_);
    right_layout->addWidget(charts_, 1);
    table_->setMaximumHeight(150);
    table_->hide();
    right_layout->addWidget(table_);

    auto* splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({400, 880});
    presets_list_->setWordWrap(true);
    setCentralWidget(splitter);
    statusBar()->addPermanentWidget(state_label_);
    resize(1280, 800);

    for (const Scenario& p : presets_) {
        auto* item = new QListWidgetItem(QString::fromStdString(p.name), presets_list_);
        item->setToolTip(QString::fromStdString(p.description));
    }
    connect(presets_list_, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        apply_preset(presets_[static_cast<std::size_t>(presets_list_->row(item))], true);
    });

    knob_timer_.setSingleShot(true);
    knob_timer_.setInterval(150);
    connect(&knob_timer_, &QTimer::timeout, this, &MainWindow::flush_knobs);
    connect(controls_, &ControlPanel::knobChanged, this, &MainWindow::on_knob_changed);
    connect(controls_, &ControlPanel::startStopRequested, this, &MainWindow::start_or_stop);
    connect(controls_, &ControlPanel::compareRequested, this, [this] {
        start_comparison(
            compare_models_.empty()
                ? std::vector<Model>{Model::EventLoop, Model::GilThreads, Model::ProcessPerCore}
                : compare_models_);
    });
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
        controls_->set_running(false);
        show_error(tr("Cannot start"), message);
    });

    build_menus();
    restore_settings();
    state_label_->setText(tr("Idle"));
}

MainWindow::~MainWindow() {
    runner_->stop();
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
    file->addSeparator();
    file->addAction(tr("&Export charts…"), QKeySequence(tr("Ctrl+E")), this, [this] {
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
    });
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
    auto* start_stop = run->addAction(tr("&Start / Stop"), this, &MainWindow::start_or_stop);
    start_stop->setShortcuts({QKeySequence(Qt::Key_Space), QKeySequence(tr("Ctrl+R"))});
    run->addAction(tr("&Compare models"), QKeySequence(tr("Ctrl+M")), controls_,
                   &ControlPanel::compareRequested);
    run->addAction(tr("&Keep last run as ghost"), QKeySequence(tr("Ctrl+G")), this,
                   &MainWindow::keep_as_ghost);

    QMenu* presets = menuBar()->addMenu(tr("&Presets"));
    for (std::size_t i = 0; i < presets_.size(); ++i) {
        presets->addAction(QString::fromStdString(presets_[i].name), this,
                           [this, i] { apply_preset(presets_[i], true); });
    }

    QMenu* view = menuBar()->addMenu(tr("&View"));
    whole_run_action_ = view->addAction(tr("Show the &whole run (not the last 60 s)"));
    whole_run_action_->setCheckable(true);
    connect(whole_run_action_, &QAction::toggled, this, [this](bool whole) {
        charts_->set_window_s(whole ? 0 : 60);
        charts_->refresh();
    });
    log_latency_action_ = view->addAction(tr("&Logarithmic latency axis"));
    log_latency_action_->setCheckable(true);
    connect(log_latency_action_, &QAction::toggled, this, [this](bool log) {
        charts_->set_log_latency(log);
        charts_->refresh();
    });
    dark_action_ = view->addAction(tr("&Dark charts"));
    dark_action_->setCheckable(true);
    presentation_action_ = view->addAction(tr("&Presentation style (large fonts, thick lines)"));
    presentation_action_->setCheckable(true);
    for (QAction* a : {dark_action_, presentation_action_}) {
        connect(a, &QAction::toggled, this, [this] {
            charts_->set_style(
                ChartStyle{dark_action_->isChecked(), presentation_action_->isChecked()});
            charts_->refresh();
        });
    }
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
    comparing_ = false;
    table_->hide();
    runner_->start({current_config()});
}

void MainWindow::stop_run() {
    runner_->stop();
}

void MainWindow::start_comparison(const std::vector<Model>& models) {
    if (runner_->running() || models.empty()) return;
    RunConfig base = current_config();
    if (base.duration_s <= 0) base.duration_s = kDefaultCompareSeconds;
    std::vector<RunConfig> runs;
    for (Model m : models) {
        RunConfig c = base;
        c.server.model = m;
        c.server.listen_backlog = 0;  // each model with its real-world default
        runs.push_back(c);
    }
    comparing_ = true;
    comparison_models_ = models;
    runner_->start(runs);
}

void MainWindow::on_run_started(int index, const RunConfig& config) {
    controls_->set_running(true);
    last_error_.clear();
    if (index == 0) {
        charts_->clear();
        results_.clear();
        if (ghost_) {
            charts_->begin_run(tr("kept: %1").arg(model_label(ghost_->config)), 5, true, false);
            charts_->append(0, ghost_->series);
        }
    }
    const bool single = !comparing_ && !ghost_;
    // Runs take the palette in order; a ghost has its own colour (5), so the new run is 0.
    charts_->begin_run(single ? QString() : model_label(config), comparing_ ? index : 0, false,
                       single);
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
}

void MainWindow::update_heading(const RunConfig& config) {
    QString title = model_label(config);
    if (comparing_) {
        QStringList names;
        for (const Model m : comparison_models_) {
            RunConfig c = config;
            c.server.model = m;
            names << model_label(c);
        }
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
        charts_->set_heading(scenario_name_, title + " · " + describe_workload(config));
    }
}

void MainWindow::on_status(const Snapshot& s) {
    const QString state = s.state == RunState::Running ? tr("Running") : tr("Finished");
    state_label_->setText(
        tr("%1 · %2 s · port %3").arg(state).arg(s.elapsed_s, 0, 'f', 1).arg(s.port));
    QStringList lines;
    for (const std::string& w : s.warnings) lines << QString::fromStdString(w);
    if (!s.fatal_error.empty())
        lines << tr("Stopped: %1").arg(QString::fromStdString(s.fatal_error));
    warnings_->setText(lines.join("\n"));
    warnings_->setVisible(!lines.isEmpty());
}

void MainWindow::on_all_finished(const std::vector<RunResult>& results) {
    results_ = results;
    controls_->set_running(false);
    state_label_->setText(tr("Finished"));
    if (comparing_ || ghost_) {
        std::vector<RunResult> rows = results;
        if (ghost_ && !comparing_) rows.insert(rows.begin(), *ghost_);
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
}

void MainWindow::on_knob_changed(const Knobs& knobs) {
    if (!runner_->running()) return;
    // Merge into the pending change: a drag becomes one adjustment per 150 ms, well within a
    // tick, and the marker shows where the drag ended.
    if (knobs.connections) pending_knobs_.connections = knobs.connections;
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
    ScenarioParse parsed = load_scenario_file(path.toStdString());
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
    if (results_.empty()) {
        show_error(tr("Nothing to export"), tr("Run an experiment first."));
        return false;
    }
    const bool csv = QFileInfo(path).suffix().toLower() == "csv";
    std::string content;
    if (csv) {
        content = run_result_csv(results_.back());
    } else if (results_.size() == 1) {
        content = run_result_to_json(results_.front()).dump(2) + "\n";
    } else {
        nlohmann::json runs = nlohmann::json::array();
        for (const RunResult& r : results_) runs.push_back(run_result_to_json(r));
        content = nlohmann::json{{"comparison", runs}}.dump(2) + "\n";
    }
    try {
        write_file_atomically(path.toStdString(), content, overwrite);
    } catch (const std::exception& e) {
        show_error(tr("Cannot export data"), QString::fromUtf8(e.what()));
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
    ChartExportOptions o = export_options();
    o.width = 1600;
    o.height = 900;
    o.scale = 1;
    QApplication::clipboard()->setImage(render_image(*charts_, o));
    statusBar()->showMessage(tr("Charts copied to the clipboard"), 3000);
}

void MainWindow::save_settings() const {
    QSettings settings;
    Scenario s;
    s.name = scenario_name_.isEmpty() ? "last settings" : scenario_name_.toStdString();
    s.run = current_config();
    s.compare = compare_models_;
    settings.setValue("lastScenario", QString::fromStdString(scenario_to_json(s)));
    settings.setValue("view/wholeRun", whole_run_action_->isChecked());
    settings.setValue("view/logLatency", log_latency_action_->isChecked());
    settings.setValue("view/dark", dark_action_->isChecked());
    settings.setValue("view/presentation", presentation_action_->isChecked());
    settings.setValue("window/geometry", saveGeometry());
}

void MainWindow::restore_settings() {
    QSettings settings;
    const QString last = settings.value("lastScenario").toString();
    if (!last.isEmpty()) {
        ScenarioParse parsed = parse_scenario(last.toStdString());
        if (parsed.scenario) {
            controls_->set_config(parsed.scenario->run);
            compare_models_ = parsed.scenario->compare;
        }
    }
    whole_run_action_->setChecked(settings.value("view/wholeRun", false).toBool());
    log_latency_action_->setChecked(settings.value("view/logLatency", false).toBool());
    dark_action_->setChecked(settings.value("view/dark", false).toBool());
    presentation_action_->setChecked(settings.value("view/presentation", false).toBool());
    if (settings.contains("window/geometry")) {
        restoreGeometry(settings.value("window/geometry").toByteArray());
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    runner_->stop();  // no server process or port outlives the window
    save_settings();
    event->accept();
}

}  // namespace conclab::ui
