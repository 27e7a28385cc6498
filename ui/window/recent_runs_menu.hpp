#pragma once
// File → Open recent run: the last runs opened with File → Open run, newest first, remembered
// between launches (QSettings); choosing one asks to open it again.

#include <QMenu>

namespace conclab::ui {

class RecentRunsMenu : public QMenu {
    Q_OBJECT
public:
    explicit RecentRunsMenu(QWidget* parent);

    // Opened: first in the list from now on (the menu shows it at once).
    void remember(const QString& path);

signals:
    void openRequested(const QString& path);

private:
    void fill();
};

}  // namespace conclab::ui
