// Internals measured inside real servers (#10 §1), end to end: real worker processes, the real
// load generator. Bounds are generous and come from the mechanism (a 20 ms handler delays a 10 ms
// timer by about its length), never from timings of this machine. Each test prints what it
// measured, so that a run on a new machine shows the figures.
#include <QtTest>

#include <algorithm>
#include <numeric>
#include <set>

#include "experiment/experiment.hpp"

using namespace conclab;

namespace {

constexpr double kHangS = 60;

RunConfig run_of(Model model, double duration_s, int connections, Workload w) {
    RunConfig c;
    c.server.model = model;
    c.server.threads = 4;
    c.server.workers = 2;
    c.server.workload = w;
    c.load.connections = connections;
    c.duration_s = duration_s;
    c.warmup_s = 0.5;  // the first reports of a worker start with its start
    return c;
}

RunResult run(const RunConfig& c) {
    Experiment e(c);
    e.start();
    if (!e.wait_finished(kHangS)) qFatal("the run did not finish");
    return e.result();
}

bool loop_part(const Internals& i) {
    return i.loop_delay_p99_ms || i.loop_delay_max_ms || i.loop_utilization_pct;
}
bool gil_part(const Internals& i) {
    return i.gil_held_pct || i.gil_waiting_threads || i.gil_wait_p99_ms || i.gil_switches_per_s ||
           i.gil_drop_requests_per_s;
}

double mean(const RunResult& r, std::string_view key) {
    const auto& v = r.summary.internal(key);
    return v ? v->mean : -1;
}
double peak(const RunResult& r, std::string_view key) {
    const auto& v = r.summary.internal(key);
    return v ? v->max : -1;
}

void print_diagnosis(const RunResult& r) {
    for (const Diagnosis& d : r.diagnosis)
        qInfo("  diagnosis %s: %s", d.rule.c_str(), d.text.c_str());
    if (r.diagnosis.empty()) qInfo("  diagnosis: none");
}

}  // namespace

class TstInternals : public QObject {
    Q_OBJECT
private slots:
    void internalsExistExactlyForTheirModel_data() {
        QTest::addColumn<int>("model");
        QTest::addColumn<int>("inner");
        QTest::newRow("event-loop") << int(Model::EventLoop) << int(Model::EventLoop);
        QTest::newRow("gil-threads") << int(Model::GilThreads) << int(Model::GilThreads);
        QTest::newRow("process-per-core of event loops")
            << int(Model::ProcessPerCore) << int(Model::EventLoop);
        QTest::newRow("process-per-core of gil-threads")
            << int(Model::ProcessPerCore) << int(Model::GilThreads);
    }
    void internalsExistExactlyForTheirModel() {
        QFETCH(int, model);
        QFETCH(int, inner);
        RunConfig c = run_of(Model(model), 1.5, 8, Workload{20, 0.2, 2});
        c.server.inner = Model(inner);
        const RunResult r = run(c);
        const bool loop = Model(inner) == Model::EventLoop;
        const bool per_worker = Model(model) == Model::ProcessPerCore;
        int with_values = 0;
        for (const MetricsSample& m : r.series) {
            QVERIFY2(loop ? !gil_part(m.internals) : !loop_part(m.internals),
                     qPrintable(QString("a value of the other model at %1 s").arg(m.t_s)));
            if (loop ? m.internals.loop_utilization_pct.has_value()
                     : m.internals.gil_held_pct.has_value()) {
                ++with_values;
            }
            QCOMPARE(m.workers.has_value(), per_worker);
        }
        QVERIFY2(with_values >= int(r.series.size()) - 1,
                 qPrintable(QString("%1 of %2 ticks").arg(with_values).arg(r.series.size())));
        for (std::size_t i = 0; i < kInternalsFields.size(); ++i) {
            const bool ours = kInternalsFields[i].key.starts_with(loop ? "loop_" : "gil_");
            QCOMPARE(r.summary.internals[i].has_value(), ours);
        }
        QCOMPARE(r.summary.workers.has_value(), per_worker);
    }

    // CPU-bound requests on 4 GIL threads: the lock is always held and the 3 others queue.
    void cpuBoundGilThreadsKeepTheGilHeld() {
        RunConfig c = run_of(Model::GilThreads, 2.5, 8, Workload{0, 5, 0});
        const RunResult r = run(c);
        const double held = mean(r, "gil_held_pct");
        const double waiting = mean(r, "gil_waiting_threads");
        qInfo(
            "gil-threads, 4 threads, cpu_ms 5: held %.1f %%, waiting %.2f threads, wait p99 "
            "%.2f ms, %.0f hand-offs/s, %.0f drop requests/s, %.0f req/s",
            held, waiting, mean(r, "gil_wait_p99_ms"), mean(r, "gil_switches_per_s"),
            mean(r, "gil_drop_requests_per_s"), r.summary.rps);
        print_diagnosis(r);
        QVERIFY2(held >= 90, qPrintable(QString::number(held)));
        QVERIFY2(waiting >= 2 && waiting <= 3.2, qPrintable(QString::number(waiting)));
        QVERIFY(mean(r, "gil_wait_p99_ms") >= 1);
        const bool gil_bound =
            std::any_of(r.diagnosis.begin(), r.diagnosis.end(),
                        [](const Diagnosis& d) { return d.rule == "gil-bound"; });
        QVERIFY(gil_bound);
    }

    // 20 ms of CPU per request on the loop: its 10 ms timer fires about that late. An I/O-bound
    // loop fires it on time.
    void cpuWorkOnTheLoopDelaysItsTimer() {
        const RunResult blocked = run(run_of(Model::EventLoop, 2.5, 4, Workload{0, 20, 0}));
        qInfo("event-loop, cpu_ms 20: busy %.1f %%, delay p99 %.2f ms (peak %.2f), max %.2f ms",
              mean(blocked, "loop_utilization_pct"), mean(blocked, "loop_delay_p99_ms"),
              peak(blocked, "loop_delay_p99_ms"), peak(blocked, "loop_delay_max_ms"));
        print_diagnosis(blocked);
        QVERIFY2(mean(blocked, "loop_delay_p99_ms") >= 10,
                 qPrintable(QString::number(mean(blocked, "loop_delay_p99_ms"))));
        QVERIFY(peak(blocked, "loop_delay_max_ms") >= 10);
        QVERIFY2(mean(blocked, "loop_utilization_pct") >= 80,
                 qPrintable(QString::number(mean(blocked, "loop_utilization_pct"))));

        const RunResult idle = run(run_of(Model::EventLoop, 2.5, 4, Workload{0, 0, 20}));
        qInfo("event-loop, io_ms 20: busy %.1f %%, delay p99 %.2f ms (peak %.2f), max %.2f ms",
              mean(idle, "loop_utilization_pct"), mean(idle, "loop_delay_p99_ms"),
              peak(idle, "loop_delay_p99_ms"), peak(idle, "loop_delay_max_ms"));
        print_diagnosis(idle);
        // On a quiet machine an idle loop's timer is under 2 ms late; a loaded 2-core machine
        // (CI, parallel builds) delays any thread's wake-up by a few ms. The mechanism is the
        // contrast: the idle loop's delay is a fraction of the blocked loop's.
        QVERIFY2(mean(idle, "loop_delay_p99_ms") < 10 &&
                     mean(idle, "loop_delay_p99_ms") < mean(blocked, "loop_delay_p99_ms") / 3,
                 qPrintable(QString("idle %1 ms, blocked %2 ms")
                                .arg(mean(idle, "loop_delay_p99_ms"))
                                .arg(mean(blocked, "loop_delay_p99_ms"))));
        QVERIFY(mean(idle, "loop_utilization_pct") < 50);
        QVERIFY(idle.diagnosis.empty() ||
                std::none_of(idle.diagnosis.begin(), idle.diagnosis.end(),
                             [](const Diagnosis& d) { return d.rule == "loop-blocked"; }));
    }

    // Process per core under a connection burst (every connection opens at once): one entry per
    // worker per tick, distinct PIDs, summing to what the servers completed. The shares under
    // kernel and round-robin scheduling are printed; on 2 shared cores their difference is not
    // asserted (the kernel's choice depends on which worker is awake).
    void perWorkerEntriesUnderABurst_data() {
        QTest::addColumn<int>("scheduling");
        QTest::newRow("kernel") << int(Scheduling::Kernel);
        QTest::newRow("round-robin") << int(Scheduling::RoundRobin);
    }
    void perWorkerEntriesUnderABurst() {
        QFETCH(int, scheduling);
        RunConfig c = run_of(Model::ProcessPerCore, 2.0, 20, Workload{0, 0.2, 2});
        c.server.scheduling = Scheduling(scheduling);
        const RunResult r = run(c);
        for (const MetricsSample& m : r.series) {
            QVERIFY(m.workers);
            std::set<int> pids;
            double sum = 0;
            for (const WorkerSample& w : *m.workers) {
                pids.insert(w.pid);
                sum += w.rps * c.tick_s;
            }
            QCOMPARE(pids.size(), m.workers->size());
            QCOMPARE(m.workers->size(), std::size_t(2));
            QVERIFY2(std::abs(sum - double(m.server_requests.value_or(0))) < 0.5,
                     qPrintable(QString("%1 vs %2 at %3 s")
                                    .arg(sum)
                                    .arg(m.server_requests.value_or(0))
                                    .arg(m.t_s)));
        }
        QVERIFY(r.summary.workers && r.summary.workers->size() == 2);
        QString shares;
        double total = 0;
        for (const WorkerShare& w : *r.summary.workers) {
            shares += QString(" %1: %2 % (%3 requests, %4 % CPU)")
                          .arg(w.pid)
                          .arg(w.share_pct, 0, 'f', 1)
                          .arg(w.requests)
                          .arg(w.cpu_pct_mean, 0, 'f', 0);
            total += w.share_pct;
        }
        qInfo("process-per-core, 2 workers, %s scheduling, 20 connections at once:%s",
              scheduling == int(Scheduling::Kernel) ? "kernel" : "round-robin", qPrintable(shares));
        print_diagnosis(r);
        QVERIFY(std::abs(total - 100) < 1e-6);
    }
};

QTEST_GUILESS_MAIN(TstInternals)
#include "tst_internals.moc"
