#pragma once
// What coordinated omission is, told with the user's own open-loop run: the p99 measured from
// when requests were due against the p99 measured from when they were sent, and how many
// requests found no free connection (late) or were given up (dropped).

#include <QLabel>

#include "metrics/metrics.hpp"

namespace conclab::ui {

// The box's text for a run's summary so far; empty before a response completed.
QString coordinated_omission_text(const Summary& summary, double rate, double timeout_s);

class CoordinatedOmissionBox : public QLabel {
    Q_OBJECT
public:
    explicit CoordinatedOmissionBox(QWidget* parent = nullptr);
    // Shown for open-loop runs (rate > 0) only.
    void show_summary(const Summary& summary, double rate, double timeout_s);
};

}  // namespace conclab::ui
