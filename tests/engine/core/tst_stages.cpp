// Load plans (k6-style stages): parsing "5s:10,…", the planned value at any time, the checks.
#include <QtTest>

#include "core/machine_limits.hpp"
#include "core/run_config.hpp"

using namespace conclab;

class TstStages : public QObject {
    Q_OBJECT
private slots:
    void parsesAndPrintsBack() {
        const Result<std::vector<Stage>> p = parse_stages("5s:10,10s:1000,5:0,0.5s:2.5");
        QVERIFY2(p.ok(), p.ok() ? "" : p.error().c_str());
        QCOMPARE(p->size(), std::size_t(4));
        QCOMPARE((*p)[0], (Stage{5, 10}));
        QCOMPARE((*p)[1], (Stage{10, 1000}));
        QCOMPARE((*p)[2], (Stage{5, 0}));
        QCOMPARE((*p)[3], (Stage{0.5, 2.5}));
        QCOMPARE(stages_text(*p), std::string("5s:10,10s:1000,5s:0,0.5s:2.5"));
        QCOMPARE(stages_duration_s(*p), 20.5);
    }

    void badTextNamesTheStage_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("no colon") << "5s:10,10s"
                                  << "stage 2 ('10s') must be DURATION:TARGET";
        QTest::newRow("zero duration") << "0s:10"
                                       << "stage 1 ('0s:10'): the duration";
        QTest::newRow("negative target") << "5s:-1"
                                         << "the target";
        QTest::newRow("word") << "5s:many"
                              << "the target";
        QTest::newRow("empty") << ""
                               << "stage 1";
        QTest::newRow("trailing comma") << "5s:1,"
                                        << "stage 2";
    }
    void badTextNamesTheStage() {
        QFETCH(QString, text);
        QFETCH(QString, says);
        const Result<std::vector<Stage>> p = parse_stages(text.toStdString());
        QVERIFY(!p.ok());
        QVERIFY2(QString::fromStdString(p.error()).contains(says), p.error().c_str());
    }

    // Linear from the starting value through each target; the last target holds afterwards.
    void plannedValueIsLinear() {
        const std::vector<Stage> plan{{5, 10}, {10, 1000}, {5, 0}};
        QCOMPARE(planned_value(plan, 0, 0), 0.0);
        QCOMPARE(planned_value(plan, 0, 2.5), 5.0);
        QCOMPARE(planned_value(plan, 0, 5), 10.0);
        QCOMPARE(planned_value(plan, 0, 10), 505.0);
        QCOMPARE(planned_value(plan, 0, 15), 1000.0);
        QCOMPARE(planned_value(plan, 0, 17.5), 500.0);
        QCOMPARE(planned_value(plan, 0, 20), 0.0);
        QCOMPARE(planned_value(plan, 0, 99), 0.0);
        QCOMPARE(planned_value(plan, 100, 2.5), 55.0);  // from where the run started
        QCOMPARE(planned_value({}, 42, 3), 42.0);
    }

    void rangesDependOnTheLoop() {
        const double limit = max_connections();
        QVERIFY(check_stages({{5, limit}}, false).ok());
        QVERIFY(check_stages({{5, limit + 1}}, false).error().find("stage 1") != std::string::npos);
        QVERIFY(check_stages({{5, 2.5}}, false).error().find("whole number") != std::string::npos);
        QVERIFY(check_stages({{5, 50000.5}}, true).ok());  // req/s in an open loop
        RunConfig c;
        c.stages = {{1, 10}, {0, 5}};
        const auto errors = validate(c).error();
        QCOMPARE(errors.size(), std::size_t(1));
        QVERIFY(errors.front().rfind("stages: stage 2", 0) == 0);
    }
};

QTEST_APPLESS_MAIN(TstStages)
#include "tst_stages.moc"
