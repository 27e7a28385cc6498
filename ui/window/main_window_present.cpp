// MainWindow's presentation mode: opens the full-screen PresentationWindow over the same live
// charts, keeps its headline, summary and diagnosis in step with the window's, and turns the
// clicker's keys into the window's own actions (step through the presets, start, stop).
#include <QAction>
#include <QStatusBar>

#include "charts/chart_panel.hpp"
#include "presentation/presentation_window.hpp"
#include "window/diagnosis_bar.hpp"
#include "window/experiment_runner.hpp"
#include "window/kept_run.hpp"
#include "window/main_window.hpp"

namespace conclab::ui {

PresentationWindow* MainWindow::open_presentation(QScreen* on) {
    if (presentation_) {
        presentation_->raise();
        presentation_->activateWindow();
        return presentation_;
    }
    presentation_ = new PresentationWindow(charts_, this);
    presentation_->set_dark(dark_action_->isChecked());
    presentation_->set_charts(presentation_charts_.first, presentation_charts_.second);
    connect(presentation_, &PresentationWindow::stepRequested, this, &MainWindow::step_preset);
    connect(presentation_, &PresentationWindow::startStopRequested, this,
            &MainWindow::present_start_or_stop);
    connect(presentation_, &PresentationWindow::chartsChosen, this, [this](int first, int second) {
        presentation_charts_ = {first, second};
    });
    connect(presentation_, &PresentationWindow::darkChosen, dark_action_, &QAction::setChecked);
    connect(presentation_, &PresentationWindow::closed, this, [this] {
        if (presentation_) presentation_charts_ = presentation_->charts();  // for next time
        statusBar()->showMessage(tr("Left presentation mode (F5 opens it again)"), 4000);
        activateWindow();
    });
    sync_presentation();
    presentation_->open_on(on ? on : screen());
    return presentation_;
}

PresentationWindow* MainWindow::presentation() const {
    return presentation_.data();
}

void MainWindow::sync_presentation() {
    if (!presentation_) return;
    QString subtitle = heading_what_ran_;
    if (kept_->shown()) subtitle += "\n" + kept_->subtitle();
    presentation_->set_heading(heading_title_, subtitle);
    if (table_sets_.empty()) {
        presentation_->clear_summary();
    } else {
        presentation_->show_summary(table_sets_, kept_->shown());
    }
    presentation_->show_diagnosis(diagnosis_->sentences().isEmpty() ? QString()
                                                                    : diagnosis_->text());
}

void MainWindow::step_preset(int delta) {
    const int count = static_cast<int>(presets_.size());
    if (count == 0) return;
    const int next = preset_index_ < 0 ? (delta > 0 ? 0 : count - 1)
                                       : ((preset_index_ + delta) % count + count) % count;
    apply_preset(presets_[static_cast<std::size_t>(next)], false);
}

void MainWindow::present_start_or_stop() {
    if (runner_->running()) {
        stop_run();
    } else if (!compare_models_.empty()) {
        compare();  // a comparison preset is meant as its comparison
    } else {
        start_run();
    }
}

}  // namespace conclab::ui
