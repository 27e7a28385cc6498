#include <QtTest>

#include "core/machine_limits.hpp"
#include "core/run_config.hpp"

using namespace conclab;

class TstRunConfig : public QObject {
    Q_OBJECT
private slots:
    void defaultsAreTheRealSystemsDefaults() {
        QCOMPARE(default_backlog(Model::EventLoop), 511);
        QCOMPARE(default_backlog(Model::GilThreads), 128);
        QCOMPARE(default_backlog(Model::ProcessPerCore), 2048);
        QCOMPARE(ServerConfig{}.switch_interval_ms, 5.0);
        ServerConfig c;
        c.model = Model::ProcessPerCore;
        QVERIFY(resolved(c).workers >= 1);
        QCOMPARE(resolved(c).listen_backlog, 2048);
    }
    // #9 §1: each model gets the timeouts of what it stands in for, unless given.
    void timeoutsDefaultToTheRealSystems_data() {
        QTest::addColumn<int>("model");
        QTest::addColumn<int>("inner");
        QTest::addColumn<int>("threads");
        QTest::addColumn<double>("header");
        QTest::addColumn<double>("request");
        QTest::addColumn<double>("keepalive");
        QTest::addColumn<double>("worker");
        const int el = int(Model::EventLoop), gil = int(Model::GilThreads),
                  ppc = int(Model::ProcessPerCore);
        QTest::newRow("Node") << el << el << 10 << 60.0 << 300.0 << 5.0 << 0.0;
        QTest::newRow("gunicorn gthread") << gil << el << 10 << 0.0 << 0.0 << 2.0 << 30.0;
        QTest::newRow("gunicorn sync") << gil << el << 1 << 0.0 << 0.0 << 2.0 << 30.0;
        QTest::newRow("Werkzeug") << gil << el << 0 << 0.0 << 0.0 << 0.0 << 0.0;
        QTest::newRow("Node cluster") << ppc << el << 10 << 60.0 << 300.0 << 5.0 << 0.0;
        QTest::newRow("gunicorn prefork") << ppc << gil << 1 << 0.0 << 0.0 << 2.0 << 30.0;
    }
    void timeoutsDefaultToTheRealSystems() {
        QFETCH(int, model);
        QFETCH(int, inner);
        QFETCH(int, threads);
        QFETCH(double, header);
        QFETCH(double, request);
        QFETCH(double, keepalive);
        QFETCH(double, worker);
        ServerConfig c;
        c.model = Model(model);
        c.inner = Model(inner);
        c.threads = threads;
        QCOMPARE(c.timeouts.header_s, -1.0);  // unset until resolved
        const ServerTimeouts t = resolved(c).timeouts;
        QCOMPARE(t.header_s, header);
        QCOMPARE(t.request_s, request);
        QCOMPARE(t.keepalive_s, keepalive);
        QCOMPARE(t.worker_s, worker);
        // Given values win, 0 (none) included, and resolving twice changes nothing.
        c.timeouts = ServerTimeouts{1, 0, 0.5, 0};
        QCOMPARE(resolved(c).timeouts, (ServerTimeouts{1, 0, 0.5, 0}));
        QCOMPARE(resolved(resolved(c)).timeouts, resolved(c).timeouts);
    }
    void validConfigHasNoErrors() { QVERIFY(validate(RunConfig{}).ok()); }
    void impossibleValuesAreRejected_data() {
        QTest::addColumn<int>("which");
        for (int i = 0; i < 7; ++i) QTest::newRow(QByteArray::number(i)) << i;
    }
    void impossibleValuesAreRejected() {
        QFETCH(int, which);
        RunConfig c;
        switch (which) {
            case 0:
                c.load.connections = 0;
                break;
            case 1:
                c.load.connections = max_connections() + 1;  // the machine's limit, plus one
                break;
            case 2:
                c.server.workload.cpu_ms = -1;
                break;
            case 3:
                c.server.workload.io_ms = std::numeric_limits<double>::quiet_NaN();
                break;
            case 4:
                c.server.threads = -1;
                break;
            case 5:
                c.server.switch_interval_ms = 0;
                break;
            case 6:
                c.server.model = Model::ProcessPerCore;
                c.server.inner = Model::ProcessPerCore;
                break;
        }
        QCOMPARE(validate(c).error().size(), std::size_t(1));
    }
    void knobsValidation() {
        const Knobs k{{"connections", 0}, {"workers", 65}};
        QCOMPARE(validate(k).error().size(), std::size_t(2));
        QVERIFY(validate(Knobs{}).ok());
    }
    void targetUrls_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allow_remote");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("path");
        QTest::newRow("loopback") << "http://127.0.0.1:5000/" << false << true << 5000 << "/";
        QTest::newRow("localhost default port")
            << "http://localhost/api?x=1" << false << true << 80 << "/api?x=1";
        QTest::newRow("ipv6 loopback") << "http://[::1]:3000" << false << true << 3000 << "/";
        QTest::newRow("remote refused") << "http://10.0.0.1:80/" << false << false << 0 << "";
        QTest::newRow("remote allowed")
            << "http://example.org:8080/" << true << true << 8080 << "/";
        QTest::newRow("https") << "https://127.0.0.1/" << false << false << 0 << "";
        QTest::newRow("bad port") << "http://127.0.0.1:99999/" << false << false << 0 << "";
        QTest::newRow("no host") << "http://:80/" << false << false << 0 << "";
    }
    void targetUrls() {
        QFETCH(QString, url);
        QFETCH(bool, allow_remote);
        QFETCH(bool, ok);
        QFETCH(int, port);
        QFETCH(QString, path);
        auto t = parse_target_url(url.toStdString(), allow_remote);
        QCOMPARE(t.ok(), ok);
        if (ok) {
            QCOMPARE(int(t->port), port);
            QCOMPARE(QString::fromStdString(t->path), path);
        } else {
            QVERIFY(!t.error().empty());
        }
    }
    // Probe findings 2 and 3 of #18: an open loop slower than the clock can count ran forever
    // (--rate 1e-300), a tick longer than the run held it open (--tick 60 --duration 1 ran 60 s).
    void rateAndTickAreBoundedByClockAndDuration_data() {
        QTest::addColumn<double>("rate");
        QTest::addColumn<double>("tick");
        QTest::addColumn<double>("duration");
        QTest::addColumn<QString>("says");
        QTest::newRow("rate 1e-300") << 1e-300 << 0.5 << 1.0 << "rate must be 0 (closed loop)";
        QTest::newRow("rate 1e-11") << 1e-11 << 0.5 << 1.0 << "rate must be 0 (closed loop)";
        QTest::newRow("no request in the run")
            << 0.05 << 0.5 << 10.0 << "rate of 0.05 req/s sends no request";
        QTest::newRow("tick 60 in 1 s") << 0.0 << 60.0 << 1.0 << "tick_s must be at most";
        QTest::newRow("fine") << 0.1 << 1.0 << 10.0 << "";
        QTest::newRow("closed loop") << 0.0 << 1.0 << 1.0 << "";
    }
    void rateAndTickAreBoundedByClockAndDuration() {
        QFETCH(double, rate);
        QFETCH(double, tick);
        QFETCH(double, duration);
        QFETCH(QString, says);
        RunConfig c;
        c.load.rate = rate;
        c.tick_s = tick;
        c.duration_s = duration;
        c.warmup_s = 0;
        const auto valid = validate(c);
        const std::vector<std::string> errors = valid ? std::vector<std::string>() : valid.error();
        if (says.isEmpty()) {
            QVERIFY2(errors.empty(), errors.empty() ? "" : errors.front().c_str());
        } else {
            QVERIFY(!errors.empty());
            QVERIFY2(QString::fromStdString(errors.front()).startsWith(says),
                     errors.front().c_str());
        }
    }
    // The live rate (a slider, Experiment::adjust) and a plan's rate targets obey the same floor;
    // 0 stays a pause.
    void liveRateAndStageTargetsHaveTheFloor() {
        Knobs knobs;
        knobs.set("rate", 1e-300);
        QVERIFY(!validate(knobs));
        knobs.set("rate", 0);
        QVERIFY(validate(knobs).ok());
        RunConfig c;
        c.load.rate = 10;
        c.stages = {{5, 100}, {5, 1e-300}};
        QVERIFY(!validate(c));
        const auto errors = validate(c).error();
        QVERIFY2(errors.front().find("stage 2: target must be 0 or at least") != std::string::npos,
                 errors.front().c_str());
        c.stages = {{5, 100}, {5, 0}};
        QVERIFY(validate(c).ok());
    }
};

QTEST_APPLESS_MAIN(TstRunConfig)
#include "tst_run_config.moc"
