#pragma once
// `conclab-cli validate --chart FILE`: the GUI's Model vs real chart, drawn offscreen.

#include "cli_validate.hpp"

namespace conclab::cli {

[[nodiscard]] ValidationChartRenderer make_qt_validation_chart_renderer(int argc, char** argv);

}  // namespace conclab::cli
