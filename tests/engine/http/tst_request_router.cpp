#include <QtTest>

#include "server/request_router.hpp"

using namespace conclab;

class TstRequestRouter : public QObject {
    Q_OBJECT
private slots:
    void configuredWorkloadOnRoot() {
        const Workload w{100, 5, 50};
        const RoutedRequest r = route_request("GET", "/", w);
        QCOMPARE(r.status, 200);
        QVERIFY(r.workload == w);
    }
    void queryOverridesFields() {
        const RoutedRequest r =
            route_request("GET", "/?cpu_ms=20&io_ms=0&x=1&overhead_released_us=40&resume_us=60",
                          Workload{1, 2, 3});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.workload.resume_us, 60.0);
        QCOMPARE(r.workload.overhead_released_us, 40.0);
        QCOMPARE(r.workload.cpu_ms, 20.0);
        QCOMPARE(r.workload.io_ms, 0.0);
        QCOMPARE(r.workload.overhead_us, 1.0);
    }
    void rejects_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("status");
        QTest::newRow("post") << "POST"
                              << "/" << 405;
        QTest::newRow("unknown path") << "GET"
                                      << "/nope" << 404;
        QTest::newRow("negative") << "GET"
                                  << "/?cpu_ms=-1" << 400;
        QTest::newRow("not a number") << "GET"
                                      << "/?io_ms=abc" << 400;
        QTest::newRow("too large") << "GET"
                                   << "/?cpu_ms=1e9" << 400;
        QTest::newRow("health") << "GET"
                                << "/health" << 200;
    }
    void rejects() {
        QFETCH(QString, method);
        QFETCH(QString, target);
        QFETCH(int, status);
        const RoutedRequest r =
            route_request(method.toStdString(), target.toStdString(), Workload{0, 7, 0});
        QCOMPARE(r.status, status);
        if (status != 200 || target == "/health") QCOMPARE(r.workload.cpu_ms, 0.0);
    }
};

QTEST_APPLESS_MAIN(TstRequestRouter)
#include "tst_request_router.moc"
