#pragma once
// File → Export data and Copy charts: the finished runs as the CLI's JSON report (one run, or
// {"comparison": [...]}) or the last run's CSV time series, and the charts as an image on the
// clipboard. The window only picks the file; what is written is decided here.

#include <QString>

#include <string>
#include <vector>

#include "core/result.hpp"
#include "experiment/experiment.hpp"
#include "export/chart_exporter.hpp"

namespace conclab::ui {

class ChartPanel;

class DataExporter {
public:
    // The text written for `path` (.csv: the last run's series; otherwise the JSON report).
    static std::string content_for(const QString& path, const std::vector<RunResult>& results);
    // Written atomically; an existing file is replaced only with `overwrite`. Fails when there
    // is nothing to export or the file cannot be written, saying which.
    static Result<void, QString> write(const QString& path, const std::vector<RunResult>& results,
                                       bool overwrite);
    // The charts as a 1600×900 image in the given style, put on the clipboard.
    static void copy_charts(ChartPanel& panel, const ChartStyle& style);
};

}  // namespace conclab::ui
