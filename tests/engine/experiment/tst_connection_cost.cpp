// What a connection costs each model, measured on real worker processes while idle connections
// open: a thread per connection's thread count follows the connections, the event loop's stays
// flat, memory grows with connections, and a connection past one source address's ports comes
// from the next address. Bounded: a few hundred connections, a few seconds each.
#include <QtTest>

#include <fstream>
#include <set>
#include <sstream>

#include "experiment/experiment.hpp"
#include "load/source_addresses.hpp"

using namespace conclab;

namespace {

constexpr double kHangS = 30;
constexpr int kIdle = 600;

RunConfig idle_run(Model model, int threads) {
    RunConfig c;
    c.server.model = model;
    c.server.threads = threads;
    c.load.connections = 1;
    c.load.idle_connections = kIdle;
    c.duration_s = 3;
    return c;
}

RunResult run(const RunConfig& c) {
    Experiment e(c);
    e.start();
    if (!e.wait_finished(kHangS)) qFatal("run did not finish");
    return e.result();
}

// The last tick with every idle connection open, and the first tick with a reading.
struct Ends {
    const MetricsSample* first = nullptr;
    const MetricsSample* full = nullptr;
};
Ends ends_of(const RunResult& r) {
    Ends e;
    for (const MetricsSample& m : r.series) {
        if (!m.server.rss_mb) continue;
        if (!e.first) e.first = &m;
        if (m.idle_open == kIdle) e.full = &m;
    }
    return e;
}

// Local addresses of the established connections to `port`, from /proc/net/tcp (hex, host
// byte order of the address as the kernel prints it).
std::set<std::string> client_addresses_to(std::uint16_t port) {
    std::set<std::string> out;
    std::ifstream tcp("/proc/net/tcp");
    std::string line;
    std::getline(tcp, line);
    char remote_port[8];
    std::snprintf(remote_port, sizeof remote_port, "%04X", port);
    while (std::getline(tcp, line)) {
        std::istringstream in(line);
        std::string slot, local, remote, state;
        in >> slot >> local >> remote >> state;
        if (state != "01" || remote.substr(9) != remote_port) continue;
        out.insert(local.substr(0, 8));
    }
    return out;
}

}  // namespace

class TstConnectionCost : public QObject {
    Q_OBJECT
private slots:
    void threadPerConnectionFollowsConnections() {
        const RunResult r = run(idle_run(Model::GilThreads, 0));
        const Ends e = ends_of(r);
        QVERIFY2(e.first && e.full, "no tick with every idle connection open");
        QVERIFY2(*e.full->server.threads >= kIdle, std::to_string(*e.full->server.threads).c_str());
        QVERIFY(*e.full->server.threads <= kIdle + 20);  // a thread each, and a few of its own
        QVERIFY(*e.first->server.threads < *e.full->server.threads);  // read during the ramp
        QVERIFY(*e.full->server.fds >= kIdle);
        QVERIFY(*e.full->server.rss_mb > *e.first->server.rss_mb);
        QVERIFY(r.summary.resources && r.summary.resources->memory_per_connection);
        QVERIFY(r.summary.resources->memory_per_connection->kib > 0);
        QVERIFY(r.summary.resources->context_switches_per_s->max > 0);
        QCOMPARE(r.summary.errors, std::uint64_t(0));
    }
    void eventLoopThreadsStayFlat() {
        const RunResult r = run(idle_run(Model::EventLoop, 4));
        const Ends e = ends_of(r);
        QVERIFY2(e.first && e.full, "no tick with every idle connection open");
        QCOMPARE(*e.full->server.threads, *e.first->server.threads);
        QVERIFY(*e.full->server.threads < 10);
        QVERIFY(*e.full->server.fds >= kIdle);
        QVERIFY(*e.full->server.rss_mb > *e.first->server.rss_mb);
        QCOMPARE(r.summary.idle_connections->open_max, kIdle);
        QCOMPARE(r.summary.idle_connections->closed_by_server, std::uint64_t(0));
        QVERIFY(!r.summary.idle_connections->silent);
    }
    // A thread per connection costs more memory per connection than the event loop's objects.
    void aThreadCostsMoreThanALoopEntry() {
        const auto loop = run(idle_run(Model::EventLoop, 4)).summary.resources;
        const auto threads = run(idle_run(Model::GilThreads, 0)).summary.resources;
        QVERIFY(loop->memory_per_connection && threads->memory_per_connection);
        QVERIFY2(threads->memory_per_connection->kib > 1.5 * loop->memory_per_connection->kib,
                 (std::to_string(threads->memory_per_connection->kib) + " vs " +
                  std::to_string(loop->memory_per_connection->kib))
                     .c_str());
    }
    // Werkzeug-style Connection: close: idle connections connect and send nothing, and each
    // still holds a thread.
    void closeAfterResponseServersGetSilentConnections() {
        RunConfig c = idle_run(Model::GilThreads, 0);
        c.server.keep_alive = false;
        const RunResult r = run(c);
        QVERIFY(r.summary.idle_connections->silent);
        const Ends e = ends_of(r);
        QVERIFY2(e.full, "no tick with every idle connection open");
        QVERIFY(*e.full->server.threads >= kIdle);
    }
    // Memory held per connection by the knob shows in the slope.
    void memoryKnobAddsToTheSlope() {
        RunConfig c = idle_run(Model::EventLoop, 4);
        c.server.memory_per_connection_kb = 256;
        const auto r = run(c).summary.resources;
        QVERIFY(r && r->memory_per_connection);
        QVERIFY2(r->memory_per_connection->kib > 200,
                 std::to_string(r->memory_per_connection->kib).c_str());
    }
    // Past the (lowered) ports of one source address, connections come from 127.0.0.2, …
    void connectionsSpreadOverSourceAddresses() {
        set_ports_per_source_address(100);
        RunConfig c = idle_run(Model::EventLoop, 4);
        c.load.idle_connections = 250;
        c.duration_s = 0;  // until stopped
        Experiment e(c);
        e.start();
        QTRY_VERIFY_WITH_TIMEOUT(e.snapshot().summary.idle_connections &&
                                     e.snapshot().summary.idle_connections->open_max >= 250,
                                 20000);
        const std::set<std::string> addresses = client_addresses_to(e.snapshot().port);
        e.stop();
        set_ports_per_source_address(0);
        QVERIFY2(addresses.size() >= 3, std::to_string(addresses.size()).c_str());
        QVERIFY(addresses.count("0100007F"));  // 127.0.0.1
        QVERIFY(addresses.count("0200007F"));  // 127.0.0.2
        QVERIFY(addresses.count("0300007F"));  // 127.0.0.3
        QCOMPARE(e.result().summary.errors, std::uint64_t(0));
    }
    void refusalsNameTheLimit() {
        RunConfig c = idle_run(Model::GilThreads, 0);
        c.load.idle_connections = 5'000'000;
        Experiment e(c);
        try {
            e.start();
            QFAIL("started beyond the machine's limit");
        } catch (const StartError& error) {
            const std::string text = error.what();
            QVERIFY2(text.find("RLIMIT_NOFILE") != std::string::npos ||
                         text.find("file descriptors") != std::string::npos,
                     text.c_str());
        }
        RunConfig external;
        external.external = parse_target_url("http://127.0.0.1:9/", false).target;
        external.target_pid = 999999999;
        Experiment x(external);
        QVERIFY_THROWS_EXCEPTION(StartError, x.start());
    }
};

QTEST_GUILESS_MAIN(TstConnectionCost)
#include "tst_connection_cost.moc"
