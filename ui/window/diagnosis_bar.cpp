#include "window/diagnosis_bar.hpp"

#include <QCoreApplication>

#include "export/chart_exporter.hpp"
#include "text/diagnosis_text.hpp"

namespace conclab::ui {

namespace {
const char* const kAbout = QT_TRANSLATE_NOOP(
    "DiagnosisBar",
    "What stands out in the run, from what was measured inside the server and the load "
    "generator (the engine's diagnosis rules; the CLI prints the same lines).");
}  // namespace

DiagnosisBar::DiagnosisBar(QWidget* parent) : QLabel(parent) {
    setObjectName("diagnosisBar");
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setStyleSheet(
        "QLabel { background: #eef4fb; color: #1d2b3a; padding: 6px; "
        "border: 1px solid #9bbbe0; border-radius: 3px; }");
    setToolTip(QCoreApplication::translate("DiagnosisBar", kAbout));
    hide();
}

// Each rule has its colour: the mechanism it names (GIL, loop, scheduling, the load generator).
QColor DiagnosisBar::rule_color(const QString& rule) {
    if (rule == "gil-bound") return QColor(0xD5, 0x5E, 0x00);
    if (rule == "loop-blocked") return QColor(0xCC, 0x79, 0xA7);
    if (rule == "uneven-workers") return QColor(0x00, 0x9E, 0x73);
    if (rule == "load-generator-saturated") return QColor(0xB0, 0x00, 0x20);
    return QColor(0x00, 0x72, 0xB2);
}

void DiagnosisBar::show_runs(const std::vector<RunResult>& runs, bool labelled,
                             const std::vector<QColor>& colors) {
    sentences_.clear();
    rules_.clear();
    mark_colors_.clear();
    QStringList lines;
    QStringList rule_notes;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const RunResult& r = runs[i];
        const bool run_colored = labelled && i < colors.size();
        for (const Diagnosis& d : r.diagnosis) {
            const QString rule = QString::fromStdString(d.rule);
            const QString text = diagnosis_text(d, r);
            const QColor mark = run_colored ? colors[i] : rule_color(rule);
            sentences_ << text;
            rules_ << rule;
            mark_colors_.push_back(mark);
            QString line =
                QStringLiteral("<span style='color:%1'>&#9679;</span> ").arg(mark.name());
            if (labelled) {
                const QString label = model_label(r.config).toHtmlEscaped();
                line += run_colored ? QStringLiteral("<b style='color:%1'>%2:</b> ")
                                          .arg(colors[i].name(), label)
                                    : QStringLiteral("<b>%1:</b> ").arg(label);
            }
            lines << line + text.toHtmlEscaped();
            rule_notes << (labelled ? model_label(r.config) + ": " : QString()) + rule;
        }
    }
    setText(lines.join("<br>"));
    setToolTip(QCoreApplication::translate("DiagnosisBar", kAbout) + "\n\n" +
               QCoreApplication::translate("DiagnosisBar", "Rules: %1").arg(rule_notes.join(", ")));
    setVisible(!lines.isEmpty());
}

void DiagnosisBar::clear_runs() {
    sentences_.clear();
    rules_.clear();
    mark_colors_.clear();
    setText({});
    setToolTip(QCoreApplication::translate("DiagnosisBar", kAbout));
    hide();
}

}  // namespace conclab::ui
