#pragma once
// The HTML report: one self-contained file (inline CSS, charts as inline SVG, nothing fetched
// from the network) that opens in any browser and can be mailed as it is.

#include <QByteArray>
#include <QString>

#include "export/report_content.hpp"

namespace conclab::ui {

class ChartPanel;

// Every chart of the panel (ChartPanel::charts(), whatever they are) as an <svg> element,
// followed by the report's text sections. The panel should already be in the export style.
QByteArray report_html(const ReportContent& content, ChartPanel& panel);
// One chart drawn by QSvgGenerator, without the XML prolog, ready to inline in HTML.
QByteArray chart_svg_element(class TimeSeriesChart& chart, int width, int height);

}  // namespace conclab::ui
