#include "window/view_menu.hpp"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>

#include "charts/chart_panel.hpp"
#include "charts/time_series_chart.hpp"
#include "text/language_menu.hpp"
#include "window/presentation_mode.hpp"

namespace conclab::ui {

ViewMenu::ViewMenu(QMenu* view, ChartPanel* charts, PresentationMode* presentation,
                   QMainWindow* window)
    : QObject(window), presentation_(presentation) {
    auto toggle = [view](const QString& text) {
        QAction* a = view->addAction(text);
        a->setCheckable(true);
        return a;
    };
    whole_run_ = toggle(tr("Show the &whole run (not the last 60 s)"));
    connect(whole_run_, &QAction::toggled, this, [charts](bool whole) {
        charts->set_window_s(whole ? 0 : 60);
        charts->refresh();
    });
    log_rps_ = toggle(tr("Logarithmic &requests/s axis"));
    connect(log_rps_, &QAction::toggled, this, [charts, window](bool log) {
        charts->set_log_rps(log);
        charts->refresh();
        if (log) window->statusBar()->clearMessage();  // the hint to turn it on, if shown
    });
    log_latency_ = toggle(tr("&Logarithmic latency axis"));
    connect(log_latency_, &QAction::toggled, this, [charts](bool log) {
        charts->set_log_latency(log);
        charts->refresh();
    });
    // The charts' own "log" boxes and these menu items are one setting each.
    connect(charts->rps_chart(), &TimeSeriesChart::logToggled, log_rps_, &QAction::setChecked);
    connect(charts->latency_chart(), &TimeSeriesChart::logToggled, log_latency_,
            &QAction::setChecked);
    QAction* inside = toggle(tr("&Inside the server and latency by percentile"));
    inside->setObjectName("insideAction");
    inside->setChecked(true);
    connect(inside, &QAction::toggled, charts, &ChartPanel::set_inside_shown);
    view->addSeparator();
    dark_ = toggle(tr("&Dark charts"));
    connect(dark_, &QAction::toggled, presentation, &PresentationMode::set_dark);
    connect(presentation, &PresentationMode::darkChosen, dark_, &QAction::setChecked);
    view->addAction(presentation->action());
    view->addSeparator();
    add_language_menu(view, window);
}

double ViewMenu::window_s() const {
    return whole_run_->isChecked() ? 0 : 60;
}

bool ViewMenu::dark() const {
    return dark_->isChecked();
}

ChartExportOptions ViewMenu::chart_export_options() const {
    ChartExportOptions o;
    o.style = ChartStyle{dark(), true};
    return o;
}

bool ViewMenu::log_rps() const {
    return log_rps_->isChecked();
}

ViewSettings ViewMenu::settings() const {
    const auto [first, second] = presentation_->charts();
    return ViewSettings{whole_run_->isChecked(),
                        log_latency_->isChecked(),
                        log_rps_->isChecked(),
                        dark_->isChecked(),
                        first,
                        second};
}

void ViewMenu::restore(const ViewSettings& view) {
    whole_run_->setChecked(view.whole_run);
    log_rps_->setChecked(view.log_rps);
    log_latency_->setChecked(view.log_latency);
    dark_->setChecked(view.dark);
    presentation_->set_charts({view.presentation_first, view.presentation_second});
}

}  // namespace conclab::ui
