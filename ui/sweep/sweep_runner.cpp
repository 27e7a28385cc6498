#include "sweep/sweep_runner.hpp"

#include <QMetaObject>

#include <exception>

#include "core/start_error.hpp"

namespace conclab::ui {

SweepRunner::SweepRunner(QObject* parent) : QObject(parent) {}

SweepRunner::~SweepRunner() {
    stop();
    if (worker_.joinable()) worker_.join();  // queued signals to a deleted object are dropped
}

void SweepRunner::start(std::vector<SweepSettings> sweeps) {
    if (running_) return;
    if (worker_.joinable()) worker_.join();  // the last one has finished: allFinished came
    running_ = true;
    // Everything the thread reports goes through the GUI thread's event loop (queued calls on
    // this object): the widgets are only ever touched there.
    worker_ = std::jthread([this, sweeps = std::move(sweeps)](std::stop_token stop) {
        bool cancelled = false;
        for (std::size_t i = 0; i < sweeps.size() && !cancelled; ++i) {
            const int index = static_cast<int>(i);
            auto progress = [this, index](const SweepProgress& p) {
                if (!p.finished) return;
                QMetaObject::invokeMethod(
                    this,
                    [this, index, point = *p.finished, done = p.index + 1, total = p.points] {
                        emit pointFinished(index, point, done, total);
                    },
                    Qt::QueuedConnection);
            };
            try {
                SweepResult result = run_sweep(sweeps[i], progress, stop);
                cancelled = result.cancelled || stop.stop_requested();
                QMetaObject::invokeMethod(
                    this,
                    [this, index, result = std::move(result)] {
                        emit sweepFinished(index, result);
                    },
                    Qt::QueuedConnection);
            } catch (const std::exception& e) {
                QMetaObject::invokeMethod(
                    this,
                    [this, message = QString::fromStdString(e.what())] {
                        running_ = false;
                        emit failed(message);
                    },
                    Qt::QueuedConnection);
                return;
            }
        }
        QMetaObject::invokeMethod(
            this,
            [this, cancelled] {
                running_ = false;
                emit allFinished(cancelled);
            },
            Qt::QueuedConnection);
    });
}

void SweepRunner::stop() {
    worker_.request_stop();
}

}  // namespace conclab::ui
