#pragma once
// The summary of a comparison: one row per run (req/s, its ratio to the first run, p50, p99,
// p99.9, errors, peak in service, peak waiting), coloured like the run's series. A run repeated
// N times shows the median with its spread (min–max), rounded to the digits the spread supports.
// What a run could not measure (a real server's in-service counts) is "—", never 0.

#include <QTableWidget>

#include <vector>

#include "experiment/experiment.hpp"
#include "report/compare_report.hpp"

namespace conclab::ui {

class CompareTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { Run, Rps, VsFirst, P50, P99, P999, Errors, InService, Waiting, ColumnCount };

    explicit CompareTable(QWidget* parent = nullptr);
    void show_results(const std::vector<RunResult>& runs);  // each run once
    void show_sets(const std::vector<RunSet>& sets);        // each run repeated

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fit_height();  // every row, plus the scroll bar when the columns are wider than the view
};

}  // namespace conclab::ui
