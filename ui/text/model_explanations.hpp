#pragma once
// The "Explain" text: what blocks, what runs in parallel, and what the sliders mean, per model.

#include <QString>

#include "core/run_config.hpp"

namespace conclab::ui {

// With process per core, the text follows the scheduling policy too.
QString explain_model(Model model, Model inner, Scheduling scheduling = Scheduling::RoundRobin);

}  // namespace conclab::ui
