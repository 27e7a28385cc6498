#include <QtTest>

#include "process/worker_protocol.hpp"

using namespace conclab::worker_protocol;

class TstWorkerProtocol : public QObject {
    Q_OBJECT
private slots:
    void statsRoundTrip() {
        Stats s{123456789012ull, 10, 3, 7, 2, 987654321ull, 4};
        auto line = encode(s);
        QVERIFY(line.back() == '\n');
        line.pop_back();
        auto parsed = parse_worker_message(line);
        QVERIFY(parsed);
        const auto& back = std::get<Stats>(*parsed);
        QCOMPARE(back.requests, s.requests);
        QCOMPARE(back.in_service_peak, 7);
        QCOMPARE(back.cpu_ns, s.cpu_ns);
    }
    void commandsRoundTrip() {
        auto w = encode(SetWorkload{{12.5, 0.25, 50, 7.5}});
        w.pop_back();
        auto parsed = parse_engine_command(w);
        QVERIFY(parsed);
        QCOMPARE(std::get<SetWorkload>(*parsed).workload.cpu_ms, 0.25);
        QCOMPARE(std::get<SetWorkload>(*parsed).workload.overhead_us, 12.5);
        QCOMPARE(std::get<SetWorkload>(*parsed).workload.overhead_released_us, 7.5);
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
