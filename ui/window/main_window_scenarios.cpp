// MainWindow's scenarios and settings: open and save a scenario file, apply a preset (and run
// it), step through the presets, and remember the last settings, view and window geometry
// between launches.
#include <QAction>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
#include <QStatusBar>

#include <exception>

#include "controls/control_panel.hpp"
#include "experiment/comparison.hpp"
#include "text/engine_text.hpp"
#include "window/experiment_runner.hpp"
#include "window/file_menu.hpp"
#include "window/kept_run.hpp"
#include "window/main_window.hpp"
#include "window/preset_picker.hpp"
#include "window/run_display.hpp"
#include "window/run_heading.hpp"
#include "window/run_status.hpp"
#include "window/view_menu.hpp"

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
    s.name = heading_->scenario_name().isEmpty() ? QFileInfo(path).completeBaseName().toStdString()
                                                 : heading_->scenario_name().toStdString();
    s.description = heading_->scenario_description().toStdString();
    s.run = controls_->config();
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
    kept_->drop_unless_scenario(QString::fromStdString(scenario.name));
    applying_preset_ = true;
    controls_->set_config(scenario.run);
    applying_preset_ = false;
    heading_->set_scenario(scenario);
    compare_models_ = scenario.compare;
    presets_->show_scenario(scenario.name);
    if (run) {
        if (scenario.compare.empty()) {
            start_run();
        } else {
            start_comparison(scenario.compare);
        }
        return;
    }
    // Loaded, not run: the charts of the previous run would sit under this preset's words.
    runs_->blank();
    file_->export_report_action()->setEnabled(false);
    plan_.comparing = !scenario.compare.empty();
    if (plan_.comparing)
        plan_.configs = comparison_runs(scenario.run, scenario.compare, std::nullopt);
    update_heading(scenario.run);
    presenting_->sync();
}

void MainWindow::step_preset(int delta) {
    if (const Scenario* next = presets_->step(delta)) apply_preset(*next, false);
}

void MainWindow::save_settings() const {
    Scenario s;
    s.name = heading_->scenario_name().isEmpty() ? "last settings"
                                                 : heading_->scenario_name().toStdString();
    s.run = controls_->config();
    s.compare = compare_models_;
    AppSettings::save_scenario(s);
    AppSettings::save_view(view_->settings());
    AppSettings::save_geometry(saveGeometry());
}

void MainWindow::restore_settings() {
    const RestoredSettings saved = AppSettings::load();
    if (saved.last_scenario) {
        controls_->set_config(saved.last_scenario->run);
        compare_models_ = saved.last_scenario->compare;
    }
    view_->restore(saved.view);
    if (saved.geometry.isEmpty() || !restoreGeometry(saved.geometry)) {
        // First launch (or unusable geometry): fill most of the screen the window opens on.
        const QScreen* on = screen() ? screen() : QGuiApplication::primaryScreen();
        if (on)
            setGeometry(
                AppSettings::first_window_geometry(on->availableGeometry(), minimumSizeHint()));
    }
    settings_note_ = saved.note;
    if (!settings_note_.isEmpty()) status_->warn(settings_note_);
}

}  // namespace conclab::ui
