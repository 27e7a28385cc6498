#pragma once
// `conclab-cli run|compare --report FILE.html|FILE.pdf`: the GUI's report writer with its charts
// drawn offscreen. Only in builds with the Qt front end; the engine-only CLI reports that reports
// are not available.

#include "cli_run.hpp"

namespace conclab::cli {

[[nodiscard]] ReportRenderer make_qt_report_renderer(int argc, char** argv);

}  // namespace conclab::cli
