#include <QtTest>

#include <QTemporaryDir>

#include <fstream>

#include "core/run_fields.hpp"
#include "experiment/comparison.hpp"
#include "result_text.hpp"
#include "scenario/scenario.hpp"

using namespace conclab;
using conclab::test::error_of;

class TstScenario : public QObject {
    Q_OBJECT
private slots:
    void roundTrip() {
        Scenario s;
        s.name = "I/O-bound";
        s.description = "event loop vs GIL threads";
        s.run.server.model = Model::GilThreads;
        s.run.server.threads = 10;
        s.run.server.workload = {100, 0.5, 50};
        s.run.load.connections = 1000;
        s.run.duration_s = 8;
        s.compare = {Model::EventLoop, Model::GilThreads};
        auto parsed = parse_scenario(scenario_to_json(s));
        QVERIFY2(parsed.ok(), error_of(parsed).c_str());
        QCOMPARE(parsed->name, s.name);
        QCOMPARE(parsed->run.server.threads, 10);
        QVERIFY(parsed->run.server.workload == s.run.server.workload);
        QCOMPARE(parsed->run.load.connections, 1000);
        QCOMPARE(parsed->compare.size(), std::size_t(2));
    }

    void stagesRoundTrip() {
        Scenario s;
        s.name = "ramp";
        s.run.stages = {{5, 10}, {10, 1000}, {5, 0}};
        const std::string text = scenario_to_json(s);
        QVERIFY(text.find("\"stages\"") != std::string::npos);
        auto parsed = parse_scenario(text);
        QVERIFY2(parsed.ok(), error_of(parsed).c_str());
        QVERIFY(parsed->run.stages == s.run.stages);
        // Without a plan, no "stages" key at all.
        QVERIFY(scenario_to_json(Scenario{"plain", "", {}, {}}).find("stages") ==
                std::string::npos);
    }

    void defaultsForMissingFields() {
        auto parsed = parse_scenario(R"({"name": "minimal"})");
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->run.load.connections, RunConfig{}.load.connections);
        QVERIFY(parsed->run.server.model == Model::EventLoop);
    }

    // A broken file names the bad field, so the user can fix it.
    void brokenFilesNameTheField_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("not json") << "{\"name\": "
                                  << "JSON";
        QTest::newRow("not an object") << "[1,2]"
                                       << "object";
        QTest::newRow("no name") << R"({"connections": 5})"
                                 << "\"name\"";
        QTest::newRow("typo") << R"({"name":"x","conections": 5})"
                              << "\"conections\"";
        QTest::newRow("string for number") << R"({"name":"x","cpu_ms":"5"})"
                                           << "\"cpu_ms\"";
        QTest::newRow("out of range") << R"({"name":"x","connections":0})"
                                      << "\"connections\"";
        QTest::newRow("fractional int") << R"({"name":"x","threads":2.5})"
                                        << "\"threads\"";
        QTest::newRow("unknown model") << R"({"name":"x","model":"fibers"})"
                                       << "\"model\"";
        QTest::newRow("bad compare") << R"({"name":"x","compare":["event-loop","x"]})"
                                     << "\"compare\"";
        QTest::newRow("negative io") << R"({"name":"x","io_ms":-1})"
                                     << "\"io_ms\"";
        QTest::newRow("number overflow") << R"({"name":"x","duration_s": 1e400})"
                                         << "\"duration_s\"";
        QTest::newRow("uint64 max") << R"({"name":"x","connections": 18446744073709551615})"
                                    << "got 18446744073709551615";
        QTest::newRow("choice not a string") << R"({"name":"x","model": 3})"
                                             << "\"model\"";
        QTest::newRow("warmup too long") << R"({"name":"x","duration_s":2,"warmup_s":3})"
                                         << "\"warmup_s\"";
        QTest::newRow("stages not a list") << R"({"name":"x","stages":"5s:10"})"
                                           << "field \"stages\": stages must be a list";
        QTest::newRow("stage without target")
            << R"({"name":"x","stages":[{"duration":5}]})"
            << "field \"stages\": stage 1 needs a number \"target\"";
        QTest::newRow("stage typo") << R"({"name":"x","stages":[{"duration":5,"taget":1}]})"
                                    << "field \"stages\": stage 1 has an unknown key \"taget\"";
        QTest::newRow("stage out of range")
            << R"({"name":"x","stages":[{"duration":5,"target":1},{"duration":5,"target":20000}]})"
            << "field \"stages\": stages: stage 2: target";
    }
    void brokenFilesNameTheField() {
        QFETCH(QString, json);
        QFETCH(QString, field);
        auto parsed = parse_scenario(json.toStdString());
        QVERIFY(!parsed.ok());
        QVERIFY2(QString::fromStdString(error_of(parsed)).contains(field),
                 error_of(parsed).c_str());
    }

    // A huge file is refused, not read until memory runs out; /dev/zero is no regular file.
    void hugeFileIsRefused() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("big.json").toStdString();
        std::ofstream(path) << std::string((1 << 20) + 10, ' ');
        auto parsed = load_scenario_file(path);
        QVERIFY(!parsed.ok());
        QVERIFY2(error_of(parsed).find("larger than 1 MiB") != std::string::npos,
                 error_of(parsed).c_str());
        parsed = load_scenario_file("/dev/zero");
        QVERIFY(!parsed.ok());
        QVERIFY2(error_of(parsed).find("not a regular file") != std::string::npos,
                 error_of(parsed).c_str());
    }

    void saveIsAtomicAndLoadReadsIt() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("s.json").toStdString();
        Scenario s;
        s.name = "saved";
        QVERIFY(save_scenario_file(path, s).ok());
        auto loaded = load_scenario_file(path);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->name, std::string("saved"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);  // no temporary left
        auto missing = load_scenario_file(dir.filePath("none.json").toStdString());
        QVERIFY(!missing.ok());
        QVERIFY(QString::fromStdString(error_of(missing)).contains("none.json"));
    }

    void sweepRoundTrip() {
        Scenario s;
        s.name = "sweep";
        s.run.server.workload.io_ms = 20;
        s.sweep = ScenarioSweep{{Model::EventLoop, Model::GilThreads}, {1, 2, 4, 8}, 2.5, 0.5};
        auto parsed = parse_scenario(scenario_to_json(s));
        QVERIFY2(parsed.ok(), error_of(parsed).c_str());
        QVERIFY(parsed->sweep.has_value());
        QVERIFY(*parsed->sweep == *s.sweep);
        // Without a sweep, none comes back.
        s.sweep.reset();
        parsed = parse_scenario(scenario_to_json(s));
        QVERIFY2(parsed.ok(), error_of(parsed).c_str());
        QVERIFY(!parsed->sweep);
    }

    void sweepGeometricSeriesAndDefaults() {
        auto parsed = parse_scenario(R"({"name":"g","sweep":{"from":1,"to":64,"steps":7}})");
        QVERIFY2(parsed.ok(), error_of(parsed).c_str());
        const ScenarioSweep& s = *parsed->sweep;
        QCOMPARE(s.connections, (std::vector<int>{1, 2, 4, 8, 16, 32, 64}));
        QVERIFY(s.models.empty());
        QCOMPARE(s.step_s, 3.0);
        QCOMPARE(s.warmup_s, 1.0);
    }

    void badSweepIsRefusedWithTheReason_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not an object") << R"({"name":"x","sweep":[1,2]})"
                                       << "must be an object";
        QTest::newRow("unknown key") << R"({"name":"x","sweep":{"connections":[1],"step":3}})"
                                     << "unknown key \"step\"";
        QTest::newRow("no connections") << R"({"name":"x","sweep":{"warmup":1}})"
                                        << "sweep needs \"connections\"";
        QTest::newRow("both") << R"({"name":"x","sweep":{"connections":[1],"from":1}})"
                              << "one of the two";
        QTest::newRow("zero") << R"({"name":"x","sweep":{"connections":[1,0]}})"
                              << "got 0";
        QTest::newRow("text") << R"({"name":"x","sweep":{"connections":["8"]}})"
                              << "got \"8\"";
        QTest::newRow("empty") << R"({"name":"x","sweep":{"connections":[]}})"
                               << "1 to 100";
        QTest::newRow("step 0") << R"({"name":"x","sweep":{"connections":[1],"step_duration":0}})"
                                << "step_duration";
        QTest::newRow("bad model")
            << R"({"name":"x","sweep":{"connections":[1],"models":["apache"]}})"
            << "unknown model \"apache\"";
        QTest::newRow("series") << R"({"name":"x","sweep":{"from":8,"to":4,"steps":3}})"
                                << "from <= to";
        QTest::newRow("open loop") << R"({"name":"x","rate":100,"sweep":{"connections":[1]}})"
                                   << "closed-loop";
    }

    void badSweepIsRefusedWithTheReason() {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        auto parsed = parse_scenario(json.toStdString());
        QVERIFY(!parsed.ok());
        QVERIFY2(error_of(parsed).starts_with("field \"sweep\""), error_of(parsed).c_str());
        QVERIFY2(QString::fromStdString(error_of(parsed)).contains(expected),
                 error_of(parsed).c_str());
    }

    void idleSweepRoundTrips() {
        const char* text = R"({"name":"cost","threads":0,
            "sweep":{"models":["event-loop","gil-threads"],"connections":[10,20],"idle":true}})";
        auto parsed = parse_scenario(text);
        QVERIFY2(parsed.ok(), error_of(parsed).c_str());
        QVERIFY(parsed->sweep->idle);
        auto again = parse_scenario(scenario_to_json(*parsed));
        QVERIFY2(again.ok(), error_of(again).c_str());
        QVERIFY(again->sweep->idle);
        QVERIFY(!parse_scenario(R"({"name":"x","sweep":{"connections":[1],"idle":1}})").ok());
    }
    void sweepPresetsAreValidAndShort() {
        QDir presets(QStringLiteral(CONCLAB_PRESETS_DIR "/sweeps"));
        const auto files = presets.entryList({"*.json"}, QDir::Files);
        QVERIFY(files.size() >= 2);
        for (const QString& f : files) {
            auto parsed = load_scenario_file(presets.filePath(f).toStdString());
            QVERIFY2(parsed.ok(), error_of(parsed).c_str());
            const auto& sweep = parsed->sweep;
            QVERIFY2(sweep.has_value(), qPrintable(f));
            if (sweep->idle) {  // what a connection costs: a few counts of idle connections
                QVERIFY(sweep->models.size() >= 2 && sweep->connections.size() >= 3);
            } else {  // X(N) for the USL: from N = 1, enough points to fit
                QCOMPARE(sweep->models.size(), std::size_t(3));
                QVERIFY(sweep->connections.front() == 1 && sweep->connections.size() >= 6);
            }
            // "About a minute" per model: every point's warm-up and measurement.
            const double per_model =
                static_cast<double>(sweep->connections.size()) * (sweep->step_s + sweep->warmup_s);
            QVERIFY2(per_model <= 60, qPrintable(f));
        }
    }

    // #12: a "compare" item may be an object of run fields over the scenario's settings
    // (gunicorn sync vs gthread); it writes back as it was read, model names as names.
    void compareVariantsRoundTrip() {
        const char* text = R"({"name":"sync vs gthread","model":"process-per-core",
            "inner":"gil-threads","workers":5,"io_ms":50,
            "compare":[{"threads":1,"keep_alive":"off"},{"threads":4,"keep_alive":"on"},
                       "event-loop"]})";
        auto parsed = parse_scenario(text);
        QVERIFY2(parsed.ok(), error_of(parsed).c_str());
        const Scenario& s = *parsed;
        QCOMPARE(s.compare.size(), std::size_t(3));
        QVERIFY(!s.compare[0].model_only());
        QVERIFY(s.compare[2].model_only() == Model::EventLoop);
        const auto plan = comparison_runs(s.run, s.compare);
        QCOMPARE(plan.size(), std::size_t(3));
        QCOMPARE(plan[0].server.threads, 1);
        QVERIFY(!plan[0].server.keep_alive);
        QCOMPARE(plan[1].server.threads, 4);
        QVERIFY(plan[1].server.keep_alive);
        QVERIFY(plan[1].server.model == Model::ProcessPerCore);
        QCOMPARE(plan[1].server.workers, 5);
        QVERIFY(plan[2].server.model == Model::EventLoop);
        auto back = parse_scenario(scenario_to_json(s));
        QVERIFY2(back.ok(), error_of(back).c_str());
        QVERIFY(back->compare == s.compare);
    }

    void badCompareVariantsNameTheRunAndField_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown field") << R"({"name":"x","compare":[{"treads":4}]})"
                                       << "compare run 1 has an unknown field";
        QTest::newRow("out of range") << R"({"name":"x","compare":["event-loop",{"threads":5000}]})"
                                      << "compare run 2: field \"threads\"";
        QTest::newRow("wrong type") << R"({"name":"x","compare":[{"keep_alive":1}]})"
                                    << "keep_alive must be one of";
        QTest::newRow("not a list") << R"({"name":"x","compare":{"threads":4}})"
                                    << "compare must be a list";
        QTest::newRow("too many") << R"({"name":"x","compare":[{},{},{},{},{}]})"
                                  << "at most 4 runs";
        QTest::newRow("invalid together") << R"({"name":"x","rate":100,"compare":[{"stages":1}]})"
                                          << "unknown field";
    }
    void badCompareVariantsNameTheRunAndField() {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        auto parsed = parse_scenario(json.toStdString());
        QVERIFY(!parsed.ok());
        QVERIFY2(QString::fromStdString(error_of(parsed)).contains(expected),
                 error_of(parsed).c_str());
        QVERIFY2(QString::fromStdString(error_of(parsed)).startsWith("field \"compare\""),
                 error_of(parsed).c_str());
    }

    // Every shipped preset loads, and each run of its comparison is a valid run of its own.
    void presetsShippedInResourcesAreValid() {
        QDir presets(QStringLiteral(CONCLAB_PRESETS_DIR));
        const auto files = presets.entryList({"*.json"}, QDir::Files);
        QVERIFY(files.size() >= 15);  // the 8 mechanisms and the 7 recipes of #12
        for (const QString& f : files) {
            auto parsed = load_scenario_file(presets.filePath(f).toStdString());
            QVERIFY2(parsed.ok(), error_of(parsed).c_str());
            QVERIFY2(!parsed->description.empty(), qPrintable(f));
            const auto plan = comparison_runs(parsed->run, parsed->compare);
            QCOMPARE(plan.size(), parsed->compare.size());
            for (const RunConfig& run : plan) {
                const auto valid = validate(run);
                QVERIFY2(
                    valid.ok(),
                    qPrintable(f + ": " + QString::fromStdString(valid ? "" : valid.error()[0])));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TstScenario)
#include "tst_scenario.moc"
