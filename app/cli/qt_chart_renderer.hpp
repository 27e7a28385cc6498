#pragma once
// `conclab-cli run --chart FILE`: the GUI's chart code, drawn offscreen. Only in builds with the
// Qt front end; the engine-only CLI reports that charts are not available.

#include "cli_run.hpp"

namespace conclab::cli {

[[nodiscard]] ChartRenderer make_qt_chart_renderer(int argc, char** argv);
[[nodiscard]] SweepChartRenderer make_qt_sweep_chart_renderer(int argc, char** argv);

}  // namespace conclab::cli
