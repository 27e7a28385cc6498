#pragma once
// The knobs moved during a run, applied to it: a slider drag becomes one adjust() per 150 ms,
// well within a tick, and the chart's marker shows where the drag ended. A knob moved with no run
// going is the next run's setting (the controls keep it), not a change to apply.

#include <QObject>
#include <QString>
#include <QTimer>

#include "core/knobs.hpp"

namespace conclab::ui {

class ExperimentRunner;

class LiveKnobs : public QObject {
    Q_OBJECT
public:
    LiveKnobs(ExperimentRunner* runner, QObject* parent);

    // Merged into the pending change, applied when the drag pauses.
    void change(const Knobs& knobs);

signals:
    void applied(const conclab::Knobs& knobs);
    void refused(const QString& why);  // the engine's reasons, in the window's language

private:
    void apply();

    ExperimentRunner* runner_;
    QTimer timer_;
    Knobs pending_;
};

}  // namespace conclab::ui
