#pragma once
// Run → Kill a worker (fault injection): SIGKILL to one worker process of a running
// process-per-core experiment. The action itself kills the busiest worker (most requests in the
// last tick); its menu lists the live worker PIDs to choose one. The server replaces the worker
// as after a crash, and the charts show the death marker, the lost requests and the new PID.

#include <QAction>

#include <optional>

#include "core/run_config.hpp"

class QMenu;

namespace conclab::ui {

class ExperimentRunner;

class KillWorkerAction : public QAction {
    Q_OBJECT
public:
    KillWorkerAction(ExperimentRunner* runner, QObject* parent);

    // Enabled only while a process-per-core run on a model of ours goes; nullptr = no run.
    void set_run(const RunConfig* running);
    // Kills `pid`, or the busiest without one; the outcome is emitted as done().
    void kill(std::optional<int> pid);
    QMenu* pid_menu() const { return menu_; }

signals:
    void done(const QString& message, bool ok);

private:
    void fill_menu();

    ExperimentRunner* runner_;
    QMenu* menu_;
};

}  // namespace conclab::ui
