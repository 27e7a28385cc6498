// File → Export report and File → Open run on the real window: a short real experiment, the
// report written through the toolbar action and its save dialog (HTML and PDF), checked as
// files; a saved JSON report opened through File → Open run shows the same charts and table.
#include <QtTest>

#include <QApplication>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>
#include <QXmlStreamReader>

#include <fstream>

#include "charts/chart_panel.hpp"
#include "charts/time_series_chart.hpp"
#include "controls/control_panel.hpp"
#include "controls/labeled_slider.hpp"
#include "gui_test_support.hpp"
#include "report/compare_report.hpp"
#include "report/run_report.hpp"
#include "window/compare_table.hpp"
#include "window/experiment_runner.hpp"
#include "window/kept_run.hpp"
#include "window/main_window.hpp"

#include <qcustomplot.h>

using namespace conclab;
using namespace conclab::ui;

namespace {

using conclab::test::screenshot_path;

void set_short_run(ControlPanel* c, double io_ms) {
    c->model_box()->setCurrentIndex(c->model_box()->findData(int(Model::EventLoop)));
    c->connections()->spin_box()->setValue(8);
    c->cpu_ms()->slider()->setValue(0);
    c->io_ms()->spin_box()->setValue(io_ms);
    c->duration()->spin_box()->setValue(1);
}

void run_to_the_end(MainWindow& w) {
    w.start_run();
    QTRY_VERIFY_WITH_TIMEOUT(w.runner()->running(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running() && w.last_results().size() == 1, 15000);
}

// Fills in the file dialog the action opens (a real QFileDialog, not the platform's).
void answer_file_dialog(const QString& object_name, const QString& path) {
    auto* timer = new QTimer;
    timer->setInterval(50);
    QObject::connect(timer, &QTimer::timeout, [timer, object_name, path] {
        QFileDialog* dialog = nullptr;
        for (QWidget* top : QApplication::topLevelWidgets()) {
            auto* d = qobject_cast<QFileDialog*>(top);
            if (d && d->isVisible() && d->objectName() == object_name) dialog = d;
        }
        if (!dialog) return;
        timer->stop();
        timer->deleteLater();
        for (const QString& filter : dialog->nameFilters()) {  // as a user picks the type
            if (filter.contains("*." + QFileInfo(path).suffix())) dialog->selectNameFilter(filter);
        }
        // Typed into the name field, as a user would: selectFile() races the dialog's
        // directory loading, which puts the suggested name back.
        auto* name = dialog->findChild<QLineEdit*>("fileNameEdit");
        if (!name) return;
        name->setText(path);
        static_cast<QDialog*>(dialog)->accept();  // virtual: QFileDialog's own checks run
    });
    timer->start();
}

QByteArray read_all(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every <svg>…</svg> of the page, each parsed as XML on its own.
int well_formed_svgs(const QByteArray& html) {
    int count = 0;
    for (qsizetype at = html.indexOf("<svg"); at >= 0; at = html.indexOf("<svg", at + 1)) {
        const qsizetype end = html.indexOf("</svg>", at);
        if (end < 0) return -1;
        QXmlStreamReader xml(html.mid(at, end + 6 - at));
        while (!xml.atEnd()) xml.readNext();
        if (xml.hasError()) {
            qWarning() << "svg" << count << xml.errorString();
            return -1;
        }
        ++count;
    }
    return count;
}

// Python's HTML parser walks the whole page; unbalanced tags and any external reference fail.
QString python_html_check(const QString& path) {
    const char* script = R"(
import sys, html.parser
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.stack = []; s.errors = []
    def handle_starttag(s, tag, attrs):
        for k, v in attrs:
            if k in ('src', 'href') and v and ('//' in v or v.startswith('http')):
                s.errors.append('external ' + k + '=' + v)
        if tag not in ('meta', 'br', 'img', 'link', 'input', 'hr'): s.stack.append(tag)
    def handle_startendtag(s, tag, attrs): pass
    def handle_endtag(s, tag):
        if not s.stack or s.stack[-1] != tag: s.errors.append('unbalanced </%s> after %s' % (tag, s.stack[-3:]))
        else: s.stack.pop()
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read()); p.close()
if p.stack: p.errors.append('unclosed ' + str(p.stack[-3:]))
print('\n'.join(p.errors[:5]) or 'ok')
)";
    QProcess py;
    py.start("/usr/bin/python3", {"-c", script, path});
    if (!py.waitForFinished(30000)) return "python did not finish";
    return QString::fromUtf8(py.readAllStandardOutput() + py.readAllStandardError()).trimmed();
}

int pdf_pages(const QByteArray& pdf) {
    return static_cast<int>(pdf.count("/Type /Page\n") + pdf.count("/Type /Page ") +
                            pdf.count("/Type /Page/") + pdf.count("/Type /Page>"));
}

// What the charts show: per chart, per series, the points.
QList<QList<QPointF>> chart_points(ChartPanel* panel) {
    QList<QList<QPointF>> out;
    for (TimeSeriesChart* chart : panel->charts()) {
        for (int s = 0; s < chart->series_count(); ++s) {
            QList<QPointF> points;
            for (auto it = chart->graph(s)->data()->constBegin();
                 it != chart->graph(s)->data()->constEnd(); ++it) {
                points << QPointF(it->key, it->value);
            }
            out << points;
        }
    }
    return out;
}

bool same_points(const QList<QList<QPointF>>& a, const QList<QList<QPointF>>& b) {
    if (a.size() != b.size()) return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].size() != b[i].size()) return false;
        for (qsizetype j = 0; j < a[i].size(); ++j) {
            const QPointF p = a[i][j], q = b[i][j];
            const bool both_gaps = std::isnan(p.y()) && std::isnan(q.y());
            if (p.x() != q.x() || (!both_gaps && p.y() != q.y())) return false;
        }
    }
    return true;
}

}  // namespace

class TstReport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        conclab::test::use_throwaway_settings("ConcurrencyLabReportTests");
        QVERIFY(qEnvironmentVariableIsSet("CONCLAB_WORKER"));
    }

    void exportReportThroughTheToolbarAsHtmlAndPdf() {
        QTemporaryDir dir;
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!w.file_menu()->export_report_action()->isEnabled());  // nothing to report yet
        set_short_run(w.control_panel(), 5);
        run_to_the_end(w);
        QVERIFY(w.file_menu()->export_report_action()->isEnabled());
        auto* button = qobject_cast<QToolButton*>(
            w.tool_bar()->widgetForAction(w.file_menu()->export_report_action()));
        QVERIFY(button && button->isVisible());

        const QString html_path = dir.filePath("report.html");
        answer_file_dialog("exportReportDialog", html_path);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(QFile::exists(html_path), qPrintable(w.last_error()), 10000);
        const QByteArray html = read_all(html_path);
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.contains("event loop"));
        QVERIFY(html.contains("p99.9"));
        QVERIFY(html.contains("How it was measured"));
        QVERIFY(!html.contains("<?xml"));
        const int svgs = well_formed_svgs(html);
        QVERIFY2(svgs >= 4 && svgs == int(w.chart_panel()->charts().size()),
                 qPrintable(QString::number(svgs)));
        QCOMPARE(python_html_check(html_path), QString("ok"));
        // The p99.9 in the table is the run's, as the JSON report gives it.
        const double p999 = w.last_results().front().summary.latency->p999_ms;
        QVERIFY(html.contains(QByteArray::fromStdString(grouped_number(p999, 2))));

        const QString pdf_path = dir.filePath("report.pdf");
        answer_file_dialog("exportReportDialog", pdf_path);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pdf_path), 10000);
        const QByteArray pdf = read_all(pdf_path);
        QVERIFY(pdf.startsWith("%PDF"));
        // Title, four charts, summary, warnings and events, model, how measured.
        QVERIFY2(pdf_pages(pdf) >= 5 + int(w.chart_panel()->charts().size()) - 1,
                 qPrintable(QString::number(pdf_pages(pdf))));
        QFile::copy(html_path, screenshot_path("report.html"));
        QFile::remove(screenshot_path("report.pdf"));
        QFile::copy(pdf_path, screenshot_path("report.pdf"));
    }

    void existingReportIsReplacedOnlyWhenConfirmed() {
        QTemporaryDir dir;
        MainWindow w;
        set_short_run(w.control_panel(), 5);
        run_to_the_end(w);
        const QString path = dir.filePath("old.html");
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("keep me");
        }
        QTimer::singleShot(0, [] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
                box->accept();
        });
        QVERIFY(!w.export_report(path, false));
        QCOMPARE(read_all(path), QByteArray("keep me"));
        QVERIFY(w.export_report(path, true));
        QVERIFY(read_all(path).contains("<svg"));
        // A name that is neither .html nor .pdf is refused with the reason.
        QVERIFY(!w.export_report(dir.filePath("r.docx"), true));
        QVERIFY2(w.last_error().contains(".html or .pdf"), qPrintable(w.last_error()));
    }

    void openRunShowsTheRunAsIfItHadJustRun() {
        QTemporaryDir dir;
        const QString json = dir.filePath("run.json");
        QList<QList<QPointF>> points;
        QString title, subtitle;
        RunResult measured;
        {
            MainWindow w;
            set_short_run(w.control_panel(), 5);
            run_to_the_end(w);
            QVERIFY(w.export_data(json, false));
            points = chart_points(w.chart_panel());
            title = w.chart_panel()->heading_title();
            subtitle = w.chart_panel()->heading_subtitle();
            measured = w.last_results().front();
        }
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        answer_file_dialog("openRunDialog", json);
        w.file_menu()->open_run_action()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(w.last_results().size(), std::size_t(1), 5000);
        QCOMPARE(run_result_to_json(w.last_results().front()).dump(),
                 run_result_to_json(measured).dump());
        QCOMPARE(w.chart_panel()->run_count(), 1);
        const auto opened = chart_points(w.chart_panel());
        QVERIFY(opened.front().size() >= 3);  // req/s points of a 1 s run at 0.25 s ticks
        QVERIFY(same_points(opened, points));
        QCOMPARE(w.chart_panel()->heading_subtitle(), subtitle);
        // Remembered under File → Open recent run.
        auto* recent = w.findChild<QMenu*>("recentRunsMenu");
        QVERIFY(recent && recent->isEnabled() && !recent->actions().isEmpty());
        QCOMPARE(recent->actions().first()->toolTip(), QFileInfo(json).absoluteFilePath());
        QVERIFY(!title.isEmpty());
        QVERIFY(w.file_menu()->export_report_action()->isEnabled());
        QTest::qWait(300);  // the charts repaint on the event loop
        w.grab().save(screenshot_path("report_opened_run.png"));

        // Kept as a ghost, the opened run is drawn under the next live one.
        w.kept_run()->keep();
        set_short_run(w.control_panel(), 15);
        run_to_the_end(w);
        QCOMPARE(w.chart_panel()->run_count(), 2);
        QCOMPARE(w.compare_table()->rowCount(), 2);
        QCOMPARE(w.chart_panel()->rps_chart()->point_count(0), int(points.front().size()));
        QTest::qWait(300);
        w.grab().save(screenshot_path("report_opened_run_as_ghost.png"));

        // Added to a comparison: the kept run is drawn and tabled with the compared models.
        w.start_comparison({Model::EventLoop, Model::GilThreads});
        QTRY_VERIFY_WITH_TIMEOUT(w.runner()->running(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!w.runner()->running() && w.last_results().size() == 2, 30000);
        QCOMPARE(w.chart_panel()->run_count(), 3);
        QCOMPARE(w.compare_table()->rowCount(), 3);
        const QString with_ghost = dir.filePath("with_ghost.html");
        QVERIFY(w.export_report(with_ghost, false));
        QVERIFY(read_all(with_ghost).count("<td style=\"white-space: nowrap\">") == 3);

        // A comparison report opens with all its runs overlaid and in the table.
        const QString compare_json = dir.filePath("compare.json");
        std::ofstream(compare_json.toStdString())
            << comparison_to_json({{measured}, {w.last_results().front()}}).dump(2);
        MainWindow c;
        QVERIFY(c.open_run(compare_json));
        QCOMPARE(c.chart_panel()->run_count(), 2);
        QCOMPARE(c.compare_table()->rowCount(), 2);
        QVERIFY(c.compare_table()->isVisibleTo(&c));
        QCOMPARE(c.last_results().size(), std::size_t(2));
        QVERIFY(c.chart_panel()->heading_title().contains(" vs "));
        const QString report = dir.filePath("compare.pdf");
        QVERIFY(c.export_report(report, false));
        QVERIFY(pdf_pages(read_all(report)) >= 5);
    }

    void brokenFileSaysWhyAndChangesNothing() {
        QTemporaryDir dir;
        const QString path = dir.filePath("broken.json");
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(R"({"series": [{"t_s": 0.25, "rps": )");
        }
        MainWindow w;
        QTimer::singleShot(0, [] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
                box->accept();
        });
        QVERIFY(!w.open_run(path));
        QVERIFY2(w.last_error().contains("not valid JSON"), qPrintable(w.last_error()));
        QVERIFY(w.chart_panel()->idle());
        QVERIFY(w.last_results().empty());
        QVERIFY(!w.file_menu()->export_report_action()->isEnabled());
    }
};

QTEST_MAIN(TstReport)
#include "tst_report.moc"
