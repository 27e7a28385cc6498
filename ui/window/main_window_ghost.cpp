// MainWindow's ghost: a finished run kept to be drawn, faded, behind the next runs. It is a state
// the Run menu shows (a check mark, and Clear), it carries its own experiment's name wherever it
// appears, it is never the baseline of a comparison, and choosing another preset or model
// clears it — saying so, with Undo — because a kept run of another experiment would mislead.
#include <QAction>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>

#include "export/chart_exporter.hpp"
#include "window/compare_table.hpp"
#include "window/main_window.hpp"

namespace conclab::ui {

void MainWindow::build_ghost_actions() {
    ghost_action_ = new QAction(tr("&Keep last run as ghost"), this);
    ghost_action_->setObjectName("ghostAction");
    ghost_action_->setCheckable(true);
    ghost_action_->setShortcut(QKeySequence(tr("Ctrl+G")));
    ghost_action_->setToolTip(
        tr("Draw the last finished run, faded, behind the next ones (Ctrl+G toggles)"));
    connect(ghost_action_, &QAction::triggered, this, [this](bool keep) {
        if (keep) {
            keep_as_ghost();
        } else {
            clear_ghost();
        }
    });
    clear_ghost_action_ = new QAction(tr("C&lear ghost"), this);
    clear_ghost_action_->setObjectName("clearGhostAction");
    clear_ghost_action_->setEnabled(false);
    connect(clear_ghost_action_, &QAction::triggered, this, &MainWindow::clear_ghost);

    undo_button_ = new QToolButton(this);
    undo_button_->setObjectName("undoGhostButton");
    undo_button_->setText(tr("Undo"));
    undo_button_->setToolTip(tr("Keep the run that was kept as the ghost"));
    undo_button_->setAutoRaise(true);
    statusBar()->addWidget(undo_button_);  // left, next to the message it undoes
    undo_button_->hide();
    connect(undo_button_, &QToolButton::clicked, this, &MainWindow::undo_ghost_clear);
    // Undo belongs to its message: when the message goes (times out, is replaced), so does it.
    connect(statusBar(), &QStatusBar::messageChanged, this, [this](const QString& message) {
        if (!message.startsWith(tr("Ghost cleared"))) undo_button_->hide();
    });
}

void MainWindow::keep_as_ghost() {
    if (results_.empty()) {
        ghost_action_->setChecked(ghost_.has_value());
        statusBar()->showMessage(tr("No finished run to keep yet"), 4000);
        return;
    }
    ghost_ = results_.back();
    ghost_scenario_ = scenario_name_;
    undo_ghost_.reset();
    ghost_action_->setChecked(true);
    clear_ghost_action_->setEnabled(true);
    statusBar()->showMessage(
        tr("Kept %1: the next runs are drawn over it, faded").arg(kept_run_label(ghost_->config)),
        6000);
}

void MainWindow::clear_ghost() {
    ghost_.reset();
    ghost_scenario_.clear();
    ghost_action_->setChecked(false);
    clear_ghost_action_->setEnabled(false);
    statusBar()->showMessage(tr("No kept run: the next run is drawn alone"), 4000);
}

void MainWindow::drop_ghost_for(const QString& why) {
    if (!ghost_) return;
    undo_ghost_ = ghost_;
    undo_ghost_scenario_ = ghost_scenario_;
    ghost_.reset();
    ghost_scenario_.clear();
    ghost_action_->setChecked(false);
    clear_ghost_action_->setEnabled(false);
    statusBar()->showMessage(tr("Ghost cleared (%1): %2 was another experiment")
                                 .arg(why, kept_run_label(undo_ghost_->config)),
                             12000);
    undo_button_->show();
}

void MainWindow::undo_ghost_clear() {
    if (!undo_ghost_) return;
    ghost_ = undo_ghost_;
    ghost_scenario_ = undo_ghost_scenario_;
    undo_ghost_.reset();
    ghost_action_->setChecked(true);
    clear_ghost_action_->setEnabled(true);
    undo_button_->hide();
    statusBar()->showMessage(
        tr("Kept %1 again: the next runs are drawn over it").arg(kept_run_label(ghost_->config)),
        6000);
}

// The model box changed by hand (not by loading a preset): a kept run of another model is
// another experiment.
void MainWindow::on_model_chosen() {
    if (applying_preset_ || !ghost_) return;
    const RunConfig now = current_config();
    if (now.server.model == ghost_->config.server.model &&
        now.server.inner == ghost_->config.server.inner)
        return;
    drop_ghost_for(tr("another model"));
}

// The heading's line about the kept run: what it was, so that it is never taken for the
// baseline of the runs drawn over it.
QString MainWindow::ghost_subtitle() const {
    if (!shown_ghost_) return {};
    return tr("Faded: kept run, %1 · %2")
        .arg(model_label(shown_ghost_->config), describe_workload(shown_ghost_->config));
}

}  // namespace conclab::ui
