#pragma once
// The summary of a comparison: one row per run (req/s, its ratio to the first run, p50, p99,
// p99.9, errors, peak in service, peak waiting), coloured like the run's series. A run repeated
// N times shows the median with its spread (min–max), rounded to the digits the spread supports.
// What a run could not measure (a real server's in-service counts) is "—", never 0.
// A kept run (the "ghost" drawn faded behind the runs) is a row of its own, last, marked "kept
// run": it is never the baseline the ratios are taken against.

#include <QTableWidget>

#include <optional>
#include <vector>

#include "experiment/experiment.hpp"
#include "report/compare_report.hpp"

namespace conclab::ui {

// The palette index a kept run is drawn in, in the charts and in the table: grey, a hue no run has.
inline constexpr int kKeptRunColorIndex = -1;

class CompareTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column {
        Run,
        Rps,
        VsFirst,
        P50,
        P99,
        P999,
        Errors,
        InService,
        Waiting,
        WaitingMean,
        ColumnCount
    };

    explicit CompareTable(QWidget* parent = nullptr);
    void show_results(const std::vector<RunResult>& runs,
                      const std::optional<RunResult>& kept = std::nullopt);  // each run once
    // Each run repeated; row i takes the colour of series i, a kept run kKeptRunColorIndex.
    void show_sets(const std::vector<RunSet>& sets,
                   const std::optional<RunResult>& kept = std::nullopt);
    // The row of the kept run, or -1.
    int kept_row() const { return kept_row_; }
    // Presentation mode: the cells and headers in this font, rows as tall as it needs.
    void set_text_font(const QFont& font);
    // On a dark background (presentation mode): the runs' names in the dark style's colours,
    // the same as their lines (series_color(i, true)).
    void set_dark(bool dark);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fill_row(int row, const RunSet& set, const QString& label, const QString& versus,
                  const QColor& color);
    void fit_height();  // every row, plus the scroll bar when the columns are wider than the view

    void color_runs();

    int kept_row_ = -1;
    bool dark_ = false;
};

// What a kept run is called where room is short: "kept run: GIL threads (10) · 1,000 connections".
QString kept_run_label(const RunConfig& config);

}  // namespace conclab::ui
