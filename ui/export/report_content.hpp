#pragma once
// What a report says besides its charts, shared by the HTML and the PDF writer: the heading, the
// diagnosis, the summary table (with p99.9), warnings, knob changes, the model explanations and
// how it was measured. Every string that comes from a run or the user is kept as plain text
// here; the writers escape it. Only the model explanations are (our own) rich text.

#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

#include "experiment/experiment.hpp"

namespace conclab::ui {

struct ReportTable {
    QStringList header;
    std::vector<QStringList> rows;
};

struct ReportContent {
    QString title;
    QString subtitle;
    QStringList scenario;   // one line per run: its label and workload
    QStringList diagnosis;  // "label: sentence" (label only when several runs)
    ReportTable summary;    // one row per run: label, req/s, (vs first,) latencies, …, peaks
    QStringList warnings;   // including a run's fatal error
    QStringList events;     // "label: at 2.50 s, connections 10 → 100"
    std::vector<std::pair<QString, QString>> explanations;  // model name, rich text
    std::vector<std::pair<QString, QString>> machine;       // label, value
    bool opened_from_file = false;  // the runs were read back, maybe measured elsewhere
};

// `title`/`subtitle` empty: made from the runs, as the charts' heading is.
ReportContent report_content(const std::vector<RunResult>& runs, const QString& title,
                             const QString& subtitle);

// What the summary's figures are, under the table.
QString summary_note();

// Rows become columns: a slide shows a comparison's runs side by side, one figure a row, so
// that a dozen figures fit its width at a size the back of the room reads.
ReportTable transposed(const ReportTable& table);

// The parts both writers show as HTML (QTextDocument renders the same subset in the PDF);
// every plain string is escaped.
QString table_html(const ReportTable& table);
QString list_html(const QStringList& items, const QString& empty_text);
QString pairs_html(const std::vector<std::pair<QString, QString>>& rows);

}  // namespace conclab::ui
