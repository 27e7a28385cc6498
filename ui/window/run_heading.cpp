#include "window/run_heading.hpp"

#include <QStringList>

#include "export/chart_exporter.hpp"
#include "text/data_text.hpp"
#include "window/run_changes.hpp"
#include "window/run_plan.hpp"

namespace conclab::ui {

void RunHeading::set_scenario(const Scenario& scenario) {
    name_ = QString::fromStdString(scenario.name);
    description_ = QString::fromStdString(scenario.description);
    preset_config_ = scenario.run;
}

void RunHeading::clear_scenario() {
    name_.clear();
    description_.clear();
    preset_config_.reset();
}

void RunHeading::describe(const RunConfig& config, const RunPlan& plan, const RunConfig& now) {
    config_ = config;
    QString title = model_label(config);
    if (plan.comparing) {
        QStringList names;
        for (const RunConfig& c : plan.configs) names << chart_label(c);
        title = names.isEmpty() ? tr("Comparison of models") : names.join(tr(" vs "));
    }
    if (!title.isEmpty()) title[0] = title[0].toUpper();
    // The models lead the subtitle when the preset's name is the title.
    if (name_.isEmpty()) {
        title_ = title;
        what_ran_ = describe_workload(config);
    } else {
        const QString changes = preset_config_ ? changes_between(*preset_config_, now) : QString();
        title_ = title_with_changes(scenario_text(name_), changes);
        what_ran_ = title + " · " + describe_workload(config);
    }
}

QString RunHeading::subtitle() const {
    return name_.isEmpty() ? what_ran_ : preset_subtitle(scenario_text(description_), what_ran_);
}

}  // namespace conclab::ui
