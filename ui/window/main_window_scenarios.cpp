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

#include "charts/chart_panel.hpp"
#include "controls/control_panel.hpp"
#include "experiment/comparison.hpp"
#include "text/data_text.hpp"
#include "text/engine_text.hpp"
#include "window/compare_table.hpp"
#include "window/diagnosis_bar.hpp"
#include "window/experiment_runner.hpp"
#include "window/kept_run.hpp"
#include "window/main_window.hpp"

namespace conclab::ui {

bool MainWindow::open_scenario(const QString& path) {
    Result<Scenario> parsed = Failure{"not read"};
    try {
        parsed = load_scenario_file(path.toStdString());
    } catch (const std::exception& e) {
        // nlohmann::json throws for numbers beyond double's range (1e400), not a parse error.
        parsed = Failure{std::string(e.what())};
    }
    if (!parsed) {
        show_error(tr("Cannot open scenario"), engine_text(parsed.error()));
        return false;
    }
    apply_preset(*parsed, false);
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
    if (auto saved = save_scenario_file(path.toStdString(), s); !saved) {
        show_error(tr("Cannot save scenario"), engine_text(saved.error()));
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(path), 4000);
    return true;
}

void MainWindow::apply_preset(const Scenario& scenario, bool run) {
    if (runner_->running()) runner_->stop();
    const QString name = QString::fromStdString(scenario.name);
    kept_->drop_unless_scenario(name);
    applying_preset_ = true;
    controls_->set_config(scenario.run);
    applying_preset_ = false;
    scenario_name_ = name;
    scenario_description_ = QString::fromStdString(scenario.description);
    compare_models_ = scenario.compare;
    preset_config_ = scenario.run;
    preset_index_ = -1;
    for (std::size_t i = 0; i < presets_.size(); ++i) {
        if (presets_[i].name == scenario.name) preset_index_ = static_cast<int>(i);
    }
    {
        const QSignalBlocker block(preset_box_);
        const int index = preset_box_->findText(scenario_text(scenario_name_));
        preset_box_->setCurrentIndex(index > 0 ? index : 0);
    }
    if (run) {
        if (scenario.compare.empty()) {
            start_run();
        } else {
            start_comparison(scenario.compare);
        }
        return;
    }
    // Loaded, not run: the charts of the previous run would sit under this preset's words.
    show_blank_charts();
    comparing_ = !scenario.compare.empty();
    if (comparing_)
        comparison_plan_ = comparison_runs(scenario.run, scenario.compare, std::nullopt);
    update_heading(scenario.run);
    sync_presentation();
}

void MainWindow::show_blank_charts() {
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
    export_report_action_->setEnabled(false);
}

ViewSettings MainWindow::view_settings() const {
    return ViewSettings{whole_run_action_->isChecked(), log_latency_action_->isChecked(),
                        log_rps_action_->isChecked(),   dark_action_->isChecked(),
                        presentation_charts_.first,     presentation_charts_.second};
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
    presentation_charts_ = {saved.view.presentation_first, saved.view.presentation_second};
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

// The model box changed by hand (not by loading a preset): a kept run of another model is
// another experiment.
void MainWindow::on_model_chosen() {
    if (!applying_preset_) kept_->drop_unless_model(current_config());
}

}  // namespace conclab::ui
