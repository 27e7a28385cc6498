#include "qt_offscreen.hpp"

#include <QApplication>

namespace conclab::cli {

Result<> with_offscreen_app(int argc, char** argv, const std::function<Result<>()>& draw) {
    // Headless by default: the charts need widgets, not a screen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    int qt_argc = argc > 0 ? 1 : 0;  // Qt's own flags are not the CLI's
    QApplication app(qt_argc, argv);
    return draw();
}

}  // namespace conclab::cli
