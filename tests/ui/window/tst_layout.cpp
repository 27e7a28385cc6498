// Layout on a 1280×800 laptop screen (Qt's offscreen platform, given that screen by
// screen_1280x800.json): at 1280×800, in a 1024×700 window and at 1920×1080, every legend entry
// and marker label lies inside its chart (names elided with a tooltip, never cut by the edge),
// marker labels do not overlap, the last legend row is not under the scroll area's edge, the
// control panel's fields are not cut by its scroll bar, and the Sweep window fits the screen.
#include <QtTest>

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QGroupBox>
#include <QScreen>
#include <QScrollArea>
#include <QTemporaryDir>

#include <cmath>

#include <qcustomplot.h>

#include "charts/chart_overlay.hpp"
#include "charts/chart_panel.hpp"
#include "charts/elided_legend_item.hpp"
#include "charts/time_series_chart.hpp"
#include "controls/control_panel.hpp"
#include "export/chart_exporter.hpp"
#include "gui_test_support.hpp"
#include "result_text.hpp"
#include "sweep/sweep_window.hpp"
#include "synthetic_runs.hpp"
#include "window/main_window.hpp"

using namespace conclab;
using namespace conclab::ui;
using conclab::test::succeeded;

namespace {

// A comparison as the issue saw it cut: long legend names and knob changes in quick succession,
// one of them near the right edge, and a worker's restart with its long label.
RunResult synthetic_run(Model model, double rps, double p50) {
    RunResult r = test::synthetic_chart_run(model, rps, p50, 40);
    r.events.push_back({2.0, "connections", 10, 100, {}});
    r.events.push_back({2.3, "connections", 100, 110, {}});
    r.events.push_back({2.6, "cpu_ms", 0, 5, {}});
    r.events.push_back({9.6, "connections", 110, 1000, {}});
    r.events.push_back({6.0, "worker", 0, 0, "worker 26884 died (signal 9 (Killed)) → 26890"});
    r.summary.rps = rps;
    return r;
}

QString where(const QString& chart, const QString& what, const QRectF& r, const QRectF& in) {
    return QString("%1: %2 (%3,%4 %5×%6) outside (%7,%8 %9×%10)")
        .arg(chart, what)
        .arg(r.x())
        .arg(r.y())
        .arg(r.width())
        .arg(r.height())
        .arg(in.x())
        .arg(in.y())
        .arg(in.width())
        .arg(in.height());
}

// Legend entries and the legend inside the plot; marker labels inside the axes, apart.
void check_chart(TimeSeriesChart* chart) {
    QCustomPlot* plot = chart->plot();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QRect view = plot->viewport();
    const QCPLegend* legend = plot->legend;
    if (!legend->visible()) return;  // no entries: out of the layout
    QVERIFY2(view.contains(legend->outerRect()),
             qPrintable(where(chart->title(), "legend", legend->outerRect(), view)));
    for (int i = 0; i < legend->itemCount(); ++i) {
        if (!legend->item(i)) continue;  // an empty cell of the last row
        const QRect r = legend->item(i)->outerRect();
        QVERIFY2(view.contains(r), qPrintable(where(chart->title(), "legend entry", r, view)));
        if (auto* item = qobject_cast<ElidedLegendItem*>(legend->item(i))) {
            // Elided with "…", never cut: the full name waits in the tooltip.
            QVERIFY(!item->shown_text().isEmpty());
            if (item->elided()) QVERIFY(item->shown_text().endsWith(QChar(0x2026)));
        } else {
            QFAIL(qPrintable(chart->title() + ": a legend entry that does not elide"));
        }
    }
    const QRectF area = plot->axisRect()->rect();
    const std::vector<QRectF>& labels = chart->overlay()->label_rects();
    for (std::size_t i = 0; i < labels.size(); ++i) {
        QVERIFY2(area.contains(labels[i]),
                 qPrintable(where(chart->title(), "marker label", labels[i], area)));
        for (std::size_t j = 0; j < i; ++j) {
            QVERIFY2(!labels[i].intersects(labels[j]),
                     qPrintable(chart->title() +
                                QString(": marker labels %1 and %2 overlap").arg(i).arg(j)));
        }
    }
}

}  // namespace

class TstLayout : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        conclab::test::use_throwaway_settings("ConcurrencyLabTests");
        const QScreen* screen = QGuiApplication::primaryScreen();
        QVERIFY(screen);
        // The configured laptop screen, or this test checks nothing it claims to.
        QCOMPARE(screen->geometry().size(), QSize(1280, 800));
    }

    void chartsKeepEverythingInside_data() {
        QTest::addColumn<QSize>("window");
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("1024x700") << QSize(1024, 700);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
    }
    void chartsKeepEverythingInside() {
        QFETCH(QSize, window);
        MainWindow w;
        w.resize(window);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.size(), window);  // the window's minimum size allows it
        // A comparison: the long legend names ("GIL threads (10) in service").
        show_runs(*w.chart_panel(), {synthetic_run(Model::EventLoop, 19000, 52),
                                     synthetic_run(Model::GilThreads, 200, 4000)});
        QTest::qWait(200);
        for (TimeSeriesChart* chart : w.chart_panel()->charts()) {
            check_chart(chart);
            if (QTest::currentTestFailed()) return;
        }
        // The two-column legend of the connections chart names every series of both runs.
        QCOMPARE(w.chart_panel()->connections_chart()->plot()->legend->itemCount(), 8);
        w.grab().save(conclab::test::screenshot_path(
            QString("layout-compare-%1.png").arg(QTest::currentDataTag())));
        // One run: its knob changes and the worker's restart as labelled markers.
        show_runs(*w.chart_panel(), {synthetic_run(Model::GilThreads, 200, 4000)});
        QTest::qWait(200);
        QStringList drawn;
        for (TimeSeriesChart* chart : w.chart_panel()->time_charts()) {
            check_chart(chart);
            if (QTest::currentTestFailed()) return;
            // Inside the server has no lines for these recorded runs, and its time axis ends
            // before the markers: nothing to label.
            if (chart->series_count() == 0) continue;
            drawn << QString("%1: %2 of 5 in %3×%4")
                         .arg(chart->title())
                         .arg(chart->overlay()->label_rects().size())
                         .arg(chart->plot()->axisRect()->width())
                         .arg(chart->plot()->axisRect()->height());
            // Every marker labelled, whole or by its number (and then in the key).
            QVERIFY2(chart->overlay()->label_rects().size() == 5, qPrintable(drawn.join("; ")));
        }
        w.grab().save(conclab::test::screenshot_path(
            QString("layout-markers-%1.png").arg(QTest::currentDataTag())));
    }

    // The same charts drawn at a page's size (as an export draws them: toPainter at the page's
    // cell, not at the widget's size): labels inside the axes of that layout.
    void exportedPageKeepsLabelsInside() {
        ChartPanel panel;
        panel.resize(1280, 800);
        show_runs(panel, {synthetic_run(Model::GilThreads, 200, 4000)});
        ChartExportOptions o;
        o.scale = 1;
        o.overwrite = true;
        QTemporaryDir dir;
        QString error;
        QVERIFY2(succeeded(export_panel(panel, dir.filePath("page.png"), o), error),
                 qPrintable(error));
        for (TimeSeriesChart* chart : panel.time_charts()) {
            if (chart->series_count() == 0) continue;  // as above
            QImage cell(620, 420, QImage::Format_ARGB32);
            QCPPainter painter(&cell);
            chart->plot()->toPainter(&painter, cell.width(), cell.height());
            painter.end();
            const QRectF area = chart->plot()->axisRect()->rect();
            const auto& labels = chart->overlay()->label_rects();
            QCOMPARE(labels.size(), std::size_t(5));
            for (const QRectF& r : labels) {
                QVERIFY2(area.contains(r), qPrintable(where(chart->title(), "label", r, area)));
            }
        }
        QFile::remove(conclab::test::screenshot_path("layout-export-1920x1080.png"));
        QFile::copy(dir.filePath("page.png"),
                    conclab::test::screenshot_path("layout-export-1920x1080.png"));
    }

    void controlPanelFieldsAreNotCutByTheScrollBar_data() {
        QTest::addColumn<QSize>("window");
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("1024x700") << QSize(1024, 700);
    }
    void controlPanelFieldsAreNotCutByTheScrollBar() {
        QFETCH(QSize, window);
        MainWindow w;
        w.resize(window);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::qWait(100);
        auto* scroll =
            qobject_cast<QScrollArea*>(w.control_panel()->parentWidget()->parentWidget());
        QVERIFY(scroll);
        const QWidget* viewport = scroll->viewport();
        int checked = 0;
        for (QWidget* field : w.control_panel()->findChildren<QWidget*>()) {
            // The fields and the frames of their groups: the bar hid the groups' right border.
            if (!qobject_cast<QComboBox*>(field) && !qobject_cast<QAbstractSpinBox*>(field) &&
                !qobject_cast<QGroupBox*>(field)) {
                continue;
            }
            if (!field->isVisibleTo(w.control_panel())) continue;
            const int right = field->mapTo(viewport, QPoint(field->width(), 0)).x();
            QVERIFY2(
                right <= viewport->width(),
                qPrintable(QString("%1 ends at %2 of a viewport %3 wide")
                               .arg(field->objectName().isEmpty() ? field->metaObject()->className()
                                                                  : field->objectName())
                               .arg(right)
                               .arg(viewport->width())));
            ++checked;
        }
        QVERIFY(checked >= 5);
    }

    void sweepWindowFitsTheScreen() {
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        SweepWindow* s = w.open_sweep_window();
        QVERIFY(QTest::qWaitForWindowExposed(s));
        const QRect free = s->screen()->availableGeometry();
        QVERIFY2(free.contains(s->frameGeometry()),
                 qPrintable(QString("%1,%2 %3×%4")
                                .arg(s->frameGeometry().x())
                                .arg(s->frameGeometry().y())
                                .arg(s->frameGeometry().width())
                                .arg(s->frameGeometry().height())));
        QVERIFY(s->width() >= s->minimumSizeHint().width());
        s->grab().save(conclab::test::screenshot_path("layout-sweep-1280x800.png"));
    }
};

QTEST_MAIN(TstLayout)
#include "tst_layout.moc"
