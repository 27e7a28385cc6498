#pragma once
// The diagnosis in words, in the window's language. The engine (experiment/diagnosis) gives each
// finding as a rule and its evidence, plus an English sentence for the CLI; the GUI words the
// rule and evidence here, through tr(), so that in English it says exactly what the CLI prints
// and in Korean what a Korean reader expects. A rule it does not know keeps the engine's text.

#include <QString>

#include "experiment/experiment.hpp"

namespace conclab::ui {

// One finding of `run` (its config and summary fill in what the evidence does not carry).
QString diagnosis_text(const Diagnosis& diagnosis, const RunResult& run);

}  // namespace conclab::ui
