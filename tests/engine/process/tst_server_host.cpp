// Real worker processes (conclab-worker, found through CONCLAB_WORKER) on a shared socket.
#include <QtTest>

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <vector>

#include "blocking_http_client.hpp"
#include "core/start_error.hpp"
#include "process/fd_limit.hpp"
#include "process/server_host.hpp"
#include "server/listen_socket.hpp"

using namespace conclab;
using conclab::test::BlockingHttpClient;

namespace {

// Bounds that only catch a hang: a loaded 2-core CI machine may be slow, never this slow.
constexpr int kHangMs = 20000;

bool process_exists(int pid) {
    return ::kill(pid, 0) == 0;
}

ServerConfig config_for(Model model, int workers, Workload w = {}) {
    ServerConfig c;
    c.model = model;
    c.workers = workers;
    c.workload = w;
    return resolved(c);
}

}  // namespace

class TstServerHost : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QVERIFY2(std::getenv("CONCLAB_WORKER"), "run through ctest, which sets CONCLAB_WORKER");
    }

    void eachModelServesFromItsOwnProcess_data() {
        QTest::addColumn<int>("model");
        QTest::newRow("event-loop") << int(Model::EventLoop);
        QTest::newRow("gil-threads") << int(Model::GilThreads);
    }
    void eachModelServesFromItsOwnProcess() {
        QFETCH(int, model);
        ServerHost host(config_for(Model(model), 1), ServerHost::default_worker_program());
        host.start();
        BlockingHttpClient c(host.port());
        auto r = c.get("/");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        const int pid = QString::fromStdString(r->server).section('/', 1).toInt();
        QVERIFY(pid > 0 && pid != ::getpid());
        QTRY_COMPARE(host.collect().pids, std::vector<int>{pid});
        host.stop();
        QVERIFY(!process_exists(pid));
    }

    // A worker grows its descriptor table before its first connection (worker_main), as a real
    // server that has taken a burst before has it: a table grown during the burst stalls the
    // accepting thread for a grace period at each doubling (reserve_descriptor_table()).
    void aWorkerStartsWithItsDescriptorTableGrown() {
        ServerHost host(config_for(Model::EventLoop, 1), ServerHost::default_worker_program());
        host.start();
        QTRY_COMPARE(int(host.collect().pids.size()), 1);
        const int pid = host.collect().pids.front();
        std::ifstream status("/proc/" + std::to_string(pid) + "/status");
        long table = -1;
        for (std::string line; std::getline(status, line);) {
            if (line.rfind("FDSize:", 0) == 0) table = std::stol(line.substr(7));
        }
        const long expected = std::min(32768L, current_fd_limit().hard) - 1;
        QVERIFY2(table >= expected,
                 qPrintable(QString("FDSize %1, expected at least %2").arg(table).arg(expected)));
        host.stop();
    }

    // Node cluster's default (SCHED_RR): the primary accepts and hands the connections to the
    // N workers in turn, so each worker gets an equal share; requests run in parallel.
    void processPerCoreUsesDistinctPidsAndAllGetLoad() {
        const int workers = 3;
        ServerHost host(config_for(Model::ProcessPerCore, workers, Workload{0, 0, 20}),
                        ServerHost::default_worker_program());
        host.start();
        // The primary hands out only to workers that are up (as Node's RoundRobinHandle does to
        // the workers that are listening): wait for all of them, or the first one up takes the
        // connections that arrive before the others are.
        QTRY_COMPARE_WITH_TIMEOUT(int(host.collect().pids.size()), workers, 15000);
        std::map<std::string, int> connections_by_server;  // keep-alive: a connection stays put
        std::vector<std::unique_ptr<BlockingHttpClient>> clients;
        // Paced, 5 ms apart: a worker gets its next connection only once it has taken the last
        // (as Node's primary), and a worker descheduled for the length of a burst of 60 connects
        // (a few ms on a loaded 2-core machine) got 1 of 60, the other two 30 and 29 — Node's
        // RoundRobinHandle does the same; the share round-robin promises is for connections that
        // arrive slower than a worker takes one.
        for (int i = 0; i < 60; ++i) {
            clients.push_back(std::make_unique<BlockingHttpClient>(host.port()));
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        for (int round = 0; round < 3; ++round) {
            for (auto& c : clients) QVERIFY(c->send_raw("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
            for (auto& c : clients) {
                auto r = c->read_response();
                QVERIFY(r);
                if (round == 0) ++connections_by_server[r->server];
            }
        }
        QString split;
        for (auto [server, n] : connections_by_server) split += QString(" %1").arg(n);
        qInfo("connections per worker:%s", qPrintable(split));
        QCOMPARE(int(connections_by_server.size()), workers);
        // In turn means about 20 each. As Node's primary does, a worker gets its next connection
        // only once it has taken the last one, so a burst of 60 follows how quickly each worker
        // takes its connections (28/21/11 and 13/33/14 were seen); a hand-out that starves a
        // worker (58/1/1 passed "every worker got some") still fails.
        for (auto [server, n] : connections_by_server) {
            QVERIFY2(n >= 8 && n <= 36, qPrintable("connections per worker:" + split));
        }
        HostTick tick;
        QTRY_VERIFY((tick = host.collect(), tick.requests_total == 180));
        QCOMPARE(int(tick.pids.size()), workers);
        QCOMPARE(int(tick.requests_by_pid.size()), workers);
        for (auto [pid, n] : tick.requests_by_pid) {
            QVERIFY2(n >= 24 && n <= 108,
                     qPrintable(QString("worker %1 served %2 of 180 requests").arg(pid).arg(n)));
        }
        host.stop();
        for (int pid : tick.pids) QVERIFY(!process_exists(pid));
    }

    // gunicorn's way: every worker accept()s on the shared socket and the kernel picks.
    void kernelSchedulingSharesTheSocket() {
        ServerConfig c = config_for(Model::ProcessPerCore, 2, Workload{0, 30, 0});
        c.scheduling = Scheduling::Kernel;
        ServerHost host(c, ServerHost::default_worker_program());
        host.start();
        // A busy worker does not accept, so connections opened during load reach the other.
        std::set<std::string> servers;
        std::vector<std::unique_ptr<BlockingHttpClient>> clients;
        for (int i = 0; i < 8; ++i) {
            clients.push_back(std::make_unique<BlockingHttpClient>(host.port()));
            clients.back()->send_raw("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        for (auto& cl : clients) servers.insert(cl->read_response()->server);
        QCOMPARE(int(servers.size()), 2);
        host.stop();
    }

    void liveScalingOfWorkers() {
        ServerHost host(config_for(Model::ProcessPerCore, 1), ServerHost::default_worker_program());
        host.start();
        QVERIFY(host.set_workers(3).ok());
        QTRY_COMPARE(int(host.collect().pids.size()), 3);
        QVERIFY(host.set_workers(2).ok());
        QTRY_COMPARE(int(host.collect().pids.size()), 2);
        QVERIFY(!host.set_workers(0).ok());
        BlockingHttpClient c(host.port());
        QCOMPARE(c.get("/")->status, 200);
        host.stop();
    }

    void liveWorkloadReachesWorkers() {
        ServerHost host(config_for(Model::EventLoop, 1), ServerHost::default_worker_program());
        host.start();
        BlockingHttpClient c(host.port());
        QCOMPARE(c.get("/")->status, 200);
        host.set_workload(Workload{0, 0, 300});
        // The new workload travels over the worker's control pipe: no deadline, but once it has
        // arrived every request takes its 300 ms I/O wait (a lower bound noise cannot break).
        auto request_ms = [&] {
            QElapsedTimer t;
            t.start();
            const auto r = c.get("/");
            return r && r->status == 200 ? t.elapsed() : -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(request_ms() >= 300, kHangMs);
        QVERIFY(request_ms() >= 300);  // and it stays
        host.stop();
    }

    void crashedWorkerIsReportedAndReplaced() {
        ServerHost host(config_for(Model::ProcessPerCore, 2), ServerHost::default_worker_program());
        host.start();
        std::vector<int> pids;
        QTRY_COMPARE((pids = host.collect().pids, int(pids.size())), 2);
        ::kill(pids[0], SIGKILL);
        // Problems are reported once, in the collect() after the death: look at every one.
        bool reported = false;
        QElapsedTimer t;
        t.start();
        while (!reported && t.elapsed() < kHangMs) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            for (auto& p : host.collect().problems)
                reported |= p.find("exited unexpectedly") != std::string::npos;
        }
        QVERIFY(reported);
        QTRY_COMPARE(int(host.collect().pids.size()), 2);
        host.stop();
    }

    // #9 §1, gunicorn's arbiter: a sync worker (a pool of one thread) reading a request that
    // never ends stops beating its heartbeat, so the host kills it after worker_timeout_s and
    // starts another; the slow client's connection dies with it.
    void syncWorkerStuckOnASlowClientIsKilledAndReplaced() {
        ServerConfig c = config_for(Model::ProcessPerCore, 1);
        c.inner = Model::GilThreads;
        c.threads = 1;
        c.scheduling = Scheduling::Kernel;
        c.timeouts = ServerTimeouts{};  // gunicorn's, but for the worker timeout
        c.timeouts.worker_s = 2;
        ServerHost host(resolved(c), ServerHost::default_worker_program());
        host.start();
        std::vector<int> pids;
        QTRY_COMPARE((pids = host.collect().pids, int(pids.size())), 1);
        BlockingHttpClient slow(host.port());
        QVERIFY(slow.send_raw("GET / HT"));
        bool timed_out = false;
        int restarts = 0;
        QElapsedTimer t;
        t.start();
        while ((!timed_out || restarts < 1) && t.elapsed() < kHangMs) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            HostTick tick = host.collect();
            restarts = tick.restarts;
            for (auto& p : tick.problems) timed_out |= p.find("timed out") != std::string::npos;
        }
        QVERIFY2(timed_out, "a 'timed out' problem");
        QVERIFY(restarts >= 1);
        QVERIFY(!slow.read_response());  // its connection went with the killed worker
        QTRY_VERIFY_WITH_TIMEOUT(!process_exists(pids[0]), kHangMs);
        BlockingHttpClient other(host.port());
        auto r = other.get("/");  // the replacement serves
        QVERIFY(r && r->status == 200);
        QVERIFY(QString::fromStdString(r->server).section('/', 1).toInt() != pids[0]);
        host.stop();
    }

    // ...while a gthread worker stuck the same way goes on beating: its pool is frozen, and
    // stays frozen, because the arbiter has no reason to kill it.
    void gthreadWorkerStuckOnSlowClientsIsNotKilled() {
        ServerConfig c = config_for(Model::ProcessPerCore, 1);
        c.inner = Model::GilThreads;
        c.threads = 2;
        c.scheduling = Scheduling::Kernel;
        c.timeouts = ServerTimeouts{};
        c.timeouts.worker_s = 1;
        ServerHost host(resolved(c), ServerHost::default_worker_program());
        host.start();
        BlockingHttpClient slow1(host.port()), slow2(host.port());
        QVERIFY(slow1.send_raw("GET / HT") && slow2.send_raw("GET / HT"));
        BlockingHttpClient other(host.port(), 3.0);
        QVERIFY(!other.get("/"));  // frozen for 3 s, three times the worker timeout
        HostTick tick = host.collect();
        QCOMPARE(tick.restarts, 0);
        for (auto& p : tick.problems) QVERIFY2(p.find("timed out") == std::string::npos, p.c_str());
        host.stop();
    }

    // No client input may kill a worker: Boost 1.74 Beast asserted on a chunked body whose last
    // chunk arrived split, and with assertions on (Debug, asan) that aborted the worker process.
    void splitLastChunkLeavesTheWorkerAlive() {
        ServerHost host(config_for(Model::EventLoop, 1), ServerHost::default_worker_program());
        host.start();
        std::vector<int> pids;
        QTRY_COMPARE((pids = host.collect().pids, int(pids.size())), 1);
        const std::string head = "GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (const char* second : {"\r", "\r\n"}) {
            BlockingHttpClient c(host.port());
            QVERIFY(c.send_raw(head + "0\r\n"));
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            QVERIFY(c.send_raw(second));
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            if (std::string(second) == "\r") QVERIFY(c.send_raw("\n"));
            auto r = c.read_response();
            QVERIFY(r);
            QCOMPARE(r->status, 200);
        }
        const HostTick tick = host.collect();
        QCOMPARE(tick.pids, pids);
        QVERIFY(tick.problems.empty());
        host.stop();
    }

    void portInUseIsAClearError() {
        const auto taken = open_listen_socket(0, 16);
        QVERIFY(taken.ok());
        ServerConfig c = config_for(Model::EventLoop, 1);
        c.port = taken->port;
        ServerHost host(c, ServerHost::default_worker_program());
        try {
            host.start();
            QFAIL("start() should have failed");
        } catch (const StartError& e) {
            QVERIFY(QString(e.what()).contains("already in use"));
        }
    }

    void missingWorkerProgramIsAClearError() {
        ServerHost host(config_for(Model::EventLoop, 1), "/nonexistent/conclab-worker");
        try {
            host.start();
            QFAIL("start() should have failed");
        } catch (const StartError& e) {
            QVERIFY(QString(e.what()).contains("CONCLAB_WORKER"));
        }
    }

    void stopReapsEverythingAndClosesThePort() {
        const int fds_before = test::open_fd_count();
        std::vector<int> pids;
        std::uint16_t port = 0;
        {
            // A handler of 10 s of CPU (the longest allowed) is in service: stop() must end the
            // workers, not wait for it. The bound only catches a hang (or that wait, on an idle
            // machine).
            ServerHost host(config_for(Model::ProcessPerCore, 2, Workload{0, Limits::kMaxCpuMs, 0}),
                            ServerHost::default_worker_program());
            host.start();
            port = host.port();
            BlockingHttpClient busy(port);
            busy.send_raw("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
            QTRY_COMPARE((pids = host.collect().pids, int(pids.size())), 2);
            QTRY_VERIFY_WITH_TIMEOUT(host.collect().in_service >= 1, kHangMs);
            QElapsedTimer t;
            t.start();
            host.stop();
            QVERIFY2(t.elapsed() < Limits::kMaxCpuMs,
                     qPrintable(QString("stop took %1 ms").arg(t.elapsed())));
        }
        for (int pid : pids) QVERIFY(!process_exists(pid));
        QVERIFY(!BlockingHttpClient(port).connected());
        QCOMPARE(test::open_fd_count(), fds_before);
    }
};

QTEST_GUILESS_MAIN(TstServerHost)
#include "tst_server_host.moc"
