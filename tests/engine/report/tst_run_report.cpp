#include <QtTest>

#include "report/run_report.hpp"

using namespace conclab;

namespace {
RunResult sample_result() {
    RunResult r;
    r.config.server.model = Model::GilThreads;
    r.config.server.threads = 10;
    r.config.load.connections = 100;
    r.config.server.workload.io_ms = 50;
    r.final_config = r.config;
    r.summary.requests = 1000;
    r.summary.rps = 200;
    r.summary.measured_s = 5;
    r.summary.latency = LatencySummary{10, 20, 30, 35, 40, 12, 1};
    r.summary.client_open_max = 100;
    r.summary.server_in_service_max = 10;
    r.summary.server_waiting_max = 90;
    MetricsSample a;
    a.t_s = 0.25;
    a.rps = 200;
    a.p50_ms = 10;
    a.p99_ms = 30;
    a.client_open = 100;
    a.server_in_service = 10;
    a.server_waiting = 90;
    MetricsSample empty;  // a tick with no response: latencies unknown, not zero
    empty.t_s = 0.5;
    empty.server_in_service = 10;
    empty.server_waiting = 90;
    r.series = {a, empty};
    r.events = {AdjustEvent{0.4, "connections", 10, 100, {}}};
    return r;
}
}  // namespace

class TstRunReport : public QObject {
    Q_OBJECT
private slots:
    void jsonHasTheDocumentedShape() {
        const auto j = run_result_to_json(sample_result());
        QCOMPARE(j["model"].get<std::string>(), std::string("gil-threads"));
        QVERIFY(j["config"].is_object());
        const auto& s = j["summary"];
        for (const char* key : {"requests", "errors", "rps"}) QVERIFY(s.contains(key));
        for (const char* key : {"p50", "p90", "p99", "max", "mean"}) {
            QVERIFY(s["latency_ms"][key].is_number());
        }
        QCOMPARE(s["connections"]["server_in_service_max"].get<int>(), 10);
        QCOMPARE(s["connections"]["server_waiting_max"].get<int>(), 90);
        QCOMPARE(s["connections"]["client_open_max"].get<int>(), 100);
        QCOMPARE(j["series"].size(), std::size_t(2));
        for (const char* key : {"t_s", "rps", "p50_ms", "p99_ms", "client_open",
                                "server_in_service", "server_waiting", "errors"}) {
            QVERIFY2(j["series"][0].contains(key), key);
        }
        QVERIFY(j["series"][1]["p50_ms"].is_null());  // unknown stays unknown
        QCOMPARE(j["events"][0]["label"].get<std::string>(),
                 std::string("connections 10 \u2192 100"));
    }
    // A run without a single response has every latency key, each null, never a missing key:
    // the same keys as a run with latencies.
    void noLatenciesGivesTheSameKeysAsNull() {
        RunResult r = sample_result();
        const auto with = run_result_to_json(r)["summary"]["latency_ms"];
        r.summary.latency.reset();
        const auto without = run_result_to_json(r)["summary"]["latency_ms"];
        QCOMPARE(without.size(), with.size());
        for (const char* key : {"p50", "p90", "p99", "p999", "max", "mean", "min"}) {
            QVERIFY2(with[key].is_number(), key);
            QVERIFY2(without.contains(key), key);
            QVERIFY2(without[key].is_null(), key);
        }
    }
    void externalTargetHasNullServerFields() {
        RunResult r = sample_result();
        r.config.external =
            ExternalTarget{"127.0.0.1", 5000, "/", "http://127.0.0.1:5000/", "GET", {}, {}};
        r.summary.server_in_service_max.reset();
        r.summary.server_waiting_max.reset();
        const auto j = run_result_to_json(r);
        QCOMPARE(j["model"].get<std::string>(), std::string("external"));
        QVERIFY(j["summary"]["connections"]["server_in_service_max"].is_null());
    }
    void csvHasHeaderAndOneRowPerTick() {
        const std::string csv = run_result_csv(sample_result());
        const QStringList lines = QString::fromStdString(csv).trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith("t_s,rps,p50_ms"));
        const int columns = lines[0].count(',');
        for (const QString& l : lines) QCOMPARE(l.count(','), columns);
    }
    void textSummaryIsReadable() {
        const QString text = QString::fromStdString(run_result_text(sample_result()));
        QVERIFY(text.contains("Requests/sec  200.0"));
        QVERIFY(text.contains("p99 30.00 ms"));
        QVERIFY(text.contains("server in service max 10"));
        QVERIFY(text.contains("connections 10"));
    }
};

QTEST_GUILESS_MAIN(TstRunReport)
#include "tst_run_report.moc"
