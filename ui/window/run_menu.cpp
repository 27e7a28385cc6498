#include "window/run_menu.hpp"

#include <QAction>
#include <QMenu>
#include <QStyle>
#include <QWidget>

#include "controls/kill_worker_action.hpp"
#include "window/kept_run.hpp"

namespace conclab::ui {

RunMenu::RunMenu(QMenu* run, ExperimentRunner* runner, KeptRun* kept, QWidget* window)
    : QObject(window), window_(window) {
    start_ = new QAction(window->style()->standardIcon(QStyle::SP_MediaPlay), tr("&Start"), this);
    start_->setObjectName("startAction");
    start_->setShortcuts({QKeySequence(Qt::Key_Space), QKeySequence(tr("Ctrl+R"))});
    start_->setToolTip(tr("Start or stop the experiment (Space, Ctrl+R)"));
    connect(start_, &QAction::triggered, this, &RunMenu::startStopRequested);

    compare_ = new QAction(tr("&Compare models"), this);
    compare_->setObjectName("compareAction");
    compare_->setShortcut(QKeySequence(tr("Ctrl+M")));
    compare_->setToolTip(
        tr("Run the same workload on each model in turn and overlay the results (Ctrl+M)"));
    connect(compare_, &QAction::triggered, this, &RunMenu::compareRequested);

    kill_ = new KillWorkerAction(runner, this);
    run->addAction(start_);
    run->addAction(compare_);
    run->addAction(kill_);
    run->addAction(kept->keep_action());
    run->addAction(kept->clear_action());
    run->addSeparator();
    QAction* calibrate =
        run->addAction(tr("C&alibrate against a real server…"), this, &RunMenu::calibrateRequested);
    calibrate->setObjectName("calibrateAction");
    sweep_ = run->addAction(tr("Concurrency &sweep (X(N), USL fit)…"),
                            QKeySequence(tr("Ctrl+Shift+W")), this, &RunMenu::sweepRequested);
    sweep_->setObjectName("sweepAction");
    // The toolbar has room for a word: at 1280 pixels the long name fell off its end.
    sweep_->setIconText(tr("Sweep…"));
    sweep_->setToolTip(
        tr("Concurrency sweep: X(N) over a list of connection counts, with Little's "
           "law and a USL fit (Ctrl+Shift+W)"));
}

void RunMenu::set_running(bool running) {
    start_->setText(running ? tr("&Stop") : tr("&Start"));
    start_->setIcon(
        window_->style()->standardIcon(running ? QStyle::SP_MediaStop : QStyle::SP_MediaPlay));
    compare_->setEnabled(!running);
    if (!running) kill_->set_run(nullptr);
}

}  // namespace conclab::ui
