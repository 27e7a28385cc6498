#pragma once
// What the desktop app remembers between sessions (QSettings): the last scenario, the View menu's
// toggles and the window geometry. Reading never fails: a value that does not parse — a
// hand-edited file, an older or newer version, {"duration_s": 1e400} — is dropped, the defaults
// are used, and `note` says what was ignored so that the window can tell the user.

#include <QByteArray>
#include <QRect>
#include <QSize>
#include <QString>

#include <optional>

#include "core/result.hpp"
#include "scenario/scenario.hpp"

namespace conclab::ui {

struct ViewSettings {
    bool whole_run = false;
    bool log_latency = false;
    bool log_rps = false;
    bool dark = false;
    // Presentation mode's charts (indexes into ChartPanel::charts()); second -1: one chart.
    int presentation_first = 0;
    int presentation_second = 2;
};

struct RestoredSettings {
    std::optional<Scenario> last_scenario;  // empty: none saved, or the saved one was bad
    ViewSettings view;
    QByteArray geometry;  // empty on first launch
    QString note;         // non-empty when something saved was ignored
};

class AppSettings {
public:
    static RestoredSettings load();
    static void save_scenario(const Scenario& scenario);
    static void save_view(const ViewSettings& view);
    static void save_geometry(const QByteArray& geometry);
    // View → Language: a language code ("en", "ko"), or empty to follow the system. A remembered
    // code that is not one of the app's languages reads as empty.
    static QString language();
    static void save_language(const QString& code);

    // The last scenario as stored, parsed, or why not; never throws.
    static Result<Scenario, QString> parse_last_scenario(const QString& text);

    // A first window (no saved geometry): 90 % of the screen's available area, centred, but
    // never smaller than the window's minimum size nor larger than the screen.
    static QRect first_window_geometry(const QRect& available, const QSize& minimum);
};

}  // namespace conclab::ui
