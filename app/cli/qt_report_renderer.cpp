#include "qt_report_renderer.hpp"

#include <QString>

#include "export/report_writer.hpp"
#include "qt_offscreen.hpp"

namespace conclab::cli {

ReportRenderer make_qt_report_renderer(int argc, char** argv) {
    return [argc, argv](const std::vector<RunResult>& runs, const std::string& path, bool overwrite,
                        const ChartHeading& heading) -> Result<> {
        return with_offscreen_app(argc, argv, [&]() -> Result<> {
            ui::ReportOptions options;
            options.overwrite = overwrite;
            // A preset's name titles the report; its description is in the report's scenario text.
            options.title = QString::fromStdString(heading.name);
            const auto written =
                ui::write_report_for_runs(runs, QString::fromStdString(path), options);
            if (!written) return Failure{written.error().toStdString()};
            return {};
        });
    };
}

}  // namespace conclab::cli
