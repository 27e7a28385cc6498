#include "controls/load_plan_edit.hpp"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace conclab::ui {

LoadPlanEdit::LoadPlanEdit(QWidget* parent)
    : QWidget(parent), edit_(new QLineEdit(this)), status_(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(tr("Load plan (stages)"), this);
    edit_->setObjectName("stagesEdit");
    edit_->setPlaceholderText(tr("e.g. 5s:10,10s:1000,5s:0 (empty = no plan)"));
    edit_->setClearButtonEnabled(true);
    edit_->setToolTip(
        tr("duration:target, …: over each stage the load moves linearly to its target, like k6 "
           "stages. Targets are connections in a closed loop, requests/s in an open loop. Moving "
           "the connections or rate slider during the run takes over: the plan stops.\n"
           "Scenario key \"stages\", CLI --stages"));
    status_->setObjectName("stagesError");
    status_->setWordWrap(true);
    status_->setVisible(false);
    layout->addWidget(label);
    layout->addWidget(edit_);
    layout->addWidget(status_);
    connect(edit_, &QLineEdit::textChanged, this, &LoadPlanEdit::check);
}

void LoadPlanEdit::set_stages(const std::vector<Stage>& stages) {
    const QSignalBlocker block(edit_);
    edit_->setText(QString::fromStdString(stages_text(stages)));
    check();
}

void LoadPlanEdit::set_open_loop(bool open) {
    if (open == open_loop_) return;
    open_loop_ = open;
    check();
}

void LoadPlanEdit::check() {
    const std::string text = edit_->text().trimmed().toStdString();
    std::vector<Stage> stages;
    std::string error;
    if (!text.empty()) {
        Result<std::vector<Stage>> parsed = parse_stages(text);
        if (!parsed) {
            error = parsed.error();
        } else if (Result<> plan = check_stages(*parsed, open_loop_); !plan) {
            error = plan.error();
        } else {
            stages = std::move(*parsed);
        }
    }
    error_ = QString::fromStdString(error);
    status_->setVisible(!error.empty());
    status_->setText(tr("<span style='color:#b00020'>%1 — no plan until it is fixed</span>")
                         .arg(error_.toHtmlEscaped()));
    edit_->setStyleSheet(error.empty() ? QString() : QStringLiteral("border: 1px solid #b00020"));
    if (stages != stages_) {
        stages_ = std::move(stages);
        emit stagesChanged(stages_);
    }
}

}  // namespace conclab::ui
