#pragma once
// Charts for presentations: PNG (any size and scale), SVG and PDF (vector), one chart or all
// on one page, with a title and subtitle that describe the experiment. The same drawing code
// serves the GUI's File → Export and the headless `conclab-cli run --chart FILE`.
//
// Files are written whole or not at all (QSaveFile: a temporary file renamed over the target),
// and an existing file is only replaced when `overwrite` is set.

#include <QImage>
#include <QString>

#include <vector>

#include "charts/chart_style.hpp"
#include "core/result.hpp"
#include "experiment/experiment.hpp"

namespace conclab::ui {

class ChartPanel;

struct ChartExportOptions {
    // -1: all charts on one page; 0 req/s, 1 latency, 2 connections, 3 CPU, 4 inside the
    // server, 5 latency by percentile (ChartPanel::charts())
    int chart = -1;
    int width = 1920;  // logical size of the page
    int height = 1080;
    double scale = 2.0;             // PNG only: device pixels per logical pixel
    ChartStyle style{false, true};  // presentation style, light background
    bool overwrite = false;
    QString title;  // empty: taken from the panel's heading
    QString subtitle;
    // The small print at the foot of the page: what ran, on which machine, with which version.
    // Empty: from the panel's heading and this machine.
    QString provenance;
    // export_runs: a preset's name for the title and its description, which then leads the
    // subtitle (see preset_subtitle).
    QString preset_name;
    QString preset_description;
};

// "event loop", "GIL threads (10)", "process per core (2 × event loop)", "real server (URL)"
QString model_label(const RunConfig& config);
// "1,000 connections · 0 ms CPU + 50 ms I/O per request · 10 s"
QString describe_workload(const RunConfig& config);

// A preset's subtitle: its description (what to look at), then the line that says what ran
// ("Process per core (5 × GIL threads (1)) · 1,000 connections · …").
QString preset_subtitle(const QString& description, const QString& what_ran);

// Without the control characters XML 1.0 forbids (tab and line breaks stay).
QString printable(const QString& text);
// Text as it may stand in an SVG's <title> and <desc> (QSvgGenerator writes them as given):
// markup characters escaped, characters XML 1.0 forbids dropped.
QString svg_text(const QString& text);

// Fills `panel` with finished runs: one run with distinct metric colours, several overlaid.
void show_runs(ChartPanel& panel, const std::vector<RunResult>& runs);

// Renders the panel's charts into an image of options.width × options.height logical pixels.
QImage render_image(ChartPanel& panel, const ChartExportOptions& options);
// Writes .png, .svg or .pdf by the file's extension; or says why not.
Result<void, QString> export_panel(ChartPanel& panel, const QString& path,
                                   const ChartExportOptions& options);
// Headless: builds an offscreen panel from the runs and exports it (needs a QApplication).
Result<void, QString> export_runs(const std::vector<RunResult>& runs, const QString& path,
                                  const ChartExportOptions& options);

}  // namespace conclab::ui
