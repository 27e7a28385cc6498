// The report writer on recorded runs (no server): every user string escaped, the charts of the
// panel inlined, the PDF paged, files never replaced without `overwrite`.
#include <QtTest>

#include <QTemporaryDir>

#include "chart_panel.hpp"
#include "machine_info.hpp"
#include "report_writer.hpp"

using namespace conclab;
using namespace conclab::ui;

namespace {

RunResult recorded_run(const std::string& url) {
    RunResult r;
    if (!url.empty()) r.config.external = parse_target_url(url, true).target;
    r.final_config = r.config;
    r.summary.rps = 1234.5;
    r.summary.measured_s = 2;
    r.summary.latency = LatencySummary{1, 2, 3, 4.56, 7, 1.5, 0.5};
    for (int i = 1; i <= 8; ++i) {
        MetricsSample m;
        m.t_s = 0.25 * i;
        m.rps = 1000 + 10 * i;
        m.p50_ms = 1;
        m.p90_ms = 2;
        m.p99_ms = 3;
        m.client_open = 5;
        r.series.push_back(m);
    }
    r.events = {AdjustEvent{1.0, "connections", 5, 50, {}}};
    r.warnings = {"<script>alert('x')</script> & \"quotes\""};
    r.diagnosis = {Diagnosis{"loop-blocked", "The event loop is busy 99 % of the time.", {}}};
    return r;
}

QByteArray read_all(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TstReportWriter : public QObject {
    Q_OBJECT
private slots:
    void htmlEscapesEveryUserStringAndInlinesEveryChart() {
        QTemporaryDir dir;
        const QString path = dir.filePath("r.html");
        ReportOptions o;
        o.title = "<img src=x onerror=alert(1)> talk";
        QString error;
        const std::vector<RunResult> runs = {recorded_run(""),
                                             recorded_run("http://127.0.0.1:9/<b>?a=1&b=2")};
        QVERIFY2(write_report_for_runs(runs, path, o, &error), qPrintable(error));
        const QByteArray html = read_all(path);
        QVERIFY(!html.contains("<script>"));
        QVERIFY(html.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;quotes&quot;"));
        QVERIFY(!html.contains("<img"));
        QVERIFY(html.contains("&lt;img src=x onerror=alert(1)&gt; talk"));
        QVERIFY(!html.contains("/<b>?"));
        QVERIFY(html.contains("at 1.00 s, connections 5 → 50"));
        QVERIFY(html.contains("The event loop is busy 99 % of the time."));
        QVERIFY(html.contains("4.56"));  // p99.9
        ChartPanel panel;
        QCOMPARE(html.count("<svg"), qsizetype(panel.charts().size()));
    }

    void pdfHasTitleChartsAndTextPages() {
        QTemporaryDir dir;
        const QString path = dir.filePath("r.pdf");
        QString error;
        QVERIFY2(write_report_for_runs({recorded_run("")}, path, {}, &error), qPrintable(error));
        const QByteArray pdf = read_all(path);
        ChartPanel panel;
        // Title, one page per chart, summary, warnings and events, model, how measured.
        QVERIFY(pdf.count("/Type /Page\n") >= qsizetype(5 + panel.charts().size()));
    }

    void neverReplacesAFileWithoutOverwrite() {
        QTemporaryDir dir;
        const QString path = dir.filePath("r.pdf");
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("precious");
        }
        QString error;
        QVERIFY(!write_report_for_runs({recorded_run("")}, path, {}, &error));
        QVERIFY(error.contains("exists"));
        QCOMPARE(read_all(path), QByteArray("precious"));
        ReportOptions o;
        o.overwrite = true;
        QVERIFY2(write_report_for_runs({recorded_run("")}, path, o, &error), qPrintable(error));
        QVERIFY(read_all(path).startsWith("%PDF"));
        QVERIFY(!write_report_for_runs({recorded_run("")}, dir.filePath("r.txt"), o, &error));
        QVERIFY(error.contains(".html or .pdf"));
        QVERIFY(!write_report_for_runs({}, dir.filePath("empty.html"), o, &error));
        QVERIFY(!QFile::exists(dir.filePath("empty.html")));
    }

    void cpuModelIsReadFromCpuinfo() {
        QCOMPARE(cpu_model("processor\t: 0\nmodel name\t: AMD EPYC 7B13\nflags\t: fpu\n"),
                 QString("AMD EPYC 7B13"));
        QCOMPARE(cpu_model("Hardware\t: BCM2835\n"), QString("BCM2835"));
        QCOMPARE(cpu_model(""), QString());
    }
};

QTEST_MAIN(TstReportWriter)
#include "tst_report_writer.moc"
