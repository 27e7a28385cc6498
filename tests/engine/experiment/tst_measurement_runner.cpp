// Which model runs calibrate runs again (landed_unevenly): those whose keep-alive connections
// all went to the worker that won the kernel's accept race.
#include <QtTest>

#include "experiment/measurement_runner.hpp"

using namespace conclab;

namespace {

// A finished run of gunicorn gevent's shape (2 workers on one socket, keep-alive) at 10
// connections, with each worker's share of the requests.
RunResult gevent_run(std::vector<double> shares) {
    RunResult r;
    r.config.server.model = Model::ProcessPerCore;
    r.config.server.scheduling = Scheduling::Kernel;
    r.config.server.keep_alive = true;
    r.config.server.workers = static_cast<int>(shares.size());
    r.config.load.connections = 10;
    std::vector<WorkerShare> workers;
    for (double share : shares) workers.push_back({.pid = 100, .share_pct = share});
    r.summary.workers = workers;
    r.summary.requests = 1000;
    return r;
}

}  // namespace

class TstMeasurementRunner : public QObject {
    Q_OBJECT
private slots:
    void oneWorkerWithEverythingIsUneven() {
        QVERIFY(landed_unevenly(gevent_run({100, 0})));
        QVERIFY(landed_unevenly(gevent_run({80, 20})));  // 2 connections of 10: under half of 50 %
        QVERIFY(landed_unevenly(gevent_run({50, 50, 0})));
    }

    void aSpreadWithinHalfTheFairShareIsEven() {
        QVERIFY(!landed_unevenly(gevent_run({50, 50})));
        QVERIFY(!landed_unevenly(gevent_run({70, 30})));
        QVERIFY(!landed_unevenly(gevent_run({34, 33, 33})));
    }

    // Only the kernel's race on a shared socket with connections that stay where they landed.
    void otherWaysOfSpreadingAreNeverUneven() {
        RunResult round_robin = gevent_run({100, 0});
        round_robin.config.server.scheduling = Scheduling::RoundRobin;
        QVERIFY(!landed_unevenly(round_robin));
        RunResult closing = gevent_run({100, 0});
        closing.config.server.keep_alive = false;
        QVERIFY(!landed_unevenly(closing));
        RunResult one_process = gevent_run({100, 0});
        one_process.config.server.model = Model::EventLoop;
        QVERIFY(!landed_unevenly(one_process));
        RunResult real = gevent_run({100, 0});
        real.config.external = ExternalTarget{};
        QVERIFY(!landed_unevenly(real));
        RunResult few = gevent_run({100, 0});
        few.config.load.connections = 3;  // 2 workers: 3 connections cannot spread evenly
        QVERIFY(!landed_unevenly(few));
        RunResult lost = gevent_run({100, 0});
        lost.summary.worker_losses.push_back({});  // the others took its share for a while
        QVERIFY(!landed_unevenly(lost));
    }
};

QTEST_GUILESS_MAIN(TstMeasurementRunner)
#include "tst_measurement_runner.moc"
