#include "window/main_window.hpp"

#include <QAction>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
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
#include "controls/control_panel.hpp"
#include "controls/kill_worker_action.hpp"
#include "presentation/presentation_window.hpp"
#include "sweep/sweep_window.hpp"
#include "text/engine_text.hpp"
#include "window/compare_table.hpp"
#include "window/diagnosis_bar.hpp"
#include "window/experiment_runner.hpp"
#include "window/file_menu.hpp"
#include "window/kept_run.hpp"
#include "window/live_knobs.hpp"
#include "window/presentation_mode.hpp"
#include "window/preset_picker.hpp"
#include "window/run_changes.hpp"
#include "window/run_display.hpp"
#include "window/run_heading.hpp"
#include "window/run_menu.hpp"
#include "window/run_status.hpp"
#include "window/user_message.hpp"
#include "window/view_menu.hpp"

namespace conclab::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      presets_(new PresetPicker(this)),  // first: it also registers the resources (the icon)
      controls_(new ControlPanel),
      charts_(new ChartPanel),
      table_(new CompareTable),
      diagnosis_(new DiagnosisBar),
      runner_(new ExperimentRunner(this)),
      heading_(new RunHeading(this)),
      knobs_(new LiveKnobs(runner_, this)) {
    setWindowTitle(tr("Concurrency Lab"));
    setWindowIcon(QIcon(":/icons/conclab.svg"));

    status_ = new RunStatus(statusBar(), this);
    setCentralWidget(build_central());
    resize(1280, 800);  // replaced by the saved geometry, or by the screen's size on first launch

    build_parts();
    build_toolbar();
    connect_signals();
    restore_settings();
}

MainWindow::~MainWindow() {
    // The presentation holds the charts: they go back to the panel before either is destroyed.
    delete presenting_->window();
    runner_->stop();
}

// Controls and presets on the left; on the right the banner and the diagnosis over the charts,
// and the comparison table below them (shown once a comparison has rows).
QWidget* MainWindow::build_central() {
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
    layout->addWidget(presets_->list(), 1);

    auto* right = new QWidget;
    auto* charts_layout = new QVBoxLayout(right);
    charts_layout->setContentsMargins(0, 0, 0, 0);
    charts_layout->addWidget(status_->banner());
    charts_layout->addWidget(diagnosis_);
    charts_layout->addWidget(charts_, 1);
    table_->hide();
    charts_layout->addWidget(table_);

    auto* splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({400, 880});
    return splitter;
}

// The menus, in the menu bar's order (File's and Run's actions are the toolbar's too), and the
// parts that follow the runs.
void MainWindow::build_parts() {
    kept_ = new KeptRun(
        statusBar(),
        [this] {
            const auto& results = runs_->results();
            return KeptRun::Finished{results.empty() ? nullptr : &results.back(),
                                     heading_->scenario_name()};
        },
        this);
    file_ = new FileMenu(menuBar()->addMenu(tr("&File")), this,
                         [this] { return view_->chart_export_options(); });
    run_menu_ = new RunMenu(menuBar()->addMenu(tr("&Run")), runner_, kept_, this);
    runs_ = new RunDisplay(charts_, table_, diagnosis_, kept_, this);
    presenting_ = new PresentationMode(charts_, this, [this] {
        QString subtitle = heading_->what_ran();
        if (kept_->shown()) subtitle += "\n" + kept_->subtitle();
        return PresentationMode::Content{
            heading_->title(), subtitle, &runs_->table_sets(), &kept_->shown(),
            diagnosis_->sentences().isEmpty() ? QString() : diagnosis_->text()};
    });
    presets_->fill_menu(menuBar()->addMenu(tr("&Presets")));
    view_ = new ViewMenu(menuBar()->addMenu(tr("&View")), charts_, presenting_, this);
}

void MainWindow::build_toolbar() {
    toolbar_ = addToolBar(tr("Experiment"));
    toolbar_->setObjectName("mainToolBar");
    toolbar_->setMovable(false);
    toolbar_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar_->addAction(run_menu_->start_action());
    toolbar_->addAction(run_menu_->compare_action());
    toolbar_->addAction(run_menu_->kill_action());
    if (auto* b = qobject_cast<QToolButton*>(toolbar_->widgetForAction(run_menu_->kill_action())))
        b->setPopupMode(QToolButton::MenuButtonPopup);  // click: the busiest; arrow: choose
    toolbar_->addSeparator();
    toolbar_->addWidget(presets_->box());
    toolbar_->addSeparator();
    toolbar_->addAction(file_->export_charts_action());
    toolbar_->addAction(file_->export_report_action());
    toolbar_->addAction(run_menu_->sweep_action());
}

void MainWindow::connect_signals() {
    connect(presets_, &PresetPicker::chosen, this, &MainWindow::apply_preset);
    connect(run_menu_, &RunMenu::startStopRequested, this, &MainWindow::start_or_stop);
    connect(run_menu_, &RunMenu::compareRequested, this, &MainWindow::compare);
    connect(run_menu_, &RunMenu::calibrateRequested, this, [this] { open_calibrate_dialog(); });
    connect(run_menu_, &RunMenu::sweepRequested, this, [this] { open_sweep_window(); });
    connect(run_menu_->kill_action(), &KillWorkerAction::done, this,
            [this](const QString& message, bool ok) {
                if (!ok) last_error_ = message;
                statusBar()->showMessage(message, 8000);
            });
    connect_file_menu();
    connect(controls_, &ControlPanel::knobChanged, knobs_, &LiveKnobs::change);
    connect(knobs_, &LiveKnobs::applied, this, [this](const Knobs& knobs) {
        statusBar()->showMessage(tr("Changed %1").arg(knobs_text(knobs)), 4000);
        // The heading describes the run on screen: from now on, the run with this knob.
        update_heading(with_knobs(heading_->config(), knobs));
        presenting_->sync();
    });
    connect(knobs_, &LiveKnobs::refused, this, &MainWindow::show_not_applied);
    connect(controls_, &ControlPanel::editRefused, this,
            [this](const QString& message) { show_not_applied(engine_text(message)); });
    connect(controls_, &ControlPanel::startStopRequested, this, &MainWindow::start_or_stop);
    connect(controls_, &ControlPanel::compareRequested, this, &MainWindow::compare);
    // The model box changed by hand (not by loading a preset): a kept run of another model is
    // another experiment.
    connect(controls_->model_box(), &QComboBox::currentIndexChanged, this, [this] {
        if (!applying_preset_) kept_->drop_unless_model(controls_->config());
    });
    connect(runner_, &ExperimentRunner::runStarted, this, &MainWindow::on_run_started);
    connect(runner_, &ExperimentRunner::samplesArrived, runs_, &RunDisplay::add_samples);
    connect(runner_, &ExperimentRunner::eventsArrived, this,
            [this](int, const std::vector<AdjustEvent>& events) { runs_->add_events(events); });
    connect(runner_, &ExperimentRunner::statusChanged, this, [this](const Snapshot& s) {
        status_->show(s);
        charts_->show_status(s.config, s.summary);
        runs_->show_summary(runner_->current_index(), s.summary);
    });
    // A comparison's table grows a row as each run finishes.
    connect(runner_, &ExperimentRunner::runFinished, this, [this] {
        if (!plan_.comparing) return;
        runs_->show_sets(plan_.group(runner_->results()));
        presenting_->sync();
    });
    connect(runner_, &ExperimentRunner::allFinished, this, &MainWindow::on_all_finished);
    connect(runner_, &ExperimentRunner::failed, this, [this](const QString& message) {
        set_running(false);
        show_error(tr("Cannot start"), engine_text(message));
    });
    connect(presenting_, &PresentationMode::stepRequested, this, &MainWindow::step_preset);
    connect(presenting_, &PresentationMode::startStopRequested, this,
            &MainWindow::present_start_or_stop);
}

void MainWindow::set_running(bool running) {
    controls_->set_running(running);
    run_menu_->set_running(running);
    file_->export_report_action()->setEnabled(!running && !runs_->results().empty());
    file_->open_run_action()->setEnabled(!running);
}

PresentationWindow* MainWindow::open_presentation(QScreen* screen) {
    return presenting_->open(screen);
}

SweepWindow* MainWindow::open_sweep_window() {
    if (!sweep_window_) sweep_window_ = new SweepWindow(this);
    if (!sweep_window_->running()) sweep_window_->set_base(controls_->config());
    sweep_window_->show();
    sweep_window_->raise();
    return sweep_window_;
}

CalibrateDialog* MainWindow::open_calibrate_dialog() {
    if (!calibrate_dialog_) {
        RunConfig base = controls_->config();
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

void MainWindow::show_not_applied(const QString& why) {
    last_error_ = why;
    statusBar()->showMessage(tr("Not applied: %1").arg(why), 8000);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    runner_->stop();  // no server process or port outlives the window
    save_settings();
    event->accept();
}

}  // namespace conclab::ui
