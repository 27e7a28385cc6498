#pragma once
// What a window shows a user, and which of it is English in a window that should speak another
// language: for the GUI suites that walk the Korean window (tst_korean_window). A text with no
// Hangul that has an English word of three letters or more, other than a kept name, is English.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QRegularExpression>
#include <QSet>
#include <QStatusBar>
#include <QStringList>
#include <QTableWidget>
#include <QWidget>

#include <qcustomplot.h>
#include <algorithm>

#include "charts/time_series_chart.hpp"
#include "export/machine_info.hpp"

namespace conclab::test {

inline bool has_hangul(const QString& text) {
    static const QRegularExpression hangul("[\\x{AC00}-\\x{D7A3}]");
    return text.contains(hangul);
}

// Words that read the same in a Korean window: names of programs, protocols, units and the
// models' and flags' own names.
inline const QSet<QString>& kept_words() {
    // clang-format off
    static const QSet<QString> words{
        "concurrency", "lab", "gil", "cpu", "i/o", "io", "req", "req/s", "ms", "µs", "mib", "kib", "json",
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
inline bool looks_untranslated(QString text) {
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
inline QStringList shown_texts(QWidget* root) {
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
        if (auto* chart = qobject_cast<ui::TimeSeriesChart*>(w)) {
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

inline QStringList untranslated(const QStringList& shown) {
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

// The text of an exported HTML report, piece by piece between its tags. Its charts are left out:
// an SVG splits a line into pieces at each change of font (Hangul, Latin), and the same charts'
// texts are walked in the window. So are the machine's own names (CPU model, kernel).
inline QStringList report_untranslated(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {"report: cannot read " + path};
    QString html = QString::fromUtf8(file.readAll());
    html.remove(QRegularExpression("<(style|script|svg)[^>]*>.*?</\\1>",
                                   QRegularExpression::DotMatchesEverythingOption));
    QStringList machine;
    for (const auto& row : ui::machine_rows()) machine << row.second;
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

}  // namespace conclab::test
