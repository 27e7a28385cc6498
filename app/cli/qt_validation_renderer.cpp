#include "qt_validation_renderer.hpp"

#include <QApplication>

#include "model_vs_real_chart.hpp"

namespace conclab::cli {

ValidationChartRenderer make_qt_validation_chart_renderer(int argc, char** argv) {
    return [argc, argv](const ValidationResult& result, const ValidationSettings& settings,
                        const std::string& path, bool overwrite) -> std::string {
        // Headless by default: the chart needs widgets, not a screen.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        int qt_argc = argc > 0 ? 1 : 0;
        QApplication app(qt_argc, argv);
        QString error;
        if (!ui::export_model_vs_real(result, settings, QString::fromStdString(path), overwrite,
                                      &error)) {
            return error.toStdString();
        }
        return {};
    };
}

}  // namespace conclab::cli
