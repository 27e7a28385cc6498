// Open a saved run: every report the writers produce reads back into the same runs (written
// again, byte for byte the same JSON), and broken or foreign documents give a clear error.
#include <QtTest>

#include <fstream>

#include "report/compare_report.hpp"
#include "report/run_report.hpp"
#include "report/run_report_reader.hpp"
#include "result_text.hpp"

using namespace conclab;
using conclab::test::error_of;
using nlohmann::json;

namespace {

// A process-per-core run with everything a report can hold: internals per tick and per worker,
// a gap, events (one with a note), warnings, diagnosis, a spectrum and a fatal error.
RunResult rich_result() {
    RunResult r;
    r.config.server.model = Model::ProcessPerCore;
    r.config.server.inner = Model::GilThreads;
    r.config.server.workers = 2;
    r.config.server.threads = 4;
    r.config.server.workload = {12.5, 3, 0.25, 7};
    r.config.load.connections = 37;
    r.config.load.slow_clients = 2;
    r.config.duration_s = 3.5;
    r.config.stages = {{1, 10}, {2.5, 40}};
    r.final_config = r.config;
    r.final_config.load.connections = 60;
    Summary& s = r.summary;
    s.measured_s = 3.25;
    s.requests = 12345;
    s.errors = 3;
    s.error_kinds.read = 2;
    s.error_kinds.reset = 1;
    s.rps = 3798.461538;
    s.latency = LatencySummary{1.25, 2.5, 9.75, 14.125, 20.0625, 1.9, 0.1};
    s.latency_uncorrected = LatencySummary{1, 2, 9, 14, 20, 1.8, 0.1};
    s.client_open_max = 37;
    s.server_in_service_max = 7.75;
    s.server_waiting_max = 29.25;
    s.server_in_service_peak = 8;
    s.server_waiting_peak = 31;
    s.server_accept_queue_max = 3;
    s.client_requests_total = 13000;
    s.server_requests = 13001;
    s.abandoned_in_flight = 1;
    s.unanswered = 1;
    s.unanswered_longest_ms = 4501.5;
    s.unanswered_beyond_p99 = 1;
    s.server_processes = 3;
    s.worker_restarts = 1;
    s.slow_clients = SlowClientCounts{2, 5, 3, 120};
    s.server_cpu_pct_mean = 187.5;
    s.load_cpu_pct_mean = 45.5;
    s.latency_spectrum = {{50, 1.25}, {99, 9.75}, {99.99, 19.5}};
    s.internals[3] = MeanMax{97.5, 100};
    s.internals[4] = MeanMax{3.1, 3.9};
    s.workers = std::vector<WorkerShare>{{101, 8000, 64.8, 98.5}, {102, 4345, 35.2, 88}};
    s.resources =
        ResourceSummary{MeanMax{25.5, 26}, MeanMax{6, 6}, std::nullopt, MeanMax{1800, 1810},
                        MemoryPerConnection{5.5, 0.98, 20, 10, 1790}};
    s.idle_connections = IdleConnectionCounts{1750, 1760, 10, true};
    MetricsSample a;
    a.t_s = 0.25;
    a.rps = 3800.5;
    a.p50_ms = 1.2;
    a.p90_ms = 2.4;
    a.p99_ms = 9.9;
    a.p99_uncorrected_ms = 9.1;
    a.max_ms = 12;
    a.client_open = 37;
    a.server_in_service = 7.5;
    a.server_in_service_peak = 8;
    a.server_waiting = 29.5;
    a.server_waiting_peak = 30;
    a.server_accept_queue = 0;
    a.server_cpu_pct = 190.25;
    a.load_cpu_pct = 44.75;
    a.warmup = true;
    a.internals.gil_held_pct = 98.5;
    a.internals.gil_waiting_threads = 3;
    a.workers = std::vector<WorkerSample>{{101, 2000, 99, {}, {12.5, 3, 400.25, 900}},
                                          {102, 1800.5, 97.25, {}, {}}};
    a.server = Resources{25.5, 6, 800.5, 1800};
    a.server_connections = 1790;
    a.idle_open = 1750;
    (*a.workers)[0].internals.gil_held_pct = 99;
    MetricsSample gap;  // no response completed: unknowns stay unknown
    gap.t_s = 0.5;
    gap.errors = 3;
    r.series = {a, gap};
    r.events = {AdjustEvent{0.4, "connections", 37, 60, {}},
                AdjustEvent{1.1, "worker", 101, 103, "worker 101 died (signal 9) → 103"}};
    r.warnings = {"load generator saturated (98 % CPU) at 1.0 s", "a \"quoted\" <warning>"};
    r.fatal_error = "worker crashed";
    r.diagnosis = {Diagnosis{"gil-bound",
                             "The GIL is held 98 % of the time.",
                             {{"gil_held_pct", 97.5}, {"gil_waiting_threads", 3.1}}}};
    return r;
}

RunResult external_result() {
    RunResult r;
    r.config.external = *parse_target_url("http://127.0.0.1:5000/echo", false);
    r.config.external->method = "POST";
    r.config.external->headers = {"Content-Type: text/plain"};
    r.config.external->body = "hello";
    r.final_config = r.config;
    r.summary.rps = 10;
    r.series = {MetricsSample{}};
    return r;
}

}  // namespace

class TstRunReportReader : public QObject {
    Q_OBJECT
private slots:
    void oneRunRoundTripsByteForByte_data() {
        QTest::addColumn<int>("which");
        QTest::newRow("process per core, everything") << 0;
        QTest::newRow("real server with a request shape") << 1;
        QTest::newRow("default run") << 2;
    }
    void oneRunRoundTripsByteForByte() {
        QFETCH(int, which);
        RunResult r = which == 0 ? rich_result() : which == 1 ? external_result() : RunResult{};
        if (which == 2) r.series = {MetricsSample{}};
        const std::string written = run_result_to_json(r).dump(2);
        const auto read = parse_saved_runs(written);
        QVERIFY2(read.ok(), error_of(read).c_str());
        QCOMPARE(read->sets.size(), std::size_t(1));
        QCOMPARE(read->sets[0].size(), std::size_t(1));
        QVERIFY(!read->comparison);
        const std::string again = run_result_to_json(read->sets[0][0]).dump(2);
        QCOMPARE(again, written);
    }

    void fieldsComeBackTyped() {
        const auto read = parse_saved_runs(run_result_to_json(rich_result()).dump());
        const RunResult& r = read->sets.at(0).at(0);
        QCOMPARE(r.config.server.model, Model::ProcessPerCore);
        QCOMPARE(r.final_config.load.connections, 60);
        QCOMPARE(r.series.size(), std::size_t(2));
        QVERIFY(!r.series[1].p50_ms);  // a gap, not a zero
        QCOMPARE(r.series[0].workers->at(1).rps, 1800.5);
        QCOMPARE(*r.series[0].workers->at(0).internals.gil_held_pct, 99.0);
        QCOMPARE(r.summary.latency->p999_ms, 14.125);
        QCOMPARE(r.summary.unanswered, std::uint64_t(1));
        QCOMPARE(*r.summary.unanswered_longest_ms, 4501.5);
        QCOMPARE(r.summary.unanswered_beyond_p99, std::uint64_t(1));
        QCOMPARE(r.events[1].label(), std::string("worker 101 died (signal 9) → 103"));
        QCOMPARE(r.events[0].note, std::string());
        QCOMPARE(r.diagnosis[0].evidence.size(), std::size_t(2));
        QCOMPARE(r.config.stages.size(), std::size_t(2));
        // The cost of the connections: per tick, per worker and over the run.
        QCOMPARE(*r.series[0].server.rss_mb, 25.5);
        QCOMPARE(*r.series[0].server.fds, 1800);
        QCOMPARE(*r.series[0].server_connections, 1790);
        QCOMPARE(r.series[0].idle_open, 1750);
        QCOMPARE(*r.series[0].workers->at(0).resources.context_switches_per_s, 400.25);
        QVERIFY(!r.series[0].workers->at(1).resources.threads);
        QVERIFY(!r.series[1].server.rss_mb);
        QCOMPARE(r.summary.resources->memory_per_connection->kib, 5.5);
        QCOMPARE(r.summary.resources->memory_per_connection->connections_max, 1790);
        QVERIFY(!r.summary.resources->context_switches_per_s);
        QCOMPARE(r.summary.idle_connections->connects, std::uint64_t(1760));
        QVERIFY(r.summary.idle_connections->silent);
    }

    // Every error kind (kErrorKinds, so a new kind is covered) is written under its key and
    // read back into its own member: a distinct count each, so a swap of two shows.
    void everyErrorKindRoundTrips() {
        RunResult r;
        std::uint64_t n = 1;
        for (const ErrorKindField& kind : kErrorKinds) r.summary.error_kinds.*kind.count = n++;
        r.summary.errors = r.summary.error_kinds.total();
        const json written = run_result_to_json(r);
        n = 1;
        for (const ErrorKindField& kind : kErrorKinds) {
            QCOMPARE(written["summary"]["error_kinds"][std::string(kind.key)].get<std::uint64_t>(),
                     n++);
        }
        const auto read = parse_saved_runs(written.dump());
        QVERIFY2(read.ok(), error_of(read).c_str());
        const ErrorCounts& back = read->sets.at(0).at(0).summary.error_kinds;
        QVERIFY(back == r.summary.error_kinds);
        QCOMPARE(back.total(), std::uint64_t(kErrorKinds.size() * (kErrorKinds.size() + 1) / 2));
    }

    void comparisonAndRepeatsRoundTrip() {
        RunResult second = rich_result();
        second.summary.rps = 4000;
        const std::vector<RunSet> sets = {{rich_result(), second}, {external_result()}};
        const std::string written = comparison_to_json(sets).dump(2);
        const auto read = parse_saved_runs(written);
        QVERIFY2(read.ok(), error_of(read).c_str());
        QVERIFY(read->comparison);
        QCOMPARE(read->sets.size(), std::size_t(2));
        QCOMPARE(read->sets[0].size(), std::size_t(2));
        QCOMPARE(read->all().size(), std::size_t(3));
        QCOMPARE(comparison_to_json(read->sets).dump(2), written);
        // A repeated run alone (conclab-cli run --repeat 2 --json).
        const auto repeated = parse_saved_runs(run_set_to_json(sets[0]).dump());
        QVERIFY2(repeated.ok(), error_of(repeated).c_str());
        QCOMPARE(repeated->sets.at(0).size(), std::size_t(2));
        QVERIFY(!repeated->comparison);
    }

    void guiComparisonShapeReads() {
        // File → Export data writes {"comparison": [run, run]}.
        const json doc = {
            {"comparison",
             {run_result_to_json(rich_result()), run_result_to_json(external_result())}}};
        const auto read = parse_saved_runs(doc.dump());
        QVERIFY2(read.ok(), error_of(read).c_str());
        QCOMPARE(read->sets.size(), std::size_t(2));
        QVERIFY(read->sets[1][0].config.external.has_value());
    }

    void brokenInputGivesAClearError_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        const std::string good = run_result_to_json(rich_result()).dump();
        QTest::newRow("truncated")
            << QByteArray::fromStdString(good.substr(0, good.size() / 2)) << "not valid JSON";
        QTest::newRow("empty") << QByteArray() << "not valid JSON";
        QTest::newRow("a number") << QByteArray("42") << "not a Concurrency Lab run report";
        QTest::newRow("scenario file")
            << QByteArray(R"({"name": "x", "model": "event-loop", "connections": 10})")
            << "scenario file";
        auto mutate = [&](auto change) {
            json j = json::parse(good);
            change(j);
            return QByteArray::fromStdString(j.dump());
        };
        QTest::newRow("rps a string") << mutate([](json& j) { j["series"][1]["rps"] = "fast"; })
                                      << "series[1].rps: expected a number";
        QTest::newRow("series an object")
            << mutate([](json& j) { j["series"] = json::object(); }) << "series: expected a list";
        QTest::newRow("summary missing")
            << mutate([](json& j) { j.erase("summary"); }) << "summary: missing";
        QTest::newRow("negative count") << mutate([](json& j) { j["summary"]["requests"] = -5; })
                                        << "summary.requests: expected a count";
        QTest::newRow("fractional pid")
            << mutate([](json& j) { j["series"][0]["workers"][0]["pid"] = 1.5; })
            << "series[0].workers[0].pid: expected a whole number";
        QTest::newRow("bad config value")
            << mutate([](json& j) { j["config"]["connections"] = 0; }) << "config: field";
        QTest::newRow("bad model") << mutate([](json& j) { j["config"]["model"] = "fibers"; })
                                   << "config: field \"model\"";
        QTest::newRow("diagnosis evidence text")
            << mutate([](json& j) { j["diagnosis"][0]["evidence"]["gil_held_pct"] = "a lot"; })
            << "diagnosis[0].evidence.gil_held_pct: expected a number";
        QTest::newRow("empty comparison")
            << QByteArray(R"({"runs": []})") << "runs: a comparison without runs";
        QTest::newRow("comparison of numbers") << QByteArray(R"({"runs": [1, 2]})") << "runs[0]";
    }
    void brokenInputGivesAClearError() {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const auto read = parse_saved_runs(text.toStdString());
        QVERIFY(!read.ok());
        QVERIFY2(QString::fromStdString(error_of(read)).contains(expected), error_of(read).c_str());
    }

    void filesAreReadAndMissingOnesNamed() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("run.json").toStdString();
        std::ofstream(path) << run_result_to_json(rich_result()).dump(2);
        const auto read = load_saved_runs_file(path);
        QVERIFY2(read.ok(), error_of(read).c_str());
        QCOMPARE(read->sets.size(), std::size_t(1));
        const auto missing = load_saved_runs_file(dir.filePath("nope.json").toStdString());
        QVERIFY(QString::fromStdString(error_of(missing)).contains("cannot open"));
        const auto preset =
            load_saved_runs_file(CONCLAB_PRESETS_DIR "/01-io-bound-event-loop-vs-gil-threads.json");
        QVERIFY2(QString::fromStdString(error_of(preset)).contains("scenario file"),
                 error_of(preset).c_str());
    }
};

QTEST_GUILESS_MAIN(TstRunReportReader)
#include "tst_run_report_reader.moc"
