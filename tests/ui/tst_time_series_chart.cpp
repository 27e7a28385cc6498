#include <QtTest>

#include <QCheckBox>

#include <cmath>

#include <qcustomplot.h>

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
        QCOMPARE(chart.plot()->itemCount(), 2);  // the line and its label
        QVERIFY(std::isnan(chart.plot()->graph(s)->data()->at(1)->value));
    }
    void logAxisDropsNonPositiveValues() {
        TimeSeriesChart chart("latency", "ms");
        const int s = chart.add_series("p50", Qt::blue);
        chart.append(s, 0.25, 0);
        chart.set_log_y(true);
        chart.append(s, 0.5, 0);
        chart.append(s, 0.75, 10);
        chart.refresh();
        QVERIFY(chart.log_y());
        QCOMPARE(chart.plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
        QVERIFY(std::isnan(chart.plot()->graph(s)->data()->at(0)->value));
        QVERIFY(chart.plot()->yAxis->range().lower > 0);
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
