#include <QtTest>

#include <sys/wait.h>

#include <list>

#include "process/worker_liveness.hpp"
#include "process/worker_record.hpp"

// The host's per-worker bookkeeping without processes: cumulative reports in, per-collect
// differences out; and the liveness decisions (heartbeat timeout, restart budget).

using namespace conclab;
namespace wp = worker_protocol;

namespace {

wp::Stats report(std::uint64_t requests, std::int64_t clock_us, std::uint64_t in_service_area_us) {
    wp::Stats s;
    s.requests = requests;
    s.connections = 3;
    s.in_service = 2;
    s.in_service_peak = 4;
    s.cpu_ns = requests * 1000;
    s.in_service_area_us = in_service_area_us;
    s.clock_us = clock_us;
    s.heartbeat_us = clock_us;
    return s;
}

void take(WorkerRecord& w, const wp::WorkerMessage& message, std::vector<std::string>& problems,
          std::map<int, std::uint64_t>& by_pid) {
    std::string line = wp::encode(message);
    line.pop_back();  // the '\n'
    w.take_message(line, problems, by_pid);
}

}  // namespace

class TstWorkerRecord : public QObject {
    Q_OBJECT
private slots:
    void collectsDifferencesSinceThePreviousCollect() {
        WorkerRecord w;
        w.pid = 42;
        std::vector<std::string> problems;
        std::map<int, std::uint64_t> by_pid;
        take(w, wp::Ready{42}, problems, by_pid);
        QVERIFY(w.ready);
        take(w, report(100, 1'000'000, 0), problems, by_pid);

        HostTick first;
        std::uint64_t total = 0;
        w.collect_into(first, total, 1'000'000, problems);
        QCOMPARE(total, std::uint64_t(100));
        QCOMPARE(first.workers.size(), std::size_t(1));
        QCOMPARE(first.workers[0].requests, std::uint64_t(100));
        QCOMPARE(first.in_service_peak, 4);
        QCOMPARE(first.in_service_avg, 2.0);  // no earlier report: what it said last

        // Half a second later with 1.5 requests in service on average.
        take(w, report(250, 1'500'000, 750'000), problems, by_pid);
        HostTick second;
        total = 0;
        w.collect_into(second, total, 1'500'000, problems);
        QCOMPARE(second.workers[0].requests, std::uint64_t(150));
        QCOMPARE(second.workers[0].cpu_ns, std::uint64_t(150'000));
        QCOMPARE(second.in_service_avg, 1.5);
        QCOMPARE(by_pid.at(42), std::uint64_t(250));
        QVERIFY(problems.empty());
    }

    // A worker busy with 19,000 connections reports late: collects every 250 ms see a new
    // report only every other time. Its CPU is a rate over its own reports, so a steady 30 % of
    // a core reads 30 % in every tick (not 0 % then 60 %), and the sum over the run is kept.
    void lateReportsKeepTheCpuRateSteady() {
        WorkerRecord w;
        w.pid = 9;
        std::vector<std::string> problems;
        std::map<int, std::uint64_t> by_pid;
        take(w, wp::Ready{9}, problems, by_pid);
        std::uint64_t total = 0;
        take(w, report(100, 1'000'000, 0), problems, by_pid);  // cpu 100 µs
        HostTick t0;
        w.collect_into(t0, total, 1'000'000, problems);
        take(w, report(250, 1'500'000, 0), problems, by_pid);  // +150 µs over 500 ms: 0.03 %
        HostTick t1;
        w.collect_into(t1, total, 1'500'000, problems);
        QCOMPARE(t1.cpu_ns, std::uint64_t(150'000));
        HostTick t2;  // 250 ms later, no newer report: the same rate
        w.collect_into(t2, total, 1'750'000, problems);
        QCOMPARE(t2.cpu_ns, std::uint64_t(75'000));
        QCOMPARE(t2.workers[0].cpu_ns, std::uint64_t(75'000));
        take(w, report(400, 2'000'000, 0), problems, by_pid);  // +150 µs over 500 ms
        HostTick t3;
        w.collect_into(t3, total, 2'000'000, problems);
        QCOMPARE(t3.cpu_ns, std::uint64_t(75'000));
        QCOMPARE(t0.cpu_ns + t1.cpu_ns + t2.cpu_ns + t3.cpu_ns, std::uint64_t(400'000));
    }

    void unreadableLinesAndErrorsBecomeProblems() {
        WorkerRecord w;
        w.pid = 7;
        std::vector<std::string> problems;
        std::map<int, std::uint64_t> by_pid;
        w.take_message("nonsense", problems, by_pid);
        take(w, wp::Error{"threads must be 0..256"}, problems, by_pid);
        QCOMPARE(problems.size(), std::size_t(2));
        QVERIFY(problems[0].find("server worker 7 sent an unreadable line") == 0);
        QCOMPARE(problems[1], std::string("server worker 7: threads must be 0..256"));
    }

    void anOldHeartbeatTimesTheWorkerOut() {
        std::list<WorkerRecord> workers(3);
        int pid = 1;
        for (WorkerRecord& w : workers) {
            w.pid = pid++;
            w.ready = true;
            w.last.heartbeat_us = 1'000'000;
        }
        workers.back().last.heartbeat_us = 9'000'000;  // free a moment ago
        std::next(workers.begin())->quitting = true;   // leaving anyway: not judged
        std::vector<std::string> problems;
        const auto killed = mark_timed_out_workers(workers, 5.0, 10'000'000, problems);
        QCOMPARE(killed, std::vector<int>{1});
        QVERIFY(workers.front().timed_out);
        QCOMPARE(problems.size(), std::size_t(1));
        QVERIFY(problems[0].find("has not been free for 9.0 s") != std::string::npos);
        // Later the third one is silent too; the first, already marked, is not killed twice.
        QCOMPARE(mark_timed_out_workers(workers, 5.0, 20'000'000, problems), std::vector<int>{3});
    }

    void restartsStopAtTheBudget() {
        WorkerRecord w;
        w.pid = 9;
        w.ready = true;
        const int killed = 9;  // a wait status for "killed by signal 9"
        QVERIFY(WIFSIGNALED(killed));
        QVERIFY(judge_unexpected_exit(w, killed, 0).replace);
        const UnexpectedExit spent = judge_unexpected_exit(w, killed, kMaxWorkerRestarts);
        QVERIFY(!spent.replace);
        QVERIFY(spent.problem.find("not replaced") != std::string::npos);
        w.ready = false;  // never got ready: never replaced, so a broken worker cannot loop
        QVERIFY(!judge_unexpected_exit(w, killed, 0).replace);
        // The chart's label is short: the signal's name, not strsignal()'s sentence.
        QCOMPARE(describe_death(w, killed, 10).marker(),
                 std::string("worker 9 killed (SIGKILL) \u2192 10"));
        const int exited_1 = 1 << 8;  // a wait status for "exit status 1"
        QCOMPARE(describe_death(w, exited_1, 0).marker(),
                 std::string("worker 9 exited (status 1)"));
        w.timed_out = true;
        QCOMPARE(describe_death(w, killed, 11).marker(),
                 std::string("worker 9 timed out (SIGKILL) \u2192 11"));
    }

    // Probe finding 9 of #18: a SIGSTOPped worker's last report was summed as live ("in service
    // 20.0" at 0 req/s). Silent for more than kStaleReportUs, it is flagged and left out of the
    // live gauges; its cumulative requests still count. Said once each way.
    void aSilentWorkerIsFlaggedNotShownAsLive() {
        WorkerRecord w;
        w.pid = 5;
        w.ready = true;
        std::vector<std::string> problems;
        std::map<int, std::uint64_t> by_pid;
        take(w, report(100, 1'000'000, 0), problems, by_pid);
        HostTick fresh;
        std::uint64_t total = 0;
        w.collect_into(fresh, total, 1'100'000, problems);
        QCOMPARE(fresh.in_service, 2);
        QCOMPARE(fresh.stale_workers, 0);

        const std::int64_t later = 1'000'000 + kStaleReportUs + 500'000;
        HostTick silent;
        total = 0;
        w.collect_into(silent, total, later, problems);
        QCOMPARE(silent.in_service, 0);
        QCOMPARE(silent.connections, 0);
        QCOMPARE(silent.in_service_avg, 0.0);
        QCOMPARE(silent.in_service_peak, 0);
        QCOMPARE(silent.stale_workers, 1);
        QCOMPARE(total, std::uint64_t(100));
        QVERIFY(silent.workers.at(0).stale);
        QCOMPARE(problems.size(), std::size_t(1));
        const std::string said = QString("server worker 5 has sent no report for %1 s")
                                     .arg(static_cast<double>(later - 1'000'000) / 1e6, 0, 'f', 1)
                                     .toStdString();
        QVERIFY2(problems[0].find(said) == 0, problems[0].c_str());
        HostTick still;
        w.collect_into(still, total, later + 1'000'000, problems);
        QCOMPARE(problems.size(), std::size_t(1));  // not repeated every tick

        take(w, report(150, later + 1'100'000, 0), problems, by_pid);
        HostTick back;
        total = 0;
        w.collect_into(back, total, later + 1'200'000, problems);
        QCOMPARE(back.in_service, 2);
        QCOMPARE(back.stale_workers, 0);
        QCOMPARE(problems.back(), std::string("server worker 5 reports again"));
    }
};

QTEST_GUILESS_MAIN(TstWorkerRecord)
#include "tst_worker_record.moc"
