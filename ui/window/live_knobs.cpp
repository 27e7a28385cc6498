#include "window/live_knobs.hpp"

#include <QStringList>

#include "text/engine_text.hpp"
#include "window/experiment_runner.hpp"

namespace conclab::ui {

LiveKnobs::LiveKnobs(ExperimentRunner* runner, QObject* parent) : QObject(parent), runner_(runner) {
    timer_.setSingleShot(true);
    timer_.setInterval(150);
    connect(&timer_, &QTimer::timeout, this, &LiveKnobs::apply);
}

void LiveKnobs::change(const Knobs& knobs) {
    if (!runner_->running()) return;
    pending_.merge(knobs);
    if (!timer_.isActive()) timer_.start();
}

void LiveKnobs::apply() {
    const Knobs knobs = pending_;
    pending_ = Knobs{};
    if (!runner_->running()) return;
    const auto rejected = runner_->adjust(knobs);
    if (rejected.empty()) {
        emit applied(knobs);
        return;
    }
    QStringList messages;
    for (const std::string& r : rejected) messages << engine_text(r);
    emit refused(messages.join("; "));
}

}  // namespace conclab::ui
