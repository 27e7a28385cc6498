// The Calibrate dialog's results in sentences: what was measured, each step of the loop, what was
// fitted and what was not, warnings — never the JSON keys.
#include <QLocale>

#include "calibrate/calibrate_dialog.hpp"
#include "report/compare_report.hpp"
#include "text/engine_text.hpp"

namespace conclab::ui {

namespace {

QString rps(double v) {
    return QObject::tr("%1 req/s").arg(QLocale(QLocale::English).toString(v, 'f', 0));
}

QString us(double v) {
    return QObject::tr("%1 µs").arg(QLocale(QLocale::English).toString(v, 'f', 0));
}

QString ratio(double v) {
    return QLocale(QLocale::English).toString(v, 'f', 2) + "×";
}

QString row(const QString& name, const QString& value) {
    return QStringLiteral("<tr><td>%1</td><td align='right'><b>%2</b></td></tr>")
        .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
}

QString para(const QString& text, const char* colour = nullptr) {
    const QString body = text.toHtmlEscaped();
    return colour ? QStringLiteral("<p style='color:%1'>%2</p>").arg(colour, body)
                  : QStringLiteral("<p>%1</p>").arg(body);
}

// "overhead_us (framework cost …): 306 µs, fitted …" → "framework cost …: 306 µs, fitted …":
// the engine's lines name the field first for the CLI; the dialog speaks without it.
std::string without_key(std::string line) {
    const auto open = line.find(" (");
    const auto close = line.find("): ");
    if (open != std::string::npos && close != std::string::npos && open < close &&
        line.substr(0, open).find('_') != std::string::npos) {
        return line.substr(open + 2, close - open - 2) + ": " + line.substr(close + 3);
    }
    const auto colon = line.find(": ");
    if (colon != std::string::npos && line.substr(0, colon).find('_') != std::string::npos) {
        return "framework cost without the GIL: " + line.substr(colon + 2);
    }
    return line;
}

// An engine line the GUI's language knows is worded whole (its key left out); any other reads
// as the CLI's, without its key.
QString line_text(const std::string& line) {
    const QString english = QString::fromStdString(line);
    const QString said = engine_text(english);
    return said != english ? said : QString::fromStdString(without_key(line));
}

}  // namespace

QString calibration_html(const CalibrationResult& r) {
    const bool gil = has_gil(r.fitted_config.server) || has_gil(r.model_before.config.server);
    QString html =
        QObject::tr("<p><b>%1</b>, %2 connections, each figure the median of %3 runs.</p>")
            .arg(engine_text(r.shape).toHtmlEscaped())
            .arg(r.connections)
            .arg(r.repeats);
    html += QStringLiteral("<table cellspacing='0' cellpadding='2'>");
    html += row(QObject::tr("Real server"), rps(r.real.summary.rps));
    html += row(QObject::tr("Model with no framework cost"), rps(r.model_before.summary.rps));
    int n = 0;
    for (const CalibrationIteration& i : r.iterations) {
        html += row(QObject::tr("Step %1: model with %2").arg(++n).arg(us(i.overhead_us)),
                    rps(i.model_rps) + " (" + ratio(i.ratio) + ")");
    }
    html += QStringLiteral("</table>");
    if (r.has_fit) {
        html += QStringLiteral("<p style='font-size:large'>");
        html += (gil ? QObject::tr("Framework cost per request, holding the GIL: <b>%1</b>")
                     : QObject::tr("Framework cost per request: <b>%1</b>"))
                    .arg(us(r.fit.overhead_us));
        if (r.fit.overhead_released_us) {
            html += QObject::tr("<br>Framework cost per request without the GIL: <b>%1</b>")
                        .arg(us(*r.fit.overhead_released_us));
        }
        const double resume_us = r.fitted_config.server.workload.resume_us;
        if (resume_us > 0) {
            html +=
                QObject::tr("<br>Framework cost after each I/O wait: <b>%1</b>").arg(us(resume_us));
        }
        const double connection_us = r.fitted_config.server.workload.connection_us;
        if (connection_us > 0) {
            html += QObject::tr("<br>Framework cost per new connection: <b>%1</b>")
                        .arg(us(connection_us));
        }
        if (r.ratio > 0) {
            html +=
                QObject::tr(
                    "<br>Verified: the fitted model runs at <b>%1</b> the real "
                    "server (%2 against %3), %4 ±%5 %")
                    .arg(ratio(r.ratio), rps(r.model_after.summary.rps),
                         // Against every real run's median where that decided (verified_how).
                         rps(r.pooled_real_rps > 0 ? r.pooled_real_rps : r.real_after.summary.rps),
                         r.verified ? QObject::tr("within") : QObject::tr("outside"))
                    .arg(100 * r.tolerance, 0, 'f', 0);
            if (!r.verified_how.empty()) html += " " + engine_text(r.verified_how).toHtmlEscaped();
        }
        html += QStringLiteral("</p>");
        for (const std::string& f : r.fitted)
            html += para(QObject::tr("Fitted: %1").arg(line_text(f)));
        for (const std::string& f : r.not_fitted)
            html += para(QObject::tr("Not fitted: %1").arg(line_text(f)));
    }
    for (const std::string& w : r.warnings)
        html += para(QObject::tr("Warning: %1").arg(engine_text(w)), "#b00020");
    if (!r.why_not.empty()) html += para(engine_text(r.why_not), "#b00020");
    const bool connection_fitted =
        r.connection && r.fitted_config.server.workload.connection_us > 0;
    if (r.has_fit && r.fitted_config.server.workload.resume_us > 0) {
        html += QObject::tr(
                    "<p><i>The saturated rate with no work and with %1 ms of I/O per request are "
                    "fitted; Validate shows how the model compares under CPU and I/O work, with "
                    "latency.</i></p>")
                    .arg(r.resume ? r.resume->io_ms : 0, 0, 'f', 0);
        if (connection_fitted) {
            html += QObject::tr(
                "<p><i>The rate with a new connection per request (Connection: close) is fitted "
                "as well: it decides how fast new connections are taken and how they spread over "
                "workers.</i></p>");
        }
    } else if (r.has_fit && connection_fitted) {
        html += QObject::tr(
            "<p><i>The saturated rate with no work is fitted, kept alive and with a new "
            "connection per request (Connection: close); Validate shows how the model compares "
            "under CPU and I/O work, with latency.</i></p>");
    } else if (r.has_fit) {
        html += QObject::tr(
            "<p><i>Only the saturated rate with no work is fitted; Validate shows how the "
            "model compares under CPU and I/O work, with latency.</i></p>");
    }
    return html;
}

QString CalibrateDialog::apply_summary() const {
    const CalibrationResult& r = *result_;
    QString text =
        tr("Calibrated %1 to %2: framework cost %3 per request")
            .arg(engine_text(r.shape),
                 QString::fromStdString(r.real.config.external ? r.real.config.external->url
                                                               : std::string()),
                 us(r.fit.overhead_us));
    if (r.fit.overhead_released_us) {
        text += tr(" (+ %1 without the GIL)").arg(us(*r.fit.overhead_released_us));
    }
    if (r.fitted_config.server.workload.resume_us > 0) {
        text +=
            tr(" (+ %1 after each I/O wait)").arg(us(r.fitted_config.server.workload.resume_us));
    }
    if (r.fitted_config.server.workload.connection_us > 0) {
        text +=
            tr(" (+ %1 per new connection)").arg(us(r.fitted_config.server.workload.connection_us));
    }
    return text;
}

}  // namespace conclab::ui
