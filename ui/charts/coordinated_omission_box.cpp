#include "charts/coordinated_omission_box.hpp"

namespace conclab::ui {

namespace {

QString duration_text(double ms) {
    if (ms >= 1000) return QObject::tr("%1 s").arg(ms / 1000, 0, 'f', 1);
    if (ms >= 10) return QObject::tr("%1 ms").arg(ms, 0, 'f', 0);
    return QObject::tr("%1 ms").arg(ms, 0, 'f', 1);
}

}  // namespace

QString coordinated_omission_text(const Summary& s, double rate, double timeout_s) {
    const QString intro =
        QObject::tr(
            "<b>Coordinated omission.</b> A closed-loop tool (wrk, ab) sends the next request only "
            "when the last one came back, so while the server stalls it sends nothing and measures "
            "nothing: the users who would have arrived meanwhile are left out. This open-loop run "
            "sends %1 requests/s on schedule and counts latency from when each was <i>due</i>.")
            .arg(rate, 0, 'f', rate < 10 ? 1 : 0);
    if (!s.latency || !s.latency_uncorrected) {
        return intro + QObject::tr("<br>Your figures appear once responses come back.");
    }
    const double due = s.latency->p99_ms;
    const double sent = s.latency_uncorrected->p99_ms;
    QString text = intro + QObject::tr(
                               "<br><b>Your p99 is %1 measured from when requests were "
                               "due, %2 measured from when they were sent</b>")
                               .arg(duration_text(due), duration_text(sent));
    if (sent > 0 && due >= 1.5 * sent) {
        text += QObject::tr(
                    " (%1× more: the rest is time spent waiting for a free connection, "
                    "which a closed loop never sees).")
                    .arg(due / sent, 0, 'f', 1);
    } else {
        text += QObject::tr(": they agree, the server keeps up with the rate.");
    }
    text += QObject::tr(
                "<br>Late (due while no connection was free): <b>%1</b> · dropped (still "
                "unsent %2 s after due): <b>%3</b>.")
                .arg(s.late)
                .arg(timeout_s, 0, 'g', 3)
                .arg(s.dropped);
    return text;
}

CoordinatedOmissionBox::CoordinatedOmissionBox(QWidget* parent) : QLabel(parent) {
    setObjectName("coordinatedOmissionBox");
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setFrameShape(QFrame::StyledPanel);
    setMargin(6);
    setVisible(false);
}

void CoordinatedOmissionBox::show_summary(const Summary& summary, double rate, double timeout_s) {
    setVisible(rate > 0);
    if (rate > 0) setText(coordinated_omission_text(summary, rate, timeout_s));
}

}  // namespace conclab::ui
