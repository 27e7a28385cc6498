// Renders the README's screenshots with the app's own window and exporter (not a test: run by
// scripts/screenshots.sh). Real servers and load run behind the comparison, as in the app.
//
//   readme_screenshots OUTPUT_DIR [LANGUAGE]
//
// Writes first-launch-{1280x800,1920x1080}.png, compare-{1920x1080,1280x800}.png,
// exported-chart.png and presentation-{1920x1080,1280x720-dark}.png (View → Presentation over the
// same comparison): the two common laptop and desktop screens, and a projector's; and report.pdf,
// File → Export report of the comparison (scripts/screenshots.sh renders its pages). With a
// LANGUAGE ("ko") the window speaks it, as View → Language would make it. Remembered settings go
// to a throw-away place, never the user's.
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include <cstdio>

#include "charts/chart_panel.hpp"
#include "charts/time_series_chart.hpp"
#include "controls/control_panel.hpp"
#include "controls/labeled_slider.hpp"
#include "presentation/presentation_window.hpp"
#include "text/app_language.hpp"
#include "window/experiment_runner.hpp"
#include "window/main_window.hpp"
#include "window/preset_library.hpp"

#include <QCheckBox>
#include <QDoubleSpinBox>

using namespace conclab;
using namespace conclab::ui;

namespace {

bool save(QWidget& w, const QString& path) {
    QTest::qWait(300);  // let queued replots land
    const bool ok = w.grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

bool first_launch(const QDir& out, int width, int height) {
    MainWindow w;
    w.resize(width, height);
    w.show();
    return QTest::qWaitForWindowExposed(&w) &&
           save(w, out.filePath(QString("first-launch-%1x%2.png").arg(width).arg(height)));
}

QScreen* screen_of_size(int width, int height) {
    for (QScreen* s : QGuiApplication::screens()) {
        if (s->geometry().size() == QSize(width, height)) return s;
    }
    return nullptr;
}

// Presentation mode over the finished comparison, full screen on a 1080p projector (light) and
// on a 720p one (dark): the two screens main() describes to the offscreen platform.
bool presentation(MainWindow& w, const QDir& out) {
    QScreen* full_hd = screen_of_size(1920, 1080);
    QScreen* hd = screen_of_size(1280, 720);
    if (!full_hd || !hd) {
        std::fprintf(stderr, "no 1920x1080 and 1280x720 screens (QT_QPA_PLATFORM=%s)\n",
                     qgetenv("QT_QPA_PLATFORM").constData());
        return false;
    }
    PresentationWindow* p = w.open_presentation(full_hd);
    bool ok = p && save(*p, out.filePath("presentation-1920x1080.png"));
    if (p) p->close();
    QTest::qWait(100);
    p = w.open_presentation(hd);
    if (!p) return false;
    p->set_dark(true);
    ok = ok && save(*p, out.filePath("presentation-1280x720-dark.png"));
    p->close();
    return ok;
}

// The I/O-bound preset (event loop vs 10 GIL threads at 1,000 connections), 5 s per model, with
// the logarithmic requests/s axis so that the 200 req/s run is not a line at zero.
bool comparison(const QDir& out) {
    MainWindow w;
    w.resize(1920, 1080);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w)) return false;
    const auto presets = load_presets();
    if (presets.empty()) return false;
    w.apply_preset(presets.front(), false);
    w.control_panel()->duration()->spin_box()->setValue(5);
    w.start_comparison(presets.front().compare);
    if (!QTest::qWaitFor([&] { return !w.runner()->running(); }, 60000)) return false;
    if (w.last_results().size() != presets.front().compare.size()) return false;
    w.chart_panel()->rps_chart()->log_toggle()->setChecked(true);
    if (!save(w, out.filePath("compare-1920x1080.png"))) return false;
    // The same finished comparison on a 1280×800 laptop screen.
    w.resize(1280, 800);
    if (!save(w, out.filePath("compare-1280x800.png"))) return false;
    w.resize(1920, 1080);
    QTest::qWait(300);
    ChartExportOptions o;
    o.scale = 1;  // 1920×1080: small enough for a README
    o.overwrite = true;
    const QString path = out.filePath("exported-chart.png");
    bool ok = w.export_charts(path, o);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    const QString report = out.filePath("report.pdf");
    ok = ok && w.export_report(report, true);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(report));
    return ok && presentation(w, out);
}

}  // namespace

int main(int argc, char** argv) {
    // Qt's offscreen platform has one small screen unless told otherwise: a 1080p and a 720p
    // screen side by side, for the presentation shots (the windows are sized explicitly).
    const QString screens = QDir::temp().filePath(
        QString("conclab-screenshot-screens-%1.json").arg(QCoreApplication::applicationPid()));
    if (qgetenv("QT_QPA_PLATFORM") == "offscreen") {
        QFile file(screens);
        if (!file.open(QIODevice::WriteOnly)) return 1;
        file.write(R"({"screens": [
            {"name": "1080p", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96},
            {"name": "720p", "x": 1920, "y": 0, "width": 1280, "height": 720, "logicalDpi": 96}]})");
        file.close();
        qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + screens.toLocal8Bit());
    }
    QApplication app(argc, argv);
    if (argc != 2 && argc != 3) {
        std::fprintf(stderr, "usage: readme_screenshots OUTPUT_DIR [LANGUAGE]\n");
        return 2;
    }
    if (argc == 3) apply_language(QString::fromLocal8Bit(argv[2]));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName("ConcurrencyLabScreenshots");
    QSettings().clear();  // every shot is a first launch
    const QDir out(QString::fromLocal8Bit(argv[1]));
    if (!out.exists() && !QDir().mkpath(out.path())) return 1;
    const bool ok =
        first_launch(out, 1280, 800) && first_launch(out, 1920, 1080) && comparison(out);
    QSettings().clear();
    QFile::remove(screens);
    return ok ? 0 : 1;
}
