#pragma once
// A report of one run or a comparison, in one file: .html (self-contained, inline SVG charts)
// or .pdf (slide-size pages), chosen by the file's extension. The same code serves the GUI's
// File → Export report (the window's own charts) and `conclab-cli run|compare --report FILE`
// (charts drawn offscreen). Written whole or not at all (QSaveFile); an existing file is only
// replaced with `overwrite`.

#include <QString>

#include <vector>

#include "core/result.hpp"
#include "experiment/experiment.hpp"

namespace conclab::ui {

class ChartPanel;

struct ReportOptions {
    bool overwrite = false;
    QString title;                  // empty: the panel's heading
    QString subtitle;               // empty: the panel's
    bool opened_from_file = false;  // the runs were read from a saved report
};

// "html", "pdf", or empty when the path names neither.
QString report_format(const QString& path);
// Takes its charts from panel.charts(), drawn in the light presentation style. Fails with
// "cannot write PATH: why".
Result<void, QString> write_report(ChartPanel& panel, const std::vector<RunResult>& runs,
                                   const QString& path, const ReportOptions& options);
// Headless: an offscreen panel shows the runs (needs a QApplication).
Result<void, QString> write_report_for_runs(const std::vector<RunResult>& runs, const QString& path,
                                            const ReportOptions& options);

}  // namespace conclab::ui
