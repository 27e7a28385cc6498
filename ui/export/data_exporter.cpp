#include "export/data_exporter.hpp"

#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QObject>

#include <exception>

#include "core/atomic_file.hpp"
#include "report/run_report.hpp"
#include "text/engine_text.hpp"

namespace conclab::ui {

std::string DataExporter::content_for(const QString& path, const std::vector<RunResult>& results) {
    if (results.empty()) return {};
    if (QFileInfo(path).suffix().toLower() == "csv") return run_result_csv(results.back());
    if (results.size() == 1) return run_result_to_json(results.front()).dump(2) + "\n";
    nlohmann::json runs = nlohmann::json::array();
    for (const RunResult& r : results) runs.push_back(run_result_to_json(r));
    return nlohmann::json{{"comparison", runs}}.dump(2) + "\n";
}

Result<void, QString> DataExporter::write(const QString& path,
                                          const std::vector<RunResult>& results, bool overwrite) {
    if (results.empty()) return Failure{QObject::tr("Nothing to export: run an experiment first.")};
    if (auto written =
            write_file_atomically(path.toStdString(), content_for(path, results), overwrite);
        !written) {
        return Failure{engine_text(written.error())};
    }
    return {};
}

void DataExporter::copy_charts(ChartPanel& panel, const ChartStyle& style) {
    ChartExportOptions o;
    o.style = style;
    o.width = 1600;
    o.height = 900;
    o.scale = 1;
    QApplication::clipboard()->setImage(render_image(panel, o));
}

}  // namespace conclab::ui
