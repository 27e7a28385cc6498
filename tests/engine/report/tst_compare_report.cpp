// Reports of repeated runs, comparisons and calibrations, from made-up results.
#include <QtTest>

#include "report/calibration_report.hpp"
#include "report/compare_report.hpp"
#include "report/run_report.hpp"

using namespace conclab;

namespace {

RunResult run(Model model, double rps, double p99_ms) {
    RunResult r;
    r.config.server.model = model;
    r.config.load.connections = 10;
    r.config.duration_s = 2;
    r.final_config = r.config;
    r.summary.rps = rps;
    r.summary.requests = static_cast<std::uint64_t>(rps * 2);
    r.summary.measured_s = 2;
    r.summary.latency =
        LatencySummary{p99_ms / 2, p99_ms / 1.5, p99_ms, p99_ms * 1.2, p99_ms * 2, p99_ms / 2, 0.1};
    return r;
}

RunResult real_server(double rps) {
    RunResult r = run(Model::EventLoop, rps, 3);
    ExternalTarget t;
    t.url = "http://127.0.0.1:5000/";
    r.config.external = t;
    return r;
}

}  // namespace

class TstCompareReport : public QObject {
    Q_OBJECT
private slots:
    void spreadTextKeepsOnlySupportedDigits_data() {
        QTest::addColumn<double>("median");
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("text");
        QTest::newRow("±4 %") << 19759.2 << 19100.0 << 20530.0 << 5 << 1
                              << "19,800 (19,100–20,500)";
        QTest::newRow("one run") << 19759.25 << 19759.25 << 19759.25 << 1 << 1 << "19,759.2";
        QTest::newRow("tight") << 50.123 << 50.101 << 50.162 << 3 << 2 << "50.12 (50.10–50.16)";
        QTest::newRow("ms, wide") << 247.7 << 210.0 << 290.0 << 3 << 2 << "250 (210–290)";
    }
    void spreadTextKeepsOnlySupportedDigits() {
        QFETCH(double, median);
        QFETCH(double, min);
        QFETCH(double, max);
        QFETCH(int, count);
        QFETCH(int, decimals);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(spread_text({median, min, max, count}, decimals)), text);
    }

    void numbersAndRatios() {
        QCOMPARE(grouped_number(1234567.891, 1), std::string("1,234,567.9"));
        QCOMPARE(grouped_number(999, 0), std::string("999"));
        QCOMPARE(grouped_number(-1234, 0), std::string("-1,234"));
        QCOMPARE(ratio_text(0.0101), std::string("0.01"));
        QCOMPARE(ratio_text(1.974), std::string("1.97"));
        QCOMPARE(ratio_text(12.4), std::string("12"));
        QCOMPARE(ratio_text(0.0123), std::string("0.012"));
    }

    void labels() {
        RunConfig c;
        QCOMPARE(run_label(c), std::string("event-loop"));
        c.server.model = Model::GilThreads;
        c.server.threads = 0;
        QCOMPARE(run_label(c), std::string("gil-threads (thread per connection)"));
        c.server.model = Model::ProcessPerCore;
        c.server.workers = 2;
        c.server.inner = Model::EventLoop;
        QCOMPARE(run_label(c), std::string("process-per-core (2 × event-loop)"));
        c.server.event_loop = EventLoopKind::Gevent;  // says which loop: gevent serves otherwise
        QCOMPARE(run_label(c), std::string("process-per-core (2 × event-loop, gevent)"));
        c.server.model = Model::EventLoop;
        QCOMPARE(run_label(c), std::string("event-loop (gevent)"));
        QCOMPARE(run_label(real_server(1).config),
                 std::string("real server (http://127.0.0.1:5000/)"));
    }

    void comparisonTableHasRatiosToTheFirstAndP999() {
        const std::vector<RunSet> sets = {{run(Model::EventLoop, 19759, 54)},
                                          {run(Model::GilThreads, 198, 5997)}};
        const QString text = QString::fromStdString(comparison_text(sets));
        QVERIFY2(text.contains("0.01× event-loop"), qPrintable(text));
        QVERIFY(text.contains("p99.9"));
        QVERIFY(text.contains("gil-threads (10 threads)"));
        QVERIFY(text.contains("19,759.0"));
        const auto j = comparison_to_json(sets);
        QCOMPARE(j["runs"].size(), std::size_t(2));
        QCOMPARE(j["runs"][1]["label"].get<std::string>(), std::string("gil-threads (10 threads)"));
        QCOMPARE(j["runs"][0]["summary"]["rps"].get<double>(), 19759.0);
    }

    void repeatedRunHasMediansSpreadAndRepeats() {
        const RunSet set = {run(Model::EventLoop, 100, 10), run(Model::EventLoop, 120, 30),
                            run(Model::EventLoop, 90, 20)};
        const auto j = run_set_to_json(set);
        QCOMPARE(j["repeat"].get<int>(), 3);
        QCOMPARE(j["repeats"].size(), std::size_t(3));
        QCOMPARE(j["summary"]["rps"].get<double>(), 100.0);
        QCOMPARE(j["summary"]["spread"]["rps"]["min"].get<double>(), 90.0);
        QCOMPARE(j["summary"]["spread"]["rps"]["max"].get<double>(), 120.0);
        QCOMPARE(j["summary"]["latency_ms"]["p99"].get<double>(), 20.0);
        QCOMPARE(j["summary"]["spread"]["latency_ms"]["p999"]["max"].get<double>(), 36.0);
        const QString text = QString::fromStdString(run_set_text(set));
        QVERIFY2(text.contains("100 (90–120)"), qPrintable(text));
        QVERIFY(text.contains("repeated 3 times"));
        // A set of one is an ordinary run report.
        QVERIFY(!run_set_to_json({set.front()}).contains("repeats"));
    }

    void calibrationJsonHasTheDocumentedShape() {
        CalibrationResult c;
        c.connections = 10;
        c.real = real_server(2000);
        c.model_before = run(Model::EventLoop, 40000, 1);
        c.has_fit = true;
        c.fit.overhead_us = 475;
        c.fitted_config = c.model_before.config;
        c.fitted_config.server.workload.overhead_us = 475;
        c.model_after = run(Model::EventLoop, 1900, 6);
        c.model_after.config = c.fitted_config;
        c.ratio = 0.95;
        const auto j = calibration_to_json(c);
        QCOMPARE(j["real"]["url"].get<std::string>(), std::string("http://127.0.0.1:5000/"));
        QCOMPARE(j["real"]["rps"].get<double>(), 2000.0);
        QCOMPARE(j["model_before"]["rps"].get<double>(), 40000.0);
        QCOMPARE(j["overhead_us"].get<double>(), 475.0);
        QVERIFY(j.contains("overhead_released_us"));
        QCOMPARE(j["model_after"]["overhead_us"].get<double>(), 475.0);
        QCOMPARE(j["ratio"].get<double>(), 0.95);
        QVERIFY(j["error"].is_null());
        const QString text = QString::fromStdString(calibration_text(c));
        QVERIFY2(text.contains("475.0 µs"), qPrintable(text));
        QVERIFY(text.contains("0.95"));
        const Scenario s = calibration_scenario(c);
        QCOMPARE(s.run.server.workload.overhead_us, 475.0);
        QVERIFY(QString::fromStdString(s.name).contains("5000"));
    }
};

QTEST_APPLESS_MAIN(TstCompareReport)
#include "tst_compare_report.moc"
