#include "window/run_status.hpp"

#include <QLabel>
#include <QStatusBar>
#include <QStringList>

#include "text/engine_text.hpp"

namespace conclab::ui {

// The banner is the window's child until it places it.
RunStatus::RunStatus(QStatusBar* status, QObject* parent)
    : QObject(parent), state_(new QLabel), banner_(new QLabel(status->window())) {
    status->addPermanentWidget(state_);
    state_->setText(tr("Idle"));
    banner_->setObjectName("warningBanner");
    banner_->setWordWrap(true);
    banner_->setStyleSheet(
        "QLabel { background: #fff3cd; color: #5c4400; padding: 6px; "
        "border: 1px solid #e0c060; border-radius: 3px; }");
    banner_->hide();
}

void RunStatus::show(const Snapshot& s) {
    const QString state = s.state == RunState::Running ? tr("Running") : tr("Finished");
    const QString where = s.config.external ? QString::fromStdString(s.config.external->url)
                                            : tr("port %1").arg(s.port);
    state_->setText(tr("%1 · %2 s · %3").arg(state).arg(s.elapsed_s, 0, 'f', 1).arg(where));
    QStringList lines;
    for (const std::string& w : s.warnings) lines << engine_text(w);
    if (!s.fatal_error.empty()) lines << tr("Stopped: %1").arg(engine_text(s.fatal_error));
    banner_->setText(lines.join("\n"));
    banner_->setVisible(!lines.isEmpty());
}

void RunStatus::show_finished() {
    state_->setText(tr("Finished"));
}

void RunStatus::warn(const QString& note) {
    banner_->setText(note);
    banner_->show();
}

}  // namespace conclab::ui
