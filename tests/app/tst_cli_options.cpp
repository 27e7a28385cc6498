#include <QtTest>

#include <vector>

#include "cli_options.hpp"
#include "core/run_fields.hpp"
#include "experiment/comparison.hpp"
#include "process/worker_command_line.hpp"
#include "result_text.hpp"
#include "run_field_samples.hpp"
#include "scenario/scenario.hpp"

using namespace conclab;
using namespace conclab::cli;
using conclab::test::error_of;

namespace {
ParseOutcome parse(std::vector<const char*> args) {
    args.insert(args.begin(), "conclab-cli");
    return parse_command_line(static_cast<int>(args.size()), args.data());
}

// The command line `args` is refused with exit 2 and a message that contains `says`.
void refused_saying(const QStringList& args, const QString& says) {
    std::vector<QByteArray> storage;
    for (const QString& a : args) storage.push_back(a.toUtf8());
    std::vector<const char*> argv;
    for (auto& s : storage) argv.push_back(s.constData());
    const ParseOutcome p = parse(argv);
    QVERIFY2(!p.options, qPrintable("accepted: " + args.join(' ')));
    QCOMPARE(p.exit_code, ExitCode::Usage);
    QVERIFY2(QString::fromStdString(p.message).contains(says), p.message.c_str());
}
}  // namespace

class TstCliOptions : public QObject {
    Q_OBJECT
private slots:
    void fullRunCommand() {
        auto p =
            parse({"run",  "--model",   "gil-threads", "--threads", "10", "--connections",
                   "1000", "--cpu-ms",  "0",           "--io-ms",   "50", "--duration",
                   "3",    "--warmup",  "1",           "--json",    "-",  "--switch-interval-ms",
                   "2.5",  "--backlog", "64"});
        QVERIFY2(p.options, p.message.c_str());
        const RunConfig& r = p.options->run;
        QVERIFY(r.server.model == Model::GilThreads);
        QCOMPARE(r.server.threads, 10);
        QCOMPARE(r.load.connections, 1000);
        QCOMPARE(r.server.workload.io_ms, 50.0);
        QCOMPARE(r.duration_s, 3.0);
        QCOMPARE(r.warmup_s, 1.0);
        QCOMPARE(r.server.switch_interval_ms, 2.5);
        QCOMPARE(r.server.listen_backlog, 64);
        QCOMPARE(p.options->json_path, std::string("-"));
    }
    void helpListsEveryFlagWithDefaults() {
        auto p = parse({"run", "--help"});
        QVERIFY(!p.options);
        QCOMPARE(p.exit_code, ExitCode::Ok);
        const QString help = QString::fromStdString(p.message);
        for (const char* flag :
             {"--model", "--threads", "--workers", "--inner", "--switch-interval-ms", "--backlog",
              "--connections", "--cpu-ms", "--io-ms", "--overhead-us", "--duration", "--warmup",
              "--target", "--json", "--csv", "--chart", "--allow-remote", "--force"}) {
            QVERIFY2(help.contains(flag), flag);
        }
        QVERIFY(help.contains("(=event-loop)"));
        QVERIFY(help.contains("(=5)"));
    }
    void badInputExitsTwoWithAClearMessage_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::newRow("unknown flag") << QStringList{"run", "--conections", "5"} << "conections";
        QTest::newRow("not a number")
            << QStringList{"run", "--connections", "many"} << "connections";
        QTest::newRow("too many connections") << QStringList{"run", "-c", "20000"} << "connections";
        QTest::newRow("unknown model")
            << QStringList{"run", "--model", "fibers"} << "model must be one of";
        QTest::newRow("bad inner")
            << QStringList{"run", "--inner", "process-per-core"} << "inner must be one of";
        QTest::newRow("remote target")
            << QStringList{"run", "--target", "http://10.1.2.3/"} << "--allow-remote";
        QTest::newRow("negative cpu") << QStringList{"run", "--cpu-ms", "-1"} << "cpu_ms";
        QTest::newRow("zero duration") << QStringList{"run", "--duration", "0"} << "duration";
        QTest::newRow("chart type") << QStringList{"run", "--chart", "x.bmp"} << ".png";
        QTest::newRow("unknown command") << QStringList{"fly"} << "unknown command";
        QTest::newRow("broken scenario")
            << QStringList{"run", "--scenario", "/nonexistent.json"} << "nonexistent";
    }
    void badInputExitsTwoWithAClearMessage() {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        refused_saying(args, says);
    }
    void scenarioGivesDefaultsFlagsOverride() {
        QTemporaryFile f;
        QVERIFY(f.open());
        f.write(R"({"name":"t","model":"gil-threads","threads":7,"connections":300,"io_ms":20})");
        f.close();
        const QByteArray path = f.fileName().toUtf8();
        auto p = parse({"run", "--scenario", path.constData(), "--connections", "50"});
        QVERIFY2(p.options, p.message.c_str());
        QVERIFY(p.options->run.server.model == Model::GilThreads);
        QCOMPARE(p.options->run.server.threads, 7);
        QCOMPARE(p.options->run.server.workload.io_ms, 20.0);
        QCOMPARE(p.options->run.load.connections, 50);
    }
    void heavyConnections() {
        auto p = parse({"run", "--heavy-connections", "2", "--heavy-cpu-ms", "30"});
        QVERIFY(p.options);
        QCOMPARE(p.options->run.load.heavy_connections, 2);
        QCOMPARE(p.options->run.load.heavy_cpu_ms, 30.0);
        QCOMPARE(parse({"run", "--heavy-connections", "500"}).exit_code, ExitCode::Usage);
        QCOMPARE(
            parse({"run", "--heavy-connections", "1", "--target", "http://127.0.0.1:9/"}).exit_code,
            ExitCode::Usage);
    }

    // Every registry field, set on the command line to a value other than its default, survives
    // CLI -> scenario file -> scenario -> worker argv unchanged.
    void everyFieldRoundTripsCliScenarioWorker() {
        std::vector<std::string> words = {"run"};
        for (const RunField& f : run_fields()) {
            words.push_back("--" + std::string(f.flag));
            words.push_back(test::non_default_text(f));
        }
        std::vector<const char*> argv;
        for (const auto& w : words) argv.push_back(w.c_str());
        auto p = parse(argv);
        QVERIFY2(p.options, p.message.c_str());
        const RunConfig& from_cli = p.options->run;
        for (const RunField& f : run_fields()) {
            QCOMPARE(field_text(f, from_cli), test::non_default_text(f));
        }
        Scenario scenario{"round trip", "", from_cli, {}};
        auto back = parse_scenario(scenario_to_json(scenario));
        QVERIFY2(back.ok(), error_of(back).c_str());
        for (const RunField& f : run_fields()) {
            QCOMPARE(field_text(f, back->run), field_text(f, from_cli));
        }
        WorkerCommandLine worker{
            .listen_fd = 4, .control_fd = 3, .parent_pid = 42, .server = back->run.server};
        worker.server.model = worker.server.inner;  // what a process-per-core worker runs
        std::vector<std::string> args = to_arguments(worker);
        args.insert(args.begin(), "conclab-worker");
        std::vector<const char*> worker_argv;
        for (const auto& a : args) worker_argv.push_back(a.c_str());
        const auto parsed =
            parse_worker_arguments(static_cast<int>(worker_argv.size()), worker_argv.data());
        QVERIFY2(parsed.ok(), error_of(parsed).c_str());
        const WorkerCommandLine& read = *parsed;
        QCOMPARE(read.listen_fd, 4);
        QCOMPARE(read.parent_pid, 42);
        RunConfig sent, received;
        sent.server = worker.server;
        received.server = read.server;
        for (const RunField& f : run_fields()) {
            if (f.goes_to_worker()) QCOMPARE(field_text(f, received), field_text(f, sent));
        }
    }
    // An out-of-range value gets the registry's message from the CLI, a scenario file and the
    // worker's command line alike.
    void outOfRangeIsTheSameMessageEverywhere() {
        for (const RunField& f : run_fields()) {
            if (f.kind == FieldKind::Choice) continue;
            const std::string bad = test::out_of_range_text(f);
            const std::string expected = check_field_value(f, std::stod(bad)).error();
            const std::string flag = "--" + std::string(f.flag);
            auto cli = parse({"run", flag.c_str(), bad.c_str()});
            QVERIFY2(cli.message.find(expected) != std::string::npos, cli.message.c_str());
            auto file =
                parse_scenario("{\"name\":\"x\",\"" + std::string(f.key) + "\":" + bad + "}");
            QVERIFY2(error_of(file).find(expected) != std::string::npos, error_of(file).c_str());
            if (!f.goes_to_worker()) continue;
            const char* argv[] = {"conclab-worker", "--control-fd", "3", flag.c_str(), bad.c_str()};
            QCOMPARE(error_of(parse_worker_arguments(5, argv)), expected);
        }
    }
    void strayWordsAndVersion() {
        auto stray = parse({"run", "extra"});
        QVERIFY(!stray.options);
        QCOMPARE(stray.exit_code, ExitCode::Usage);
        auto version = parse({"--version"});
        QVERIFY(!version.options);
        QCOMPARE(version.exit_code, ExitCode::Ok);
        QVERIFY(version.message.find(CONCLAB_VERSION) != std::string::npos);
    }

    void serveCommand() {
        auto p = parse({"serve", "--model", "event-loop", "--port", "0", "--duration", "2"});
        QVERIFY2(p.options, p.message.c_str());
        QVERIFY(p.options->command == Command::Serve);
    }

    void compareCommand() {
        auto p = parse({"compare", "--models", "event-loop,gil-threads,process-per-core",
                        "--target", "http://127.0.0.1:5000/api", "-X", "POST", "-H", "A: 1", "-H",
                        "B: 2", "--body", "{}", "--repeat", "3", "--io-ms", "5"});
        QVERIFY2(p.options, p.message.c_str());
        const CliOptions& o = *p.options;
        QVERIFY(o.command == Command::Compare);
        QCOMPARE(o.models.size(), std::size_t(3));
        QVERIFY(o.models[2] == Model::ProcessPerCore);
        QCOMPARE(o.repeat, 3);
        QVERIFY(o.target);
        QVERIFY(!o.run.external);  // the models run on our servers; the target runs apart
        QCOMPARE(o.target->method, std::string("POST"));
        QCOMPARE(o.target->headers, (std::vector<std::string>{"A: 1", "B: 2"}));
        QCOMPARE(o.target->body, std::string("{}"));
        QCOMPARE(o.target->path, std::string("/api"));
        QCOMPARE(o.run.server.workload.io_ms, 5.0);
    }
    void compareTakesTheScenarioListUnlessModelsAreGiven() {
        QTemporaryFile f;
        QVERIFY(f.open());
        f.write(R"({"name":"t","compare":["gil-threads","event-loop"]})");
        f.close();
        const QByteArray path = f.fileName().toUtf8();
        auto p = parse({"compare", "--scenario", path.constData()});
        QVERIFY2(p.options, p.message.c_str());
        QCOMPARE(p.options->variants.size(), std::size_t(2));
        QVERIFY(p.options->variants[0].model_only() == Model::GilThreads);
        auto q = parse({"compare", "--scenario", path.constData(), "--models", "event-loop"});
        QVERIFY2(q.options, q.message.c_str());
        QCOMPARE(q.options->models.size(), std::size_t(1));
        QVERIFY(q.options->variants.empty());
    }
    // #12: a "compare" item may set any run fields (gunicorn sync vs gthread).
    void compareTakesTheScenarioVariants() {
        QTemporaryFile f;
        QVERIFY(f.open());
        f.write(R"({"name":"t","model":"process-per-core","inner":"gil-threads","workers":3,
                    "compare":[{"threads":1,"keep_alive":"off"},{"threads":4}]})");
        f.close();
        const QByteArray path = f.fileName().toUtf8();
        auto p = parse({"compare", "--scenario", path.constData(), "--io-ms", "20"});
        QVERIFY2(p.options, p.message.c_str());
        QCOMPARE(p.options->variants.size(), std::size_t(2));
        const auto plan = comparison_runs(p.options->run, p.options->variants);
        QCOMPARE(plan.size(), std::size_t(2));
        QCOMPARE(plan[0].server.threads, 1);
        QVERIFY(!plan[0].server.keep_alive);
        QCOMPARE(plan[1].server.threads, 4);
        QVERIFY(plan[1].server.keep_alive);
        QCOMPARE(plan[1].server.workers, 3);
        QCOMPARE(plan[1].server.workload.io_ms, 20.0);  // the flag applies to every run
    }
    void calibrateCommand() {
        auto p = parse({"calibrate", "--target", "http://127.0.0.1:5000/", "--model", "gil-threads",
                        "--threads", "0", "--save", "fit.json"});
        QVERIFY2(p.options, p.message.c_str());
        QVERIFY(p.options->command == Command::Calibrate);
        QCOMPARE(p.options->save_path, std::string("fit.json"));
        QCOMPARE(p.options->run.load.connections, 10);
        QVERIFY(p.options->target);
    }
    void runWithTargetShapesTheRequest() {
        auto p = parse({"run", "--target", "http://127.0.0.1:5000/", "-X", "PUT", "--repeat", "2"});
        QVERIFY2(p.options, p.message.c_str());
        QVERIFY(p.options->run.external);
        QCOMPARE(p.options->run.external->method, std::string("PUT"));
        QCOMPARE(p.options->repeat, 2);
    }
    void badNewFlags_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::newRow("compare without models") << QStringList{"compare"} << "--models";
        QTest::newRow("unknown model in list")
            << QStringList{"compare", "--models", "event-loop,fibers"} << "fibers";
        QTest::newRow("calibrate without target") << QStringList{"calibrate"} << "--target";
        QTest::newRow("header without target") << QStringList{"run", "-H", "A: 1"} << "--target";
        QTest::newRow("header without colon")
            << QStringList{"run", "--target", "http://127.0.0.1:1/", "-H", "nocolon"}
            << "Name: value";
        QTest::newRow("bad method")
            << QStringList{"run", "--target", "http://127.0.0.1:1/", "-X", "GE T"} << "method";
        QTest::newRow("repeat zero") << QStringList{"run", "--repeat", "0"} << "--repeat";
        QTest::newRow("models with run")
            << QStringList{"run", "--models", "event-loop"} << "--models";
        QTest::newRow("save with run") << QStringList{"run", "--save", "x.json"} << "--save";
        QTest::newRow("csv-workers without process-per-core")
            << QStringList{"run", "--csv-workers", "w.csv"} << "process-per-core";
        QTest::newRow("csv-workers with compare")
            << QStringList{"compare", "--models", "event-loop", "--csv-workers", "w.csv"}
            << "--csv-workers";
    }
    void badNewFlags() {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        refused_saying(args, says);
    }
    // Issue #18's probe: each of these ran (or ran for the wrong time, or lost its output at the
    // end); each is now refused before anything starts, exit 2, naming the flag or field.
    void probeFindingsAreRefusedBeforeTheRun_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        const QString existing = outputs_.filePath("existing.json");
        QFile f(existing);
        if (!f.exists() && f.open(QIODevice::WriteOnly)) f.write("precious");
        const QString device = outputs_.filePath("device-link");
        QFile::link("/dev/null", device);
        QTest::newRow("rate 1e-300") << QStringList{"run", "--rate", "1e-300"} << "rate must be 0";
        QTest::newRow("rate 1e-11") << QStringList{"run", "--rate", "1e-11"} << "rate must be 0";
        QTest::newRow("tick beyond the run")
            << QStringList{"run", "--tick", "60", "--duration", "1"} << "tick_s must be at most";
        QTest::newRow("step-duration nan")
            << QStringList{"sweep", "--connections", "1,2", "--step-duration", "nan"}
            << "--step-duration";
        QTest::newRow("empty stages") << QStringList{"run", "--stages", ""} << "--stages needs";
        QTest::newRow("empty target") << QStringList{"run", "--target", ""} << "--target needs";
        QTest::newRow("empty scenario")
            << QStringList{"run", "--scenario", ""} << "--scenario needs";
        QTest::newRow("json and csv on stdout")
            << QStringList{"run", "--json", "-", "--csv", "-"} << "only one of";
        QTest::newRow("same file twice")
            << QStringList{"run", "--json", "a.out", "--csv", "a.out"} << "the same file";
        QTest::newRow("existing output")
            << QStringList{"run", "--json", existing} << "--json: cannot write";
        QTest::newRow("device with force")
            << QStringList{"run", "--csv", device, "--force"} << "not a regular file";
        QTest::newRow("no such folder")
            << QStringList{"run", "--json", outputs_.filePath("no/such/x.json")}
            << "no such folder";
        QTest::newRow("existing chart")
            << QStringList{"run", "--chart", outputs_.filePath("existing.json") + ".png", "--json",
                           existing}
            << "--json";
        QTest::newRow("sweep from 2^32+1")
            << QStringList{"sweep", "--from", "4294967297", "--to", "2", "--steps", "2"}
            << "--from";
    }
    void probeFindingsAreRefusedBeforeTheRun() {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        refused_saying(args, says);
    }

private:
    QTemporaryDir outputs_;
};

QTEST_GUILESS_MAIN(TstCliOptions)
#include "tst_cli_options.moc"
