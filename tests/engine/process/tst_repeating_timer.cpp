#include <QtTest>

#include <chrono>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "process/repeating_timer.hpp"

// The host's periodic check: it runs until cancelled, and a cancel leaves the io_context
// without work, so that the loop's run() returns and the host thread can be joined, also when
// the cancel meets a run whose time has come (ServerHost::stop() hung there).

using namespace conclab;
namespace asio = boost::asio;
using namespace std::chrono_literals;

class TstRepeatingTimer : public QObject {
    Q_OBJECT
private slots:
    void runsEveryIntervalUntilCancelled() {
        asio::io_context io;
        int runs = 0;
        RepeatingTimer* self = nullptr;
        RepeatingTimer timer(io, 2ms, [&] {
            if (++runs == 5) self->cancel();
        });
        self = &timer;
        timer.start();
        const auto began = std::chrono::steady_clock::now();
        io.run_for(10s);
        QVERIFY2(io.stopped(), "the loop still had work after the cancel");
        QCOMPARE(runs, 5);
        // Five intervals at least: each run waited for its time.
        QVERIFY(std::chrono::steady_clock::now() - began >= 10ms);
    }

    void cancelledBeforeItsTimeRunsNothing() {
        asio::io_context io;
        int runs = 0;
        RepeatingTimer timer(io, std::chrono::hours(1), [&] { ++runs; });
        timer.start();
        asio::post(io, [&] { timer.cancel(); });
        io.run_for(10s);
        QVERIFY(io.stopped());
        QCOMPARE(runs, 0);
    }

    // The race that hung ServerHost::stop(): the run is due (its wait has completed) when the
    // cancel is queued, and the loop picks up the completion in the same turn, behind the
    // cancel. The cancel then finds no pending wait to abort, and the run's handler comes next.
    void aCancelMeetingADueRunEndsTheLoop() {
        for (int round = 0; round < 20; ++round) {
            asio::io_context io;
            int runs = 0;
            RepeatingTimer timer(io, 1ms, [&] { ++runs; });
            timer.start();
            std::this_thread::sleep_for(5ms);  // due, and nobody has run the loop yet
            asio::post(io, [&] { timer.cancel(); });
            io.run_for(3s);
            QVERIFY2(
                io.stopped(),
                qPrintable(QString("round %1: still armed after %2 runs").arg(round).arg(runs)));
            QCOMPARE(runs, 0);
        }
    }
};

QTEST_GUILESS_MAIN(TstRepeatingTimer)
#include "tst_repeating_timer.moc"
