#pragma once
// The "Explain" text: what blocks, what runs in parallel, and what the sliders mean, per model.

#include <QString>

#include "core/run_config.hpp"

namespace conclab::ui {

QString explain_model(Model model, Model inner);

}  // namespace conclab::ui
