#include <QtTest>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "report/run_report.hpp"

// The run reports (text and JSON) of recorded RunResults, compared byte for byte with files
// written by the report code as it was when they were recorded (tests/engine/report/golden/).
// It keeps a refactoring of run_report.cpp honest: every section, present or absent, in the same
// order and format. After a deliberate change of the format, re-record them with
// CONCLAB_UPDATE_GOLDEN=1 and review the difference. The JSON "version" is left out: it changes
// with every release.

using namespace conclab;

namespace {

Internals loop_internals(double scale) {
    Internals i;
    i.loop_delay_p99_ms = 1.25 * scale;
    i.loop_delay_max_ms = 12.5 * scale;
    i.loop_utilization_pct = 87.5 * scale;
    return i;
}

Internals gil_internals(double scale) {
    Internals i;
    i.gil_held_pct = 97.25 * scale;
    i.gil_waiting_threads = 3.5 * scale;
    i.gil_wait_p99_ms = 5.125 * scale;
    i.gil_switches_per_s = 200 * scale;
    i.gil_drop_requests_per_s = 180 * scale;
    return i;
}

MetricsSample tick(double t_s, double rps, const Internals& internals) {
    MetricsSample m;
    m.t_s = t_s;
    m.rps = rps;
    m.responses = static_cast<std::uint64_t>(rps / 4);
    m.errors = 1;
    m.p50_ms = 10.5;
    m.p90_ms = 20.25;
    m.p99_ms = 30.125;
    m.max_ms = 41;
    m.p99_uncorrected_ms = 29;
    m.late = 3;
    m.dropped = 1;
    m.client_open = 100;
    m.server_in_service = 9.75;
    m.server_in_service_peak = 10;
    m.server_waiting = 88.5;
    m.server_waiting_peak = 90;
    m.server_accept_queue = 4;
    m.server_requests = 50;
    m.server_cpu_pct = 101.5;
    m.load_cpu_pct = 33.25;
    m.warmup = t_s < 0.3;
    m.internals = internals;
    return m;
}

void fill_summary(Summary& s) {
    s.measured_s = 5;
    s.requests = 1000;
    s.errors = 7;
    s.error_kinds = {
        .connect = 1, .read = 1, .write = 1, .timeout = 1, .status = 1, .parse = 1, .reset = 1};
    s.rps = 199.875;
    s.latency = LatencySummary{10, 20, 30, 35, 40, 12, 1};
    s.latency_uncorrected = LatencySummary{9, 19, 29, 34, 39, 11, 0.5};
    s.late = 12;
    s.dropped = 2;
    s.client_open_max = 100;
    s.server_in_service_max = 10.25;
    s.server_waiting_max = 90.5;
    s.server_in_service_peak = 11;
    s.server_waiting_peak = 96;
    s.server_accept_queue_max = 6;
    s.client_requests_total = 1100;
    s.server_requests = 1101;
    s.drained_requests = 3;
    s.heavy_requests = 17;
    s.abandoned_in_flight = 1;
    s.unanswered = 1;
    s.unanswered_longest_ms = 4501.5;
    s.unanswered_beyond_p99 = 1;
    s.server_cpu_pct_mean = 150.5;
    s.load_cpu_pct_mean = 40.25;
    s.server_processes = 2;
    s.worker_restarts = 1;
    s.slow_clients =
        SlowClientCounts{.open_max = 5, .connects = 7, .closed_by_server = 2, .bytes_sent = 123};
    s.latency_spectrum = {{50, 10}, {99, 30}, {99.9, 35}};
}

// Process per core over GIL threads, open loop, with everything a run can have.
RunResult everything() {
    RunResult r;
    RunConfig& c = r.config;
    c.server.model = Model::ProcessPerCore;
    c.server.inner = Model::GilThreads;
    c.server.workers = 2;
    c.server.threads = 4;
    c.server.workload.cpu_ms = 2.5;
    c.server.workload.io_ms = 50;
    c.server.timeouts = {.header_s = 60, .request_s = 300, .keepalive_s = 2, .worker_s = 30};
    c.load.rate = 400;
    c.load.max_connections = 200;
    c.load.threads = 2;
    c.load.heavy_connections = 2;
    c.load.slow_clients = 3;
    c.load.idle_connections = 100;
    c.warmup_s = 1;
    c.stages = *parse_stages("2s:100,3s:400");
    r.final_config = c;
    r.final_config.server.workers = 3;
    fill_summary(r.summary);
    for (std::size_t i = 0; i < kInternalsFields.size(); ++i) {
        if (i % 3 != 1) r.summary.internals[i] = MeanMax{1.5 * static_cast<double>(i + 1), 7.0};
    }
    r.summary.workers = std::vector<WorkerShare>{{101, 600, 60, 75.5}, {102, 400, 40, 70.25}};
    r.summary.resources =
        ResourceSummary{MeanMax{38.5, 40.25}, MeanMax{28, 30}, MeanMax{2050.5, 2400},
                        MeanMax{110, 115}, MemoryPerConnection{18.5, 0.99, 12, 8, 108}};
    r.summary.idle_connections = IdleConnectionCounts{100, 104, 4, false};
    MetricsSample a = tick(0.25, 180, gil_internals(1));
    a.workers =
        std::vector<WorkerSample>{{101, 100, 50, gil_internals(1), {20.5, 14, 1200, 60}},
                                  {102, 80, 45.5, gil_internals(0.5), {18.25, 14, 900, 55}}};
    a.server = Resources{38.75, 28, 2100, 115};
    a.server_connections = 108;
    a.idle_open = 100;
    MetricsSample b = tick(0.5, 220, gil_internals(0.75));
    b.workers = std::vector<WorkerSample>{{101, 120, 55, gil_internals(1), {}}};
    MetricsSample empty;  // a tick with no response: latencies unknown, not zero
    empty.t_s = 0.75;
    r.series = {a, b, empty};
    r.events = {AdjustEvent{0.4, "connections", 10, 100, {}},
                AdjustEvent{0.6, "worker", 0, 0, "worker 101 died (signal 9) \u2192 103"}};
    r.warnings = {"the load generator is saturated"};
    r.fatal_error = "every server worker died";
    r.diagnosis = {Diagnosis{"gil-bound",
                             "the GIL is held 97 % of the time",
                             {{"gil_held_pct", 97.25}, {"gil_waiting_threads", 3.5}}}};
    return r;
}

// The event loop, closed loop: the loop's internals, no workers, nothing optional.
RunResult event_loop() {
    RunResult r;
    r.config.server.model = Model::EventLoop;
    r.config.server.timeouts = {.header_s = 60, .request_s = 0, .keepalive_s = 5, .worker_s = 0};
    r.config.load.connections = 50;
    r.final_config = r.config;
    r.summary.measured_s = 2;
    r.summary.requests = 300;
    r.summary.rps = 150;
    r.summary.latency = LatencySummary{1, 2, 3, 4, 5, 1.5, 0.5};
    r.summary.client_open_max = 50;
    r.summary.server_in_service_max = 1;
    r.summary.server_waiting_max = 49;
    r.summary.server_in_service_peak = 1;
    r.summary.server_waiting_peak = 50;
    r.summary.server_cpu_pct_mean = 99.5;
    r.summary.load_cpu_pct_mean = 20;
    r.summary.server_processes = 1;
    r.summary.worker_restarts = 0;
    r.summary.internals[0] = MeanMax{12.5, 20};
    r.summary.internals[1] = MeanMax{15, 25.5};
    r.summary.internals[2] = MeanMax{99, 100};
    r.series = {tick(0.25, 150, loop_internals(1))};
    return r;
}

// A real server: no server fields at all, and a request of its own; nothing completed.
RunResult external() {
    RunResult r;
    r.config.external = ExternalTarget{.host = "127.0.0.1",
                                       .port = 8080,
                                       .path = "/work",
                                       .url = "http://127.0.0.1:8080/work",
                                       .method = "POST",
                                       .headers = {"Content-Type: text/plain"},
                                       .body = "hello"};
    r.config.load.connections = 10;
    r.final_config = r.config;
    r.summary.measured_s = 1;
    r.summary.load_cpu_pct_mean = 5;
    MetricsSample m;
    m.t_s = 0.25;
    r.series = {m};
    return r;
}

std::string golden_path(const QString& name) {
    return std::string(CONCLAB_GOLDEN_DIR) + "/" + name.toStdString();
}

void compare_with_golden(const std::string& actual, const QString& name) {
    const std::string path = golden_path(name);
    if (const char* update = std::getenv("CONCLAB_UPDATE_GOLDEN"); update && *update) {
        std::ofstream(path, std::ios::binary) << actual;
        QWARN(qPrintable("recorded " + name));
        return;
    }
    std::ifstream in(path, std::ios::binary);
    QVERIFY2(in.good(), path.c_str());
    std::ostringstream expected;
    expected << in.rdbuf();
    if (actual != expected.str()) {
        const std::string mine = path + ".actual";
        std::ofstream(mine, std::ios::binary) << actual;
        QFAIL(qPrintable("differs from " + QString::fromStdString(path) + "; see " +
                         QString::fromStdString(mine)));
    }
}

}  // namespace

class TstRunReportGolden : public QObject {
    Q_OBJECT
private slots:
    void reportsMatchTheRecordedOnes_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("everything") << "everything";
        QTest::newRow("event-loop") << "event-loop";
        QTest::newRow("external") << "external";
    }
    void reportsMatchTheRecordedOnes() {
        QFETCH(QString, name);
        const RunResult r = name == "everything"   ? everything()
                            : name == "event-loop" ? event_loop()
                                                   : external();
        compare_with_golden(run_result_text(r), name + ".txt");
        nlohmann::json j = run_result_to_json(r);
        QVERIFY(j.contains("version"));
        j.erase("version");
        compare_with_golden(j.dump(2) + "\n", name + ".json");
        compare_with_golden(run_result_csv(r), name + ".csv");
        compare_with_golden(run_result_workers_csv(r), name + "-workers.csv");
    }
};

QTEST_GUILESS_MAIN(TstRunReportGolden)
#include "tst_run_report_golden.moc"
