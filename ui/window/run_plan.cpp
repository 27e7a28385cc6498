#include "window/run_plan.hpp"

#include <QObject>

#include <algorithm>

#include "export/chart_exporter.hpp"

namespace conclab::ui {

std::vector<RunConfig> RunPlan::runs() const {
    std::vector<RunConfig> runs;
    for (const RunConfig& c : configs)
        runs.insert(runs.end(), static_cast<std::size_t>(repeats), c);
    return runs;
}

std::vector<RunSet> RunPlan::group(const std::vector<RunResult>& results) const {
    const auto step = static_cast<std::size_t>(repeats);
    std::vector<RunSet> sets;
    for (std::size_t i = 0; i < results.size(); i += step) {
        const std::size_t end = std::min(results.size(), i + step);
        sets.emplace_back(results.begin() + static_cast<long>(i),
                          results.begin() + static_cast<long>(end));
    }
    return sets;
}

QString chart_label(const RunConfig& c) {
    return c.external ? QObject::tr("real server") : model_label(c);
}

}  // namespace conclab::ui
