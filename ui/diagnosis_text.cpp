#include "diagnosis_text.hpp"

#include <QCoreApplication>

#include <cmath>

namespace conclab::ui {

namespace {

// As the engine writes them: "98", "9", "2.6" (whole numbers whole, small fractions one decimal).
QString number(double v) {
    if (std::fabs(v) >= 10 || std::fabs(v - std::round(v)) < 0.05) {
        return QString::number(v, 'f', 0);
    }
    return QString::number(v, 'f', 1);
}

double evidence(const Diagnosis& d, const char* key) {
    for (const auto& [name, value] : d.evidence) {
        if (name == key) return value;
    }
    return 0;
}

QString gil_bound(const Diagnosis& d, const RunConfig& c) {
    const bool per_worker = c.server.model == Model::ProcessPerCore;  // the figures are means
    const QString held = number(evidence(d, "gil_held_pct"));
    const QString waiting = number(evidence(d, "gil_waiting_threads"));
    if (per_worker) {
        return waiting == "1"
                   ? QCoreApplication::translate(
                         "DiagnosisText",
                         "The GIL is held %1 % of the time in each worker and %2 thread waits "
                         "for it: more threads cannot help; more processes can, up to one per "
                         "core.")
                         .arg(held, waiting)
                   : QCoreApplication::translate(
                         "DiagnosisText",
                         "The GIL is held %1 % of the time in each worker and %2 threads wait "
                         "for it: more threads cannot help; more processes can, up to one per "
                         "core.")
                         .arg(held, waiting);
    }
    return waiting == "1" ? QCoreApplication::translate(
                                "DiagnosisText",
                                "The GIL is held %1 % of the time and %2 thread waits for it: "
                                "more threads cannot help; more processes can.")
                                .arg(held, waiting)
                          : QCoreApplication::translate(
                                "DiagnosisText",
                                "The GIL is held %1 % of the time and %2 threads wait for it: "
                                "more threads cannot help; more processes can.")
                                .arg(held, waiting);
}

QString uneven_workers(const Diagnosis& d, const RunConfig& c) {
    const QString head =
        QCoreApplication::translate("DiagnosisText",
                                    "Worker %1 (PID %2) served %3 % of the requests: ")
            .arg(number(evidence(d, "worker")), QString::number(evidence(d, "pid"), 'f', 0),
                 number(evidence(d, "share_pct")));
    return head + (c.server.scheduling == Scheduling::Kernel
                       ? QCoreApplication::translate(
                             "DiagnosisText",
                             "the kernel's accept is uneven under a burst; round-robin evens it.")
                       : QCoreApplication::translate(
                             "DiagnosisText",
                             "round-robin evens out connections, not the requests they carry."));
}

}  // namespace

QString diagnosis_text(const Diagnosis& d, const RunConfig& c) {
    if (d.rule == "load-generator-saturated") {
        return QCoreApplication::translate(
                   "DiagnosisText",
                   "The load generator is saturated (%1 % CPU on %2 thread(s)): the numbers show "
                   "its limit, not the server's.")
            .arg(number(evidence(d, "load_cpu_pct_mean")),
                 QString::number(evidence(d, "load_threads"), 'f', 0));
    }
    if (d.rule == "gil-bound") return gil_bound(d, c);
    if (d.rule == "loop-blocked") {
        return QCoreApplication::translate(
                   "DiagnosisText",
                   "The event loop is busy %1 % of the time and fires timers %2 ms late: CPU work "
                   "on the loop blocks every connection.")
            .arg(number(evidence(d, "loop_utilization_pct")),
                 number(evidence(d, "loop_delay_p99_ms")));
    }
    if (d.rule == "uneven-workers") return uneven_workers(d, c);
    if (d.rule == "thread-pool-exhausted") {
        return QCoreApplication::translate(
                   "DiagnosisText",
                   "All %1 threads are busy and up to %2 requests wait for one, while the GIL is "
                   "held only %3 % of the time: the threads wait on I/O; more threads (or an "
                   "event loop) would serve the queue.")
            .arg(number(evidence(d, "threads")), number(evidence(d, "server_waiting_max")),
                 number(evidence(d, "gil_held_pct")));
    }
    return QString::fromStdString(d.text);
}

}  // namespace conclab::ui
