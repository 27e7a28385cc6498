#pragma once
// The chart and report renderers of conclab-cli draw with the GUI's widgets: each drawing runs
// inside a QApplication of its own, created for it and gone after it, headless (offscreen) unless
// QT_QPA_PLATFORM says otherwise.

#include <functional>

#include "core/result.hpp"

namespace conclab::cli {

// Runs `draw` with a QApplication alive; returns what it returns.
Result<> with_offscreen_app(int argc, char** argv, const std::function<Result<>()>& draw);

}  // namespace conclab::cli
