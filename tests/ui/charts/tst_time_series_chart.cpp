#include <QtTest>

#include <QCheckBox>

#include <cmath>

#include <qcustomplot.h>

#include "charts/chart_overlay.hpp"
#include "charts/internals_chart.hpp"
#include "charts/resources_chart.hpp"
#include "charts/spectrum_chart.hpp"
#include "charts/time_series_chart.hpp"
#include "gui_test_support.hpp"

using conclab::MetricsSample;
using conclab::ui::InternalsChart;
using conclab::ui::ResourcesChart;
using conclab::ui::SpectrumChart;
using conclab::ui::TimeSeriesChart;

class TstTimeSeriesChart : public QObject {
    Q_OBJECT
private slots:
    void appendsAndScrolls() {
        TimeSeriesChart chart("rps", "req/s");
        const int s = chart.add_series("a", Qt::red);
        for (int i = 1; i <= 400; ++i) chart.append(s, i * 0.25, i);
        chart.set_window_s(60);
        chart.refresh();
        QCOMPARE(chart.point_count(s), 400);
        QCOMPARE(chart.plot()->xAxis->range().upper, 100.0);
        QCOMPARE(chart.plot()->xAxis->range().lower, 40.0);  // the last 60 s
        // The y range follows the visible window, not the whole run.
        QVERIFY(chart.plot()->yAxis->range().upper >= 400);
        chart.set_window_s(0);
        chart.refresh();
        QCOMPARE(chart.plot()->xAxis->range().lower, 0.0);
    }
    void markersAndGaps() {
        TimeSeriesChart chart("latency", "ms");
        const int s = chart.add_series("p99", Qt::blue);
        chart.append(s, 0.25, 5);
        chart.append(s, 0.5, std::nan(""));  // a tick without responses: a gap, not zero
        chart.append(s, 0.75, 6);
        chart.add_marker(0.6, "connections 10 → 100");
        QCOMPARE(chart.marker_count(), 1);
        QVERIFY(std::isnan(chart.plot()->graph(s)->data()->at(1)->value));
        chart.resize(600, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.refresh();
        chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
        QCOMPARE(chart.overlay()->label_rects().size(), std::size_t(1));  // drawn, whole
        QVERIFY(chart.overlay()->numbered().empty());
    }
    // Labels of changes in quick succession and near the right edge: staggered, flipped to the
    // left of their line, inside the axes; where no row is free, a number and a key.
    void markerLabelsAvoidEachOtherAndTheEdges() {
        TimeSeriesChart chart("rps", "req/s");
        const int s = chart.add_series("a", Qt::red);
        for (int i = 0; i <= 40; ++i) chart.append(s, i * 0.25, 100);
        for (int i = 0; i < 5; ++i) chart.add_marker(2 + 0.1 * i, "connections 100 → 110");
        chart.add_marker(9.9, "worker 26884 died (signal 9 (Killed)) → 26890");
        chart.set_window_s(0);
        chart.resize(420, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.refresh();
        chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
        const auto& rects = chart.overlay()->label_rects();
        const QRectF area = chart.plot()->axisRect()->rect();
        QCOMPARE(rects.size(), std::size_t(6));
        for (std::size_t i = 0; i < rects.size(); ++i) {
            QVERIFY(area.contains(rects[i]));
            for (std::size_t j = 0; j < i; ++j) QVERIFY(!rects[i].intersects(rects[j]));
        }
        // The last marker's label is left of its line, at the right edge.
        const double x = chart.plot()->xAxis->coordToPixel(9.9);
        QVERIFY(rects.back().right() <= x);
        // A chart too low for five rows: some labels are numbered, and the key gives them.
        chart.resize(420, 190);
        QTest::qWait(50);
        chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY(!chart.overlay()->numbered().empty());
        QVERIFY(!chart.overlay()->key_rect().isEmpty());
        QVERIFY(QRectF(chart.plot()->axisRect()->rect()).contains(chart.overlay()->key_rect()));
    }
    // A run at 0–5 req/s with the log axis on: its zeros are drawn at the axis floor, which
    // is marked "0", not dropped; a gap (NaN) stays a gap; linear again, they are zeros again.
    void logAxisDrawsZeroAtTheFloor() {
        TimeSeriesChart chart("rps", "req/s");
        chart.resize(500, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const int s = chart.add_series("req/s", Qt::blue);
        chart.append(s, 0.25, 0);
        chart.set_log_y(true);
        chart.append(s, 0.5, 0);
        chart.append(s, 0.75, 4);
        chart.append(s, 1.0, std::nan(""));
        chart.append(s, 1.25, 0);
        chart.append(s, 1.5, 5);
        chart.refresh();
        QVERIFY(chart.log_y());
        QCOMPARE(chart.plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
        const QCPRange range = chart.plot()->yAxis->range();
        QVERIFY(range.lower > 0);
        const auto& data = *chart.plot()->graph(s)->data();
        for (int i : {0, 1, 4}) {
            const double v = data.at(i)->value;
            QVERIFY2(v >= range.lower && v < 4, qPrintable(QString::number(v)));
        }
        QVERIFY(std::isnan(data.at(3)->value));
        QCOMPARE(data.at(2)->value, 4.0);
        // Refreshing again leaves the floor where it is (zeros do not drag it down).
        chart.refresh();
        QCOMPARE(chart.plot()->yAxis->range().lower, range.lower);
        chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY(!chart.overlay()->zero_label_rect().isEmpty());  // the "0" at the floor
        chart.grab().save(conclab::test::screenshot_path("log-axis-zero.png"));
        chart.set_log_y(false);
        chart.refresh();
        for (int i : {0, 1, 4}) QCOMPARE(data.at(i)->value, 0.0);
        QVERIFY(std::isnan(data.at(3)->value));
        chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY(chart.overlay()->zero_label_rect().isEmpty());
    }
    // The same rule on the right-hand log axes and the spectrum: a GIL wait p99 of 0, no
    // hand-offs in a tick, no context switch, a percentile at 0 ms are drawn at the floor of
    // their axis, marked "0" beside it, never turned into gaps.
    void rightLogAxesDrawZeroAtTheFloor() {
        InternalsChart internals;
        ResourcesChart resources;
        SpectrumChart spectrum;
        const int gil = internals.begin_run("", 0, false, true);
        const int cost = resources.begin_run("", 0, false, true);
        std::vector<MetricsSample> samples;
        for (int i = 1; i <= 8; ++i) {
            MetricsSample m;
            m.t_s = 0.25 * i;
            m.internals.gil_held_pct = 50;
            m.internals.gil_wait_p99_ms = i % 2 ? 0.0 : 4.0;  // no waiter in every other tick
            m.internals.gil_switches_per_s = i <= 4 ? 0.0 : 180.0;
            m.server.rss_mb = 30;
            m.server.threads = 12;
            m.server.context_switches_per_s = i <= 2 ? 0.0 : 900.0;
            samples.push_back(m);
        }
        internals.add_samples(gil, samples);
        resources.add_samples(cost, samples);
        const int latency = spectrum.add_series("latency", Qt::blue);
        spectrum.set_spectrum(latency, {{50, 0}, {90, 0}, {99, 0.8}, {99.9, 3}, {100, 7}});
        struct Case {
            TimeSeriesChart* chart;
            int series;
            QCPAxis* axis;
            int zeros;
        };
        const Case cases[] = {
            {&internals, internals.series_of(gil, "gil_wait_p99_ms"), internals.plot()->yAxis2, 4},
            {&internals, internals.series_of(gil, "gil_switches_per_s"), internals.plot()->yAxis2,
             4},
            {&resources, resources.series_of(cost, ResourcesChart::Line::ContextSwitches),
             resources.plot()->yAxis2, 2},
            {&spectrum, latency, spectrum.plot()->yAxis, 2}};
        for (const Case& c : cases) {
            c.chart->resize(700, 420);
            c.chart->show();
            QVERIFY(QTest::qWaitForWindowExposed(c.chart));
            c.chart->set_window_s(0);
            c.chart->refresh();
            c.chart->plot()->replot(QCustomPlot::rpImmediateRefresh);
            QVERIFY(c.series >= 0);
            QCOMPARE(c.chart->plot()->graph(c.series)->valueAxis(), c.axis);
            QCOMPARE(c.axis->scaleType(), QCPAxis::stLogarithmic);
            QCOMPARE(c.chart->zero_count(c.series), c.zeros);
            const QCPRange range = c.axis->range();
            int at_floor = 0, gaps = 0;
            const auto& data = *c.chart->plot()->graph(c.series)->data();
            for (auto it = data.constBegin(); it != data.constEnd(); ++it) {
                gaps += std::isnan(it->value);
                at_floor += it->value >= range.lower && it->value < range.lower * 2;
            }
            const QString name = c.chart->plot()->graph(c.series)->name();
            QCOMPARE(gaps, 0);
            QVERIFY2(at_floor == c.zeros, qPrintable(name + ": " + QString::number(at_floor)));
            const QRectF zero = c.chart->overlay()->zero_label_rect(c.axis);
            QVERIFY2(!zero.isEmpty(), qPrintable(name));
            // Beside its own axis: right of the plot for a right axis, left of it for the left.
            const QRect plot = c.chart->plot()->axisRect()->rect();
            QVERIFY2(c.axis->axisType() == QCPAxis::atRight ? zero.left() > plot.right()
                                                            : zero.right() < plot.left(),
                     qPrintable(name));
            QVERIFY(QRectF(c.chart->plot()->rect()).contains(zero));
        }
        internals.grab().save(conclab::test::screenshot_path("internals-zero-floor.png"));
        resources.grab().save(conclab::test::screenshot_path("resources-zero-floor.png"));
        spectrum.grab().save(conclab::test::screenshot_path("spectrum-zero-floor.png"));
    }
    // Presentation mode's dark style: every run colour (and a kept run's grey) ≥ 4.5 : 1
    // against the background, all apart from each other; the light style keeps Okabe-Ito's.
    void darkRunColoursReadOnTheDarkBackground() {
        const conclab::ui::ChartStyle dark{true, true};
        QSet<QRgb> seen;
        for (int i = -1; i < 8; ++i) {
            const QColor c = conclab::ui::series_color(i, true);
            const double ratio = conclab::ui::contrast_ratio(c, dark.background());
            QVERIFY2(ratio >= 4.5, qPrintable(QString("%1: %2 : 1").arg(c.name()).arg(ratio)));
            QVERIFY2(!seen.contains(c.rgb()), qPrintable(c.name()));
            seen.insert(c.rgb());
            QCOMPARE(dark.shown(conclab::ui::series_color(i)), c);  // a line turns the same way
        }
        QCOMPARE(conclab::ui::series_color(0).name(), QString("#0072b2"));  // light: as before
        QVERIFY(conclab::ui::contrast_ratio(conclab::ui::series_color(0), dark.background()) < 4.5);
        QCOMPARE(conclab::ui::ChartStyle{}.shown(conclab::ui::series_color(0)),
                 conclab::ui::series_color(0));
        // The diagnosis's rich text: each run's colour turned, once.
        QCOMPARE(conclab::ui::dark_run_colors("<b style='color:#0072b2'>a</b> <span "
                                              "style='color:#56b4e9'>b</span>"),
                 QString("<b style='color:#56b4e9'>a</b> <span style='color:#f0e442'>b</span>"));
    }
    // A marker's label sits on a box at the top of the plot: the axis leaves it room, so the
    // box hides no data. In a run with a killed worker the connections' band (client open, at
    // the chart's maximum all run long) seemed to stop at the marker: the label, drawn left
    // of its line, covered it up to there. Light and presentation style, small and large.
    void markerLabelsCoverNoData_data() {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("presentation");
        QTest::addColumn<bool>("log");
        QTest::addColumn<int>("markers");
        QTest::newRow("screen") << QSize(420, 300) << false << false << 1;
        QTest::newRow("slide") << QSize(900, 500) << true << false << 1;
        QTest::newRow("screen log") << QSize(420, 300) << false << true << 1;
        // Knob changes close together: their labels stack in rows, the axes leave room for all.
        QTest::newRow("stacked") << QSize(640, 420) << false << false << 4;
    }
    void markerLabelsCoverNoData() {
        QFETCH(QSize, size);
        QFETCH(bool, presentation);
        QFETCH(bool, log);
        QFETCH(int, markers);
        TimeSeriesChart chart("Connections", "connections");
        chart.set_style(conclab::ui::ChartStyle{false, presentation});
        chart.resize(size);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.set_log_y(log);
        const int band = chart.add_series("client open", Qt::blue, false, Qt::SolidLine,
                                          TimeSeriesChart::Stroke::Band);
        const int line = chart.add_series("in service", Qt::green);
        for (int i = 1; i <= 20; ++i) {
            chart.append(band, 0.25 * i, 8);
            chart.append(line, 0.25 * i, i == 11 ? 4.7 : 7.6);
        }
        chart.add_marker(2.75, "worker 20784 killed (SIGKILL) → 20813");
        for (int m = 1; m < markers; ++m)
            chart.add_marker(2.75 + 0.25 * m, QString("connections %1 → %2").arg(m).arg(m * 10));
        chart.set_window_s(0);
        for (int pass = 0; pass < 2; ++pass) {  // the second with the plot's laid-out height
            chart.refresh();
            chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
        }
        QTest::qWait(50);  // a rescale queued after the first drawing, and its drawing
        chart.plot()->replot(QCustomPlot::rpImmediateRefresh);
        QCOMPARE(chart.overlay()->label_rects().size(), std::size_t(markers));
        const double band_top =
            chart.plot()->yAxis->coordToPixel(8) - chart.plot()->graph(band)->pen().widthF() / 2;
        for (const QRectF& label : chart.overlay()->label_rects()) {
            QVERIFY2(
                band_top > label.bottom(),
                qPrintable(
                    QString("band from %1 px, label to %2 px").arg(band_top).arg(label.bottom())));
        }
        chart.grab().save(conclab::test::screenshot_path(
            QString("marker-above-data-%1.png").arg(QTest::currentDataTag()).replace(' ', '-')));
    }
    void logToggleFollowsTheAxis() {
        TimeSeriesChart chart("rps", "req/s");
        QCheckBox* box = chart.add_log_toggle();
        QSignalSpy toggled(&chart, &TimeSeriesChart::logToggled);
        chart.set_log_y(true);  // from code (the View menu): the box follows, no signal back
        QVERIFY(box->isChecked());
        QCOMPARE(toggled.count(), 0);
        box->setChecked(false);  // from the box: the axis follows and says so
        QCOMPARE(chart.plot()->yAxis->scaleType(), QCPAxis::stLinear);
        QCOMPARE(toggled.count(), 1);
    }
    void bandStaysWideAcrossStyles() {
        TimeSeriesChart chart("connections", "connections");
        const int band =
            chart.add_series("open", Qt::blue, false, Qt::SolidLine, TimeSeriesChart::Stroke::Band);
        const int line = chart.add_series("in service", Qt::green);
        for (const bool presentation : {false, true}) {
            chart.set_style(conclab::ui::ChartStyle{false, presentation});
            QVERIFY(chart.graph(band)->pen().widthF() > 2 * chart.graph(line)->pen().widthF());
            QVERIFY(chart.graph(band)->pen().color().alpha() < 128);
            QCOMPARE(chart.graph(line)->pen().color().alpha(), 255);
        }
    }
};

QTEST_MAIN(TstTimeSeriesChart)
#include "tst_time_series_chart.moc"
