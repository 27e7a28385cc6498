#pragma once
// Set-up the GUI suites share: settings in a throw-away place (never the user's), and where the
// screenshots a suite saves go (CONCLAB_SCREENSHOT_DIR, set by the suite's CMake target), so
// that a person can look at what the tests saw.

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QString>

namespace conclab::test {

// Call first in initTestCase: QSettings then read and write a test location, emptied here.
inline void use_throwaway_settings(const QString& organization) {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(organization);
    QSettings().clear();
}

inline QString screenshot_path(const QString& name) {
    QDir().mkpath(CONCLAB_SCREENSHOT_DIR);
    return QString(CONCLAB_SCREENSHOT_DIR) + "/" + name;
}

}  // namespace conclab::test
