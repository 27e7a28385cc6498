// The report's text slides: blocks never split over a page, a heading never left alone at the
// foot of one, the type shrunk in steps before a section moves to the next slide. First the
// packing with a measure of our own, then the real PDF read back with pdftotext, in English
// and in Korean.
#include <QtTest>

#include <QRegularExpression>
#include <QTemporaryDir>

#include "export/report_content.hpp"
#include "export/report_slides.hpp"
#include "export/report_writer.hpp"
#include "gui_test_support.hpp"
#include "pdf_text.hpp"
#include "result_text.hpp"
#include "synthetic_runs.hpp"
#include "text/app_language.hpp"

using namespace conclab;
using namespace conclab::ui;
using conclab::test::succeeded;

namespace {

// Each heading 2 lines high, each block as many lines as it has characters ÷ 10, a line 10 px
// at scale 1: a page of 100 px holds 10 lines at full size.
double fake_height(const QString& html, double scale) {
    double lines = 0;
    static const QRegularExpression heading("<h\\d>.*?</h\\d>");
    QString rest = html;
    lines += 2 * rest.count(heading);
    rest.remove(heading);
    for (const QString& block : rest.split("<li>", Qt::SkipEmptyParts)) {
        QString text = block;
        text.remove(QRegularExpression("<[^>]*>"));
        if (!text.isEmpty()) lines += std::ceil(text.size() / 10.0);
    }
    return lines * 10 * scale;
}

QString chars(int n, QChar c) {
    return QString(n, c);
}

// A run with `sentences` diagnoses of the engine's rules, each a long sentence.
RunResult run_with_diagnosis(Model model, int sentences) {
    RunResult r = test::recorded_run();
    r.config.server.model = model;
    r.config.server.threads = 10;
    r.final_config = r.config;
    const std::vector<Diagnosis> rules = {
        {"thread-pool-exhausted",
         "",
         {{"threads", 10}, {"server_waiting_max", 990}, {"gil_held_pct", 3}}},
        {"gil-bound", "", {{"gil_held_pct", 98}, {"gil_waiting_threads", 9}}},
        {"loop-blocked", "", {{"loop_utilization_pct", 99}, {"loop_delay_p99_ms", 22}}},
        {"load-generator-saturated", "", {{"load_cpu_pct_mean", 97}, {"load_threads", 1}}},
        {"slow-clients-hold-pool",
         "",
         {{"threads_held", 10}, {"threads", 10}, {"rps", 0}, {"slow_clients_closed_by_server", 0}}},
    };
    for (int i = 0; i < sentences; ++i) r.diagnosis.push_back(rules[i % rules.size()]);
    return r;
}

QString squeezed(const QString& text) {
    return text.normalized(QString::NormalizationForm_KC).remove(QChar(0x2060)).simplified();
}

}  // namespace

class TstReportSlides : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { conclab::test::use_throwaway_settings("ConcurrencyLabSlideTests"); }
    void cleanup() { apply_language("en"); }

    // Slightly too much for a page at full size: smaller type, one slide.
    void shrinksBeforeItSplits() {
        const std::vector<SlideSection> s = {{"A", 2, {chars(40, 'a'), chars(40, 'b')}, true},
                                             {"B", 2, {chars(30, 'c')}, true}};
        // 2 + 4 + 4 + 2 + 3 = 15 lines: 150 px at full size, 105 at 0.7, 90 at 0.6.
        const SlideLayout l = fit_slides(s, 100, fake_height, 0.6);
        QCOMPARE(l.slides.size(), std::size_t(1));
        QVERIFY2(l.scale <= 0.67 && l.scale >= 0.6, qPrintable(QString::number(l.scale)));
        QVERIFY(!l.overflow);
    }

    // Too much for one page even small: the heading goes with the first block under it, a
    // section carried over repeats its heading, no block is cut.
    void headingsStayWithTheirBlocks() {
        const std::vector<SlideSection> s = {
            {"Title", 1, {chars(50, 't')}, false},  // 2 + 5 lines
            {"Diagnosis", 3, {chars(50, 'a'), chars(50, 'b'), chars(50, 'c')}, true}};  // 2 + 15
        const SlideLayout l = fit_slides(s, 100, fake_height, 0.7);
        // Four slides at full size; two at 0.7 of it, the least it may shrink.
        QCOMPARE(l.slides.size(), std::size_t(2));
        QVERIFY2(std::abs(l.scale - 0.7) < 1e-6, qPrintable(QString::number(l.scale)));
        for (const Slide& slide : l.slides) {
            const QString html = slide_html(s, slide);
            QVERIFY2(fake_height(html, l.scale) <= 100, qPrintable(html));
            QVERIFY2(!html.endsWith("</h3>") && !html.endsWith("</h1>"), qPrintable(html));
        }
        const QString second = slide_html(s, l.slides[1]);
        QVERIFY2(second.startsWith("<h3>Diagnosis (continued)</h3>"), qPrintable(second));
        // A heading with nothing under it yet (a page's own title) goes with the next block.
        const std::vector<SlideSection> t = {{"Model", 2, {}, false},
                                             {"event loop", 3, {chars(90, 'e')}, false}};
        const SlideLayout m = fit_slides(t, 100, fake_height, 0.7);
        QCOMPARE(m.slides.size(), std::size_t(1));
        QVERIFY(slide_html(t, m.slides[0]).startsWith("<h2>Model</h2><h3>event loop</h3>"));
    }

    // The report's title slide with more diagnosis than fits: each sentence whole on one page,
    // no heading as the last line of a page, in English and in Korean ("진단" alone at the foot
    // of the page was the bug). With the usual two or three lines, one slide.
    void titleSlideKeepsSentencesWhole_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("sentences");
        for (const char* language : {"en", "ko"}) {
            QTest::newRow(QByteArray(language) + " crowded") << QString(language) << 4;
            QTest::newRow(QByteArray(language) + " usual") << QString(language) << 1;
        }
    }
    void titleSlideKeepsSentencesWhole() {
        QFETCH(QString, language);
        QFETCH(int, sentences);
        QCOMPARE(apply_language(language), language);
        const std::vector<RunResult> runs = {run_with_diagnosis(Model::EventLoop, sentences),
                                             run_with_diagnosis(Model::GilThreads, sentences),
                                             run_with_diagnosis(Model::ProcessPerCore, sentences)};
        QTemporaryDir dir;
        const QString path = dir.filePath("r.pdf");
        QString error;
        QVERIFY2(succeeded(write_report_for_runs(runs, path, {}), error), qPrintable(error));
        const QString look = QString("report-title-%1-%2.pdf").arg(language).arg(sentences);
        QFile::remove(conclab::test::screenshot_path(look));
        QFile::copy(path, conclab::test::screenshot_path(look));
        const QStringList pages = conclab::test::pdf_layout_pages(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const ReportContent c = report_content(runs, {}, {});
        QCOMPARE(c.diagnosis.size(), qsizetype(3 * sentences));
        // The title slides: those before the first chart's.
        const QString first_chart =
            QCoreApplication::translate("conclab::ui::ChartPanel", "Requests per second");
        QStringList title_pages;
        for (const QString& page : pages) {
            if (page.contains(first_chart)) break;
            title_pages << squeezed(page);
        }
        QVERIFY2(!title_pages.isEmpty() && title_pages.size() < pages.size(),
                 qPrintable(pages.join("\n----\n")));
        if (sentences == 1) QCOMPARE(title_pages.size(), qsizetype(1));
        for (const QString& sentence : c.diagnosis) {
            const QString whole = squeezed(sentence);
            const auto on = std::count_if(title_pages.begin(), title_pages.end(),
                                          [&](const QString& p) { return p.contains(whole); });
            QVERIFY2(on >= 1, qPrintable("split or missing: " + whole + "\n\n" +
                                         title_pages.join("\n----\n")));
        }
        // Type the back of the room reads on the title slides: nothing under 24 px of 1080.
        const conclab::test::PdfWords words = conclab::test::pdf_words(path);
        QVERIFY2(words.error.isEmpty(), qPrintable(words.error));
        for (const conclab::test::PdfWord& w : words.words) {
            if (w.page >= title_pages.size()) continue;
            QVERIFY2(conclab::test::word_px(w) >= 24 * 0.97,
                     qPrintable(QString("\"%1\" is %2 px").arg(w.text).arg(word_px(w))));
        }
        // No page of the report ends with a heading.
        const QStringList headings = {
            QObject::tr("Scenario"),  QObject::tr("Diagnosis"),
            QObject::tr("Warnings"),  QObject::tr("Knob changes during the run"),
            QObject::tr("The model"), QObject::tr("Summary")};
        for (const QString& page : pages) {
            QStringList lines = page.split('\n');
            while (!lines.isEmpty() && lines.last().trimmed().isEmpty()) lines.removeLast();
            if (lines.isEmpty()) continue;
            const QString last = squeezed(lines.last());
            for (const QString& h : headings) {
                QVERIFY2(!last.startsWith(h) || last.size() > h.size() + 14,
                         qPrintable("a heading at the foot of a page: " + last));
            }
        }
    }
};

QTEST_MAIN(TstReportSlides)
#include "tst_report_slides.moc"
