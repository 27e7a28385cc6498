#pragma once
// Run: Start/Stop and Compare (on the toolbar too, with Kill a worker), the ghost's Keep and
// Clear, Calibrate against a real server and the Sweep. Its actions show whether a run is going;
// what they start is MainWindow's, asked for by signals.

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace conclab::ui {

class ExperimentRunner;
class KeptRun;
class KillWorkerAction;

class RunMenu : public QObject {
    Q_OBJECT
public:
    RunMenu(QMenu* menu, ExperimentRunner* runner, KeptRun* kept, QWidget* window);

    // Start becomes Stop; Compare waits; Kill a worker has no run to kill once it ends.
    void set_running(bool running);

    QAction* start_action() const { return start_; }
    QAction* compare_action() const { return compare_; }
    KillWorkerAction* kill_action() const { return kill_; }
    QAction* sweep_action() const { return sweep_; }

signals:
    void startStopRequested();
    void compareRequested();
    void calibrateRequested();
    void sweepRequested();

private:
    QWidget* window_;
    QAction* start_;
    QAction* compare_;
    KillWorkerAction* kill_;
    QAction* sweep_ = nullptr;
};

}  // namespace conclab::ui
