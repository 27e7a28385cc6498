#include "text/diagnosis_text.hpp"

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

QString whole(double v) {
    return QString::number(v, 'f', 0);
}

double evidence(const Diagnosis& d, const char* key) {
    for (const auto& [name, value] : d.evidence) {
        if (name == key) return value;
    }
    return 0;
}

// How many waited at most: the whole peak where the run counted it, else (a report saved
// before it did) the highest tick average.
QString waiting_peak(const Diagnosis& d) {
    for (const auto& [name, value] : d.evidence) {
        if (name == "server_waiting_peak") return whole(value);
    }
    return number(evidence(d, "server_waiting_max"));
}

QString gil_bound(const Diagnosis& d, const RunConfig& c) {
    const QString held = number(evidence(d, "gil_held_pct"));
    const QString waiting = number(evidence(d, "gil_waiting_threads"));
    const bool one = waiting == "1";
    if (c.server.model == Model::ProcessPerCore) {  // the figures are means over the workers
        return (one ? QCoreApplication::translate(
                          "DiagnosisText",
                          "The GIL is held %1 % of the time in each worker and %2 thread waits "
                          "for it: more threads cannot help; more processes can, up to one per "
                          "core.")
                    : QCoreApplication::translate(
                          "DiagnosisText",
                          "The GIL is held %1 % of the time in each worker and %2 threads wait "
                          "for it: more threads cannot help; more processes can, up to one per "
                          "core."))
            .arg(held, waiting);
    }
    return (one ? QCoreApplication::translate(
                      "DiagnosisText",
                      "The GIL is held %1 % of the time and %2 thread waits for it: more threads "
                      "cannot help; more processes can.")
                : QCoreApplication::translate(
                      "DiagnosisText",
                      "The GIL is held %1 % of the time and %2 threads wait for it: more threads "
                      "cannot help; more processes can."))
        .arg(held, waiting);
}

QString uneven_workers(const Diagnosis& d, const RunConfig& c) {
    const QString head = QCoreApplication::translate(
                             "DiagnosisText", "Worker %1 (PID %2) served %3 % of the requests: ")
                             .arg(number(evidence(d, "worker")), whole(evidence(d, "pid")),
                                  number(evidence(d, "share_pct")));
    return head + (c.server.scheduling == Scheduling::Kernel
                       ? QCoreApplication::translate(
                             "DiagnosisText",
                             "the kernel's accept is uneven under a burst; round-robin evens it.")
                       : QCoreApplication::translate(
                             "DiagnosisText",
                             "round-robin evens out connections, not the requests they carry."));
}

QString worker_lost(const Diagnosis& d, const Summary& s) {
    if (s.worker_losses.empty()) return QString::fromStdString(d.text);
    const WorkerLoss& first = s.worker_losses.front();
    const QString cause = QString::fromStdString(first.cause);
    const QString how =
        first.timed_out
            ? QCoreApplication::translate("DiagnosisText", "was killed after timing out (%1)")
                  .arg(cause)
        : first.cause.rfind("SIG", 0) == 0
            ? QCoreApplication::translate("DiagnosisText", "was killed (%1)").arg(cause)
            : QCoreApplication::translate("DiagnosisText", "exited (%1)").arg(cause);
    const QString when = QString::number(first.t_s, 'f', 1);
    QString text =
        first.replacement != 0
            ? QCoreApplication::translate("DiagnosisText",
                                          "Worker %1 %2 at %3 s and was replaced by %4")
                  .arg(QString::number(first.pid), how, when, QString::number(first.replacement))
            : QCoreApplication::translate("DiagnosisText",
                                          "Worker %1 %2 at %3 s and was not replaced")
                  .arg(QString::number(first.pid), how, when);
    const std::size_t more = s.worker_losses.size() - 1;
    if (more > 0)
        text += QCoreApplication::translate("DiagnosisText", " (and %1 more later)").arg(more);
    if (const double lost = evidence(d, "requests_lost"); lost > 0) {
        text += QCoreApplication::translate("DiagnosisText",
                                            "; the %1 requests in service on it were lost")
                    .arg(number(lost));
    }
    bool has_rates = false;
    for (const auto& [name, value] : d.evidence) has_rates = has_rates || name == "rps_before";
    if (!has_rates) return text + ".";
    const double before = evidence(d, "rps_before"), after = evidence(d, "rps_after");
    // The engine's verdict, read back from its sentence: it alone knows the recovery share.
    const bool back = d.text.find("was back to") != std::string::npos;
    return text +
           (back ? QCoreApplication::translate(
                       "DiagnosisText", ". The rate was back to %1 req/s (%2 before) within %3 s.")
                       .arg(number(after), number(before), number(kLossWindowS))
                 : QCoreApplication::translate(
                       "DiagnosisText",
                       ". The rate stayed at %1 req/s against %2 before: the server did "
                       "not recover.")
                       .arg(number(after), number(before)));
}

QString slow_clients_hold_pool(const Diagnosis& d) {
    const double held = evidence(d, "threads_held"), pool = evidence(d, "threads");
    const QString rps = number(evidence(d, "rps"));
    if (held < pool) {
        return QCoreApplication::translate(
                   "DiagnosisText",
                   "%1 of the pool's %2 threads were held by slow clients, each reading a request "
                   "that never ends; the other %3 served the load (%4 req/s).")
            .arg(whole(held), whole(pool), whole(pool - held), rps);
    }
    const double closed = evidence(d, "slow_clients_closed_by_server");
    const QString head = QCoreApplication::translate(
                             "DiagnosisText",
                             "All %1 of the pool's %2 threads were held by slow clients: every "
                             "thread waits in recv() for a request that never ends, so the pool "
                             "served %3 req/s")
                             .arg(whole(held), whole(pool), rps);
    return head + (closed == 0
                       ? QCoreApplication::translate(
                             "DiagnosisText",
                             ". A header timeout (Node's headersTimeout) or an event loop "
                             "would shrug them off.")
                       : QCoreApplication::translate(
                             "DiagnosisText", " (the server closed them %1 times; they came back).")
                             .arg(whole(closed)));
}

}  // namespace

QString diagnosis_text(const Diagnosis& d, const RunResult& run) {
    const RunConfig& c = run.config;
    if (d.rule == "load-generator-saturated") {
        return QCoreApplication::translate(
                   "DiagnosisText",
                   "The load generator is saturated (%1 % CPU on %2 thread(s)): the numbers show "
                   "its limit, not the server's.")
            .arg(number(evidence(d, "load_cpu_pct_mean")), whole(evidence(d, "load_threads")));
    }
    if (d.rule == "requests-unanswered") {
        return QCoreApplication::translate(
                   "DiagnosisText",
                   "Requests with no response when the run ended, after waiting longer than the "
                   "answered ones' p99: %1 (%2 % of those counted), some for %3 s: the server "
                   "served some connections and left others waiting (not yet accepted, or "
                   "starved); the latency tail is a lower bound.")
            .arg(whole(evidence(d, "unanswered")), number(evidence(d, "unanswered_pct")),
                 number(evidence(d, "unanswered_longest_ms") / 1000));
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
            .arg(number(evidence(d, "threads")), waiting_peak(d),
                 number(evidence(d, "gil_held_pct")));
    }
    if (d.rule == "worker-lost") return worker_lost(d, run.summary);
    if (d.rule == "slow-clients-hold-pool") return slow_clients_hold_pool(d);
    return QString::fromStdString(d.text);
}

}  // namespace conclab::ui
