#pragma once
// The PDF report: landscape pages at slide size (16:9, 960 × 540 pt), so that each page can be
// shown as it is: a title page with the scenario and the diagnosis, one chart per page, the
// summary table, warnings and knob changes, the model explanation, how it was measured.

#include <QIODevice>

#include "export/report_content.hpp"

namespace conclab::ui {

class ChartPanel;

// Draws every page into `device`; the panel should already be in the export style. Returns
// the number of pages written.
int write_report_pdf(QIODevice& device, const ReportContent& content, ChartPanel& panel);

}  // namespace conclab::ui
