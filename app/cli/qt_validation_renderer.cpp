#include "qt_validation_renderer.hpp"

#include <QString>

#include "calibrate/model_vs_real_chart.hpp"
#include "qt_offscreen.hpp"

namespace conclab::cli {

ValidationChartRenderer make_qt_validation_chart_renderer(int argc, char** argv) {
    return [argc, argv](const ValidationResult& result, const ValidationSettings& settings,
                        const std::string& path, bool overwrite) -> Result<> {
        return with_offscreen_app(argc, argv, [&]() -> Result<> {
            const auto written =
                ui::export_model_vs_real(result, settings, QString::fromStdString(path), overwrite);
            if (!written) return Failure{written.error().toStdString()};
            return {};
        });
    };
}

}  // namespace conclab::cli
