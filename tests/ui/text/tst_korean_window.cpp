// The Korean window walked as a user walks it, every text it shows looked at: the first frame, a
// finished comparison, the Sweep window, the calibrate and export dialogs, and what comes after
// runs (the warning banner, chart markers, the status bar after each action, "(changed: …)", the
// exported report). A text with no Hangul that has an English word other than a kept name fails.
// It catches a string that never went through tr() (lupdate cannot see it), one looked up in the
// wrong context, and engine text the GUI shows without wording it (ui/engine_text).
#include <QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <memory>

#include "calibrate/calibrate_dialog.hpp"
#include "calibrate/model_vs_real_table.hpp"
#include "charts/chart_panel.hpp"
#include "charts/time_series_chart.hpp"
#include "controls/control_panel.hpp"
#include "controls/kill_worker_action.hpp"
#include "controls/labeled_slider.hpp"
#include "die_with_parent.hpp"
#include "export/chart_exporter.hpp"
#include "export/export_dialog.hpp"
#include "gui_test_support.hpp"
#include "shown_text.hpp"
#include "sweep/sweep_window.hpp"
#include "text/app_language.hpp"
#include "text/engine_text.hpp"
#include "window/experiment_runner.hpp"
#include "window/kept_run.hpp"
#include "window/main_window.hpp"
#include "window/preset_library.hpp"

using namespace conclab;
using namespace conclab::ui;
using namespace conclab::test;

namespace {

// Waits for `done` while collecting, every 100 ms, the English the window shows: a warning
// lives one tick, a status message a few seconds. Each warning banner seen goes to `banners`,
// so that a test knows it saw one.
template <class Done>
bool walk_until(MainWindow* window, QStringList& bad, Done done, int timeout_ms,
                QStringList* banners = nullptr) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeout_ms) {
        bad << untranslated(shown_texts(window));
        if (banners && window->run_status()->banner()->isVisible())
            *banners << window->run_status()->banner()->text();
        if (done()) return true;
        QTest::qWait(100);
    }
    return false;
}

void expect_no_english(QStringList bad) {
    bad.removeDuplicates();
    for (const QString& line : bad) qWarning("English in the Korean window: %s", qPrintable(line));
    QVERIFY2(bad.isEmpty(), qPrintable(QString("%1 English texts (listed above)").arg(bad.size())));
}

RunConfig short_run(Model model, int connections, double duration_s) {
    RunConfig c;
    c.server.model = model;
    c.server.workers = 2;
    c.server.workload.io_ms = 5;
    c.load.connections = connections;
    c.duration_s = duration_s;
    return c;
}

}  // namespace

class TstKoreanWindow : public QObject {
    Q_OBJECT
    std::unique_ptr<MainWindow> window_;  // the after-runs slots' window, in Korean
    QTemporaryDir dir_;
    QProcess server_;  // a real server to calibrate against: `conclab-cli serve`
    QString url_;

    MainWindow& korean_window() {
        if (!window_) {
            apply_language("ko");
            window_ = std::make_unique<MainWindow>();
            window_->resize(1920, 1080);
            window_->show();
        }
        if (window_->runner()->running()) {  // left going by a slot that failed
            window_->stop_run();
            if (!QTest::qWaitFor([&] { return !window_->runner()->running(); }, 20000))
                qWarning("the run left going did not stop");
        }
        return *window_;
    }

private slots:
    // The real server starts first, before the window's threads (as tst_real_server does: a
    // child forked from a threaded process is what ThreadSanitizer refuses).
    void initTestCase() {
        test::use_throwaway_settings("ConcurrencyLabTests-korean-window");
        QVERIFY(dir_.isValid());
        server_.setProgram(CONCLAB_CLI);
        server_.setArguments({"serve", "--model", "event-loop", "--overhead-us", "300", "--port",
                              "0", "--duration", "600"});
        server_.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        const pid_t parent = ::getpid();
        server_.setChildProcessModifier([parent] { test::die_with_parent(parent); });
        server_.start();
        QVERIFY(server_.waitForStarted(60000));
        const QRegularExpression serving("on (http://127\\.0\\.0\\.1:\\d+/)");
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += server_.readAllStandardOutput(),
                                  serving.match(QString::fromUtf8(out)).hasMatch()),
                                 60000);
        url_ = serving.match(QString::fromUtf8(out)).captured(1);
    }
    void cleanupTestCase() {
        window_.reset();
        apply_language("en");
        server_.terminate();  // SIGTERM: the CLI stops its server and exits
        if (!server_.waitForFinished(10000)) {
            server_.kill();
            server_.waitForFinished(10000);
        }
    }

    // The Calibrate dialog in Korean against a real server (the CLI's `serve`, an event loop
    // with 300 µs of framework cost): its progress while it measures, the fitted result, Model vs
    // real on two points, and the status bar after Apply.
    void koreanCalibrateDialogShowsNoEnglish() {
        apply_language("ko");
        QStringList bad;
        {
            MainWindow window;
            window.resize(1920, 1080);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.control_panel()->real_url()->setText(url_);
            CalibrateDialog* d = window.open_calibrate_dialog();
            d->shape_box()->setCurrentIndex(d->shape_box()->findData(QString("express")));
            d->connections_box()->setValue(10);
            d->duration_box()->setValue(1);
            d->repeats_box()->setValue(1);
            QTest::mouseClick(d->measure_button(), Qt::LeftButton);
            QVERIFY(d->measuring());
            QElapsedTimer t;
            t.start();
            while (d->measuring() && t.elapsed() < 180000) {  // the progress line as it goes
                bad << untranslated(shown_texts(d));
                QTest::qWait(200);
            }
            QVERIFY(!d->measuring());
            QVERIFY(d->result() && d->result()->has_fit);
            bad << untranslated(shown_texts(d));
            const QString result = d->result_label()->text();
            for (const QString& paragraph : result.split("</p>")) {
                bad << untranslated({"result: " + paragraph});
            }
            d->set_validation_points({{0, 2, 10}, {0, 2, 40}});
            QTest::mouseClick(d->validate_button(), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!d->measuring(), 180000);
            QCOMPARE(d->model_vs_real()->table()->rowCount(), 2);
            bad << untranslated(shown_texts(d));
            QVERIFY(d->grab().save(test::screenshot_path("korean-calibrate-dialog.png")));
            QTest::mouseClick(d->apply_button(), Qt::LeftButton);
            bad << untranslated(shown_texts(&window));
        }
        apply_language("en");
        expect_no_english(bad);
    }

    // The Korean window as a user walks it: the first frame, a finished comparison (table,
    // legends, diagnosis), the Sweep window, the calibrate and export dialogs. Catches a string
    // that never went through tr() at all, which lupdate cannot see.
    void koreanWindowShowsNoEnglish() {
        apply_language("ko");
        QStringList bad;
        {
            MainWindow window;
            window.resize(1920, 1080);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            bad << untranslated(shown_texts(&window));
            const auto presets = load_presets();
            window.apply_preset(presets.front(), false);
            window.control_panel()->duration()->spin_box()->setValue(1);
            window.start_comparison(presets.front().compare);
            QVERIFY(QTest::qWaitFor([&] { return !window.runner()->running(); }, 60000));
            QTest::qWait(300);
            bad << untranslated(shown_texts(&window));
            bad << untranslated(shown_texts(window.open_sweep_window()));
            bad << untranslated(shown_texts(window.open_calibrate_dialog()));
            ExportDialog dialog(ChartExportOptions{}, &window);
            bad << untranslated(shown_texts(&dialog));
        }
        apply_language("en");
        expect_no_english(bad);
    }

    // What a user meets after runs, in one Korean window kept across the slots below: the
    // warning banner, the chart markers, the status bar after each action (knob, kill, stop,
    // export, save, another preset with Undo), "(changed: …)", the diagnosis, a sweep and the
    // exported reports.
    void afterRunsAKnobMovedAndExports() {
        MainWindow& window = korean_window();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ChartPanel* charts = window.chart_panel();
        QStringList bad;
        // A live knob change on an event loop holding idle connections (the keep-alive note).
        RunConfig idle = short_run(Model::EventLoop, 4, 3);
        idle.load.idle_connections = 3;
        window.control_panel()->set_config(idle);
        window.start_run();
        QVERIFY(walk_until(
            &window, bad, [&] { return charts->rps_chart()->point_count(0) >= 3; }, 15000));
        window.control_panel()->connections()->spin_box()->setValue(8);
        QVERIFY(walk_until(
            &window, bad, [&] { return charts->rps_chart()->marker_count() >= 1; }, 5000));
        QVERIFY(walk_until(
            &window, bad, [&] { return !window.runner()->running(); }, 20000));
        QVERIFY(window.export_report(dir_.filePath("idle.html"), true));
        bad << untranslated(shown_texts(&window));
        bad << report_untranslated(dir_.filePath("idle.html"));
        QVERIFY(window.export_charts(dir_.filePath("charts.png"), ChartExportOptions{}));
        bad << untranslated(shown_texts(&window));
        QVERIFY(window.save_scenario(dir_.filePath("scenario.json")));
        bad << untranslated(shown_texts(&window));
        expect_no_english(bad);
    }

    // Kill a worker of a process per core run, then stop it by hand.
    void afterRunsAKilledWorker() {
        MainWindow& window = korean_window();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ChartPanel* charts = window.chart_panel();
        QStringList bad;
        // Warnings are those of the last tick: a 1 s tick keeps the death's in the banner long
        // enough for a poll on a loaded machine.
        RunConfig killed = short_run(Model::ProcessPerCore, 8, 20);
        killed.tick_s = 1;
        window.control_panel()->set_config(killed);
        window.start_run();
        QVERIFY(walk_until(
            &window, bad, [&] { return window.runner()->last_snapshot().server_pids.size() == 2; },
            15000));
        window.run_menu()->kill_action()->kill(std::nullopt);
        bad << untranslated(shown_texts(&window));
        QStringList banners;
        QVERIFY(walk_until(
            &window, bad,
            [&] { return charts->rps_chart()->marker_count() >= 1 && !banners.isEmpty(); }, 10000,
            &banners));
        QVERIFY2(has_hangul(banners.join("\n")), qPrintable(banners.join("\n")));
        QVERIFY2(charts->rps_chart()->marker_labels().join("").contains("→"),
                 qPrintable(charts->rps_chart()->marker_labels().join(", ")));
        window.stop_run();
        QVERIFY(walk_until(
            &window, bad, [&] { return !window.runner()->running(); }, 20000));
        QVERIFY(window.export_report(dir_.filePath("killed.html"), true));
        QVERIFY(window.grab().save(test::screenshot_path("korean-killed-worker.png")));
        bad << report_untranslated(dir_.filePath("killed.html"));
        expect_no_english(bad);
    }

    // A real server that is not there: connect errors in the banner and the report.
    void afterRunsAClosedPort() {
        MainWindow& window = korean_window();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList bad;
        std::uint16_t port = 0;  // a free port, closed again: nothing listens there
        {
            boost::asio::io_context io;
            boost::asio::ip::tcp::acceptor probe(io,
                                                 {boost::asio::ip::make_address("127.0.0.1"), 0});
            port = probe.local_endpoint().port();
        }
        const QString url = QString("http://127.0.0.1:%1/").arg(port);
        RunConfig closed = short_run(Model::EventLoop, 2, 2);
        closed.external = *parse_target_url(url.toStdString(), false);
        QVERIFY(closed.external);
        window.control_panel()->set_config(closed);
        window.start_run();
        QStringList banners;
        QVERIFY(walk_until(
            &window, bad, [&] { return !window.runner()->running(); }, 20000, &banners));
        QVERIFY2(banners.join("\n").contains(engine_text(std::string("Connection refused"))),
                 qPrintable(banners.join("\n")));
        QVERIFY(window.export_report(dir_.filePath("closed.html"), true));
        bad << report_untranslated(dir_.filePath("closed.html"));
        window.control_panel()->real_on_start()->setChecked(false);
        expect_no_english(bad);
    }

    // A short sweep of the event loop: its table, charts and fit line (4 points: no fit yet).
    void afterRunsASweep() {
        QVERIFY(QTest::qWaitForWindowExposed(&korean_window()));
        SweepWindow* sweep = korean_window().open_sweep_window();
        for (QCheckBox* box : sweep->model_boxes()) box->setChecked(false);
        sweep->model_boxes().front()->setChecked(true);
        sweep->connections_edit()->setText("1,2,4,8");
        sweep->step_box()->setValue(0.5);
        sweep->warmup_box()->setValue(0.1);
        QTest::mouseClick(sweep->run_button(), Qt::LeftButton);
        QVERIFY(sweep->running());
        QTRY_VERIFY_WITH_TIMEOUT(!sweep->running(), 30000);
        QCOMPARE(sweep->points().at(0).size(), std::size_t(4));
        const QStringList bad = untranslated(shown_texts(sweep));
        sweep->close();
        expect_no_english(bad);
    }

    // A preset, a kept run cleared by another preset (with Undo), a model changed by hand.
    void afterRunsPresetsAndAKeptRun() {
        MainWindow& window = korean_window();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList bad;
        const auto presets = load_presets();
        window.apply_preset(presets.front(), false);
        window.control_panel()->duration()->spin_box()->setValue(1);
        window.start_run();
        QVERIFY(walk_until(
            &window, bad, [&] { return !window.runner()->running(); }, 20000));
        window.kept_run()->keep();
        bad << untranslated(shown_texts(&window));
        window.apply_preset(presets.at(1), false);
        bad << untranslated(shown_texts(&window));
        QComboBox* model = window.control_panel()->model_box();
        model->setCurrentIndex(model->findData(int(Model::ProcessPerCore)));
        bad << untranslated(shown_texts(&window));
        expect_no_english(bad);
    }
};

QTEST_MAIN(TstKoreanWindow)
#include "tst_korean_window.moc"
