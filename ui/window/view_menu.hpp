#pragma once
// View: how the live charts show the runs — the whole run or the last 60 s, logarithmic axes (one
// setting each with the charts' own "log" boxes), Inside the server, dark charts — then
// presentation mode and the language. Its settings are remembered between launches
// (ViewSettings), with the charts presentation mode shows.

#include <QObject>

#include "export/chart_exporter.hpp"
#include "window/app_settings.hpp"

class QAction;
class QMainWindow;
class QMenu;

namespace conclab::ui {

class ChartPanel;
class PresentationMode;

class ViewMenu : public QObject {
    Q_OBJECT
public:
    ViewMenu(QMenu* menu, ChartPanel* charts, PresentationMode* presentation, QMainWindow* window);

    // The stretch the live charts show of a single run: the whole run (0 s) or the last 60 s.
    double window_s() const;
    bool dark() const;
    bool log_rps() const;
    ViewSettings settings() const;
    // How exported and copied charts look: light or dark as View says, in the presentation
    // style (large fonts, thick lines) that a page or a projector wants.
    ChartExportOptions chart_export_options() const;
    void restore(const ViewSettings& view);

    QAction* log_rps_action() const { return log_rps_; }
    QAction* log_latency_action() const { return log_latency_; }

private:
    PresentationMode* presentation_;
    QAction* whole_run_;
    QAction* log_rps_;
    QAction* log_latency_;
    QAction* dark_;
};

}  // namespace conclab::ui
