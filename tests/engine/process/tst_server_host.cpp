// Real worker processes (conclab-worker, found through CONCLAB_WORKER) on a shared socket.
#include <QtTest>

#include <signal.h>
#include <sys/wait.h>

#include <memory>
#include <set>
#include <thread>
#include <vector>

#include "blocking_http_client.hpp"
#include "core/start_error.hpp"
#include "process/server_host.hpp"
#include "server/listen_socket.hpp"

using namespace conclab;
using conclab::test::BlockingHttpClient;

namespace {

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

    // Like gunicorn / Node cluster (SCHED_NONE): N processes accept on one socket and the
    // kernel spreads the connections; every worker gets load and requests run in parallel.
    void processPerCoreUsesDistinctPidsAndAllGetLoad() {
        const int workers = 3;
        ServerHost host(config_for(Model::ProcessPerCore, workers, Workload{0, 0, 20}),
                        ServerHost::default_worker_program());
        host.start();
        std::set<std::string> servers;
        std::vector<std::unique_ptr<BlockingHttpClient>> clients;
        for (int i = 0; i < 60; ++i) {
            clients.push_back(std::make_unique<BlockingHttpClient>(host.port()));
        }
        for (int round = 0; round < 3; ++round) {
            for (auto& c : clients) QVERIFY(c->send_raw("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
            for (auto& c : clients) {
                auto r = c->read_response();
                QVERIFY(r);
                servers.insert(r->server);
            }
        }
        QCOMPARE(int(servers.size()), workers);
        HostTick tick;
        QTRY_VERIFY((tick = host.collect(), tick.requests_total == 180));
        QCOMPARE(int(tick.pids.size()), workers);
        QCOMPARE(int(tick.requests_by_pid.size()), workers);
        for (auto [pid, n] : tick.requests_by_pid) QVERIFY2(n > 0, "a worker got no requests");
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
        QVERIFY(host.set_workers(3).empty());
        QTRY_COMPARE(int(host.collect().pids.size()), 3);
        QVERIFY(host.set_workers(2).empty());
        QTRY_COMPARE(int(host.collect().pids.size()), 2);
        QVERIFY(!host.set_workers(0).empty());
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
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        QElapsedTimer t;
        t.start();
        QCOMPARE(c.get("/")->status, 200);
        QVERIFY(t.elapsed() >= 280);
        host.stop();
    }

    void crashedWorkerIsReportedAndReplaced() {
        ServerHost host(config_for(Model::ProcessPerCore, 2), ServerHost::default_worker_program());
        host.start();
        std::vector<int> pids;
        QTRY_COMPARE((pids = host.collect().pids, int(pids.size())), 2);
        ::kill(pids[0], SIGKILL);
        HostTick tick;
        bool reported = false;
        for (int i = 0; i < 50 && !reported; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            tick = host.collect();
            for (auto& p : tick.problems)
                reported |= p.find("exited unexpectedly") != std::string::npos;
        }
        QVERIFY(reported);
        QTRY_COMPARE(int(host.collect().pids.size()), 2);
        host.stop();
    }

    void portInUseIsAClearError() {
        ListenSocket taken = open_listen_socket(0, 16);
        ServerConfig c = config_for(Model::EventLoop, 1);
        c.port = taken.port;
        ServerHost host(c, ServerHost::default_worker_program());
        try {
            host.start();
            QFAIL("start() should have failed");
        } catch (const StartError& e) {
            QVERIFY(QString(e.what()).contains("already in use"));
        }
        ::close(taken.fd);
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
            ServerHost host(config_for(Model::ProcessPerCore, 2, Workload{0, 3000, 0}),
                            ServerHost::default_worker_program());
            host.start();
            port = host.port();
            BlockingHttpClient busy(port);
            busy.send_raw("GET / HTTP/1.1\r\nHost: a\r\n\r\n");  // a 3 s handler in service
            QTRY_COMPARE((pids = host.collect().pids, int(pids.size())), 2);
            QElapsedTimer t;
            t.start();
            host.stop();
            QVERIFY2(t.elapsed() < 2000, qPrintable(QString("stop took %1 ms").arg(t.elapsed())));
        }
        for (int pid : pids) QVERIFY(!process_exists(pid));
        QVERIFY(!BlockingHttpClient(port).connected());
        QCOMPARE(test::open_fd_count(), fds_before);
    }
};

QTEST_GUILESS_MAIN(TstServerHost)
#include "tst_server_host.moc"
