// Exports rendered from known data: each file must be valid and non-trivial.
#include <QtTest>

#include <QImageReader>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <cmath>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSpinBox>

#include "charts/chart_panel.hpp"
#include "charts/svg_axis_clamp.hpp"
#include "charts/time_series_chart.hpp"
#include "export/chart_exporter.hpp"
#include "export/export_dialog.hpp"
#include "gui_test_support.hpp"
#include "pdf_text.hpp"
#include "result_text.hpp"
#include "synthetic_runs.hpp"

using namespace conclab;
using namespace conclab::ui;
using conclab::test::succeeded;

namespace {

RunResult synthetic_run(Model model, double rps, double p50) {
    RunResult r = test::synthetic_chart_run(model, rps, p50, 32);
    r.events.push_back({4.0, "connections", 10, 1000, {}});
    r.summary.rps = rps;
    return r;
}

// The element names of an XML file, or the parser's error.
QStringList xml_elements(const QString& path, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return {};
    }
    QXmlStreamReader xml(&f);
    QStringList names;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) names << xml.name().toString();
    }
    if (xml.hasError())
        *error = xml.errorString() + " at line " + QString::number(xml.lineNumber());
    return names;
}

}  // namespace

class TstChartExporter : public QObject {
    Q_OBJECT
private slots:
    void pngHasTheRequestedSize() {
        QTemporaryDir dir;
        const QString path = dir.filePath("c.png");
        ChartExportOptions o;  // 1920×1080 at 2×
        QString error;
        QVERIFY2(
            succeeded(export_runs({synthetic_run(Model::EventLoop, 19000, 52)}, path, o), error),
            qPrintable(error));
        QImageReader reader(path);
        QCOMPARE(reader.size(), QSize(3840, 2160));
        const QImage image = reader.read();
        QVERIFY(!image.isNull());
        // Non-trivial: many distinct colours (lines, text), not a blank page.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 17) {
            for (int x = 0; x < image.width(); x += 13) colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
        QDir().mkpath(CONCLAB_SCREENSHOT_DIR);
        image.save(QString(CONCLAB_SCREENSHOT_DIR) + "/export-single.png");
    }
    void svgParses() {
        QTemporaryDir dir;
        const QString path = dir.filePath("c.svg");
        QString error;
        QVERIFY2(succeeded(export_runs({synthetic_run(Model::EventLoop, 19000, 52),
                                        synthetic_run(Model::GilThreads, 200, 4000)},
                                       path, ChartExportOptions{}),
                           error),
                 qPrintable(error));
        QSvgRenderer svg(path);
        QVERIFY(svg.isValid());
        QCOMPARE(svg.viewBox(), QRect(0, 0, 1920, 1080));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.size() > 20000);
        QVERIFY(text.contains("vs"));  // the comparison title
    }
    void pdfHasAPage() {
        QTemporaryDir dir;
        const QString path = dir.filePath("c.pdf");
        ChartExportOptions o;
        o.chart = 0;  // one chart only
        QString error;
        QVERIFY2(
            succeeded(export_runs({synthetic_run(Model::GilThreads, 200, 4000)}, path, o), error),
            qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray pdf = f.readAll();
        QVERIFY(pdf.startsWith("%PDF"));
        QVERIFY(pdf.contains("/Type /Page"));
        QVERIFY(pdf.size() > 5000);
    }
    void pdfTextIsSizedForTheSlide_data() {
        QTest::addColumn<int>("chart");
        QTest::addColumn<double>("smallest_px");
        // One chart: tick labels and legend at the slide rules' 24 px, its notes ≥ 20 px; six
        // on a page: nothing under 16 px.
        QTest::newRow("one chart") << 0 << 20.0;
        QTest::newRow("all charts") << -1 << 16.0;
    }
    void pdfTextIsSizedForTheSlide() {
        QFETCH(int, chart);
        QFETCH(double, smallest_px);
        QTemporaryDir dir;
        const QString path = dir.filePath("c.pdf");
        ChartExportOptions o;
        o.chart = chart;
        QString error;
        QVERIFY2(succeeded(export_runs({synthetic_run(Model::EventLoop, 19000, 52),
                                        synthetic_run(Model::GilThreads, 200, 4000)},
                                       path, o),
                           error),
                 qPrintable(error));
        const QString kept = conclab::test::screenshot_path(
            QString("export-%1.pdf").arg(QTest::currentDataTag()).replace(' ', '-'));
        QFile::remove(kept);
        QFile::copy(path, kept);  // for a person to look at
        conclab::test::check_slide_pdf(path, "Event loop vs GIL threads (10)", smallest_px);
    }

    // Seven charts on a page, a comparison's grouped legends: no word drawn over another (an
    // axis title longer than its plot ran into the legend below it), the last row's three
    // charts as wide as the page allows.
    void allChartsPageHasNoWordOverAnother_data() {
        QTest::addColumn<int>("runs");
        QTest::newRow("two runs") << 2;
        QTest::newRow("three runs") << 3;  // the legends of seven charts for three runs
    }
    void allChartsPageHasNoWordOverAnother() {
        QFETCH(int, runs);
        QTemporaryDir dir;
        const QString path = dir.filePath("c.pdf");
        QString error;
        // A preset's heading, as the window exports it: two lines of title, three of
        // description, and the charts' rows the shorter for them.
        ChartExportOptions o;
        o.preset_name =
            "I/O-bound: event loop vs 10 GIL threads at 1,000 connections (changed: duration 8 "
            "→ 5 s)";
        o.preset_description =
            "Every request waits 50 ms on a downstream call and uses no CPU. The event loop "
            "keeps all 1,000 connections in service and answers about 1,000 / 0.05 s = 20,000 "
            "requests a second; a pool of 10 GIL threads serves 10 at a time (about 200 req/s) "
            "and the other 990 wait, for seconds.";
        std::vector<RunResult> shown = {synthetic_run(Model::EventLoop, 19000, 52),
                                        synthetic_run(Model::GilThreads, 200, 4000)};
        if (runs == 3) shown.push_back(synthetic_run(Model::ProcessPerCore, 30000, 40));
        QVERIFY2(succeeded(export_runs(shown, path, o), error), qPrintable(error));
        const QString kept = QString("export-seven-charts-%1-runs.pdf").arg(runs);
        QFile::remove(conclab::test::screenshot_path(kept));
        QFile::copy(path, conclab::test::screenshot_path(kept));
        const conclab::test::PdfWords pdf = conclab::test::pdf_words(path);
        QVERIFY2(pdf.error.isEmpty(), qPrintable(pdf.error));
        QVERIFY(pdf.words.size() > 100);
        for (const char* title : {"Inside", "cost"})
            QVERIFY(std::any_of(pdf.words.begin(), pdf.words.end(),
                                [&](const auto& w) { return w.text == title; }));
        for (std::size_t i = 0; i < pdf.words.size(); ++i) {
            const QRectF a = pdf.words[i].box.adjusted(0.5, 0.5, -0.5, -0.5);
            QVERIFY2(QRectF(QPointF(0, 0), pdf.pages[0]).contains(pdf.words[i].box),
                     qPrintable(pdf.words[i].text));
            for (std::size_t j = i + 1; j < pdf.words.size(); ++j) {
                QVERIFY2(
                    !a.intersects(pdf.words[j].box.adjusted(0.5, 0.5, -0.5, -0.5)),
                    qPrintable(
                        QString("\"%1\" over \"%2\"").arg(pdf.words[i].text, pdf.words[j].text)));
            }
        }
    }

    // An SVG keeps no clipping (Qt 6.4): while one is drawn, a point outside its axis's range
    // is held at the plot's edge (a line a thousandth of a thread below a log axis's floor
    // ran across the axis into the legend of the HTML report), and comes back afterwards.
    void svgHoldsLinesInsideThePlot() {
        TimeSeriesChart chart("Inside the server", "threads");
        const int s = chart.add_series("threads waiting", Qt::red);
        chart.append(s, 0.25, 0.5);
        chart.append(s, 0.5, 1e-6);
        chart.append(s, 0.75, std::nan(""));
        chart.append(s, 1.0, 80);
        chart.plot()->yAxis->setRange(0.01, 10);
        const auto& data = *chart.plot()->graph(s)->data();
        {
            const SvgAxisClamp clamp(*chart.plot());
            QCOMPARE(data.at(0)->value, 0.5);
            QCOMPARE(data.at(1)->value, 0.01);
            QVERIFY(std::isnan(data.at(2)->value));  // a gap stays a gap
            QCOMPARE(data.at(3)->value, 10.0);
        }
        QCOMPARE(data.at(1)->value, 1e-6);
        QCOMPARE(data.at(3)->value, 80.0);
    }

    // Probe finding 8 of issue #18: a scenario's name goes into the SVG's <title> and onto the
    // page; markup in it must stay text.
    void svgEscapesEveryText() {
        QTemporaryDir dir;
        for (const QString& name :
             {QString("p99 < 5 ms & fast"), QString("<script>alert(\"x\")</script>"),
              QString("tab\tand\x01control")}) {
            const QString path = dir.filePath("c.svg");
            ChartExportOptions o;
            o.overwrite = true;
            o.preset_name = name;
            o.preset_description = name + " — described";
            QString error;
            QVERIFY2(succeeded(export_runs({synthetic_run(Model::EventLoop, 19000, 52)}, path, o),
                               error),
                     qPrintable(error));
            const QStringList elements = xml_elements(path, &error);
            QVERIFY2(error.isEmpty(), qPrintable(name + ": " + error));
            QVERIFY(elements.contains("svg"));
            QVERIFY(elements.contains("title"));
            QVERIFY2(!elements.contains("script"), qPrintable(name));
            QVERIFY(QSvgRenderer(path).isValid());
        }
    }

    void neverOverwritesUnlessAsked() {
        QTemporaryDir dir;
        const QString path = dir.filePath("c.png");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("mine");
        f.close();
        QString error;
        QVERIFY(!succeeded(
            export_runs({synthetic_run(Model::EventLoop, 1, 1)}, path, ChartExportOptions{}),
            error));
        QVERIFY(error.contains("exists"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("mine"));
        f.close();
        ChartExportOptions o;
        o.overwrite = true;
        QVERIFY(succeeded(export_runs({synthetic_run(Model::EventLoop, 1, 1)}, path, o), error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);  // no temporary left
    }
    void rejectsBadRequests() {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!succeeded(export_runs({synthetic_run(Model::EventLoop, 1, 1)},
                                       dir.filePath("c.bmp"), ChartExportOptions{}),
                           error));
        QVERIFY(error.contains(".png"));
        ChartExportOptions tiny;
        tiny.width = 10;
        QVERIFY(!succeeded(
            export_runs({synthetic_run(Model::EventLoop, 1, 1)}, dir.filePath("c.png"), tiny),
            error));
        QVERIFY(!QFile::exists(dir.filePath("c.png")));
    }
    void exportDialogGivesTheChosenOptions() {
        ExportDialog dialog(ChartExportOptions{});
        const auto spins = dialog.findChildren<QSpinBox*>();
        QCOMPARE(spins.size(), 2);
        QCOMPARE(spins[0]->value(), 1920);  // the presentation default
        QCOMPARE(spins[1]->value(), 1080);
        spins[0]->setValue(1280);
        spins[1]->setValue(720);
        dialog.findChild<QDoubleSpinBox*>()->setValue(1);
        const auto combos = dialog.findChildren<QComboBox*>();
        combos[0]->setCurrentIndex(2);  // latency only
        combos[1]->setCurrentIndex(1);  // dark
        const ChartExportOptions o = dialog.options();
        QCOMPARE(o.width, 1280);
        QCOMPARE(o.height, 720);
        QCOMPARE(o.scale, 1.0);
        QCOMPARE(o.chart, 1);
        QVERIFY(o.style.dark && o.style.presentation);
        QTemporaryDir dir;
        QString error;
        QVERIFY(succeeded(
            export_runs({synthetic_run(Model::EventLoop, 100, 10)}, dir.filePath("l.png"), o),
            error));
        QCOMPARE(QImageReader(dir.filePath("l.png")).size(), QSize(1280, 720));
    }

    void titleDescribesTheExperiment() {
        ChartPanel panel;
        show_runs(panel, {synthetic_run(Model::GilThreads, 200, 4000)});
        QCOMPARE(panel.heading_title(), QString("GIL threads (10)"));  // capitalised already
        QVERIFY(panel.heading_subtitle().contains("1,000 connections"));
        QVERIFY(panel.heading_subtitle().contains("50 ms I/O"));
        QCOMPARE(panel.rps_chart()->marker_count(), 1);
    }
};

QTEST_MAIN(TstChartExporter)
#include "tst_chart_exporter.moc"
