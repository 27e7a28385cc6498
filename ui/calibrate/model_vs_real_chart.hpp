#pragma once
// "Model vs real" as a chart: for each point of a validation (workload × connections), the
// model's req/s and p99 as ratios to the real server's, around 1 with the ±15 % band the target
// allows (and the ×1.5 lines of p99). What `conclab-cli validate --chart` writes and the
// Calibrate dialog's Model vs real tab shows.

#include <QString>

#include "core/result.hpp"
#include "experiment/validation.hpp"

class QCustomPlot;

namespace conclab::ui {

// Fills `plot` (cleared first) with the ratios, a title and a subtitle.
void draw_model_vs_real(QCustomPlot& plot, const ValidationResult& result,
                        const ValidationSettings& settings);
// The point's label on the x axis: "CPU 2 ms\n10 conns".
QString point_label(const ValidationPoint& point);

// PNG (1920×1080), SVG or PDF (1920×1080 pt-free: 16:9 at 960×540 pt) by the extension; written
// atomically; or says why not.
Result<void, QString> export_model_vs_real(const ValidationResult& result,
                                           const ValidationSettings& settings, const QString& path,
                                           bool overwrite);

}  // namespace conclab::ui
