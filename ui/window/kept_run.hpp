#pragma once
// The ghost: a finished run kept to be drawn, faded, behind the next runs. It is a state the
// Run menu shows (a check mark, and Clear), it carries its own experiment's name wherever it
// appears, it is never the baseline of a comparison, and choosing another preset or model
// clears it — saying so, with Undo — because a kept run of another experiment would mislead.
// MainWindow composes it: it hands over the last finished run and asks what to draw.

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

#include "experiment/experiment.hpp"

class QAction;
class QStatusBar;
class QToolButton;

namespace conclab::ui {

class ChartPanel;

class KeptRun : public QObject {
    Q_OBJECT
public:
    // The run Keep takes and the experiment (preset) it was run as; null when none finished.
    struct Finished {
        const RunResult* run = nullptr;
        QString scenario;
    };
    // Messages and Undo go to `status` (Undo at its left, beside the message it undoes).
    KeptRun(QStatusBar* status, std::function<Finished()> last_finished, QObject* parent);

    void keep();   // Run → Keep last run as ghost (Ctrl+G); says so if there is none
    void clear();  // by the user: no Undo needed
    void undo_clear();
    // Another experiment chosen: a kept run of another preset or model is cleared, with Undo.
    void drop_unless_scenario(const QString& scenario);
    void drop_unless_model(const RunConfig& now);

    const std::optional<RunResult>& kept() const { return kept_; }
    // What the runs on screen are drawn over: the kept run as it was when they started.
    void show_under_next_runs() { shown_ = kept_; }
    void hide() { shown_.reset(); }
    const std::optional<RunResult>& shown() const { return shown_; }
    // The series index of the runs on screen: the kept run, when shown, is series 0.
    int series_index(int run) const { return shown_ ? run + 1 : run; }
    // Draws the shown run as the charts' first series, faded, "kept" in the legends.
    void draw(ChartPanel* charts) const;
    // The heading's line about it, so that it is never taken for the runs' baseline.
    QString subtitle() const;

    QAction* keep_action() const { return keep_action_; }
    QAction* clear_action() const { return clear_action_; }
    QToolButton* undo_button() const { return undo_button_; }

private:
    void drop_for(const QString& why);
    void set_kept(std::optional<RunResult> run, QString scenario);

    QStatusBar* status_;
    std::function<Finished()> last_finished_;
    std::optional<RunResult> kept_;
    QString kept_scenario_;  // the preset the kept run was run as
    std::optional<RunResult> shown_;
    std::optional<RunResult> undo_;
    QString undo_scenario_;
    QAction* keep_action_;
    QAction* clear_action_;
    QToolButton* undo_button_;
};

}  // namespace conclab::ui
