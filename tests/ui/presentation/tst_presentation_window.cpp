// Presentation mode on three real (offscreen) screens side by side — 1280×720, 1920×1080 and
// 3840×2160, described in a config file that Qt's offscreen platform reads — with the real
// window and a real comparison on screen: full screen on the screen asked for, type that
// scales with it, legends no larger than their plots, the clicker's keys, Esc.
#include <QtTest>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QScreen>
#include <QStatusBar>
#include <QTemporaryDir>

#include "charts/chart_panel.hpp"
#include "charts/time_series_chart.hpp"
#include "controls/control_panel.hpp"
#include "controls/labeled_slider.hpp"
#include "gui_test_support.hpp"
#include "presentation/presentation_window.hpp"
#include "window/compare_table.hpp"
#include "window/experiment_runner.hpp"
#include "window/kept_run.hpp"
#include "window/main_window.hpp"
#include "window/preset_library.hpp"

#include <qcustomplot.h>

using namespace conclab;
using namespace conclab::ui;

namespace {

const QSize kScreens[] = {{1280, 720}, {1920, 1080}, {3840, 2160}};

QScreen* screen_of_size(const QSize& size) {
    for (QScreen* s : QGuiApplication::screens()) {
        if (s->geometry().size() == size) return s;
    }
    return nullptr;
}

// What a room needs: ≥ 24 px of cap height on a 1080-pixel-high screen, in proportion on others.
double needed_cap(const QSize& screen) {
    return 24.0 * std::min(screen.height() / 1080.0, screen.width() / 1920.0);
}

}  // namespace

class TstPresentationWindow : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString run_file_;

private slots:
    void initTestCase() {
        conclab::test::use_throwaway_settings("ConcurrencyLabPresentationTests");
        QVERIFY(qEnvironmentVariableIsSet("CONCLAB_WORKER"));
        QCOMPARE(QGuiApplication::screens().size(), 3);
        for (const QSize& size : kScreens) QVERIFY(screen_of_size(size));
        // One real comparison (event loop vs 10 GIL threads, I/O-bound), saved and opened in
        // each test: real series, table and diagnosis without running it again.
        MainWindow w;
        w.show();
        ControlPanel* c = w.control_panel();
        c->connections()->spin_box()->setValue(100);
        c->cpu_ms()->slider()->setValue(0);
        c->io_ms()->spin_box()->setValue(50);
        c->duration()->spin_box()->setValue(2);
        w.start_comparison({Model::EventLoop, Model::GilThreads});
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running() && w.last_results().size() == 2, 30000);
        run_file_ = dir_.filePath("comparison.json");
        QVERIFY(w.export_data(run_file_, true));
    }

    void opensFullScreenWithTypeForTheRoom_data() {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("dark");
        QTest::addColumn<bool>("ghost");
        for (const QSize& size : kScreens) {
            const QByteArray name =
                QByteArray::number(size.width()) + "x" + QByteArray::number(size.height());
            QTest::newRow(name + " light") << size << false << false;
        }
        QTest::newRow("1920x1080 dark") << QSize(1920, 1080) << true << false;
        // Three runs on screen (a kept run under the two): twelve connection series.
        QTest::newRow("1280x720 ghost") << QSize(1280, 720) << false << true;
        QTest::newRow("1920x1080 ghost") << QSize(1920, 1080) << false << true;
    }

    void opensFullScreenWithTypeForTheRoom() {
        QFETCH(QSize, size);
        QFETCH(bool, dark);
        QFETCH(bool, ghost);
        MainWindow w;
        w.show();
        QVERIFY(w.open_run(run_file_));
        if (ghost) {
            w.kept_run()->keep();
            QVERIFY(w.open_run(run_file_));
            QCOMPARE(w.chart_panel()->run_count(), 3);
        }
        QScreen* screen = screen_of_size(size);
        PresentationWindow* p = w.open_presentation(screen);
        QVERIFY(p);
        p->set_dark(dark);
        QVERIFY(QTest::qWaitForWindowExposed(p));
        QTRY_VERIFY(p->isFullScreen());
        QTRY_COMPARE(p->geometry(), screen->geometry());
        QTest::qWait(200);  // queued replots and layouts

        // The headline and the summary: cap height for the back of the room.
        const double cap = needed_cap(size);
        const int title_cap = QFontMetrics(p->title_label()->font()).capHeight();
        const int table_cap = QFontMetrics(p->summary_table()->font()).capHeight();
        QVERIFY2(title_cap >= cap * 1.3, qPrintable(QString("title %1 px").arg(title_cap)));
        QVERIFY2(table_cap >= cap,
                 qPrintable(QString("table %1 px of %2").arg(table_cap).arg(cap)));
        QVERIFY(QFontMetrics(p->summary_table()->horizontalHeader()->font()).capHeight() >= cap);
        QVERIFY2(QFontMetrics(p->subtitle_label()->font()).capHeight() >= cap * 0.75,
                 qPrintable(p->subtitle_label()->font().toString()));
        // It scales with the screen: the same proportion of the height at 720p and at 4K.
        const double per_1080 = p->text_px() * 1080.0 / size.height();
        QVERIFY2(per_1080 > 33 && per_1080 < 37, qPrintable(QString::number(per_1080)));

        // The slide: the comparison's title, its rows, the two charts side by side.
        QVERIFY(p->title_label()->text().contains(" vs "));
        QVERIFY(p->summary_table()->isVisible());
        QCOMPARE(p->summary_table()->rowCount(), ghost ? 3 : 2);
        // Every column on the screen: no cut and no scrolling in front of a room.
        QVERIFY(p->summary_table()->horizontalHeader()->length() <= p->width());
        QCOMPARE(static_cast<int>(p->shown_charts().size()), 2);
        for (TimeSeriesChart* chart : p->shown_charts()) {
            QCOMPARE(chart->window(), p);
            QCustomPlot* plot = chart->plot();
            plot->replot(QCustomPlot::rpImmediateRefresh);
            // Ticks and legend ≥ 24 px at 1080p (a pixel of rounding at the smaller screen).
            const double px = 24.0 * size.height() / 1080.0 - 1;
            QVERIFY2(plot->xAxis->tickLabelFont().pixelSize() >= px, qPrintable(chart->title()));
            QVERIFY2(plot->legend->font().pixelSize() >= px, qPrintable(chart->title()));
            // A legend never larger than its plot; the plot a good part of the screen.
            const QRect axes = plot->axisRect()->outerRect();
            const QRect legend = plot->legend->outerRect();
            QVERIFY2(legend.height() < axes.height(),
                     qPrintable(QString("%1: legend %2 px, plot %3 px")
                                    .arg(chart->title())
                                    .arg(legend.height())
                                    .arg(axes.height())));
            QVERIFY2(
                axes.height() > size.height() / 5,
                qPrintable(QString("%1: plot %2 px high").arg(chart->title()).arg(axes.height())));
            QVERIFY(legend.width() <= chart->width());
            // Beyond six series the legend is grouped: a run per colour, a meaning per style.
            QStringList entries;  // the legend's cells that hold an entry
            for (int i = 0; i < plot->legend->itemCount(); ++i) {
                QCPAbstractLegendItem* cell = plot->legend->item(i);
                if (!cell) continue;
                auto* item = qobject_cast<QCPPlottableLegendItem*>(cell);
                entries << (item ? item->plottable()->name() : "group: " + cell->objectName());
            }
            QVERIFY2(entries.size() <= 7, qPrintable(chart->title() + ": " + entries.join(", ")));
        }
        // One colour per run on either background, each readable on it (≥ 4.5 : 1): the
        // table's run names in the colours of the runs' req/s lines, the diagnosis's too.
        const ChartStyle style{dark, true};
        TimeSeriesChart* rps = w.chart_panel()->charts().front();
        for (int row = 0; row < 2; ++row) {
            const QColor name =
                p->summary_table()->item(row, CompareTable::Run)->foreground().color();
            const int line = ghost ? row + 1 : row;  // a kept run's line is drawn first
            QCOMPARE(name.rgb(), rps->graph(line)->pen().color().rgb());
            QCOMPARE(name, series_color(row, dark));
            if (dark) {
                QVERIFY2(contrast_ratio(name, style.background()) >= 4.5, qPrintable(name.name()));
            }
        }
        if (dark) {
            QVERIFY2(!p->diagnosis_label()->text().contains(series_color(0).name()),
                     qPrintable(p->diagnosis_label()->text()));
        }
        // Everything on the screen, nothing pushed off its bottom edge.
        for (QWidget* part : std::initializer_list<QWidget*>{p->title_label(), p->summary_table(),
                                                             p->shown_charts().front()}) {
            const QRect r(part->mapTo(p, QPoint(0, 0)), part->size());
            QVERIFY2(p->rect().contains(r), qPrintable(part->objectName()));
        }
        const QString name = QString("presentation-%1x%2%3%4.png")
                                 .arg(size.width())
                                 .arg(size.height())
                                 .arg(dark ? "-dark" : "")
                                 .arg(ghost ? "-ghost" : "");
        QVERIFY(p->grab().save(conclab::test::screenshot_path(name)));
        p->close();
    }

    void clickerKeysStepPresetsAndSpaceRunsTheComparison() {
        MainWindow w;
        w.show();
        const auto presets = load_presets();
        QVERIFY(presets.size() >= 3);
        QVERIFY(w.presentation_mode()->action()->shortcut() == QKeySequence(Qt::Key_F5));
        w.presentation_mode()->action()->trigger();
        PresentationWindow* p = w.presentation_mode()->window();
        QVERIFY(p);
        QVERIFY(QTest::qWaitForWindowExposed(p));
        auto title = [&] { return p->title_label()->text(); };
        QTest::keyClick(p, Qt::Key_Right);  // the first preset
        QCOMPARE(title(), QString::fromStdString(presets[0].name));
        QTest::keyClick(p, Qt::Key_PageDown);
        QCOMPARE(title(), QString::fromStdString(presets[1].name));
        QVERIFY(p->subtitle_label()->text().contains("connections"));
        QTest::keyClick(p, Qt::Key_PageUp);
        QCOMPARE(title(), QString::fromStdString(presets[0].name));
        QTest::keyClick(p, Qt::Key_Left);  // round to the last
        QCOMPARE(title(), QString::fromStdString(presets.back().name));
        QTest::keyClick(p, Qt::Key_Right);
        QCOMPARE(title(), QString::fromStdString(presets[0].name));

        // The second preset is a comparison (event loop vs 10 GIL threads, CPU-bound): Space
        // runs its comparison, Space again stops it.
        QTest::keyClick(p, Qt::Key_Right);
        QVERIFY(!presets[1].compare.empty());
        QVERIFY(!p->summary_table()->isVisible());  // the previous slide's rows are gone
        QTest::keyClick(p, Qt::Key_Space);
        QVERIFY(w.runner()->running());
        QCOMPARE(w.runner()->run_count(), static_cast<int>(presets[1].compare.size()));
        QCOMPARE(title(), QString::fromStdString(presets[1].name));  // unchanged: the preset's
        QTest::qWait(500);
        QTest::keyClick(p, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running(), 10000);
        QTRY_VERIFY(p->summary_table()->isVisible());  // the run that was stopped, summed up
        p->close();
    }

    void escLeavesAndTheChartsGoHome() {
        MainWindow w;
        w.show();
        QVERIFY(w.open_run(run_file_));
        PresentationWindow* p = w.open_presentation(screen_of_size({1920, 1080}));
        QVERIFY(QTest::qWaitForWindowExposed(p));
        p->set_charts(1, -1);  // the latency chart alone
        QCOMPARE(static_cast<int>(p->shown_charts().size()), 1);
        TimeSeriesChart* latency = w.chart_panel()->latency_chart();
        QCOMPARE(p->shown_charts().front(), latency);
        QCOMPARE(w.chart_panel()->style().text_px, p->text_px() * 26 / 35);
        QTest::keyClick(p, Qt::Key_Escape);
        QTRY_VERIFY(!w.presentation_mode()->window());
        for (TimeSeriesChart* chart : w.chart_panel()->charts()) {
            QCOMPARE(chart->window(), &w);
            QVERIFY(chart->isVisible());
        }
        QCOMPARE(w.chart_panel()->style().text_px, 0);  // the screen's style again
        QVERIFY(!w.chart_panel()->style().presentation);
        // Its choice of charts is remembered for next time.
        p = w.open_presentation(screen_of_size({1920, 1080}));
        QCOMPARE(p->charts(), std::make_pair(1, -1));
        p->close();
    }
};

int main(int argc, char** argv) {
    // Three screens side by side for Qt's offscreen platform, before QApplication reads it.
    const QString config = QDir::temp().filePath(
        QString("conclab-screens-%1.json").arg(QCoreApplication::applicationPid()));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly)) return 1;
    file.write(R"({"screens": [
        {"name": "720p", "x": 0, "y": 0, "width": 1280, "height": 720, "logicalDpi": 96},
        {"name": "1080p", "x": 1280, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96},
        {"name": "4K", "x": 3200, "y": 0, "width": 3840, "height": 2160, "logicalDpi": 96}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.toLocal8Bit());
    int status = 0;
    {
        QApplication app(argc, argv);
        TstPresentationWindow test;
        status = QTest::qExec(&test, argc, argv);
    }
    QFile::remove(config);
    return status;
}

#include "tst_presentation_window.moc"
