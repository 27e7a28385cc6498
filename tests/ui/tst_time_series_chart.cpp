#include <QtTest>

#include <QCheckBox>

#include <cmath>

#include <qcustomplot.h>

#include "chart_overlay.hpp"
#include "gui_test_support.hpp"
#include "time_series_chart.hpp"

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
