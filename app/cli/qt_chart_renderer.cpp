#include "qt_chart_renderer.hpp"

#include <QApplication>

#include "chart_exporter.hpp"
#include "sweep_chart.hpp"

namespace conclab::cli {

ChartRenderer make_qt_chart_renderer(int argc, char** argv) {
    return [argc, argv](const std::vector<RunResult>& runs, const std::string& path, bool overwrite,
                        const ChartHeading& heading) -> std::string {
        // Headless by default: the charts need widgets, not a screen.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        int qt_argc = argc > 0 ? 1 : 0;
        QApplication app(qt_argc, argv);
        ui::ChartExportOptions options;
        options.overwrite = overwrite;
        options.preset_name = QString::fromStdString(heading.name);
        options.preset_description = QString::fromStdString(heading.description);
        QString error;
        if (!ui::export_runs(runs, QString::fromStdString(path), options, &error)) {
            return error.toStdString();
        }
        return {};
    };
}

SweepChartRenderer make_qt_sweep_chart_renderer(int argc, char** argv) {
    return [argc, argv](const std::vector<SweepResult>& sweeps, const std::string& path,
                        bool overwrite) -> std::string {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        int qt_argc = argc > 0 ? 1 : 0;
        QApplication app(qt_argc, argv);
        QString error;
        if (!ui::export_sweeps(sweeps, QString::fromStdString(path), overwrite, &error)) {
            return error.toStdString();
        }
        return {};
    };
}

}  // namespace conclab::cli
