#pragma once
// The alert bar above the charts, as a profiler's: one sentence per run from the engine's
// diagnosis rules (RunResult::diagnosis). A single run's lines have a mark in the rule's colour;
// when several runs are shown, each line starts with its run's label, mark and label in the
// run's colour (the colour of its lines and table row). The rule ids are for the curious, in
// the tooltip: the user reads sentences. Hidden when nothing stands out.

#include <QColor>
#include <QLabel>
#include <QString>

#include <vector>

#include "experiment/experiment.hpp"

namespace conclab::ui {

class DiagnosisBar : public QLabel {
    Q_OBJECT
public:
    explicit DiagnosisBar(QWidget* parent = nullptr);

    // The runs' diagnoses; with `labelled`, each line starts with its run's label, and run i's
    // mark and label take colours[i] (when given).
    void show_runs(const std::vector<RunResult>& runs, bool labelled,
                   const std::vector<QColor>& colors = {});
    void clear_runs();
    // The sentences shown, one per diagnosis, without labels or marks (tests, reports).
    const QStringList& sentences() const { return sentences_; }
    const QStringList& rules() const { return rules_; }
    // The colour of each line's mark, in the order of sentences().
    const std::vector<QColor>& mark_colors() const { return mark_colors_; }

    static QColor rule_color(const QString& rule);

private:
    QStringList sentences_;
    QStringList rules_;
    std::vector<QColor> mark_colors_;
};

}  // namespace conclab::ui
