#include "controls/kill_worker_action.hpp"

#include <QMenu>

#include "text/engine_text.hpp"
#include "window/experiment_runner.hpp"

namespace conclab::ui {

KillWorkerAction::KillWorkerAction(ExperimentRunner* runner, QObject* parent)
    : QAction(tr("&Kill a worker"), parent), runner_(runner), menu_(new QMenu) {
    setObjectName("killWorkerAction");
    setToolTip(
        tr("Send SIGKILL to the busiest worker process (the arrow: choose one). The server "
           "replaces it, as gunicorn's arbiter and Node's cluster 'exit' handler do; the charts "
           "show the drop, the errors and the new PID. Process per core only."));
    setEnabled(false);
    menu_->setObjectName("killWorkerMenu");
    setMenu(menu_);
    connect(menu_, &QMenu::aboutToShow, this, &KillWorkerAction::fill_menu);
    connect(this, &QAction::triggered, this, [this] { kill(std::nullopt); });
    connect(this, &QObject::destroyed, menu_, [menu = menu_] { delete menu; });
}

void KillWorkerAction::set_run(const RunConfig* running) {
    setEnabled(running && !running->external && running->server.model == Model::ProcessPerCore);
}

// The live workers as the last snapshot has them.
void KillWorkerAction::fill_menu() {
    menu_->clear();
    menu_->addAction(tr("The busiest worker"), this, [this] { kill(std::nullopt); });
    menu_->addSeparator();
    for (int pid : runner_->last_snapshot().server_pids) {
        menu_->addAction(tr("Worker %1").arg(pid), this, [this, pid] { kill(pid); });
    }
}

void KillWorkerAction::kill(std::optional<int> pid) {
    const auto killed = runner_->kill_worker(pid);
    if (!killed) {
        emit done(tr("Not killed: %1").arg(engine_text(killed.error())), false);
        return;
    }
    emit done(tr("Killed worker %1 (SIGKILL); the server starts a replacement").arg(*killed), true);
}

}  // namespace conclab::ui
