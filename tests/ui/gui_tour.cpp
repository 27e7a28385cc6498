// Not a test: shows the real window on the display it is given and walks through the calibrate
// dialog and a comparison with a real server, pausing at each stage so that a person (or
// `import -window root` under Xvfb) can look at it.
//
//   DISPLAY=:N gui_tour http://127.0.0.1:PORT/ [SECONDS_PER_STAGE [SHAPE]]
//
// SHAPE (e.g. flask-dev) is the Calibrate dialog's server shape; by default the one it offers.
//
// Prints "STAGE <name>" when a stage is on screen. Remembered settings go to a throw-away place.
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

#include <cstdio>

#include "calibrate/calibrate_dialog.hpp"
#include "controls/control_panel.hpp"
#include "controls/labeled_slider.hpp"
#include "window/experiment_runner.hpp"
#include "window/main_window.hpp"

using namespace conclab;
using namespace conclab::ui;

namespace {

void stage(const char* name, int seconds) {
    QTest::qWait(300);
    std::printf("STAGE %s\n", name);
    std::fflush(stdout);
    QTest::qWait(seconds * 1000);
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: gui_tour URL [SECONDS_PER_STAGE [SHAPE]]\n");
        return 2;
    }
    const QString url = QString::fromLocal8Bit(argv[1]);
    const int pause = argc > 2 ? std::atoi(argv[2]) : 4;
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName("ConcurrencyLabTour");
    QSettings().clear();

    MainWindow w;
    w.resize(1280, 800);
    w.move(0, 0);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w)) return 1;
    ControlPanel* c = w.control_panel();
    c->real_url()->setText(url);
    c->connections()->spin_box()->setValue(10);
    c->io_ms()->spin_box()->setValue(1);
    stage("window", pause);

    CalibrateDialog* d = w.open_calibrate_dialog();
    d->duration_box()->setValue(3);
    if (argc > 3) d->shape_box()->setCurrentIndex(d->shape_box()->findData(QString(argv[3])));
    stage("calibrate-open", pause);
    d->measure_button()->click();
    QTest::qWait(2500);
    stage("calibrate-measuring", 0);
    if (!QTest::qWaitFor([&] { return !d->measuring(); }, 600000)) return 1;
    stage("calibrate-done", pause);
    d->apply_button()->click();
    d->close();
    stage("applied", pause);

    c->duration()->spin_box()->setValue(3);
    w.compare();
    QTest::qWait(2000);
    stage("compare-running", 0);
    if (!QTest::qWaitFor([&] { return !w.runner()->running(); }, 120000)) return 1;
    stage("compare-done", pause);

    c->repeat_box()->setValue(3);
    c->duration()->spin_box()->setValue(1);
    w.start_comparison({Model::EventLoop, Model::GilThreads});
    if (!QTest::qWaitFor([&] { return !w.runner()->running(); }, 120000)) return 1;
    stage("repeat-done", pause);
    QSettings().clear();
    return 0;
}
