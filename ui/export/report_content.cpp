#include "export/report_content.hpp"

#include <QObject>
#include <QSet>

#include <algorithm>
#include <optional>

#include "export/chart_exporter.hpp"
#include "export/machine_info.hpp"
#include "report/compare_report.hpp"
#include "text/diagnosis_text.hpp"
#include "text/engine_text.hpp"
#include "text/model_explanations.hpp"
#include "window/run_changes.hpp"

namespace conclab::ui {

namespace {

QString ms(const std::optional<LatencySummary>& l, double LatencySummary::*field) {
    return l ? QString::fromStdString(grouped_number((*l).*field, 2)) : QStringLiteral("—");
}

// The most requests the server held at one instant over the measured ticks (in service or
// waiting): whole numbers, the story of a comparison ("10 served at once, 990 waiting").
QString peak(const RunResult& r, std::optional<int> MetricsSample::*field) {
    std::optional<int> most;
    for (const MetricsSample& s : r.series) {
        if (s.warmup || !(s.*field)) continue;
        most = std::max(most.value_or(0), *(s.*field));
    }
    return most ? QString::fromStdString(grouped_number(*most, 0)) : QStringLiteral("—");
}

// The requests waiting, averaged over the measured ticks: beside the peak it tells a queue that
// lasts (a pool's 990) from an instant's (an event loop's few hundred, a mean of about 10).
QString mean_waiting(const RunResult& r) {
    double sum = 0;
    int ticks = 0;
    for (const MetricsSample& s : r.series) {
        if (s.warmup || !s.server_waiting) continue;
        sum += *s.server_waiting;
        ++ticks;
    }
    return ticks > 0 ? QString::fromStdString(grouped_number(sum / ticks, 1)) : QStringLiteral("—");
}

// What the other rows are a multiple of: "event loop", "real server".
QString short_label(const RunConfig& c) {
    return c.external ? QObject::tr("real server") : model_label(c);
}

ReportTable summary_table(const std::vector<RunResult>& runs) {
    const bool several = runs.size() > 1;
    ReportTable t;
    t.header = {QObject::tr("run"), QObject::tr("req/s")};
    if (several) t.header << QObject::tr("vs first");
    t.header << QObject::tr("p50 ms") << QObject::tr("p90 ms") << QObject::tr("p99 ms")
             << QObject::tr("p99.9 ms") << QObject::tr("max ms") << QObject::tr("errors")
             << QObject::tr("server CPU %") << QObject::tr("peak in service")
             << QObject::tr("peak waiting") << QObject::tr("mean waiting");
    for (const RunResult& r : runs) {
        const Summary& s = r.summary;
        QStringList row = {model_label(r.config), QString::fromStdString(grouped_number(s.rps, 1))};
        if (several) {
            const double first = runs.front().summary.rps;
            row << (&r == &runs.front() ? QObject::tr("baseline")
                    : first > 0         ? QObject::tr("%1× %2").arg(
                                              QString::fromStdString(ratio_text(s.rps / first)),
                                              short_label(runs.front().config))
                                : QStringLiteral("—"));
        }
        row << ms(s.latency, &LatencySummary::p50_ms) << ms(s.latency, &LatencySummary::p90_ms)
            << ms(s.latency, &LatencySummary::p99_ms) << ms(s.latency, &LatencySummary::p999_ms)
            << ms(s.latency, &LatencySummary::max_ms)
            << QString::fromStdString(grouped_number(static_cast<double>(s.errors), 0))
            << (s.server_cpu_pct_mean ? QString::number(*s.server_cpu_pct_mean, 'f', 0)
                                      : QStringLiteral("—"))
            << peak(r, &MetricsSample::server_in_service_peak)
            << peak(r, &MetricsSample::server_waiting_peak) << mean_waiting(r);
        t.rows.push_back(row);
    }
    return t;
}

// One explanation per distinct model (a comparison of three models explains all three).
std::vector<std::pair<QString, QString>> explanations(const std::vector<RunResult>& runs) {
    std::vector<std::pair<QString, QString>> out;
    QSet<QString> seen;
    for (const RunResult& r : runs) {
        if (r.config.external) continue;
        const QString name = model_label(r.config);
        if (seen.contains(name)) continue;
        seen.insert(name);
        out.emplace_back(name, explain_model(r.config.server.model, r.config.server.inner,
                                             r.config.server.scheduling));
    }
    if (out.empty()) {
        out.emplace_back(QObject::tr("real server"),
                         QObject::tr("A real server measured from outside: only the client's "
                                     "figures exist (no server-side series)."));
    }
    return out;
}

// How the load was applied and sampled, from the first run (a comparison shares them).
std::vector<std::pair<QString, QString>> measurement_rows(const std::vector<RunResult>& runs) {
    if (runs.empty()) return {};
    const RunResult& r = runs.front();
    QString measured = QObject::tr("%1 s measured").arg(r.summary.measured_s, 0, 'f', 2);
    if (r.config.warmup_s > 0) measured += QObject::tr(" after %1 s warmup").arg(r.config.warmup_s);
    measured += QObject::tr(", one sample every %1 s").arg(r.config.tick_s);
    const QString loop =
        r.config.load.rate > 0
            ? QObject::tr("open loop at %1 req/s").arg(r.config.load.rate)
            : QObject::tr("closed loop, %1 connections").arg(r.config.load.connections);
    std::vector<std::pair<QString, QString>> rows = {
        {QObject::tr("Period"), measured},
        {QObject::tr("Load generator"),
         QObject::tr("built in, %1 thread(s), %2 (mean CPU %3 % of one core)")
             .arg(r.config.load.threads)
             .arg(loop)
             .arg(r.summary.load_cpu_pct_mean, 0, 'f', 0)},
        {QObject::tr("Server"), r.config.external
                                    ? QObject::tr("a real server, measured from outside")
                                    : QObject::tr("started on 127.0.0.1 by Concurrency Lab")}};
    // A server that starved connections: their requests are in the latencies at how long they
    // had waited, which the reader should know is a lower bound.
    for (const RunResult& run : runs) {
        const Summary& s = run.summary;
        if (s.unanswered == 0 || !s.unanswered_longest_ms) continue;
        rows.emplace_back(
            QObject::tr("Unanswered"),
            QObject::tr("%1: requests with no response when the run ended: %2 (the longest had "
                        "waited %3 s); the latencies count each at how long it had waited, a "
                        "lower bound")
                .arg(model_label(run.config))
                .arg(QString::fromStdString(grouped_number(static_cast<double>(s.unanswered), 0)))
                .arg(*s.unanswered_longest_ms / 1000, 0, 'f', 2));
    }
    return rows;
}

}  // namespace

ReportContent report_content(const std::vector<RunResult>& runs, const QString& title,
                             const QString& subtitle) {
    ReportContent c;
    QStringList labels;
    for (const RunResult& r : runs) labels << model_label(r.config);
    c.title = title.isEmpty() ? labels.join(QObject::tr(" vs ")) : title;
    if (!c.title.isEmpty()) c.title[0] = c.title[0].toUpper();
    c.subtitle =
        subtitle.isEmpty() && !runs.empty() ? describe_workload(runs.front().config) : subtitle;
    const bool several = runs.size() > 1;
    for (const RunResult& r : runs) {
        const QString label = model_label(r.config);
        const QString prefix = several ? label + ": " : QString();
        c.scenario << label + " — " + describe_workload(r.config);
        for (const Diagnosis& d : r.diagnosis) c.diagnosis << prefix + diagnosis_text(d, r);
        for (const std::string& w : r.warnings) c.warnings << prefix + engine_text(w);
        if (!r.fatal_error.empty()) {
            c.warnings << prefix + QObject::tr("stopped early: %1").arg(engine_text(r.fatal_error));
        }
        for (const AdjustEvent& e : r.events) {
            c.events
                << prefix +
                       QObject::tr("at %1 s, %2").arg(e.t_s, 0, 'f', 2).arg(knob_change_text(e));
        }
    }
    c.summary = summary_table(runs);
    c.explanations = explanations(runs);
    c.machine = measurement_rows(runs);
    for (auto& row : machine_rows()) c.machine.push_back(std::move(row));
    return c;
}

QString summary_note() {
    return QObject::tr(
        "Latency percentiles over the measured period (after warmup), in milliseconds. Peaks: "
        "the most requests the server held at one instant, in service and waiting for a "
        "thread, the loop or a worker.");
}

ReportTable transposed(const ReportTable& table) {
    ReportTable t;
    if (table.header.isEmpty()) return t;
    t.header << QString();  // above the figures' names
    for (const QStringList& row : table.rows) t.header << row.value(0);
    for (qsizetype column = 1; column < table.header.size(); ++column) {
        QStringList row = {table.header[column]};
        for (const QStringList& r : table.rows) row << r.value(column);
        t.rows.push_back(row);
    }
    return t;
}

QString table_html(const ReportTable& table) {
    QString html =
        QStringLiteral("<table class=\"summary\" width=\"100%\" cellspacing=\"0\"><thead><tr>");
    for (const QString& h : table.header) html += "<th>" + h.toHtmlEscaped() + "</th>";
    html += QStringLiteral("</tr></thead><tbody>");
    // A number never breaks inside itself ("17,706 / .8"): every cell keeps to one line, and
    // the headers wrap at their words instead.
    for (const QStringList& row : table.rows) {
        html += QStringLiteral("<tr>");
        for (qsizetype i = 0; i < row.size(); ++i) {
            html +=
                (i == 0 ? QStringLiteral("<td style=\"white-space: nowrap\">")
                        : QStringLiteral("<td align=\"right\" style=\"white-space: nowrap\">")) +
                row[i].toHtmlEscaped() + "</td>";
        }
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</tbody></table>");
}

QString list_html(const QStringList& items, const QString& empty_text) {
    if (items.isEmpty()) return "<p class=\"none\">" + empty_text.toHtmlEscaped() + "</p>";
    QString html = QStringLiteral("<ul>");
    for (const QString& item : items) html += "<li>" + item.toHtmlEscaped() + "</li>";
    return html + QStringLiteral("</ul>");
}

QString pairs_html(const std::vector<std::pair<QString, QString>>& rows) {
    QString html = QStringLiteral("<table class=\"machine\">");
    for (const auto& [label, value] : rows) {
        html += "<tr><th align=\"left\">" + label.toHtmlEscaped() + "</th><td>" +
                value.toHtmlEscaped() + "</td></tr>";
    }
    return html + QStringLiteral("</table>");
}

}  // namespace conclab::ui
