// ServerCounters' waiting sampler: it counts the idle connections whose socket holds unread
// bytes, and paces itself by its own cost so that measuring never takes a real share of the
// model's CPU (a sample that took d is followed by none before 100 d). Counts only: the pacing
// is checked by a call right after a sample, which only a skipped sample leaves unchanged.
#include <QtTest>

#include <sys/socket.h>
#include <unistd.h>

#include <vector>

#include "core/clocks.hpp"
#include "server/server_counters.hpp"

using namespace conclab;

namespace {

// Socket pairs: the server's end is registered, the client's end writes a request's first byte.
struct Pairs {
    explicit Pairs(int n) {
        for (int i = 0; i < n; ++i) {
            int fds[2];
            if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) return;
            server.push_back(fds[0]);
            client.push_back(fds[1]);
        }
    }
    ~Pairs() {
        for (int fd : server) ::close(fd);
        for (int fd : client) ::close(fd);
    }
    Pairs(const Pairs&) = delete;
    Pairs& operator=(const Pairs&) = delete;
    bool send_byte(int i) { return ::write(client[i], "G", 1) == 1; }
    std::vector<int> server, client;
};

}  // namespace

class TstServerCounters : public QObject {
    Q_OBJECT
private slots:
    // Idle connections with bytes waiting count; those in service do not.
    void waitingCountsIdleConnectionsWithUnreadBytes() {
        Pairs pairs(6);
        QCOMPARE(int(pairs.server.size()), 6);
        ServerCounters counters;
        for (int fd : pairs.server) counters.connection_opened(fd);
        for (int i = 0; i < 4; ++i) QVERIFY(pairs.send_byte(i));
        counters.set_in_service(pairs.server[0], true);  // a thread reads it: not waiting
        QTRY_COMPARE(counters.take_stats().waiting, 3);  // (pacing may skip a call or two)
        for (int fd : pairs.server) counters.connection_closed(fd);
    }

    // 400 idle connections take a sample of at least 50 µs (400 ioctls), so a call within 5 ms
    // of it is skipped: its count is unchanged although 100 more requests arrived. A later call
    // counts them. (Attempts where this thread lost the CPU for 5 ms between the two are retried.)
    void aCostlySampleSkipsTheNextCalls() {
        constexpr int kConnections = 400;  // 800 descriptors: below the usual limit of 1,024
        Pairs pairs(kConnections);
        QCOMPARE(int(pairs.server.size()), kConnections);
        ServerCounters counters;
        for (int fd : pairs.server) counters.connection_opened(fd);
        int sent = 0;
        bool skipped = false;
        for (int attempt = 0; attempt < 3 && !skipped; ++attempt) {
            QTest::qWait(300);  // past any window: the next call samples
            QCOMPARE(counters.take_stats().waiting, sent);
            const std::int64_t sampled_ns = monotonic_ns();
            for (int i = 0; i < 100; ++i) QVERIFY(pairs.send_byte(sent + i));
            sent += 100;
            counters.sample_waiting();
            const int waiting = counters.take_stats().waiting;
            if (monotonic_ns() - sampled_ns > 5'000'000) continue;  // too late to tell
            QCOMPARE(waiting, sent - 100);
            skipped = true;
        }
        QVERIFY(skipped);
        QTRY_COMPARE(counters.take_stats().waiting, sent);
        for (int fd : pairs.server) counters.connection_closed(fd);
    }
};

QTEST_GUILESS_MAIN(TstServerCounters)
#include "tst_server_counters.moc"
