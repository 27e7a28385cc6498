#include "window/experiment_runner.hpp"

namespace conclab::ui {

ExperimentRunner::ExperimentRunner(QObject* parent) : QObject(parent) {
    timer_.setInterval(100);  // 10 updates a second: smooth, and cheap for the engine
    connect(&timer_, &QTimer::timeout, this, &ExperimentRunner::poll);
}

ExperimentRunner::~ExperimentRunner() {
    stop();
}

void ExperimentRunner::start(const std::vector<RunConfig>& runs) {
    stop();
    queue_.assign(runs.begin(), runs.end());
    results_.clear();
    index_ = -1;
    total_ = static_cast<int>(runs.size());
    if (start_next()) timer_.start();
}

bool ExperimentRunner::start_next() {
    while (!queue_.empty()) {
        RunConfig config = queue_.front();
        queue_.pop_front();
        ++index_;
        auto experiment = std::make_unique<Experiment>(config);
        try {
            experiment->start();
        } catch (const StartError& e) {
            queue_.clear();
            emit failed(QString::fromStdString(e.what()));
            return false;
        }
        experiment_ = std::move(experiment);
        next_sample_ = 0;
        events_seen_ = 0;
        emit runStarted(index_, experiment_->snapshot().config);
        return true;
    }
    return false;
}

void ExperimentRunner::poll() {
    if (!experiment_) return;
    Snapshot s = experiment_->snapshot(next_sample_);
    next_sample_ = s.next_index;
    if (!s.samples.empty()) emit samplesArrived(index_, s.samples);
    if (s.events.size() > events_seen_) {
        emit eventsArrived(
            index_, std::vector<AdjustEvent>(s.events.begin() + static_cast<long>(events_seen_),
                                             s.events.end()));
        events_seen_ = s.events.size();
    }
    s.samples.clear();
    last_ = s;
    emit statusChanged(last_);
    if (s.state != RunState::Finished) return;

    results_.push_back(experiment_->result());
    experiment_.reset();
    emit runFinished(index_, results_.back());
    if (!start_next()) {
        timer_.stop();
        if (static_cast<int>(results_.size()) == total_) emit allFinished(results_);
    }
}

void ExperimentRunner::stop() {
    queue_.clear();
    if (!experiment_) return;
    // The runs done so far and this one are all there will be.
    total_ = static_cast<int>(results_.size()) + 1;
    experiment_->stop();
    poll();  // delivers the last samples, the finished run and allFinished
    timer_.stop();
}

std::vector<std::string> ExperimentRunner::adjust(const Knobs& knobs) {
    if (!experiment_) return {"no experiment is running"};
    return experiment_->adjust(knobs);
}

Result<int> ExperimentRunner::kill_worker(std::optional<int> pid) {
    if (!experiment_) return Failure{"no experiment is running"};
    return experiment_->kill_worker(pid);
}

}  // namespace conclab::ui
