#include <QtTest>

#include "process/worker_protocol.hpp"

using namespace conclab::worker_protocol;

class TstWorkerProtocol : public QObject {
    Q_OBJECT
private slots:
    void statsRoundTrip() {
        Stats s{123456789012ull, 10, 3, 7, 2, 987654321ull, 4};
        s.in_service_area_us = 111;  // the time-averaged counts
        s.waiting_area_us = 222;
        s.waiting_peak = 5;
        s.clock_us = 333;
        s.heartbeat_us = 9876543210123;  // what the host's worker timeout reads
        auto line = encode(s);
        QVERIFY(line.back() == '\n');
        line.pop_back();
        // The heartbeat comes last, after the areas, the waiting peak and the clock.
        QVERIFY2(line.ends_with(" 111 222 5 333 9876543210123"), line.c_str());
        auto parsed = parse_worker_message(line);
        QVERIFY(parsed);
        const auto& back = std::get<Stats>(*parsed);
        QCOMPARE(back.requests, s.requests);
        QCOMPARE(back.in_service_peak, 7);
        QCOMPARE(back.cpu_ns, s.cpu_ns);
        QCOMPARE(back.in_service_area_us, s.in_service_area_us);
        QCOMPARE(back.waiting_area_us, s.waiting_area_us);
        QCOMPARE(back.waiting_peak, s.waiting_peak);
        QCOMPARE(back.clock_us, s.clock_us);
        QCOMPARE(back.heartbeat_us, s.heartbeat_us);
        // A line without the heartbeat (an older worker) is not taken for one with it.
        QVERIFY(!parse_worker_message("stats 1 2 3 4 5 6 7 8 9 10 11"));
    }
    // A round-robin worker acknowledges each connection its loop has taken; the host hands it
    // the next only then.
    void takenRoundTrip() {
        QCOMPARE(encode(WorkerMessage{Taken{}}), std::string("taken\n"));
        auto parsed = parse_worker_message("taken");
        QVERIFY(parsed && std::holds_alternative<Taken>(*parsed));
    }
    // The models' internals travel as cumulative readings with a sparse histogram.
    void internalsRoundTrip() {
        conclab::LoopReading loop;
        loop.started_ns = 5;
        loop.clock_ns = 1'000'000'123;
        loop.busy_ns = 990'000'000;
        loop.delay_max_ns = 48'000'000;
        loop.delay.record(48'000'000);
        loop.delay.record(200);
        std::string line = encode(LoopInternals{loop});
        QCOMPARE(std::count(line.begin(), line.end(), '\n'), 1);
        line.pop_back();
        auto parsed = parse_worker_message(line);
        QVERIFY2(parsed, line.c_str());
        const auto& back = std::get<LoopInternals>(*parsed).reading;
        QCOMPARE(back.clock_ns, loop.clock_ns);
        QCOMPARE(back.busy_ns, loop.busy_ns);
        QCOMPARE(back.delay_max_ns, loop.delay_max_ns);
        QCOMPARE(back.started_ns, loop.started_ns);
        QCOMPARE(back.delay, loop.delay);

        conclab::GlobalInterpreterLock::Stats gil;
        gil.started_ns = 1;
        gil.clock_ns = 2'000'000'000;
        gil.held_ns = 1'900'000'000;
        gil.waiting_area_ns = 5'700'000'000;
        gil.acquisitions = 400;
        gil.switches = 380;
        gil.drop_requests = 370;
        gil.wait.record(5'000'000);
        line = encode(GilInternals{gil});
        line.pop_back();
        parsed = parse_worker_message(line);
        QVERIFY2(parsed, line.c_str());
        const auto& g = std::get<GilInternals>(*parsed).reading;
        QCOMPARE(g.held_ns, gil.held_ns);
        QCOMPARE(g.waiting_area_ns, gil.waiting_area_ns);
        QCOMPARE(g.acquisitions, gil.acquisitions);
        QCOMPARE(g.switches, gil.switches);
        QCOMPARE(g.drop_requests, gil.drop_requests);
        QCOMPARE(g.wait, gil.wait);
        QVERIFY(!parse_worker_message("loop 1 2 3"));
        QVERIFY(!parse_worker_message("gil 1 2 3 4 5 6 7 2 1:1"));  // says 2 buckets, has 1
    }
    void commandsRoundTrip() {
        auto w = encode(SetWorkload{{12.5, 0.25, 50, 7.5, 33.25, 85.5}});
        w.pop_back();
        auto parsed = parse_engine_command(w);
        QVERIFY(parsed);
        QCOMPARE(std::get<SetWorkload>(*parsed).workload.cpu_ms, 0.25);
        QCOMPARE(std::get<SetWorkload>(*parsed).workload.overhead_us, 12.5);
        QCOMPARE(std::get<SetWorkload>(*parsed).workload.overhead_released_us, 7.5);
        QCOMPARE(std::get<SetWorkload>(*parsed).workload.resume_us, 33.25);
        QCOMPARE(std::get<SetWorkload>(*parsed).workload.connection_us, 85.5);
        QVERIFY(!parse_engine_command("workload 12.5 0.25 50 7.5 33.25"));  // the old five
        QVERIFY(std::holds_alternative<Quit>(*parse_engine_command("quit")));
        QCOMPARE(std::get<SetThreads>(*parse_engine_command("threads 7")).threads, 7);
    }
    void errorsKeepOneLine() {
        auto line = encode(Error{"two\nlines"});
        QCOMPARE(std::count(line.begin(), line.end(), '\n'), 1);
        QCOMPARE(std::get<Error>(*parse_worker_message(line.substr(0, line.size() - 1))).text,
                 std::string("two lines"));
    }
    void rejectsGarbage() {
        QVERIFY(!parse_worker_message("stats 1 2"));
        QVERIFY(!parse_worker_message("hello"));
        QVERIFY(!parse_engine_command("threads x"));
        QVERIFY(!parse_engine_command(""));
    }
};

QTEST_APPLESS_MAIN(TstWorkerProtocol)
#include "tst_worker_protocol.moc"
