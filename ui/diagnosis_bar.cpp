#include "diagnosis_bar.hpp"

#include "chart_exporter.hpp"

namespace conclab::ui {

DiagnosisBar::DiagnosisBar(QWidget* parent) : QLabel(parent) {
    setObjectName("diagnosisBar");
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setStyleSheet(
        "QLabel { background: #eef4fb; color: #1d2b3a; padding: 6px; "
        "border: 1px solid #9bbbe0; border-radius: 3px; }");
    setToolTip(
        tr("What stands out in the run, from what was measured inside the server and the load "
           "generator (the engine's diagnosis rules; the CLI prints the same lines)."));
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

void DiagnosisBar::show_runs(const std::vector<RunResult>& runs, bool labelled) {
    sentences_.clear();
    rules_.clear();
    QStringList lines;
    for (const RunResult& r : runs) {
        for (const Diagnosis& d : r.diagnosis) {
            const QString rule = QString::fromStdString(d.rule);
            const QString text = QString::fromStdString(d.text);
            sentences_ << text;
            rules_ << rule;
            QString line = QStringLiteral("<span style='color:%1'>&#9679;</span> ")
                               .arg(rule_color(rule).name());
            if (labelled) line += "<b>" + model_label(r.config).toHtmlEscaped() + ":</b> ";
            line += text.toHtmlEscaped() +
                    QStringLiteral(" <span style='color:#667'>[%1]</span>").arg(rule);
            lines << line;
        }
    }
    setText(lines.join("<br>"));
    setVisible(!lines.isEmpty());
}

void DiagnosisBar::clear_runs() {
    sentences_.clear();
    rules_.clear();
    setText({});
    hide();
}

}  // namespace conclab::ui
