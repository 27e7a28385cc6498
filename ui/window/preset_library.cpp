#include "window/preset_library.hpp"

#include <QDir>
#include <QFile>

// The presets are compiled into this static library; its resource initialiser is only linked
// when something names it.
static void init_preset_resources() {
    Q_INIT_RESOURCE(presets);
}

namespace conclab::ui {

namespace {

std::vector<Scenario> load_dir(const QString& path) {
    init_preset_resources();
    std::vector<Scenario> presets;
    QDir dir(path);
    for (const QString& name : dir.entryList({"*.json"}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) continue;
        auto parsed = parse_scenario(file.readAll().toStdString());
        if (parsed) presets.push_back(std::move(*parsed));
    }
    return presets;
}

}  // namespace

std::vector<Scenario> load_presets() {
    return load_dir(QStringLiteral(":/presets"));
}

std::vector<Scenario> load_sweep_presets() {
    return load_dir(QStringLiteral(":/sweeps"));
}

}  // namespace conclab::ui
