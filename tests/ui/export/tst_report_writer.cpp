// The report writer on recorded runs (no server): every user string escaped, the charts of the
// panel inlined, the PDF paged, files never replaced without `overwrite`.
#include <QtTest>

#include <QTemporaryDir>

#include "charts/chart_panel.hpp"
#include "export/machine_info.hpp"
#include "export/report_writer.hpp"
#include "gui_test_support.hpp"
#include "pdf_text.hpp"
#include "result_text.hpp"
#include "synthetic_runs.hpp"
#include "text/diagnosis_text.hpp"

using namespace conclab;
using namespace conclab::ui;
using conclab::test::succeeded;

namespace {

RunResult recorded_run(const std::string& url) {
    RunResult r = test::recorded_run();
    if (!url.empty()) r.config.external = *parse_target_url(url, true);
    r.final_config = r.config;
    r.events = {AdjustEvent{1.0, "connections", 5, 50, {}}};
    r.warnings = {"<script>alert('x')</script> & \"quotes\""};
    // The report words a diagnosis from its rule and evidence (ui/diagnosis_text), not the
    // engine's English text, so that it can be translated.
    r.diagnosis = {Diagnosis{"loop-blocked",
                             "The event loop is busy 99 % of the time.",
                             {{"loop_utilization_pct", 99}, {"loop_delay_p99_ms", 22}}}};
    return r;
}

// The article's story in figures: the event loop serves 1,000 at once at 17,706.8 req/s, ten
// GIL threads serve 10 and keep 990 waiting at 0.01× of it, their p99 in thousands of ms.
std::vector<RunResult> story_runs() {
    RunResult loop = recorded_run("");
    loop.config.server.model = Model::EventLoop;
    loop.summary.rps = 17706.8;
    loop.summary.latency = LatencySummary{52, 55, 61.25, 70.5, 90, 53, 50};
    RunResult gil = recorded_run("");
    gil.config.server.model = Model::GilThreads;
    gil.config.server.threads = 10;
    gil.summary.rps = 199.6;
    gil.summary.latency = LatencySummary{3803.9, 4100, 4999.99, 5120.5, 12345.67, 3900, 100};
    gil.summary.errors = 12345;
    for (MetricsSample& m : loop.series) {
        m.server_in_service_peak = 1000;
        m.server_waiting_peak = 0;
    }
    for (MetricsSample& m : gil.series) {
        m.server_in_service_peak = 10;
        m.server_waiting_peak = 990;
    }
    return {loop, gil};
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
        QVERIFY2(succeeded(write_report_for_runs(runs, path, o), error), qPrintable(error));
        const QByteArray html = read_all(path);
        QVERIFY(!html.contains("<script>"));
        QVERIFY(html.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;quotes&quot;"));
        QVERIFY(!html.contains("<img"));
        QVERIFY(html.contains("&lt;img src=x onerror=alert(1)&gt; talk"));
        QVERIFY(!html.contains("/<b>?"));
        QVERIFY(html.contains("at 1.00 s, connections 5 → 50"));
        QVERIFY(
            html.contains("The event loop is busy 99 % of the time and fires timers 22 ms late"));
        QVERIFY(html.contains("4.56"));  // p99.9
        ChartPanel panel;
        QCOMPARE(html.count("<svg"), qsizetype(panel.charts().size()));
    }

    void pdfHasTitleChartsAndTextPages() {
        QTemporaryDir dir;
        const QString path = dir.filePath("r.pdf");
        QString error;
        QVERIFY2(succeeded(write_report_for_runs({recorded_run("")}, path, {}), error),
                 qPrintable(error));
        const QByteArray pdf = read_all(path);
        ChartPanel panel;
        // Title, one page per chart, summary, warnings and events, model, how measured.
        QVERIFY(pdf.count("/Type /Page\n") >= qsizetype(5 + panel.charts().size()));
    }

    // The summary slide: every number whole on one line (they wrapped at the thousands
    // separator, "17,706 / .8"), the ratio to the first run and the peaks in service and
    // waiting; the HTML table carries them too.
    void summaryCarriesTheStoryWithWholeNumbers() {
        QTemporaryDir dir;
        const QString path = dir.filePath("r.pdf");
        QString error;
        QVERIFY2(succeeded(write_report_for_runs(story_runs(), path, {}), error),
                 qPrintable(error));
        QFile::remove(conclab::test::screenshot_path("report-story.pdf"));
        QFile::copy(path, conclab::test::screenshot_path("report-story.pdf"));  // to look at
        const QStringList pages = conclab::test::pdf_layout_pages(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QString summary;
        for (const QString& page : pages) {
            // pdftotext writes the "fi" ligature as one character.
            if (page.contains("Summary") && page.contains("p99 ms")) {
                summary = page.normalized(QString::NormalizationForm_KC);
            }
        }
        QVERIFY2(!summary.isEmpty(), qPrintable(pages.join("\n----\n")));
        for (const char* whole : {"17,706.8", "199.6", "3,803.90", "4,999.99", "12,345.67",
                                  "12,345", "0.011× event loop", "baseline", "1,000", "990"}) {
            QVERIFY2(summary.contains(QString::fromUtf8(whole)),
                     qPrintable(QString::fromUtf8(whole) + " not whole in:\n" + summary));
        }
        for (const char* row : {"vs first", "peak in service", "peak waiting"}) {
            QVERIFY2(summary.contains(row), qPrintable(summary));
        }
        // The peaks' row reads "1,000 … 10" and "0 … 990" on one line each.
        QVERIFY(QRegularExpression("peak in service\\s+1,000\\s+10\\b").match(summary).hasMatch());
        QVERIFY(QRegularExpression("peak waiting\\s+0\\s+990\\b").match(summary).hasMatch());
        QFile::remove(dir.filePath("r.html"));
        QVERIFY2(succeeded(write_report_for_runs(story_runs(), dir.filePath("r.html"), {}), error),
                 qPrintable(error));
        const QString html = QString::fromUtf8(read_all(dir.filePath("r.html")));
        QFile::remove(conclab::test::screenshot_path("report-story.html"));
        QFile::copy(dir.filePath("r.html"), conclab::test::screenshot_path("report-story.html"));
        for (const char* text :
             {"<th>vs first</th>", "<th>peak in service</th>", "<th>peak waiting</th>",
              "0.011× event loop", "17,706.8", ">990<"}) {
            QVERIFY2(html.contains(QString::fromUtf8(text)), text);
        }
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
        QVERIFY(!succeeded(write_report_for_runs({recorded_run("")}, path, {}), error));
        QVERIFY(error.contains("exists"));
        QCOMPARE(read_all(path), QByteArray("precious"));
        ReportOptions o;
        o.overwrite = true;
        QVERIFY2(succeeded(write_report_for_runs({recorded_run("")}, path, o), error),
                 qPrintable(error));
        QVERIFY(read_all(path).startsWith("%PDF"));
        QVERIFY(
            !succeeded(write_report_for_runs({recorded_run("")}, dir.filePath("r.txt"), o), error));
        QVERIFY(error.contains(".html or .pdf"));
        QVERIFY(!succeeded(write_report_for_runs({}, dir.filePath("empty.html"), o), error));
        QVERIFY(!QFile::exists(dir.filePath("empty.html")));
    }

    // The words of the exhausted pool: the whole peak of waiting requests (the table's "peak
    // waiting"), and the highest tick average only from a report saved before runs counted it.
    void exhaustedPoolSaysTheWholePeak() {
        const RunResult r = recorded_run("");
        Diagnosis d{"thread-pool-exhausted",
                    "",
                    {{"threads", 10}, {"server_waiting_max", 989.6}, {"gil_held_pct", 3}}};
        QVERIFY2(diagnosis_text(d, r).contains("up to 990 requests"),
                 qPrintable(diagnosis_text(d, r)));
        d.evidence.emplace_back("server_waiting_peak", 991);
        QVERIFY2(diagnosis_text(d, r).contains("up to 991 requests"),
                 qPrintable(diagnosis_text(d, r)));
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
