#include "preset_library.hpp"

#include <QDir>
#include <QFile>

// The presets are compiled into this static library; its resource initialiser is only linked
// when something names it.
static void init_preset_resources() {
    Q_INIT_RESOURCE(presets);
}

namespace conclab::ui {

std::vector<Scenario> load_presets() {
    init_preset_resources();
    std::vector<Scenario> presets;
    QDir dir(":/presets");
    for (const QString& name : dir.entryList({"*.json"}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) continue;
        ScenarioParse parsed = parse_scenario(file.readAll().toStdString());
        if (parsed.scenario) presets.push_back(std::move(*parsed.scenario));
    }
    return presets;
}

}  // namespace conclab::ui
