#pragma once
// The presets shipped with the app (window/preset_library), offered in three places kept in
// step: the list beside the controls (a double-click runs one), the toolbar's box (choosing one
// runs it) and the Presets menu. It knows which preset is on screen, so that presentation mode's
// → and ← step to the next one. MainWindow places the list and the box and applies what is
// chosen.

#include <QObject>

#include <string>
#include <vector>

#include "scenario/scenario.hpp"

class QComboBox;
class QListWidget;
class QMenu;
class QWidget;

namespace conclab::ui {

class PresetPicker : public QObject {
    Q_OBJECT
public:
    // Reads the presets (which also registers the compiled-in resources, the icon among them).
    // The list and the box are the window's children until it places them.
    explicit PresetPicker(QWidget* window);

    QListWidget* list() const { return list_; }
    QComboBox* box() const { return box_; }
    void fill_menu(QMenu* menu);  // one item per preset, which runs it

    // The scenario now on screen, by name: the box shows it if it is a preset ("Presets…" if
    // not), and the steps go on from it.
    void show_scenario(const std::string& name);
    // Runs read from a file are on screen: no preset is (the box keeps what it showed).
    void show_none() { index_ = -1; }
    // The next (+1) or previous (-1) preset from the one on screen (from none: the first or the
    // last); null when there are none.
    const Scenario* step(int delta) const;

signals:
    void chosen(const conclab::Scenario& preset, bool run);

private:
    std::vector<Scenario> presets_;
    QListWidget* list_;
    QComboBox* box_;
    int index_ = -1;  // of the preset on screen in presets_, or -1
};

}  // namespace conclab::ui
