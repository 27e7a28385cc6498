// The Korean window walked as a user walks it, every text it shows looked at: the first frame, a
// finished comparison, the Sweep window, the calibrate and export dialogs, and what comes after
// runs (the warning banner, chart markers, the status bar after each action, "(changed: …)", the
// exported report). A text with no Hangul that has an English word other than a kept name fails.
// It catches a string that never went through tr() (lupdate cannot see it), one looked up in the
// wrong context, and engine text the GUI shows without wording it (ui/engine_text).
#include <QtTest>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>

#include <qcustomplot.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "app_language.hpp"
#include "calibrate_dialog.hpp"
#include "chart_exporter.hpp"
#include "chart_panel.hpp"
#include "control_panel.hpp"
#include "die_with_parent.hpp"
#include "engine_text.hpp"
#include "experiment_runner.hpp"
#include "export_dialog.hpp"
#include "gui_test_support.hpp"
#include "kill_worker_action.hpp"
#include "labeled_slider.hpp"
#include "machine_info.hpp"
#include "main_window.hpp"
#include "model_vs_real_table.hpp"
#include "preset_library.hpp"
#include "sweep_window.hpp"
#include "time_series_chart.hpp"

using namespace conclab;
using namespace conclab::ui;

namespace {

bool has_hangul(const QString& text) {
    static const QRegularExpression hangul("[\\x{AC00}-\\x{D7A3}]");
    return text.contains(hangul);
}

// Words that read the same in a Korean window: names of programs, protocols, units and the
// models' and flags' own names.
const QSet<QString>& kept_words() {
    // clang-format off
    static const QSet<QString> words{
        "concurrency", "lab", "gil", "cpu", "i/o", "io", "req", "req/s", "ms", "µs", "json",
        "csv", "png", "svg", "pdf", "html", "url", "http", "node", "node.js", "express", "flask",
        "gunicorn", "werkzeug", "nginx", "gevent", "gthread", "sync", "usl", "qt", "boost",
        "ctrl", "shift", "space", "wrk", "wrk2", "k6", "sigkill", "pid", "sched_rr",
        "sched_none", "so_reuseport", "reuseport", "round-robin", "kernel", "event-loop",
        "gil-threads", "process-per-core", "keep-alive", "cluster", "hdrhistogram", "localhost",
        "api", "max", "min", "log", "per4m", "gil_load", "overhead_us", "overhead_released_us",
        "utc", "english"};  // the language menu names each language in itself
    // clang-format on
    return words;
}

// A text a Korean window must not show: one without Hangul that still has an English word of
// three letters or more that is not one of the kept names.
bool looks_untranslated(QString text) {
    text.remove(QRegularExpression("<[^>]*>"));  // rich text tags
    text.remove(QRegularExpression("&\\w+;"));
    if (text.trimmed().isEmpty() || has_hangul(text)) return false;
    static const QRegularExpression word("[A-Za-z][A-Za-z_./-]{2,}");
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QString w = it.next().captured().toLower();
        if (!kept_words().contains(w) && !w.contains('.') && !w.startsWith("http")) return true;
    }
    return false;
}

// Every text `root` and its children show a user: labels, buttons, group titles, placeholders,
// combo and list items, table headers, tooltips, window titles, actions and menus, and the
// charts' titles, axis labels and legends. Each as "where: text".
QStringList shown_texts(QWidget* root) {
    QStringList out;
    auto add = [&out](const QObject* o, const QString& text) {
        if (!text.trimmed().isEmpty())
            out << QString("%1 (%2): %3").arg(o->metaObject()->className(), o->objectName(), text);
    };
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : widgets) {
        add(w, w->toolTip());
        if (w->isWindow()) add(w, w->windowTitle());
        if (auto* l = qobject_cast<QLabel*>(w)) add(l, l->text());
        if (auto* b = qobject_cast<QAbstractButton*>(w)) add(b, b->text().remove('&'));
        if (auto* g = qobject_cast<QGroupBox*>(w)) add(g, g->title());
        if (auto* e = qobject_cast<QLineEdit*>(w)) add(e, e->placeholderText());
        if (auto* c = qobject_cast<QComboBox*>(w)) {
            for (int i = 0; i < c->count(); ++i) add(c, c->itemText(i));
        }
        if (auto* list = qobject_cast<QListWidget*>(w)) {
            for (int i = 0; i < list->count(); ++i) add(list, list->item(i)->text());
        }
        if (auto* v = qobject_cast<QAbstractItemView*>(w); v && v->model()) {
            for (int i = 0; i < v->model()->columnCount(); ++i) {
                add(v, v->model()->headerData(i, Qt::Horizontal).toString());
            }
        }
        if (auto* t = qobject_cast<QTableWidget*>(w)) {
            for (int r = 0; r < t->rowCount(); ++r) {
                for (int c = 0; c < t->columnCount(); ++c) {
                    if (const QTableWidgetItem* item = t->item(r, c)) {
                        add(t, item->text());
                        add(t, item->toolTip());
                    }
                }
            }
        }
        if (auto* chart = qobject_cast<TimeSeriesChart*>(w)) {
            for (const QString& label : chart->marker_labels()) add(chart, label);
        }
        if (auto* m = qobject_cast<QMenu*>(w)) add(m, m->title().remove('&'));
        if (auto* bar = qobject_cast<QStatusBar*>(w)) add(bar, bar->currentMessage());
        if (auto* plot = qobject_cast<QCustomPlot*>(w)) {
            for (QCPAxisRect* rect : plot->axisRects()) {
                for (QCPAxis* axis : rect->axes()) add(plot, axis->label());
            }
            for (int i = 0; i < plot->plottableCount(); ++i) add(plot, plot->plottable(i)->name());
            for (int i = 0; i < plot->plotLayout()->elementCount(); ++i) {
                if (auto* t = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i))) {
                    add(plot, t->text());
                }
            }
        }
    }
    for (QAction* a : root->findChildren<QAction*>()) {
        add(a, a->text().remove('&'));
        add(a, a->toolTip().remove('&'));
    }
    return out;
}

QStringList untranslated(const QStringList& shown) {
    QStringList bad;
    for (const QString& line : shown) {
        // Line by line: the warning banner holds one engine message a line.
        for (const QString& part : line.section(": ", 1).split('\n')) {
            if (looks_untranslated(part)) bad << line.section(": ", 0, 0) + ": " + part;
        }
    }
    bad.removeDuplicates();
    return bad;
}

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
        if (banners && window->warning_banner()->isVisible())
            *banners << window->warning_banner()->text();
        if (done()) return true;
        QTest::qWait(100);
    }
    return false;
}

// The text of an exported HTML report, piece by piece between its tags. Its charts are left out:
// an SVG splits a line into pieces at each change of font (Hangul, Latin), and the same charts'
// texts are walked in the window. So are the machine's own names (CPU model, kernel).
QStringList report_untranslated(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {"report: cannot read " + path};
    QString html = QString::fromUtf8(file.readAll());
    html.remove(QRegularExpression("<(style|script|svg)[^>]*>.*?</\\1>",
                                   QRegularExpression::DotMatchesEverythingOption));
    QStringList machine;
    for (const auto& row : machine_rows()) machine << row.second;
    QStringList bad;
    for (const QString& piece : html.split(QRegularExpression("<[^>]*>"))) {
        const QString text = piece.simplified();
        const bool of_machine =
            std::any_of(machine.begin(), machine.end(),
                        [&](const QString& value) { return value.contains(text); });
        if (!of_machine && looks_untranslated(text)) bad << "report: " + text;
    }
    bad.removeDuplicates();
    return bad;
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
private slots:
    void initTestCase() { test::use_throwaway_settings("ConcurrencyLabTests-korean-window"); }
    void cleanupTestCase() { apply_language("en"); }

    // The Calibrate dialog in Korean against a real server (the CLI's `serve`, an event loop
    // with 300 µs of framework cost): its progress while it measures, the fitted result, Model vs
    // real on two points, and the status bar after Apply.
    void koreanCalibrateDialogShowsNoEnglish() {
        QProcess server;
        server.setProgram(CONCLAB_CLI);
        server.setArguments({"serve", "--model", "event-loop", "--overhead-us", "300", "--port",
                             "0", "--duration", "300"});
        server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        const pid_t parent = ::getpid();
        server.setChildProcessModifier([parent] { test::die_with_parent(parent); });
        server.start();
        QVERIFY(server.waitForStarted(60000));
        const QRegularExpression serving("on (http://127\\.0\\.0\\.1:\\d+/)");
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += server.readAllStandardOutput(),
                                  serving.match(QString::fromUtf8(out)).hasMatch()),
                                 60000);
        const QString url = serving.match(QString::fromUtf8(out)).captured(1);

        apply_language("ko");
        QStringList bad;
        {
            MainWindow window;
            window.resize(1920, 1080);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.control_panel()->real_url()->setText(url);
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
        server.terminate();
        if (!server.waitForFinished(10000)) {
            server.kill();
            server.waitForFinished(10000);
        }
        bad.removeDuplicates();
        for (const QString& line : bad)
            qWarning("English in the Korean calibrate dialog: %s", qPrintable(line));
        QVERIFY2(bad.isEmpty(),
                 qPrintable(QString("%1 English texts (listed above)").arg(bad.size())));
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
        bad.removeDuplicates();
        for (const QString& line : bad)
            qWarning("English in the Korean window: %s", qPrintable(line));
        QVERIFY2(bad.isEmpty(),
                 qPrintable(QString("%1 English texts (listed above)").arg(bad.size())));
    }

    // What a user meets after runs, in Korean: the warning banner (a killed worker, errors
    // against a closed port), the chart markers (a knob moved, a worker killed), the status bar
    // after each action (knob, kill, stop, export, save, another preset with Undo), the heading's
    // "(changed: …)", the diagnosis and the exported report's text.
    void koreanWindowAfterRunsShowsNoEnglish() {
        apply_language("ko");
        QStringList bad;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            MainWindow window;
            window.resize(1920, 1080);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            ChartPanel* charts = window.chart_panel();
            ControlPanel* controls = window.control_panel();

            // A live knob change on an event loop holding idle connections (the keep-alive note).
            RunConfig idle = short_run(Model::EventLoop, 4, 3);
            idle.load.idle_connections = 3;
            controls->set_config(idle);
            window.start_run();
            QVERIFY(walk_until(
                &window, bad, [&] { return charts->rps_chart()->point_count(0) >= 3; }, 15000));
            controls->connections()->spin_box()->setValue(8);
            QVERIFY(walk_until(
                &window, bad, [&] { return charts->rps_chart()->marker_count() >= 1; }, 5000));
            QVERIFY(walk_until(
                &window, bad, [&] { return !window.runner()->running(); }, 20000));
            QVERIFY(window.export_report(dir.filePath("idle.html"), true));
            bad << untranslated(shown_texts(&window));
            bad << report_untranslated(dir.filePath("idle.html"));
            QVERIFY(window.export_charts(dir.filePath("charts.png"), ChartExportOptions{}));
            bad << untranslated(shown_texts(&window));
            QVERIFY(window.save_scenario(dir.filePath("scenario.json")));
            bad << untranslated(shown_texts(&window));

            // Kill a worker of a process per core run, then stop it by hand.
            // Warnings are those of the last tick: a 1 s tick keeps the death's in the banner
            // long enough for a poll on a loaded machine.
            RunConfig killed = short_run(Model::ProcessPerCore, 8, 20);
            killed.tick_s = 1;
            controls->set_config(killed);
            window.start_run();
            QVERIFY(walk_until(
                &window, bad,
                [&] { return window.runner()->last_snapshot().server_pids.size() == 2; }, 15000));
            window.kill_worker_action()->kill(std::nullopt);
            bad << untranslated(shown_texts(&window));
            QStringList banners;
            QVERIFY(walk_until(
                &window, bad,
                [&] { return charts->rps_chart()->marker_count() >= 1 && !banners.isEmpty(); },
                10000, &banners));
            QVERIFY2(has_hangul(banners.join("\n")), qPrintable(banners.join("\n")));
            QVERIFY2(charts->rps_chart()->marker_labels().join("").contains("→"),
                     qPrintable(charts->rps_chart()->marker_labels().join(", ")));
            window.stop_run();
            QVERIFY(walk_until(
                &window, bad, [&] { return !window.runner()->running(); }, 20000));
            QVERIFY(window.export_report(dir.filePath("killed.html"), true));
            QVERIFY(window.grab().save(test::screenshot_path("korean-killed-worker.png")));
            bad << report_untranslated(dir.filePath("killed.html"));

            // A real server that is not there: connect errors in the banner and the report.
            std::uint16_t port = 0;  // a free port, closed again: nothing listens there
            {
                boost::asio::io_context io;
                boost::asio::ip::tcp::acceptor probe(
                    io, {boost::asio::ip::make_address("127.0.0.1"), 0});
                port = probe.local_endpoint().port();
            }
            const QString url = QString("http://127.0.0.1:%1/").arg(port);
            RunConfig closed = short_run(Model::EventLoop, 2, 2);
            closed.external = parse_target_url(url.toStdString(), false).target;
            QVERIFY(closed.external);
            controls->set_config(closed);
            window.start_run();
            banners.clear();
            QVERIFY(walk_until(
                &window, bad, [&] { return !window.runner()->running(); }, 20000, &banners));
            QVERIFY2(banners.join("\n").contains(engine_text(std::string("Connection refused"))),
                     qPrintable(banners.join("\n")));
            QVERIFY(window.export_report(dir.filePath("closed.html"), true));
            bad << report_untranslated(dir.filePath("closed.html"));
            controls->real_on_start()->setChecked(false);

            // A short sweep of the event loop: its table, chart and the fit's caution (4 points).
            SweepWindow* sweep = window.open_sweep_window();
            for (QCheckBox* box : sweep->model_boxes()) box->setChecked(false);
            sweep->model_boxes().front()->setChecked(true);
            sweep->connections_edit()->setText("1,2,4,8");
            sweep->step_box()->setValue(0.5);
            sweep->warmup_box()->setValue(0.1);
            QTest::mouseClick(sweep->run_button(), Qt::LeftButton);
            QVERIFY(sweep->running());
            QTRY_VERIFY_WITH_TIMEOUT(!sweep->running(), 30000);
            QCOMPARE(sweep->points().at(0).size(), std::size_t(4));
            bad << untranslated(shown_texts(sweep));
            sweep->close();

            // A preset, a kept run cleared by another preset (with Undo), a model changed by hand.
            const auto presets = load_presets();
            window.apply_preset(presets.front(), false);
            controls->duration()->spin_box()->setValue(1);
            window.start_run();
            QVERIFY(walk_until(
                &window, bad, [&] { return !window.runner()->running(); }, 20000));
            window.keep_as_ghost();
            bad << untranslated(shown_texts(&window));
            window.apply_preset(presets.at(1), false);
            bad << untranslated(shown_texts(&window));
            QComboBox* model = controls->model_box();
            model->setCurrentIndex(model->findData(int(Model::ProcessPerCore)));
            bad << untranslated(shown_texts(&window));
        }
        apply_language("en");
        bad.removeDuplicates();
        for (const QString& line : bad)
            qWarning("English in the Korean window: %s", qPrintable(line));
        QVERIFY2(bad.isEmpty(),
                 qPrintable(QString("%1 English texts (listed above)").arg(bad.size())));
    }
};

QTEST_MAIN(TstKoreanWindow)
#include "tst_korean_window.moc"
