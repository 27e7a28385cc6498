#include "window/kept_run.hpp"

#include <QAction>
#include <QStatusBar>
#include <QToolButton>

#include "charts/chart_panel.hpp"
#include "export/chart_exporter.hpp"
#include "window/compare_table.hpp"

namespace conclab::ui {

KeptRun::KeptRun(QStatusBar* status, std::function<Finished()> last_finished, QObject* parent)
    : QObject(parent), status_(status), last_finished_(std::move(last_finished)) {
    keep_action_ = new QAction(tr("&Keep last run as ghost"), this);
    keep_action_->setObjectName("ghostAction");
    keep_action_->setCheckable(true);
    keep_action_->setShortcut(QKeySequence(tr("Ctrl+G")));
    keep_action_->setToolTip(
        tr("Draw the last finished run, faded, behind the next ones (Ctrl+G toggles)"));
    connect(keep_action_, &QAction::triggered, this, [this](bool keep_it) {
        if (keep_it) {
            keep();
        } else {
            clear();
        }
    });
    clear_action_ = new QAction(tr("C&lear ghost"), this);
    clear_action_->setObjectName("clearGhostAction");
    clear_action_->setEnabled(false);
    connect(clear_action_, &QAction::triggered, this, &KeptRun::clear);

    undo_button_ = new QToolButton(status_);
    undo_button_->setObjectName("undoGhostButton");
    undo_button_->setText(tr("Undo"));
    undo_button_->setToolTip(tr("Keep the run that was kept as the ghost"));
    undo_button_->setAutoRaise(true);
    status_->addWidget(undo_button_);  // left, next to the message it undoes
    undo_button_->hide();
    connect(undo_button_, &QToolButton::clicked, this, &KeptRun::undo_clear);
    // Undo belongs to its message: when the message goes (times out, is replaced), so does it.
    connect(status_, &QStatusBar::messageChanged, this, [this](const QString& message) {
        if (!message.startsWith(tr("Ghost cleared"))) undo_button_->hide();
    });
}

void KeptRun::set_kept(std::optional<RunResult> run, QString scenario) {
    kept_ = std::move(run);
    kept_scenario_ = kept_ ? std::move(scenario) : QString();
    keep_action_->setChecked(kept_.has_value());
    clear_action_->setEnabled(kept_.has_value());
}

void KeptRun::keep() {
    const Finished last = last_finished_();
    if (!last.run) {
        keep_action_->setChecked(kept_.has_value());
        status_->showMessage(tr("No finished run to keep yet"), 4000);
        return;
    }
    set_kept(*last.run, last.scenario);
    undo_.reset();
    status_->showMessage(
        tr("Kept %1: the next runs are drawn over it, faded").arg(kept_run_label(kept_->config)),
        6000);
}

void KeptRun::clear() {
    set_kept(std::nullopt, {});
    status_->showMessage(tr("No kept run: the next run is drawn alone"), 4000);
}

void KeptRun::drop_for(const QString& why) {
    if (!kept_) return;
    undo_ = kept_;
    undo_scenario_ = kept_scenario_;
    set_kept(std::nullopt, {});
    status_->showMessage(
        tr("Ghost cleared (%1): %2 was another experiment").arg(why, kept_run_label(undo_->config)),
        12000);
    undo_button_->show();
}

void KeptRun::undo_clear() {
    if (!undo_) return;
    set_kept(std::move(undo_), undo_scenario_);
    undo_.reset();
    undo_button_->hide();
    status_->showMessage(
        tr("Kept %1 again: the next runs are drawn over it").arg(kept_run_label(kept_->config)),
        6000);
}

// A run kept from another preset is another experiment: drawn under this one it would read as
// this preset's baseline.
void KeptRun::drop_unless_scenario(const QString& scenario) {
    if (kept_ && scenario != kept_scenario_) drop_for(tr("another preset"));
}

void KeptRun::drop_unless_model(const RunConfig& now) {
    if (!kept_) return;
    if (now.server.model == kept_->config.server.model &&
        now.server.inner == kept_->config.server.inner)
        return;
    drop_for(tr("another model"));
}

void KeptRun::draw(ChartPanel* charts) const {
    if (!shown_) return;
    // Short in the legends ("kept p99"); the heading and the table say which run it is.
    charts->begin_run(tr("kept"), kKeptRunColorIndex, true, false);
    charts->append(0, shown_->series);
    charts->set_summary(0, shown_->summary);
}

QString KeptRun::subtitle() const {
    if (!shown_) return {};
    return tr("Faded: kept run, %1 · %2")
        .arg(model_label(shown_->config), describe_workload(shown_->config));
}

}  // namespace conclab::ui
