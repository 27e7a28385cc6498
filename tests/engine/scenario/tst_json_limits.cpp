#include <QtTest>

#include <QTemporaryDir>

#include <string>

#include "report/run_report_reader.hpp"
#include "result_text.hpp"
#include "scenario/json_limits.hpp"
#include "scenario/scenario.hpp"

using namespace conclab;
using conclab::test::error_of;

namespace {

// {"key": [[[ ... 0 ... ]]]} nested `depth` arrays deep.
std::string nested(const std::string& key, std::size_t depth) {
    return "{\"name\": \"x\", \"" + key + "\": " + std::string(depth, '[') + "0" +
           std::string(depth, ']') + "}";
}

QString error_of(const std::string& json) {
    const auto parsed = parse_scenario(json);
    return parsed.ok() ? QString() : QString::fromStdString(parsed.error());
}

}  // namespace

// Probe findings 1, 5 and 9 of #18: hostile JSON gets a message naming the field, never a crash,
// a silently wrapped number or a 100 KB echo.
class TstJsonLimits : public QObject {
    Q_OBJECT
private slots:
    // 70,000 levels crashed the message that quoted the value (recursive dump()); it is refused
    // before it becomes a document, naming the field, wherever it sits.
    void deepNestingIsRefusedNamingTheField_data() {
        QTest::addColumn<QString>("key");
        QTest::newRow("run field") << "threads";
        QTest::newRow("compare item") << "compare";
        QTest::newRow("description") << "description";
    }
    void deepNestingIsRefusedNamingTheField() {
        QFETCH(QString, key);
        const QString error = error_of(nested(key.toStdString(), 70000));
        QVERIFY2(error.contains("field \"" + key + "\"") && error.contains("nested deeper"),
                 qPrintable(error.left(300)));
        QVERIFY(error.size() < 200);
    }
    void deepNestingInsideSweep() {
        const std::string models =
            "{\"name\":\"x\",\"sweep\":{\"models\":" + std::string(70000, '[') +
            std::string(70000, ']') + "}}";
        const QString error = error_of(models);
        QVERIFY2(error.contains("field \"sweep\"") && error.contains("nested deeper"),
                 qPrintable(error.left(300)));
        const std::string connections =
            "{\"name\":\"x\",\"sweep\":{\"connections\":" + std::string(70000, '[') +
            std::string(70000, ']') + "}}";
        QVERIFY(error_of(connections).contains("nested deeper"));
    }
    // Nesting below the limit is read as before (and refused for its type, quoting it).
    void shallowNestingStillGetsTheTypeMessage() {
        const QString error = error_of(nested("threads", 3));
        QVERIFY2(error.contains("threads must be a number, got [[[0]]]"), qPrintable(error));
        QVERIFY(check_json_depth(nested("threads", kMaxJsonDepth - 1)).ok());
        QVERIFY(!check_json_depth(nested("threads", kMaxJsonDepth)).ok());
    }
    // A saved run (File → Open run) goes through the same gate.
    void savedRunsRefuseDeepNesting() {
        const auto runs = parse_saved_runs(nested("runs", 70000));
        QVERIFY2(QString::fromStdString(error_of(runs)).contains("nested deeper"),
                 error_of(runs).c_str());
    }
    // A 100 KB value is quoted cut short, not whole.
    void longValuesAreEchoedCut() {
        const std::string big(100000, 'x');
        const QString error = error_of("{\"name\":\"x\",\"threads\":\"" + big + "\"}");
        QVERIFY2(error.contains("threads must be a number"), qPrintable(error.left(300)));
        QVERIFY2(error.size() < 200, qPrintable(QString::number(error.size())));
        const QString model = error_of("{\"name\":\"x\",\"compare\":[\"" + big + "\"]}");
        QVERIFY2(model.contains("unknown model") && model.size() < 200,
                 qPrintable(model.left(300)));
        // An unterminated string: the parser's own "last read" is cut as well.
        const QString broken = error_of("{\"name\":\"x\",\"threads\":\"" + big);
        QVERIFY2(broken.size() < 400, qPrintable(QString::number(broken.size())));
    }
    // NaN and Infinity are not JSON; the message names the field they were given for.
    void nanAndInfinityNameTheField_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("NaN") << R"({"name":"x","cpu_ms": NaN})"
                             << "cpu_ms";
        QTest::newRow("Infinity") << R"({"name":"x","rate": Infinity})"
                                  << "rate";
        QTest::newRow("-Infinity") << R"({"name":"x","io_ms": -Infinity})"
                                   << "io_ms";
        QTest::newRow("1e400") << R"({"name":"x","duration": 1e400})"
                               << "duration";
    }
    void nanAndInfinityNameTheField() {
        QFETCH(QString, json);
        QFETCH(QString, field);
        const QString error = error_of(json.toStdString());
        QVERIFY2(error.startsWith("field \"" + field + "\""), qPrintable(error));
    }
    // 4294967297 wrapped to 1 through get<int>(): the sweep ran N = 1, 2. Checked as 64 bits.
    void sweepBoundsAreCheckedBeforeNarrowing_data() {
        QTest::addColumn<QString>("sweep");
        QTest::newRow("from 2^32+1") << R"({"from": 4294967297, "to": 2, "steps": 2})";
        QTest::newRow("to 2^32+2") << R"({"from": 1, "to": 4294967298, "steps": 2})";
        QTest::newRow("steps 2^32+2") << R"({"from": 1, "to": 8, "steps": 4294967298})";
        QTest::newRow("from 2^64-1") << R"({"from": 18446744073709551615, "to": 2, "steps": 2})";
        QTest::newRow("connection 2^32+1") << R"({"connections": [1, 4294967297]})";
    }
    void sweepBoundsAreCheckedBeforeNarrowing() {
        QFETCH(QString, sweep);
        const QString error = error_of("{\"name\":\"x\",\"sweep\":" + sweep.toStdString() + "}");
        QVERIFY2(error.startsWith("field \"sweep\""), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TstJsonLimits)
#include "tst_json_limits.moc"
