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
        w.collect_into(first, total);
        QCOMPARE(total, std::uint64_t(100));
        QCOMPARE(first.workers.size(), std::size_t(1));
        QCOMPARE(first.workers[0].requests, std::uint64_t(100));
        QCOMPARE(first.in_service_peak, 4);
        QCOMPARE(first.in_service_avg, 2.0);  // no earlier report: what it said last

        // Half a second later with 1.5 requests in service on average.
        take(w, report(250, 1'500'000, 750'000), problems, by_pid);
        HostTick second;
        total = 0;
        w.collect_into(second, total);
        QCOMPARE(second.workers[0].requests, std::uint64_t(150));
        QCOMPARE(second.workers[0].cpu_ns, std::uint64_t(150'000));
        QCOMPARE(second.in_service_avg, 1.5);
        QCOMPARE(by_pid.at(42), std::uint64_t(250));
        QVERIFY(problems.empty());
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
};

QTEST_GUILESS_MAIN(TstWorkerRecord)
#include "tst_worker_record.moc"
