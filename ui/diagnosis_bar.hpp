#pragma once
// The alert bar above the charts, as a profiler's: one sentence per run from the engine's
// diagnosis rules (RunResult::diagnosis), each with a mark in its rule's colour and, when several
// runs are shown, the run's label first. Hidden when nothing stands out.

#include <QLabel>
#include <QString>

#include <vector>

#include "experiment/experiment.hpp"

namespace conclab::ui {

class DiagnosisBar : public QLabel {
    Q_OBJECT
public:
    explicit DiagnosisBar(QWidget* parent = nullptr);

    // The runs' diagnoses; with `labelled`, each line starts with its run's label.
    void show_runs(const std::vector<RunResult>& runs, bool labelled);
    void clear_runs();
    // The sentences shown, one per diagnosis, without labels or marks (tests, reports).
    const QStringList& sentences() const { return sentences_; }
    const QStringList& rules() const { return rules_; }

    static QColor rule_color(const QString& rule);

private:
    QStringList sentences_;
    QStringList rules_;
};

}  // namespace conclab::ui
