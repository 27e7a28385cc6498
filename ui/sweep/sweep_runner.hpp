#pragma once
// Runs sweeps for the GUI, one model after another, on a worker thread through the engine's
// sweep API (run_sweep). Each finished point is handed to the GUI thread as it comes, so the
// chart fills in live; stop() ends the sweep at once (the point in progress is dropped).

#include <QObject>

#include <memory>
#include <thread>
#include <vector>

#include "experiment/sweep.hpp"

namespace conclab::ui {

class SweepRunner : public QObject {
    Q_OBJECT
public:
    explicit SweepRunner(QObject* parent = nullptr);
    ~SweepRunner() override;  // stops and joins the worker thread

    // Sweeps each settings in turn. Ignored while a sweep is running.
    void start(std::vector<SweepSettings> sweeps);
    void stop();
    bool running() const { return running_; }

signals:
    void pointFinished(int sweep, const conclab::SweepPoint& point, int done, int total);
    void sweepFinished(int sweep, const conclab::SweepResult& result);
    void allFinished(bool cancelled);
    void failed(const QString& message);

private:
    std::jthread worker_;
    bool running_ = false;
};

}  // namespace conclab::ui
