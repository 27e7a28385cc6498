// Every live row of the run-field registry can be moved during a run: Experiment::adjust applies
// it, the snapshot's config holds the new value and a marker names it. The rows are read from the
// registry, so a live row added later is covered here without a new test.
#include <QtTest>

#include <set>
#include <string>
#include <vector>

#include "core/run_fields.hpp"
#include "experiment/experiment.hpp"

using namespace conclab;

namespace {

constexpr double kHangS = 20;

// A run where every live knob applies, save the loop's own: process per core (workers) with GIL
// threads inside (threads), closed (connections) or open (rate).
RunConfig run_for_knobs(bool open_loop) {
    RunConfig c;
    c.server.model = Model::ProcessPerCore;
    c.server.inner = Model::GilThreads;
    c.server.workers = 2;
    c.server.threads = 4;
    c.server.workload = Workload{0, 0.1, 2, 0};
    c.load.connections = 4;
    c.load.rate = open_loop ? 200 : 0;
    c.load.max_connections = 20;
    c.duration_s = 0;  // until stopped
    return c;
}

// Another valid value of the row, near the current one.
double moved(const RunField& field, const RunConfig& now) {
    const double v = field.get_number(now);
    return v + 1 <= field.max ? v + 1 : v - 1;
}

}  // namespace

class TstLiveKnobs : public QObject {
    Q_OBJECT
private slots:
    void everyLiveRowIsAppliedDuringARun() {
        std::set<std::string_view> live, applied;
        for (const RunField& f : run_fields()) {
            if (f.is_live()) live.insert(f.key);
        }
        QVERIFY(live.size() >= 8);  // connections, rate, the workload's four, threads, workers
        for (const bool open_loop : {false, true}) {
            Experiment e(run_for_knobs(open_loop));
            e.start();
            QTest::qWait(300);
            for (const RunField& f : run_fields()) {
                if (!f.is_live() || applied.count(f.key)) continue;
                const RunConfig before = e.snapshot().config;
                const double to = moved(f, before);
                const std::vector<std::string> rejected = e.adjust(Knobs{}.set(f, to));
                // Only the other loop's knob may be refused here; the other run takes it.
                if (!rejected.empty()) {
                    QVERIFY2(f.key == (open_loop ? "connections" : "rate"), rejected[0].c_str());
                    continue;
                }
                const Snapshot s = e.snapshot();
                QCOMPARE(f.get_number(s.config), to);
                QVERIFY2(!s.events.empty(), f.key.data());
                const AdjustEvent& marker = s.events.back();
                QCOMPARE(marker.knob, std::string(f.key));
                QCOMPARE(marker.from, f.get_number(before));
                QCOMPARE(marker.to, to);
                applied.insert(f.key);
            }
            e.stop();
            QVERIFY(e.wait_finished(kHangS));
        }
        QCOMPARE(applied, live);
    }

    // A row that is not live is refused by name, and nothing changes.
    void aRowThatIsNotLiveIsRefused() {
        Experiment e(run_for_knobs(false));
        e.start();
        QTest::qWait(200);
        for (const RunField& f : run_fields()) {
            if (f.is_live() || f.kind == FieldKind::Choice) continue;
            const RunConfig before = e.snapshot().config;
            const auto rejected = e.adjust(Knobs{}.set(f, moved(f, before)));
            QCOMPARE(rejected.size(), std::size_t(1));
            QVERIFY2(
                rejected[0].rfind(std::string(f.key) + " cannot change while a run goes", 0) == 0,
                rejected[0].c_str());
            QCOMPARE(field_text(f, e.snapshot().config), field_text(f, before));
        }
        QVERIFY(e.snapshot().events.empty());
        e.stop();
    }

    // Knobs set in any order list in the registry's; a later value of a row replaces the earlier.
    void knobsKeepTheRegistryOrderAndTheLastValue() {
        Knobs k{{"workers", 3}, {"connections", 5}};
        k.merge(Knobs{{"connections", 7}});
        QCOMPARE(k.size(), std::size_t(2));
        QCOMPARE(*k.get("connections"), 7.0);
        std::vector<std::string_view> keys;
        for (const Knobs::Value& v : k) keys.push_back(v.field->key);
        QCOMPARE(keys, (std::vector<std::string_view>{"workers", "connections"}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Knobs{{"no_such_row", 1}});
    }

    // Each live row is checked by its own row: range, whole numbers, and the running rules.
    void liveValuesAreCheckedByTheirRow() {
        for (const RunField& f : run_fields()) {
            if (!f.is_live()) continue;
            const auto too_big = validate(Knobs{}.set(f, f.max + 1));
            QVERIFY2(!too_big, f.key.data());
            QVERIFY2(too_big.error()[0].rfind(std::string(f.key) + " must be", 0) == 0,
                     too_big.error()[0].c_str());
            if (f.kind == FieldKind::Integer) {
                QVERIFY2(!validate(Knobs{}.set(f, f.min + 0.5)), f.key.data());
            }
        }
        QCOMPARE(validate(Knobs{{"workers", 0}}).error()[0],
                 std::string("workers must be at least 1 while a run goes"));
    }
};

QTEST_GUILESS_MAIN(TstLiveKnobs)
#include "tst_live_knobs.moc"
