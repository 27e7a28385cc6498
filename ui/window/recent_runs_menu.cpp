#include "window/recent_runs_menu.hpp"

#include <QFileInfo>
#include <QSettings>

namespace conclab::ui {

namespace {
constexpr const char* kRecentRunsKey = "recentRuns";
constexpr qsizetype kRecentRuns = 8;
}  // namespace

RecentRunsMenu::RecentRunsMenu(QWidget* parent) : QMenu(tr("Open r&ecent run"), parent) {
    setObjectName("recentRunsMenu");
    fill();
}

void RecentRunsMenu::remember(const QString& path) {
    QStringList recent = QSettings().value(kRecentRunsKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    QSettings().setValue(kRecentRunsKey, recent.mid(0, kRecentRuns));
    fill();
}

void RecentRunsMenu::fill() {
    clear();
    const QStringList recent = QSettings().value(kRecentRunsKey).toStringList();
    for (const QString& path : recent) {
        QAction* a =
            addAction(QFileInfo(path).fileName(), this, [this, path] { emit openRequested(path); });
        a->setToolTip(path);
    }
    setEnabled(!recent.isEmpty());
}

}  // namespace conclab::ui
