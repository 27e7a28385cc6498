#pragma once
// The diagnosis in words, in the window's language. The engine (experiment/diagnosis) gives each
// finding as a rule and its evidence, plus an English sentence for the CLI; the GUI words the
// rule and evidence here, through tr(), so that in English it says exactly what the CLI prints
// and in Korean what a Korean reader expects. A rule it does not know keeps the engine's text.

#include <QString>

#include "core/run_config.hpp"
#include "metrics/metrics.hpp"

namespace conclab::ui {

QString diagnosis_text(const Diagnosis& diagnosis, const RunConfig& config);

}  // namespace conclab::ui
