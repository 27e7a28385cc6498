// The table of server shapes: each sets the model fields of the real server it names, and the
// presets that name a shape load to the same model they spelled out before.
#include <QtTest>

#include "core/server_shapes.hpp"
#include "result_text.hpp"
#include "scenario/scenario.hpp"

using namespace conclab;
using conclab::test::error_of;

class TstServerShapes : public QObject {
    Q_OBJECT
private slots:
    void everyShapeIsFoundAndRecognised() {
        QCOMPARE(server_shapes().size(), std::size_t(6));
        for (const ServerShape& s : server_shapes()) {
            QCOMPARE(find_server_shape(s.key), &s);
            ServerConfig server;
            server.threads = 7;
            server.workers = 3;
            apply_server_shape(s, server);
            QCOMPARE(shape_of(server), &s);
            QCOMPARE(server.workers, 3);  // size is the user's
            QVERIFY(!s.name.empty() && !s.description.empty());
        }
        QVERIFY(find_server_shape("tomcat") == nullptr);
        QVERIFY(QString::fromStdString(server_shape_keys()).contains("gunicorn-gevent"));
    }

    void theShapesAreTheRealServers() {
        ServerConfig s;
        apply_server_shape(*find_server_shape("flask-dev"), s);
        QCOMPARE(s.model, Model::GilThreads);
        QCOMPARE(s.threads, 0);  // a thread per connection
        QVERIFY(!s.keep_alive);  // Werkzeug closes after each response
        apply_server_shape(*find_server_shape("gunicorn-sync"), s);
        QCOMPARE(s.model, Model::ProcessPerCore);
        QCOMPARE(s.inner, Model::GilThreads);
        QCOMPARE(s.threads, 1);
        QCOMPARE(s.worker_connections, 1);
        QCOMPARE(s.scheduling, Scheduling::Kernel);
        QVERIFY(!s.keep_alive);
        s.threads = 4;
        apply_server_shape(*find_server_shape("gunicorn-gthread"), s);
        QCOMPARE(s.threads, 4);  // gthread keeps the pool size it is given
        QVERIFY(s.keep_alive);
        QCOMPARE(s.worker_connections, 1000);
        apply_server_shape(*find_server_shape("gunicorn-gevent"), s);
        QCOMPARE(s.inner, Model::EventLoop);
        QCOMPARE(s.worker_connections, 1000);
        apply_server_shape(*find_server_shape("node-cluster"), s);
        QCOMPARE(s.scheduling, Scheduling::RoundRobin);
        QCOMPARE(s.worker_connections, 0);
        apply_server_shape(*find_server_shape("express"), s);
        QCOMPARE(s.model, Model::EventLoop);
        QVERIFY(s.keep_alive);
    }

    // A scenario's "shape" comes first; the fields it gives as well refine it.
    void scenariosNameAShape() {
        auto p = parse_scenario(
            R"({"name": "x", "shape": "gunicorn-gthread", "workers": 5, "threads": 4,
                "keep_alive": "off"})");
        QVERIFY2(p.ok(), error_of(p).c_str());
        QCOMPARE(p->run.server.model, Model::ProcessPerCore);
        QCOMPARE(p->run.server.threads, 4);
        QVERIFY(!p->run.server.keep_alive);  // the file's own field wins
        auto bad = parse_scenario(R"({"name": "x", "shape": "tomcat"})");
        QVERIFY(!bad.ok());
        QVERIFY(QString::fromStdString(error_of(bad)).contains("flask-dev"));
    }

    void presetsUseTheTable_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("shape");
        QTest::newRow("04") << "04-flask-dev-server-thread-per-connection.json"
                            << "flask-dev";
        QTest::newRow("09") << "09-gunicorn-sync-workers-serve-workers-at-once.json"
                            << "gunicorn-sync";
        QTest::newRow("10") << "10-gunicorn-gthread-vs-sync.json"
                            << "gunicorn-sync";
        QTest::newRow("11") << "11-gunicorn-gevent-vs-sync-io-bound.json"
                            << "gunicorn-gevent";
        QTest::newRow("12") << "12-gunicorn-gevent-blocks-on-cpu.json"
                            << "gunicorn-gevent";
        QTest::newRow("14") << "14-node-cluster-vs-single-cpu-bound.json"
                            << "node-cluster";
        QTest::newRow("15") << "15-node-cluster-vs-single-io-bound.json"
                            << "node-cluster";
    }
    void presetsUseTheTable() {
        QFETCH(QString, file);
        QFETCH(QString, shape);
        auto p = load_scenario_file(std::string(CONCLAB_PRESETS_DIR) + "/" + file.toStdString());
        QVERIFY2(p.ok(), error_of(p).c_str());
        const ServerShape* found = shape_of(p->run.server);
        QVERIFY(found);
        QCOMPARE(QString::fromUtf8(found->key.data(), int(found->key.size())), shape);
    }
};

QTEST_APPLESS_MAIN(TstServerShapes)
#include "tst_server_shapes.moc"
