#include "window/main_window.hpp"
#include "window/kept_run.hpp"

#include <QAction>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "calibrate/calibrate_dialog.hpp"
#include "charts/chart_panel.hpp"
#include "charts/time_series_chart.hpp"
#include "controls/control_panel.hpp"
#include "controls/kill_worker_action.hpp"
#include "export/data_exporter.hpp"
#include "export/export_dialog.hpp"
#include "presentation/presentation_window.hpp"
#include "sweep/sweep_window.hpp"
#include "text/data_text.hpp"
#include "text/engine_text.hpp"
#include "text/language_menu.hpp"
#include "window/compare_table.hpp"
#include "window/diagnosis_bar.hpp"
#include "window/experiment_runner.hpp"
#include "window/preset_library.hpp"
#include "window/user_message.hpp"

namespace conclab::ui {

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
    // The presentation holds the charts: they go back to the panel before either is destroyed.
    delete presentation_.data();
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
    // As wide as the controls plus the vertical scroll bar: narrower, the bar would cover the
    // right edge of every combo and spin box (the splitter cannot squeeze the pane past this).
    scroll->setMinimumWidth(controls_->minimumSizeHint().width() +
                            scroll->verticalScrollBar()->sizeHint().width() +
                            2 * scroll->frameWidth());
    layout->addWidget(scroll, 3);
    layout->addWidget(new QLabel(tr("<b>Presets</b> (double-click runs one)")));
    layout->addWidget(presets_list_, 1);
    presets_list_->setWordWrap(true);
    for (const Scenario& p : presets_) {
        auto* item = new QListWidgetItem(scenario_text(p.name), presets_list_);
        item->setToolTip(scenario_text(p.description));
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
    kept_ = new KeptRun(
        statusBar(),
        [this] {
            return KeptRun::Finished{results_.empty() ? nullptr : &results_.back(), scenario_name_};
        },
        this);
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
        preset_box_->addItem(scenario_text(p.name));
        preset_box_->setItemData(preset_box_->count() - 1, scenario_text(p.description),
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
    run->addAction(kept_->keep_action());
    run->addAction(kept_->clear_action());
    run->addSeparator();
    calibrate_action_ = run->addAction(tr("C&alibrate against a real server…"), this,
                                       [this] { open_calibrate_dialog(); });
    calibrate_action_->setObjectName("calibrateAction");
    QAction* sweep =
        run->addAction(tr("Concurrency &sweep (X(N), USL fit)…"), QKeySequence(tr("Ctrl+Shift+W")),
                       this, [this] { open_sweep_window(); });
    sweep->setObjectName("sweepAction");
    // The toolbar has room for a word: at 1280 pixels the long name fell off its end.
    sweep->setIconText(tr("Sweep…"));
    sweep->setToolTip(
        tr("Concurrency sweep: X(N) over a list of connection counts, with Little's "
           "law and a USL fit (Ctrl+Shift+W)"));
    toolbar_->addAction(sweep);

    QMenu* presets = menuBar()->addMenu(tr("&Presets"));
    for (std::size_t i = 0; i < presets_.size(); ++i) {
        presets->addAction(scenario_text(presets_[i].name), this,
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
    connect(dark_action_, &QAction::toggled, this, [this](bool dark) {
        if (presentation_) {
            presentation_->set_dark(dark);  // it restyles the charts it shows, and gives back
            return;                         // the screen style when it closes
        }
        charts_->set_style(ChartStyle{dark, false});
        charts_->refresh();
    });
    // Full screen, large type, the presets as slides: the room's view of the same live charts.
    presentation_action_ = view->addAction(tr("&Presentation"));
    presentation_action_->setObjectName("presentationAction");
    presentation_action_->setShortcut(QKeySequence(Qt::Key_F5));
    presentation_action_->setToolTip(
        tr("Full screen for a projector: → / ← step through the presets, Space starts and "
           "stops, Esc leaves (F5)"));
    connect(presentation_action_, &QAction::triggered, this, [this] { open_presentation(); });
    view->addSeparator();
    add_language_menu(view, this);
}

void MainWindow::connect_signals() {
    connect(presets_list_, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        apply_preset(presets_[static_cast<std::size_t>(presets_list_->row(item))], true);
    });
    knob_timer_.setSingleShot(true);
    knob_timer_.setInterval(150);
    connect(&knob_timer_, &QTimer::timeout, this, &MainWindow::flush_knobs);
    connect(controls_, &ControlPanel::knobChanged, this, &MainWindow::on_knob_changed);
    connect(controls_, &ControlPanel::editRefused, this, [this](const QString& message) {
        last_error_ = engine_text(message);
        statusBar()->showMessage(tr("Not applied: %1").arg(last_error_), 8000);
    });
    connect(controls_, &ControlPanel::startStopRequested, this, &MainWindow::start_or_stop);
    connect(controls_, &ControlPanel::compareRequested, this, &MainWindow::compare);
    connect(runner_, &ExperimentRunner::runStarted, this, &MainWindow::on_run_started);
    connect(runner_, &ExperimentRunner::samplesArrived, this,
            [this](int index, const std::vector<MetricsSample>& samples) {
                charts_->append(kept_->series_index(index), samples);
                charts_->refresh();
            });
    connect(runner_, &ExperimentRunner::eventsArrived, this,
            [this](int, const std::vector<AdjustEvent>& events) {
                for (const AdjustEvent& e : events) charts_->add_event(e);
                charts_->refresh();
            });
    connect(runner_, &ExperimentRunner::statusChanged, this, &MainWindow::on_status);
    connect(runner_, &ExperimentRunner::runFinished, this, &MainWindow::on_run_finished);
    connect(controls_->model_box(), &QComboBox::currentIndexChanged, this,
            &MainWindow::on_model_chosen);
    connect(runner_, &ExperimentRunner::allFinished, this, &MainWindow::on_all_finished);
    connect(runner_, &ExperimentRunner::failed, this, [this](const QString& message) {
        set_running(false);
        show_error(tr("Cannot start"), engine_text(message));
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

void MainWindow::show_error(const QString& title, const QString& message) {
    // The user reads a sentence; a parser's internals ("[json.exception.parse_error.101]") go
    // to the box's details and the log.
    const UserMessage said = user_message(message);
    last_error_ = said.text;
    if (!said.detail.isEmpty()) qWarning("%s: %s", qPrintable(title), qPrintable(said.detail));
    // Window-modal and asynchronous: the experiment and the charts keep running meanwhile.
    auto* box = new QMessageBox(QMessageBox::Warning, title, said.text, QMessageBox::Ok, this);
    if (!said.detail.isEmpty()) box->setDetailedText(said.detail);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

ChartExportOptions MainWindow::export_options() const {
    ChartExportOptions o;
    o.style = ChartStyle{dark_action_->isChecked(), true};
    return o;
}

bool MainWindow::export_charts(const QString& path, const ChartExportOptions& options) {
    if (auto written = export_panel(*charts_, path, options); !written) {
        show_error(tr("Cannot export charts"), written.error());
        return false;
    }
    statusBar()->showMessage(tr("Exported %1").arg(path), 4000);
    return true;
}

bool MainWindow::export_data(const QString& path, bool overwrite) {
    if (auto written = DataExporter::write(path, results_, overwrite); !written) {
        show_error(tr("Cannot export data"), written.error());
        return false;
    }
    statusBar()->showMessage(tr("Exported %1").arg(path), 4000);
    return true;
}

void MainWindow::copy_chart_to_clipboard() {
    DataExporter::copy_charts(*charts_, export_options().style);
    statusBar()->showMessage(tr("Charts copied to the clipboard"), 3000);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    runner_->stop();  // no server process or port outlives the window
    save_settings();
    event->accept();
}

}  // namespace conclab::ui