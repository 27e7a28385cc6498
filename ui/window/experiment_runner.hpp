#pragma once
// Runs experiments for the GUI, one after another (a single run, or a comparison of two or three
// models with the same workload). It owns the engine's Experiment and reads it only through its
// documented interface: start, adjust, stop, and snapshot() on a QTimer — never its threads.

#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>
#include <vector>

#include "experiment/experiment.hpp"

namespace conclab::ui {

class ExperimentRunner : public QObject {
    Q_OBJECT
public:
    explicit ExperimentRunner(QObject* parent = nullptr);
    ~ExperimentRunner() override;

    // Starts the runs in order. Emits failed() (and nothing else) if the first cannot start.
    void start(const std::vector<RunConfig>& runs);
    // Stops the current run and drops the queued ones.
    void stop();
    std::vector<std::string> adjust(const Knobs& knobs);
    // Fault injection: SIGKILL to a process-per-core worker (the busiest without a PID).
    Result<int> kill_worker(std::optional<int> pid);

    bool running() const { return experiment_ != nullptr; }
    int current_index() const { return index_; }
    int run_count() const { return total_; }
    const std::vector<RunResult>& results() const { return results_; }
    // The current run's latest snapshot (no samples), for status and warnings.
    const Snapshot& last_snapshot() const { return last_; }
    void set_poll_interval_ms(int ms) { timer_.setInterval(ms); }

signals:
    void runStarted(int index, const conclab::RunConfig& config);
    void samplesArrived(int index, const std::vector<conclab::MetricsSample>& samples);
    void eventsArrived(int index, const std::vector<conclab::AdjustEvent>& events);
    void statusChanged(const conclab::Snapshot& snapshot);
    void runFinished(int index, const conclab::RunResult& result);
    void allFinished(const std::vector<conclab::RunResult>& results);
    void failed(const QString& message);

private:
    void poll();
    bool start_next();

    QTimer timer_;
    std::unique_ptr<Experiment> experiment_;
    std::deque<RunConfig> queue_;
    std::vector<RunResult> results_;
    Snapshot last_;
    std::size_t next_sample_ = 0;
    std::size_t events_seen_ = 0;
    int index_ = -1;
    int total_ = 0;
};

}  // namespace conclab::ui
