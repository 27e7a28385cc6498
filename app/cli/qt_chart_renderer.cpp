#include "qt_chart_renderer.hpp"

#include <QString>

#include "export/chart_exporter.hpp"
#include "qt_offscreen.hpp"
#include "sweep/sweep_chart.hpp"

namespace conclab::cli {

ChartRenderer make_qt_chart_renderer(int argc, char** argv) {
    return [argc, argv](const std::vector<RunResult>& runs, const std::string& path, bool overwrite,
                        const ChartHeading& heading) -> Result<> {
        return with_offscreen_app(argc, argv, [&]() -> Result<> {
            ui::ChartExportOptions options;
            options.overwrite = overwrite;
            options.preset_name = QString::fromStdString(heading.name);
            options.preset_description = QString::fromStdString(heading.description);
            const auto written = ui::export_runs(runs, QString::fromStdString(path), options);
            if (!written) return Failure{written.error().toStdString()};
            return {};
        });
    };
}

SweepChartRenderer make_qt_sweep_chart_renderer(int argc, char** argv) {
    return [argc, argv](const std::vector<SweepResult>& sweeps, const std::string& path,
                        bool overwrite) -> Result<> {
        return with_offscreen_app(argc, argv, [&]() -> Result<> {
            const auto written = ui::export_sweeps(sweeps, QString::fromStdString(path), overwrite);
            if (!written) return Failure{written.error().toStdString()};
            return {};
        });
    };
}

}  // namespace conclab::cli
