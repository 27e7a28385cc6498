#pragma once
// What a PDF says, read back with poppler's pdftotext (Debian poppler-utils): every word with
// its box in points (-bbox), or the text laid out as on the page (-layout). Tests of exported
// files read the real file, not a screenshot hash.

#include <QProcess>
#include <QRectF>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

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

}  // namespace conclab::test
