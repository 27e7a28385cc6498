#include "text/engine_text.hpp"

#include <QCoreApplication>
#include <QRegularExpression>

#include <array>
#include <atomic>
#include <vector>

#include "text/engine_text_table.hpp"

namespace conclab::ui {

namespace {

using engine_text_table::kKnown;
using engine_text_table::Known;

// core/server_shapes.cpp: each shape's name and description (tst_engine_text checks that every
// shape of the engine has both here).
// clang-format off
constexpr std::array<const char*, 12> kShapeTexts{
    QT_TRANSLATE_NOOP("EngineText", "Node / Express"),
    QT_TRANSLATE_NOOP("EngineText", "one Node process: one event loop serves every connection and keeps it alive"),
    QT_TRANSLATE_NOOP("EngineText", "Node cluster"),
    QT_TRANSLATE_NOOP("EngineText", "Node's cluster module: worker processes (one per core unless told), the primary hands connections out round-robin, an event loop in each"),
    QT_TRANSLATE_NOOP("EngineText", "Flask dev server (Werkzeug)"),
    QT_TRANSLATE_NOOP("EngineText", "Werkzeug's threaded server: a thread per connection under one GIL, and the connection closes after each response"),
    QT_TRANSLATE_NOOP("EngineText", "gunicorn sync"),
    QT_TRANSLATE_NOOP("EngineText", "gunicorn's sync workers: processes with one thread each, accepting one connection at a time and closing it after the response"),
    QT_TRANSLATE_NOOP("EngineText", "gunicorn gthread"),
    QT_TRANSLATE_NOOP("EngineText", "gunicorn's gthread workers: processes with a pool of threads under one GIL each, connections kept alive 2 s, up to 1,000 per worker"),
    QT_TRANSLATE_NOOP("EngineText", "gunicorn gevent"),
    QT_TRANSLATE_NOOP("EngineText", "gunicorn -k gevent: processes, each one event loop of green threads, up to 1,000 connections per worker"),
};
// clang-format on

struct Compiled {
    QRegularExpression re;
    const char* text;
    bool frame;
};

const std::vector<Compiled>& compiled() {
    static const std::vector<Compiled> all = [] {
        std::vector<Compiled> out;
        for (const Known& k : kKnown) {
            out.push_back(
                {QRegularExpression(QStringLiteral("^(?:%1)$").arg(QString::fromUtf8(k.pattern))),
                 k.text, k.frame});
        }
        return out;
    }();
    return all;
}

std::array<std::atomic<int>, kKnown.size()> g_hits{};

QString translated(const char* english) {
    return QCoreApplication::translate("EngineText", english);
}

QString shape_text(const QString& english) {
    for (const char* text : kShapeTexts) {
        if (english == QString::fromUtf8(text)) return translated(text);
    }
    return english;
}

// %1..%9 of `text` replaced in one pass: a part that itself holds "%2" stays as it is.
QString filled(const QString& text, const QStringList& parts) {
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const int n = i + 1 < text.size() ? text[i + 1].digitValue() : -1;
        if (c == u'%' && n >= 1 && n <= parts.size()) {
            out += parts[n - 1];
            ++i;
        } else {
            out += c;
        }
    }
    return out;
}

QString translate(const QString& english, int depth);

// A list of known messages joined by `separator`, each translated; `list` itself if one of its
// items is not known.
QString translate_list(const QString& list, const QString& separator, int depth) {
    if (!list.contains(separator)) return list;
    QStringList items = list.split(separator);
    for (QString& item : items) {
        const QString said = translate(item, depth + 1);
        if (said == item) return list;
        item = said;
    }
    return items.join(separator);
}

// A captured part: a known message or shape name in its own right ("signal 9 (Killed)"), a list
// of them ("3 read, 2 reset", "…; …"), or a figure, kept as it is.
QString translate_part(const QString& part, int depth) {
    const QString whole = translate(part, depth + 1);
    if (whole != part) return whole;
    const QString items = translate_list(part, QStringLiteral(", "), depth);
    return items != part ? items : translate_list(part, QStringLiteral("; "), depth);
}

QString translate(const QString& english, int depth) {
    if (depth > 4 || english.isEmpty()) return english;
    const auto& all = compiled();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const QRegularExpressionMatch m = all[i].re.match(english);
        if (!m.hasMatch()) continue;
        ++g_hits[i];
        // No translation loaded (the English window): the engine's own sentence, as the CLI's.
        if (!all[i].frame && translated(all[i].text) == QString::fromUtf8(all[i].text)) {
            return english;
        }
        QStringList parts;
        for (int c = 1; c <= all[i].re.captureCount(); ++c) {  // an absent one is empty
            parts << translate_part(m.captured(c), depth);
        }
        return filled(translated(all[i].text), parts);
    }
    // Several messages in one ("…; …", as a sweep point's reasons): each on its own.
    const QString shape = shape_text(english);
    return shape != english ? shape : translate_list(english, QStringLiteral("; "), depth);
}

}  // namespace

QString engine_text(const QString& english) {
    return translate(english, 0);
}

QString engine_text(const std::string& english) {
    return engine_text(QString::fromStdString(english));
}

QString shape_name_text(std::string_view name) {
    return shape_text(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())));
}

QString shape_description_text(const ServerShape& shape) {
    return shape_text(QString::fromUtf8(shape.description.data(),
                                        static_cast<qsizetype>(shape.description.size())));
}

int engine_text_pattern_count() {
    return static_cast<int>(kKnown.size());
}

QString engine_text_pattern(int index) {
    return QString::fromUtf8(kKnown.at(static_cast<std::size_t>(index)).pattern);
}

QString engine_text_template(int index) {
    return QString::fromUtf8(kKnown.at(static_cast<std::size_t>(index)).text);
}

int engine_text_hits(int index) {
    return g_hits.at(static_cast<std::size_t>(index)).load();
}

}  // namespace conclab::ui
