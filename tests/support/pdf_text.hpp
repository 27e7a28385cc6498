#pragma once
// What a PDF says, read back with poppler's pdftotext (Debian poppler-utils): every word with
// its box in points (-bbox), or the text laid out as on the page (-layout). Tests of exported
// files read the real file, not a screenshot hash.

#include <QProcess>
#include <QRectF>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <vector>

namespace conclab::test {

struct PdfWord {
    int page = 0;  // 0-based
    QString text;
    QRectF box;  // points, y down
};

struct PdfWords {
    QString error;              // pdftotext missing or failed
    std::vector<QSizeF> pages;  // each page's size in points
    std::vector<PdfWord> words;
};

inline QString run_pdftotext(const QStringList& args, QString* error) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"), args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("pdftotext %1 failed (install poppler-utils): %2")
                     .arg(args.join(' '), QString::fromLocal8Bit(p.readAllStandardError()));
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput());
}

inline QString unescape_xml(QString s) {
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
}

inline PdfWords pdf_words(const QString& path) {
    PdfWords out;
    const QString html = run_pdftotext({"-bbox", path, "-"}, &out.error);
    if (!out.error.isEmpty()) return out;
    static const QRegularExpression tag(
        R"re(<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" )re"
        R"re(xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
    for (auto it = tag.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (!m.captured(1).isEmpty()) {
            out.pages.emplace_back(m.captured(1).toDouble(), m.captured(2).toDouble());
            continue;
        }
        PdfWord w;
        w.page = static_cast<int>(out.pages.size()) - 1;
        w.text = unescape_xml(m.captured(7));
        w.box = QRectF(QPointF(m.captured(3).toDouble(), m.captured(4).toDouble()),
                       QPointF(m.captured(5).toDouble(), m.captured(6).toDouble()));
        out.words.push_back(w);
    }
    return out;
}

// The pages' text as laid out (-layout), split at form feeds.
inline QStringList pdf_layout_pages(const QString& path, QString* error) {
    const QString text = run_pdftotext({"-layout", path, "-"}, error);
    return text.split(QChar('\f'));
}

// A word's type size in pixels of a 1080-pixel slide: the height of its line (DejaVu Sans'
// ascent + descent = 1.164 em) on a 540-pt page. A y axis's title runs upwards, its box as wide
// as its line is high; a word of four letters or more is wider than high when upright, and a
// shorter one ("in", "·") is taken at the larger side (never under its size).
inline double word_px(const PdfWord& w) {
    const double line_pt = w.text.size() >= 4 ? std::min(w.box.width(), w.box.height())
                                              : std::max(w.box.width(), w.box.height());
    return line_pt / 1.164 * 2;  // 1080 px / 540 pt
}

// Reads a chart PDF back: one 16:9 slide page, its largest text the title at a size a slide
// title has (SLIDES.md: ≥ 40 px of a 1080-pixel slide; the bug drew it at ~475 pt = 816 px),
// no word under `smallest_px` but the small print at the foot, and that ≥ 16 px.
inline void check_slide_pdf(const QString& path, const QString& title, double smallest_px) {
    const PdfWords pdf = pdf_words(path);
    QVERIFY2(pdf.error.isEmpty(), qPrintable(pdf.error));
    QCOMPARE(pdf.pages.size(), std::size_t(1));
    const QSizeF page = pdf.pages[0];
    QCOMPARE(qRound(page.width()), 960);
    QCOMPARE(qRound(page.height()), 540);
    QVERIFY(pdf.words.size() > 20);
    // The title's words are the largest on the page (compared with the words whose box says
    // they stand upright: four letters or more, wider than high).
    double title_least = 1e9, others_most = 0;
    for (const auto& w : pdf.words) {
        if (w.box.top() < 40 && title.split(' ').contains(w.text)) {
            title_least = std::min(title_least, w.box.height() / 1.164 * 2);
        } else if (w.text.size() >= 4 && w.box.width() >= w.box.height()) {
            others_most = std::max(others_most, w.box.height() / 1.164 * 2);  // upright
        }
    }
    QVERIFY2(title_least >= 40 && title_least <= 60, qPrintable(QString::number(title_least)));
    QVERIFY2(
        others_most < title_least,
        qPrintable(
            QString("a word of %1 px beside a title of %2 px").arg(others_most).arg(title_least)));
    for (const auto& w : pdf.words) {
        const bool small_print = w.box.top() > page.height() - 20;
        const double least = small_print ? 16 : smallest_px;
        // 3 % for rounding in the PDF's boxes.
        QVERIFY2(word_px(w) >= least * 0.97,
                 qPrintable(QString("\"%1\" is %2 px").arg(w.text).arg(word_px(w))));
        // Inside the page: nothing cut at its edge.
        QVERIFY2(QRectF(QPointF(0, 0), page).contains(w.box), qPrintable(w.text));
    }
}

}  // namespace conclab::test
