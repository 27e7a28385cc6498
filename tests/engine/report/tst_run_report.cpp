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
    r.summary.server_in_service_peak = 10;
    r.summary.server_waiting_peak = 95;
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
        // Counts at an instant are whole numbers in the file.
        QVERIFY(s["connections"]["server_waiting_peak"].is_number_integer());
        QCOMPARE(s["connections"]["server_waiting_peak"].get<int>(), 95);
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
        // Whole counts say "peak"; averages say that they are averages.
        QVERIFY2(text.contains("server in service peak 10, waiting peak 95 (highest tick "
                               "averages: in service 10.0, waiting 90.0)"),
                 qPrintable(text));
        QVERIFY(text.contains("connections 10"));
    }

    // The internals: every key in every series entry, null where the model has no such part;
    // workers null outside process per core; the diagnosis a list, empty when nothing stands out.
    void jsonCarriesInternalsSpectrumAndDiagnosis() {
        RunResult r = sample_result();
        r.series[0].internals.gil_held_pct = 98;
        r.series[0].internals.gil_waiting_threads = 9;
        r.summary.internals[3] = MeanMax{98, 99};
        r.summary.latency_spectrum = {{50, 10}, {99, 30}, {100, 40}};
        auto j = run_result_to_json(r);
        for (const InternalsField& f : kInternalsFields) {
            const std::string key(f.key);
            QVERIFY2(j["series"][0].contains(key), key.c_str());
            QVERIFY2(j["summary"]["internals"].contains(key), key.c_str());
        }
        QCOMPARE(j["series"][0]["gil_held_pct"].get<double>(), 98.0);
        QVERIFY(j["series"][0]["loop_delay_p99_ms"].is_null());
        QVERIFY(j["series"][0]["workers"].is_null());
        QCOMPARE(j["summary"]["internals"]["gil_held_pct"]["max"].get<double>(), 99.0);
        QVERIFY(j["summary"]["internals"]["loop_utilization_pct"].is_null());
        QVERIFY(j["summary"]["workers"].is_null());
        QCOMPARE(j["summary"]["latency_spectrum"][1]["percentile"].get<double>(), 99.0);
        QCOMPARE(j["summary"]["latency_spectrum"][1]["ms"].get<double>(), 30.0);
        QVERIFY(j["diagnosis"].is_array() && j["diagnosis"].empty());

        r.diagnosis = {{"gil-bound", "The GIL is held 98 % …", {{"gil_held_pct", 98}}}};
        r.series[0].workers =
            std::vector<WorkerSample>{{101, 300, 95, {}, {}}, {102, 100, 40, {}, {}}};
        r.summary.workers = std::vector<WorkerShare>{{101, 750, 75, 95}, {102, 250, 25, 40}};
        j = run_result_to_json(r);
        QCOMPARE(j["diagnosis"][0]["rule"].get<std::string>(), std::string("gil-bound"));
        QCOMPARE(j["diagnosis"][0]["evidence"]["gil_held_pct"].get<double>(), 98.0);
        QCOMPARE(j["series"][0]["workers"][1]["pid"].get<int>(), 102);
        QCOMPARE(j["series"][0]["workers"][1]["rps"].get<double>(), 100.0);
        QVERIFY(j["series"][0]["workers"][1]["gil_held_pct"].is_null());
        QVERIFY(j["series"][1]["workers"].is_null());
        QCOMPARE(j["summary"]["workers"][0]["share_pct"].get<double>(), 75.0);
        const QString text = QString::fromStdString(run_result_text(r));
        QVERIFY(text.contains("Diagnosis     The GIL is held 98 %"));
        QVERIFY(text.contains("GIL           held 98 %"));
        QVERIFY(text.contains("101: 75 % of requests, 95 % CPU"));
    }
    void csvHasInternalsColumnsAndWorkersFile() {
        RunResult r = sample_result();
        r.series[0].internals.loop_utilization_pct = 42;
        r.series[0].workers =
            std::vector<WorkerSample>{{101, 300, 95, {}, {}}, {102, 100, 40, {}, {}}};
        const QStringList lines = QString::fromStdString(run_result_csv(r)).trimmed().split('\n');
        const QStringList header = lines[0].split(',');
        for (const InternalsField& f : kInternalsFields) {
            QVERIFY(header.contains(QString::fromUtf8(f.key.data(), int(f.key.size()))));
        }
        const int column = int(header.indexOf("loop_utilization_pct"));
        QCOMPARE(lines[1].split(',')[column], QString("42"));
        QCOMPARE(lines[2].split(',')[column], QString());  // null is an empty cell
        const QStringList workers =
            QString::fromStdString(run_result_workers_csv(r)).trimmed().split('\n');
        QCOMPARE(workers.size(), 3);  // header + one row per worker of the one tick that has them
        QVERIFY(workers[0].startsWith("t_s,pid,rps,cpu_pct,loop_delay_p99_ms"));
        QVERIFY(workers[2].startsWith("0.25,102,100,40,"));
        for (const QString& l : workers) QCOMPARE(l.count(','), workers[0].count(','));
    }
};

QTEST_GUILESS_MAIN(TstRunReport)
#include "tst_run_report.moc"
