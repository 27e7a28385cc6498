#pragma once
// What the runner says about the run outside the charts: the status bar's permanent state
// ("Running · 12.3 s · port 41234", "Finished", "Idle") and the banner above the charts with the
// engine's warnings in the window's language, a fatal error as "Stopped: …", or, at start-up,
// what was wrong with the saved settings. MainWindow places the banner.

#include <QObject>

#include "experiment/experiment.hpp"

class QLabel;
class QStatusBar;

namespace conclab::ui {

class RunStatus : public QObject {
    Q_OBJECT
public:
    RunStatus(QStatusBar* status, QObject* parent);

    QLabel* banner() const { return banner_; }
    void show(const Snapshot& snapshot);  // the state, and the warnings of this tick
    void show_finished();
    void warn(const QString& note);  // until the next snapshot

private:
    QLabel* state_;
    QLabel* banner_;
};

}  // namespace conclab::ui
