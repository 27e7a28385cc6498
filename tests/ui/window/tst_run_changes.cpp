// The words a heading adds when a run departs from its preset, and the sentences a user reads
// instead of a parser's internals.
#include <QtTest>

#include "core/run_fields.hpp"
#include "window/run_changes.hpp"
#include "window/user_message.hpp"

using namespace conclab;
using namespace conclab::ui;

class TstRunChanges : public QObject {
    Q_OBJECT
private slots:
    void unchangedSaysNothing() {
        const RunConfig c;
        QCOMPARE(changes_between(c, c), QString());
        QCOMPARE(title_with_changes("I/O-bound", QString()), QString("I/O-bound"));
    }

    void changedKnobsAreNamedWithBothValues() {
        RunConfig preset;
        preset.load.connections = 1000;
        preset.server.workload.io_ms = 50;
        RunConfig now = preset;
        now.load.connections = 120;
        now.server.workload.io_ms = 20;
        now.server.model = Model::GilThreads;
        const QString changes = changes_between(preset, now);
        QVERIFY2(changes.contains("connections 1,000 → 120"), qPrintable(changes));
        QVERIFY2(changes.contains("I/O 50 → 20 ms"), qPrintable(changes));
        QVERIFY2(changes.contains("model event loop → gil threads"), qPrintable(changes));
        QCOMPARE(title_with_changes("I/O-bound at 1,000 connections", "connections 1,000 → 120"),
                 QString("I/O-bound at 1,000 connections (changed: connections 1,000 → 120)"));
    }

    void fractionsKeepTheirDigits() {
        RunConfig preset;
        RunConfig now = preset;
        now.server.workload.cpu_ms = 2.5;
        QVERIFY2(changes_between(preset, now).contains("→ 2.5 ms"),
                 qPrintable(changes_between(preset, now)));
    }

    void knobsApplyToTheRunsConfig() {
        RunConfig c;
        const Knobs k{{"connections", 120}, {"io_ms", 7}, {"threads", 4}};
        const RunConfig after = with_knobs(c, k);
        QCOMPARE(after.load.connections, 120);
        QCOMPARE(after.server.workload.io_ms, 7.0);
        QCOMPARE(after.server.threads, 4);
        QCOMPARE(after.server.workload.cpu_ms, c.server.workload.cpu_ms);
    }

    // The status bar says a change from the rows: every live row, with its value and unit, in
    // the words of the heading; several in the registry's order.
    void knobsAreSaidFromTheirRows() {
        RunConfig base;
        for (const RunField& f : run_fields()) {
            if (!f.is_live()) continue;
            const double to = f.get_number(base) + 2;
            const QString said = knobs_text(Knobs{}.set(f, to));
            RunConfig after = base;
            f.set_number(after, to);
            // The same words as the heading's "name old → new unit".
            const QString change = changes_between(base, after);
            const QString name =
                change.left(change.indexOf(' ' + QString::number(f.get_number(base))));
            QVERIFY2(said.startsWith(name + ' ' + QString::number(to)), qPrintable(said));
            if (!f.unit.empty())
                QVERIFY2(said.endsWith(QString::fromUtf8(f.unit.data(), f.unit.size())),
                         qPrintable(said));
            QCOMPARE(with_knobs(base, Knobs{}.set(f, to)).server.workload, after.server.workload);
            QCOMPARE(f.get_number(with_knobs(base, Knobs{}.set(f, to))), to);
        }
        QCOMPARE(knobs_text(Knobs{{"io_ms", 20}, {"connections", 1000}}),
                 QString("I/O 20 ms, connections 1,000"));
    }

    void parserInternalsBecomeASentence() {
        const QString raw =
            "not valid JSON: [json.exception.parse_error.101] parse error at line 3, column 7: "
            "syntax error while parsing value - invalid literal; last read: 'x'";
        const UserMessage m = user_message(raw);
        QVERIFY2(!m.text.contains("json.exception"), qPrintable(m.text));
        QVERIFY2(!m.text.contains("[") && !m.text.contains("last read"), qPrintable(m.text));
        QVERIFY2(m.text.contains("line 3, column 7"), qPrintable(m.text));
        QVERIFY(m.text.startsWith("not valid JSON"));
        QCOMPARE(m.detail, raw);  // kept for the details and the log

        const UserMessage type = user_message(
            "not a valid run report: [json.exception.type_error.302] type must be number, but is "
            "string");
        QCOMPARE(type.text, QString("not a valid run report: type must be number, but is string"));

        const QString plain = "field \"connections\": must be 1..10000, got 0";
        QCOMPARE(user_message(plain).text, plain);
        QVERIFY(user_message(plain).detail.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstRunChanges)
#include "tst_run_changes.moc"
