#include "window/preset_picker.hpp"

#include <QComboBox>
#include <QListWidget>
#include <QMenu>

#include "text/data_text.hpp"
#include "window/preset_library.hpp"

namespace conclab::ui {

PresetPicker::PresetPicker(QWidget* window)
    : QObject(window),
      presets_(load_presets()),
      list_(new QListWidget(window)),
      box_(new QComboBox(window)) {
    list_->setWordWrap(true);
    box_->setObjectName("presetBox");
    box_->setToolTip(tr("Load a preset and run it"));
    box_->addItem(tr("Presets…"));
    for (const Scenario& p : presets_) {
        auto* item = new QListWidgetItem(scenario_text(p.name), list_);
        item->setToolTip(scenario_text(p.description));
        box_->addItem(scenario_text(p.name));
        box_->setItemData(box_->count() - 1, scenario_text(p.description), Qt::ToolTipRole);
    }
    // Wide enough for most names; the open list shows them whole.
    box_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box_->setMinimumContentsLength(44);
    connect(box_, &QComboBox::activated, this, [this](int index) {
        if (index > 0) emit chosen(presets_[static_cast<std::size_t>(index - 1)], true);
    });
    connect(list_, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        emit chosen(presets_[static_cast<std::size_t>(list_->row(item))], true);
    });
}

void PresetPicker::fill_menu(QMenu* menu) {
    for (std::size_t i = 0; i < presets_.size(); ++i) {
        menu->addAction(scenario_text(presets_[i].name), this,
                        [this, i] { emit chosen(presets_[i], true); });
    }
}

void PresetPicker::show_scenario(const std::string& name) {
    index_ = -1;
    for (std::size_t i = 0; i < presets_.size(); ++i) {
        if (presets_[i].name == name) index_ = static_cast<int>(i);
    }
    const QSignalBlocker block(box_);
    const int index = box_->findText(scenario_text(name));
    box_->setCurrentIndex(index > 0 ? index : 0);
}

const Scenario* PresetPicker::step(int delta) const {
    const int count = static_cast<int>(presets_.size());
    if (count == 0) return nullptr;
    const int next =
        index_ < 0 ? (delta > 0 ? 0 : count - 1) : ((index_ + delta) % count + count) % count;
    return &presets_[static_cast<std::size_t>(next)];
}

}  // namespace conclab::ui
