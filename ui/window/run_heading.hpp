#pragma once
// The heading above the charts, and presentation mode's headline: what ran, in words. A preset's
// name is the better title as long as the run is the preset's: a knob moved since, before the run
// or during it, is named in the title ("(changed: connections 1,000 → 120)"), and the preset's
// description leads the subtitle, ahead of the line that says which models ran what workload.

#include <QObject>
#include <QString>

#include <optional>

#include "core/run_config.hpp"
#include "scenario/scenario.hpp"

namespace conclab::ui {

struct RunPlan;

class RunHeading : public QObject {
    Q_OBJECT
public:
    explicit RunHeading(QObject* parent) : QObject(parent) {}

    // The experiment whose words describe the runs: a preset, or a scenario file opened.
    void set_scenario(const Scenario& scenario);
    // Runs read from a saved report: no preset's words describe them, only their configs.
    void clear_scenario();
    const QString& scenario_name() const { return name_; }
    const QString& scenario_description() const { return description_; }

    // The words for `config` (the run on screen, or the preset loaded) run as `plan` says; `now`
    // is the controls' settings, what a knob moved since the preset departs from.
    void describe(const RunConfig& config, const RunPlan& plan, const RunConfig& now);
    // The run described, so that a knob moved during it can be added to it.
    const RunConfig& config() const { return config_; }
    const QString& title() const { return title_; }
    // The models and the workload ("Event loop · 100 connections, …").
    const QString& what_ran() const { return what_ran_; }
    // The charts' subtitle: the preset's description, then what ran.
    QString subtitle() const;

private:
    QString name_;
    QString description_;
    // The preset's settings as loaded: what its words describe, and what a knob departs from.
    std::optional<RunConfig> preset_config_;
    RunConfig config_;
    QString title_;
    QString what_ran_;
};

}  // namespace conclab::ui
