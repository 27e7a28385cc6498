// MainWindow's scenarios and settings: open and save a scenario file, apply a preset (and run
// it), and remember the last settings, view and window geometry between launches.
#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
#include <QStatusBar>

#include <exception>

#include "chart_panel.hpp"
#include "control_panel.hpp"
#include "experiment_runner.hpp"
#include "main_window.hpp"

namespace conclab::ui {

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

}  // namespace conclab::ui
