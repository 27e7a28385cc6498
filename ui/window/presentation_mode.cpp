#include "window/presentation_mode.hpp"

#include <QAction>
#include <QMainWindow>
#include <QStatusBar>

#include "charts/chart_panel.hpp"
#include "charts/chart_style.hpp"
#include "presentation/presentation_window.hpp"

namespace conclab::ui {

PresentationMode::PresentationMode(ChartPanel* charts, QMainWindow* window,
                                   std::function<Content()> content)
    : QObject(window), panel_(charts), window_(window), content_(std::move(content)) {
    // Full screen, large type, the presets as slides: the room's view of the same live charts.
    action_ = new QAction(tr("&Presentation"), this);
    action_->setObjectName("presentationAction");
    action_->setShortcut(QKeySequence(Qt::Key_F5));
    action_->setToolTip(
        tr("Full screen for a projector: → / ← step through the presets, Space starts and "
           "stops, Esc leaves (F5)"));
    connect(action_, &QAction::triggered, this, [this] { open(nullptr); });
}

PresentationWindow* PresentationMode::open(QScreen* on) {
    if (presentation_) {
        presentation_->raise();
        presentation_->activateWindow();
        return presentation_;
    }
    presentation_ = new PresentationWindow(panel_, window_);
    presentation_->set_dark(dark_);
    presentation_->set_charts(charts_.first, charts_.second);
    connect(presentation_, &PresentationWindow::stepRequested, this,
            &PresentationMode::stepRequested);
    connect(presentation_, &PresentationWindow::startStopRequested, this,
            &PresentationMode::startStopRequested);
    connect(presentation_, &PresentationWindow::chartsChosen, this, [this](int first, int second) {
        charts_ = {first, second};
    });
    connect(presentation_, &PresentationWindow::darkChosen, this, &PresentationMode::darkChosen);
    connect(presentation_, &PresentationWindow::closed, this, [this] {
        if (presentation_) charts_ = presentation_->charts();  // for next time
        window_->statusBar()->showMessage(tr("Left presentation mode (F5 opens it again)"), 4000);
        window_->activateWindow();
    });
    sync();
    presentation_->open_on(on ? on : window_->screen());
    return presentation_;
}

PresentationWindow* PresentationMode::window() const {
    return presentation_.data();
}

void PresentationMode::sync() {
    if (!presentation_) return;
    const Content now = content_();
    presentation_->set_heading(now.title, now.subtitle);
    if (now.sets->empty()) {
        presentation_->clear_summary();
    } else {
        presentation_->show_summary(*now.sets, *now.kept);
    }
    presentation_->show_diagnosis(now.diagnosis);
}

void PresentationMode::set_dark(bool dark) {
    dark_ = dark;
    if (presentation_) {
        presentation_->set_dark(dark);
        return;
    }
    panel_->set_style(ChartStyle{dark, false});
    panel_->refresh();
}

}  // namespace conclab::ui
