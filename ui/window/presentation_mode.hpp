#pragma once
// Presentation mode as the main window offers it (View → Presentation, F5): it opens the
// full-screen PresentationWindow over the same live charts, keeps its headline, summary and
// diagnosis in step with the window's, remembers which charts it shows, and sends the dark
// setting to whichever window styles the charts. The clicker's keys come back as signals, which
// MainWindow turns into its own actions (step through the presets, start, stop).

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "experiment/experiment.hpp"
#include "report/compare_report.hpp"

class QAction;
class QMainWindow;
class QScreen;

namespace conclab::ui {

class ChartPanel;
class PresentationWindow;

class PresentationMode : public QObject {
    Q_OBJECT
public:
    // What the presentation shows besides the charts, as the main window shows it now; the
    // pointers are the window's own, read at once.
    struct Content {
        QString title;
        QString subtitle;
        const std::vector<RunSet>* sets = nullptr;       // the table's rows; empty: no summary
        const std::optional<RunResult>* kept = nullptr;  // the kept run drawn under them
        QString diagnosis;                               // rich text, empty when none
    };
    PresentationMode(ChartPanel* charts, QMainWindow* window, std::function<Content()> content);

    // Opens it on `screen` (the window's if null), or raises the one open.
    PresentationWindow* open(QScreen* screen);
    PresentationWindow* window() const;          // null when not presenting
    QAction* action() const { return action_; }  // View → Presentation, F5
    void sync();                                 // nothing when not presenting
    // The presentation restyles the charts it shows and gives back the screen style when it
    // closes; without it, the charts take the style at once.
    void set_dark(bool dark);
    // Indexes into ChartPanel::charts() (remembered between launches).
    std::pair<int, int> charts() const { return charts_; }
    void set_charts(std::pair<int, int> charts) { charts_ = charts; }

signals:
    void stepRequested(int delta);
    void startStopRequested();
    void darkChosen(bool dark);

private:
    ChartPanel* panel_;
    QMainWindow* window_;
    std::function<Content()> content_;
    QAction* action_;
    QPointer<PresentationWindow> presentation_;
    std::pair<int, int> charts_{0, 2};  // req/s and connections: the story
    bool dark_ = false;
};

}  // namespace conclab::ui
