#pragma once
// The runs on screen, in every part that draws them: the charts (a series per run, the kept run
// faded under them; for repeated runs, the run nearest each set's median), the comparison table
// (a row per finished set, the kept run a row of its own) and the diagnosis bar (a line per run,
// in its run's colour). It keeps the finished runs for the report, the data export and Keep.
// MainWindow routes the runner's signals to it, live or replayed from a saved report.

#include <QObject>

#include <vector>

#include "experiment/experiment.hpp"
#include "report/compare_report.hpp"

namespace conclab::ui {

class ChartPanel;
class CompareTable;
class DiagnosisBar;
class KeptRun;
struct RunPlan;

class RunDisplay : public QObject {
    Q_OBJECT
public:
    RunDisplay(ChartPanel* charts, CompareTable* table, DiagnosisBar* diagnosis, KeptRun* kept,
               QObject* parent);

    // Run `index` of `plan` starts: the first clears what the last runs left and draws the kept
    // run under the new ones. A single run shows the last `window_s` seconds (0: all of it).
    void begin(int index, const RunConfig& config, const RunPlan& plan, double window_s);
    void add_samples(int index, const std::vector<MetricsSample>& samples);
    void add_events(const std::vector<AdjustEvent>& events);
    void show_summary(int index, const Summary& summary);
    // A saved run, drawn as the live one would have been by its end.
    void draw_saved(int index, const RunResult& run);
    // The runs on screen were read from a saved report (File → Open run), not run here.
    bool from_file() const { return from_file_; }
    // The table's rows: a comparison's grow as each set finishes.
    void show_sets(const std::vector<RunSet>& sets);
    void finish(const std::vector<RunResult>& results, const RunPlan& plan);
    // Nothing on screen (a preset loaded, not run): empty axes and legends at full size.
    void blank();
    void clear_sets() { sets_.clear(); }

    const std::vector<RunResult>& results() const { return results_; }
    // The last comparison's runs grouped by repeats (one set per run of the plan).
    const std::vector<RunSet>& sets() const { return sets_; }
    const std::vector<RunSet>& table_sets() const { return table_sets_; }  // without the kept run
    // What a report of the screen holds: the runs, and the kept run drawn under them, last.
    std::vector<RunResult> report_runs() const;

private:
    void show_typical_runs();

    ChartPanel* charts_;
    CompareTable* table_;
    DiagnosisBar* diagnosis_;
    KeptRun* kept_;
    std::vector<RunResult> results_;
    std::vector<RunSet> sets_;
    std::vector<RunSet> table_sets_;
    bool from_file_ = false;  // draw_saved() since the last begin(0)
};

}  // namespace conclab::ui
