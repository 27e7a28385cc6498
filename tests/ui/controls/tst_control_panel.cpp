// The control panel keeps every run field of the registry: a scenario goes through the controls
// and back unchanged, including fields without a control of their own and rows added later.
#include <QtTest>

#include <QGroupBox>

#include <QDoubleSpinBox>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>

#include "controls/control_panel.hpp"
#include "controls/labeled_slider.hpp"
#include "core/run_fields.hpp"
#include "result_text.hpp"
#include "run_field_samples.hpp"
#include "scenario/scenario.hpp"
#include "window/main_window.hpp"

using namespace conclab;
using namespace conclab::ui;
using conclab::test::error_of;

namespace {

QString key_of(const RunField& f) {
    return QString::fromUtf8(f.key.data(), static_cast<qsizetype>(f.key.size()));
}

// Every field of `expected` has the same text in `actual`; the first difference otherwise.
QString first_difference(const RunConfig& expected, const RunConfig& actual) {
    for (const RunField& f : run_fields()) {
        const std::string want = field_text(f, expected), got = field_text(f, actual);
        if (want != got) {
            return QString("%1: expected %2, got %3")
                .arg(key_of(f), QString::fromStdString(want), QString::fromStdString(got));
        }
    }
    return {};
}

RunConfig through_panel_and_scenario(const RunConfig& c) {
    ControlPanel panel;
    panel.set_config(c);
    Scenario s;
    s.name = "round trip";
    s.run = panel.config();
    const auto parsed = parse_scenario(scenario_to_json(s));
    if (!parsed.ok()) qFatal("scenario does not parse: %s", error_of(parsed).c_str());
    return parsed->run;
}

// Every field at a non-default value at once.
RunConfig all_non_default() {
    RunConfig c;
    for (const RunField& f : run_fields()) {
        const std::string problem =
            test::problem_of(set_field_from_text(f, c, test::non_default_text(f)));
        if (!problem.empty()) qFatal("%s", problem.c_str());
    }
    return c;
}

}  // namespace

class TstControlPanel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("ConcurrencyLabTests");
        QSettings().clear();
    }

    void everyFieldRoundTrips_data() {
        QTest::addColumn<QString>("key");
        for (const RunField& f : run_fields()) QTest::newRow(f.key.data()) << key_of(f);
    }
    void everyFieldRoundTrips() {
        QFETCH(QString, key);
        const RunField* f = find_run_field(key.toStdString());
        QVERIFY(f);
        RunConfig c;
        const std::string text = test::non_default_text(*f);
        QVERIFY(set_field_from_text(*f, c, text).ok());
        QVERIFY2(text != field_default_text(*f), qPrintable(key));
        const RunConfig back = through_panel_and_scenario(c);
        const QString difference = first_difference(c, back);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void allFieldsTogetherRoundTrip() {
        const RunConfig c = all_non_default();
        const QString difference = first_difference(c, through_panel_and_scenario(c));
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    // A user's edit lands in the config; the fields without a control stay as they were set.
    void editsApplyOnTopOfTheConfigSet() {
        RunConfig c = all_non_default();
        ControlPanel panel;
        panel.set_config(c);
        panel.connections()->spin_box()->setValue(123);
        panel.io_ms()->spin_box()->setValue(7.5);
        RunConfig expected = c;
        expected.load.connections = 123;
        expected.server.workload.io_ms = 7.5;
        const QString difference = first_difference(expected, panel.config());
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    // #9: the timeouts and slow clients sit folded under "Advanced"; ticking it shows them, and
    // a value typed there reaches the run's config.
    void advancedGroupSetsTimeoutsAndSlowClients() {
        ControlPanel panel;
        panel.resize(420, 1400);
        panel.show();
        auto* group = panel.findChild<QGroupBox*>("advancedGroup");
        QVERIFY(group);
        QVERIFY(!group->isChecked());
        QList<LabeledSlider*> inside = group->findChildren<LabeledSlider*>();
        QCOMPARE(inside.size(), 6);
        QVERIFY(!inside.front()->isVisible());
        group->setChecked(true);  // what a click on its title box does
        QTRY_VERIFY(inside.front()->isVisible());
        inside[0]->spin_box()->setValue(7);     // header timeout
        inside[4]->spin_box()->setValue(1000);  // worker_connections
        inside[5]->spin_box()->setValue(3);     // slow clients
        const RunConfig c = panel.config();
        QCOMPARE(field_text(*find_run_field("worker_connections"), c), std::string("1000"));
        QCOMPARE(field_text(*find_run_field("header_timeout_s"), c), std::string("7"));
        QCOMPARE(field_text(*find_run_field("slow_clients"), c), std::string("3"));
    }

    // #18: an edit the registry refused was dropped without a word (store_edit ignored
    // set_field_number's message). The spin boxes take their row's range, so the refusal needs a
    // control whose limits have drifted from its row: made here by widening one. The value is
    // refused, the control shows the kept value again and the status bar says why.
    void aRefusedEditIsShownNotDropped() {
        MainWindow w;
        LabeledSlider* cpu = w.control_panel()->cpu_ms();
        const double kept = w.control_panel()->config().server.workload.cpu_ms;
        const double beyond = 2 * Limits::kMaxCpuMs;
        cpu->spin_box()->setMaximum(beyond);
        cpu->spin_box()->setValue(beyond);
        QCOMPARE(w.control_panel()->config().server.workload.cpu_ms, kept);
        QCOMPARE(cpu->value(), kept);
        const QString shown = w.statusBar()->currentMessage();
        QVERIFY2(shown.contains("cpu_ms must be 0..10000, got 20000"), qPrintable(shown));
        QCOMPARE(w.last_error(), QString("cpu_ms must be 0..10000, got 20000"));
    }

    // Spin boxes accept the registry's whole range; tooltips carry its help.
    void limitsAndTooltipsComeFromTheRegistry() {
        ControlPanel panel;
        const std::pair<LabeledSlider*, const char*> rows[] = {
            {panel.connections(), "connections"},
            {panel.cpu_ms(), "cpu_ms"},
            {panel.io_ms(), "io_ms"},
            {panel.overhead_us(), "overhead_us"},
            {panel.threads(), "threads"},
            {panel.workers(), "workers"},
            {panel.switch_interval(), "switch_interval_ms"},
            {panel.backlog(), "backlog"},
            {panel.heavy_connections(), "heavy_connections"},
            {panel.heavy_cpu_ms(), "heavy_cpu_ms"},
            {panel.duration(), "duration_s"}};
        for (const auto& [slider, key] : rows) {
            const RunField& f = *find_run_field(key);
            QCOMPARE(slider->upper_limit(), f.max);
            QCOMPARE(slider->spin_box()->maximum(), f.max);
            QVERIFY2(slider->toolTip().contains(QString::fromStdString(field_help(f)).mid(1)), key);
        }
        // A value beyond the slider's handy range, within the registry's, is kept.
        panel.cpu_ms()->spin_box()->setValue(5000);
        QCOMPARE(panel.config().server.workload.cpu_ms, 5000.0);
        QCOMPARE(panel.cpu_ms()->slider()->value(), panel.cpu_ms()->slider()->maximum());
    }

    // Every live row of the registry has a slider, and moving it offers that row (alone, with
    // the slider's value) to a running experiment; a slider of a row that is not live offers
    // nothing. The rows come from the registry: a new live row is covered here.
    void everyLiveRowsSliderOffersItsKnob() {
        ControlPanel panel;
        QSignalSpy spy(&panel, &ControlPanel::knobChanged);
        const auto sliders = panel.findChildren<LabeledSlider*>();
        int live = 0;
        for (const RunField& f : run_fields()) {
            const QString tag = QString("Scenario key \"%1\"").arg(key_of(f));
            LabeledSlider* slider = nullptr;
            for (LabeledSlider* s : sliders) {
                if (s->toolTip().contains(tag)) slider = s;
            }
            if (!slider) {
                QVERIFY2(!f.is_live(), f.key.data());  // a live row without a slider
                continue;
            }
            spy.clear();
            const double to = slider->value() + 1 <= slider->upper_limit() ? slider->value() + 1
                                                                           : slider->value() - 1;
            slider->spin_box()->setValue(to);
            if (!f.is_live()) {
                QVERIFY2(spy.isEmpty(), f.key.data());
                continue;
            }
            ++live;
            QCOMPARE(spy.size(), 1);
            const Knobs knobs = spy.at(0).at(0).value<Knobs>();
            QCOMPARE(knobs.size(), std::size_t(1));
            QCOMPARE(knobs.begin()->field, &f);
            QCOMPARE(knobs.begin()->value, to);
        }
        QVERIFY(live >= 8);
    }

    // The same through the window's File → Open and Save, with real files.
    void everyFieldRoundTripsThroughOpenAndSave() {
        QTemporaryDir dir;
        Scenario s;
        s.name = "every field";
        s.description = "all fields at non-default values";
        s.run = all_non_default();
        const QString in = dir.filePath("in.json"), out = dir.filePath("out.json");
        QVERIFY(save_scenario_file(in.toStdString(), s).ok());
        MainWindow w;
        QVERIFY2(w.open_scenario(in), qPrintable(w.last_error()));
        QVERIFY2(w.save_scenario(out), qPrintable(w.last_error()));
        const auto back = load_scenario_file(out.toStdString());
        QVERIFY2(back.ok(), error_of(back).c_str());
        QCOMPARE(back->name, s.name);
        const QString difference = first_difference(s.run, back->run);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }
};

QTEST_MAIN(TstControlPanel)
#include "tst_control_panel.moc"
