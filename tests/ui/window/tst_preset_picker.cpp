// The presets in the list beside the controls, the toolbar's box and the Presets menu: each place
// offers every preset and runs the one chosen, the box shows the preset on screen, and
// presentation mode's → and ← step from it, round the ends.
#include <QComboBox>
#include <QListWidget>
#include <QMenu>
#include <QtTest>

#include "window/preset_library.hpp"
#include "window/preset_picker.hpp"

using namespace conclab;
using namespace conclab::ui;

class TstPresetPicker : public QObject {
    Q_OBJECT
private slots:
    void everyPlaceOffersEveryPresetAndRunsTheOneChosen() {
        QWidget window;
        PresetPicker picker(&window);
        const auto presets = load_presets();
        QVERIFY(presets.size() >= 3);
        const int n = static_cast<int>(presets.size());
        QCOMPARE(picker.list()->count(), n);
        QCOMPARE(picker.box()->count(), n + 1);  // "Presets…" first
        QMenu menu;
        picker.fill_menu(&menu);
        QCOMPARE(menu.actions().size(), qsizetype(n));

        std::vector<std::pair<std::string, bool>> chosen;
        connect(&picker, &PresetPicker::chosen, this,
                [&](const Scenario& s, bool run) { chosen.emplace_back(s.name, run); });
        emit picker.box()->activated(2);
        emit picker.list()->itemDoubleClicked(picker.list()->item(n - 1));
        menu.actions().at(1)->trigger();
        emit picker.box()->activated(0);  // "Presets…" is no preset
        QCOMPARE(chosen.size(), std::size_t(3));
        QCOMPARE(chosen[0].first, presets[1].name);
        QCOMPARE(chosen[1].first, presets.back().name);
        QCOMPARE(chosen[2].first, presets[1].name);
        for (const auto& c : chosen) QVERIFY(c.second);
    }

    void theBoxShowsThePresetOnScreenAndTheStepsGoOnFromIt() {
        QWidget window;
        PresetPicker picker(&window);
        const auto presets = load_presets();
        QCOMPARE(picker.step(+1)->name, presets.front().name);  // none on screen yet
        QCOMPARE(picker.step(-1)->name, presets.back().name);
        picker.show_scenario(presets[1].name);
        QCOMPARE(picker.box()->currentIndex(), 2);
        QCOMPARE(picker.step(+1)->name, presets[2].name);
        QCOMPARE(picker.step(-1)->name, presets[0].name);
        picker.show_scenario(presets.back().name);
        QCOMPARE(picker.step(+1)->name, presets.front().name);  // round the end
        picker.show_scenario("a scenario file of the user's");
        QCOMPARE(picker.box()->currentIndex(), 0);
        QCOMPARE(picker.step(+1)->name, presets.front().name);
        picker.show_scenario(presets[1].name);
        picker.show_none();  // runs opened from a file: the box keeps what it showed
        QCOMPARE(picker.box()->currentIndex(), 2);
        QCOMPARE(picker.step(+1)->name, presets.front().name);
    }
};

QTEST_MAIN(TstPresetPicker)
#include "tst_preset_picker.moc"
