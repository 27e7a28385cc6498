// The run-field registry: every row is complete and consistent, values round-trip through text,
// and a bad value gets the same message whichever way it arrives.
#include <QtTest>

#include <set>

#include "core/machine_limits.hpp"
#include "core/run_fields.hpp"
#include "run_field_samples.hpp"

using namespace conclab;

class TstRunFields : public QObject {
    Q_OBJECT
private slots:
    void everyRowIsComplete() {
        std::set<std::string_view> keys, flags;
        for (const RunField& f : run_fields()) {
            QVERIFY2(keys.insert(f.key).second, f.key.data());
            QVERIFY2(flags.insert(f.flag).second, f.flag.data());
            QVERIFY2(!f.help.empty(), f.key.data());
            if (f.kind == FieldKind::Choice) {
                QVERIFY2(f.get_choice && f.set_choice && !f.choices.empty(), f.key.data());
            } else {
                QVERIFY2(f.get_number && f.set_number && f.min <= f.max, f.key.data());
                // The default itself is valid.
                QVERIFY2(check_field_value(f, f.get_number(RunConfig{})).ok(), f.key.data());
            }
            QCOMPARE(find_run_field(f.key), &f);
        }
        QVERIFY(find_run_field("no_such_field") == nullptr);
    }
    void valuesRoundTripThroughText() {
        for (const RunField& f : run_fields()) {
            RunConfig c;
            const std::string text = test::non_default_text(f);
            QVERIFY2(text != field_default_text(f), f.key.data());
            QVERIFY(set_field_from_text(f, c, text).ok());
            QCOMPARE(field_text(f, c), text);
        }
    }
    void realNumbersKeepEveryDigit() {
        const RunField& f = *find_run_field("cpu_ms");
        RunConfig c;
        QVERIFY(set_field_from_text(f, c, "0.1").ok());
        QCOMPARE(c.server.workload.cpu_ms, 0.1);
        QCOMPARE(field_text(f, c), std::string("0.1"));
    }
    void badTextIsNamed_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("word") << "connections"
                              << "many"
                              << "connections must be a whole number, got 'many'";
        QTest::newRow("fraction") << "threads"
                                  << "2.5"
                                  << "threads must be a whole number, got 2.5";
        const QString limit = QString::number(max_connections());
        QTest::newRow("too big") << "connections"
                                 << "100000000"
                                 << "connections must be 1.." + limit + ", got 100000000";
        QTest::newRow("uint64 max")
            << "connections"
            << "18446744073709551615"
            << "connections must be 1.." + limit + ", got 18446744073709551615";
        QTest::newRow("overflow") << "duration_s"
                                  << "1e400"
                                  << "duration_s must be 0..86400, got 1e400";
        QTest::newRow("negative") << "cpu_ms"
                                  << "-1"
                                  << "cpu_ms must be 0..10000, got -1";
        QTest::newRow("nan") << "io_ms"
                             << "nan"
                             << "io_ms must be";
        QTest::newRow("empty") << "io_ms"
                               << ""
                               << "io_ms must be a number";
        QTest::newRow("trailing") << "io_ms"
                                  << "5ms"
                                  << "io_ms must be a number, got '5ms'";
        QTest::newRow("choice") << "model"
                                << "fibers"
                                << "model must be one of event-loop | gil-threads | "
                                   "process-per-core, got 'fibers'";
        QTest::newRow("inner") << "inner"
                               << "process-per-core"
                               << "inner must be one of";
    }
    void badTextIsNamed() {
        QFETCH(QString, key);
        QFETCH(QString, text);
        QFETCH(QString, says);
        RunConfig c;
        const RunConfig before = c;
        const std::string problem = test::problem_of(
            set_field_from_text(*find_run_field(key.toStdString()), c, text.toStdString()));
        QVERIFY2(QString::fromStdString(problem).startsWith(says), problem.c_str());
        QCOMPARE(c.load.connections, before.load.connections);  // nothing half-set
        QCOMPARE(c.duration_s, before.duration_s);
    }
    void validateUsesTheRegistryMessages() {
        RunConfig c;
        c.load.connections = 0;
        const auto errors = test::problems_of(validate(c));
        QCOMPARE(errors.size(), std::size_t(1));
        QCOMPARE(errors.front(), check_field_value(*find_run_field("connections"), 0).error());
        QCOMPARE(errors.front(),
                 "connections must be 1.." + std::to_string(max_connections()) + ", got 0");
    }
    // The largest connection count is this machine's descriptor hard limit less the programs'
    // own files, and a refusal says which limit and how to raise it.
    void connectionLimitIsTheMachines() {
        const MachineLimits m = read_machine_limits();
        QCOMPARE(max_connections(), static_cast<int>(m.fd_hard - kFdHeadroom));
        QCOMPARE(find_run_field("connections")->max, static_cast<double>(max_connections()));
        QCOMPARE(find_run_field("idle_connections")->max, static_cast<double>(max_connections()));
        const std::string problem =
            check_field_value(*find_run_field("connections"), max_connections() + 1.0).error();
        QVERIFY2(problem.find("RLIMIT_NOFILE hard limit") != std::string::npos, problem.c_str());
        QVERIFY2(problem.find(std::to_string(m.fd_hard)) != std::string::npos, problem.c_str());
        QVERIFY2(problem.find("ulimit -Hn") != std::string::npos, problem.c_str());
        QVERIFY(check_field_value(*find_run_field("connections"), max_connections()).ok());
        const std::string help = field_help(*find_run_field("connections"));
        QVERIFY2(help.find("1.." + std::to_string(max_connections())) != std::string::npos,
                 help.c_str());
    }
    void threadLimitNamesTheKernelLimits() {
        MachineLimits m;
        m.threads_max = 1000;
        m.pid_max = 800;
        m.max_map_count = 65530;
        QCOMPARE(max_threads(m, 100), 700L);
        QVERIFY(check_thread_limit(700, m, 100).ok());
        const auto refused = check_thread_limit(701, m, 100);
        QVERIFY(!refused.ok());
        const std::string& problem = refused.error();
        QVERIFY2(problem.find("kernel.pid_max 800") != std::string::npos, problem.c_str());
        QVERIFY2(problem.find("about 700") != std::string::npos, problem.c_str());
        QVERIFY2(problem.find("sysctl") != std::string::npos, problem.c_str());
        m.max_map_count = 1000;  // 500 stacks with their guard pages
        QCOMPARE(max_threads(m, 100), 400L);
    }
    void helpShowsRangeAndUnit() {
        const std::string help = field_help(*find_run_field("io_ms"));
        QVERIFY2(help.find("(0..60000 ms)") != std::string::npos, help.c_str());
    }
};

QTEST_GUILESS_MAIN(TstRunFields)
#include "tst_run_fields.moc"
