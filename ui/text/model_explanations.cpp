#include "text/model_explanations.hpp"

#include <QObject>

namespace conclab::ui {

namespace {

QString event_loop_text() {
    return QObject::tr(
        "<b>Event loop</b> (Node.js / Express): one thread runs every connection. "
        "<b>I/O waits overlap</b>: a request waiting on a downstream call costs only a timer, so "
        "thousands of connections can be in service at once. <b>CPU work blocks</b>: while one "
        "handler computes, no other connection is read, written or answered — requests pile up "
        "as <i>waiting</i>, and the tail latency grows with the number of connections. It uses "
        "one core, whatever the machine has.");
}

QString gil_text() {
    return QObject::tr(
        "<b>GIL-locked threads</b> (Flask on Werkzeug, gunicorn gthread): OS threads do blocking "
        "I/O, but handler CPU work (and the framework overhead) runs only while holding one "
        "global interpreter lock, handed over the way CPython does it: a thread that wants the "
        "lock waits one <i>switch interval</i> (5 ms), then asks the holder to drop it. "
        "<b>I/O waits overlap</b> (the lock is released), <b>CPU work never runs in parallel</b>: "
        "more threads add no throughput for CPU-bound handlers, and a request back from I/O "
        "queues behind a CPU-bound one (the convoy effect). <i>Threads</i> = pool size: at most "
        "that many requests are in service, the rest wait. Threads = 0 is Werkzeug's one thread "
        "per connection.");
}

QString scheduling_text(Scheduling scheduling) {
    switch (scheduling) {
        case Scheduling::RoundRobin:
            break;
        case Scheduling::Kernel:
            return QObject::tr(
                "<b>Kernel accept</b> (gunicorn, Node's SCHED_NONE): every worker accept()s on "
                "one shared listening socket and the kernel decides which waiting worker wins. "
                "Under a burst of connections the worker that wakes first takes many: the "
                "per-worker lines of <i>Inside the server</i> drift apart.");
        case Scheduling::ReusePort:
            return QObject::tr(
                "<b>SO_REUSEPORT</b> (nginx <code>listen … reuseport</code>): each worker has its "
                "own listening socket on the same port, and the kernel assigns each new "
                "connection by a hash of its addresses, whoever is busy. The spread is even on "
                "average, but a worker stuck on CPU work keeps receiving connections that "
                "wait in its own queue while another's is empty.");
    }
    return QObject::tr(
        "<b>Round-robin</b> (Node cluster's default, SCHED_RR): the primary process accepts "
        "every connection and hands it to the next worker in turn, so the workers get equal "
        "shares of connections, whatever each is doing.");
}

QString process_text(Model inner, Scheduling scheduling) {
    return QObject::tr(
               "<b>Process per core</b> (Node's cluster module, gunicorn workers): N separate "
               "server processes share one listening port; each runs its own %1, so CPU work "
               "<b>runs in parallel on every core</b> — until the cores run out (the load "
               "generator needs one too). <i>Workers</i> = processes. <i>Worker connections</i> "
               "caps what each worker holds (gevent's and nginx's worker_connections).")
               .arg(inner == Model::GilThreads ? QObject::tr("GIL-locked threads")
                                               : QObject::tr("event loop")) +
           "<p>" + scheduling_text(scheduling) + "</p>";
}

// The scaling recipes people deploy, each as the model and knobs that stand for it (the presets
// of #12 use exactly these settings).
QString recipes_text(Model model) {
    switch (model) {
        case Model::EventLoop:
            return QObject::tr(
                "<p><b>Recipes</b>: <i>one Node process</i> = this model. <i>gunicorn + gevent</i>"
                " is this model inside each worker: see process per core, inner event loop.</p>");
        case Model::GilThreads:
            return QObject::tr(
                "<p><b>Recipes</b>: <i>Flask's dev server</i> (flask run) = threads 0, keep-alive "
                "off. <i>One gunicorn gthread worker</i> = threads N, keep-alive on (2 s). "
                "<i>One gunicorn sync worker</i> = threads 1, keep-alive off.</p>");
        case Model::ProcessPerCore:
            break;
    }
    return QObject::tr(
        "<p><b>Recipes</b>:<br>"
        "• <i>gunicorn sync</i> = process per core, inner GIL threads, threads 1, keep-alive off, "
        "scheduling kernel, workers 2 × cores + 1: workers requests at once.<br>"
        "• <i>gunicorn gthread</i> = the same with threads N and keep-alive on: workers × "
        "threads at once.<br>"
        "• <i>gunicorn -k gevent</i> = inner event loop (an event loop inside each worker; the "
        "GIL never matters because only one OS thread runs Python), worker connections 1,000, "
        "Flask's cost as a calibrated overhead.<br>"
        "• <i>nginx in front of N Flask instances</i> = N workers of GIL threads (threads 0, "
        "keep-alive off), round-robin (nginx upstream) or reuseport, worker connections "
        "for nginx's limit (768 per nginx worker in Debian).<br>"
        "• <i>Node cluster</i> = inner event loop, workers 0 (one per core), round-robin "
        "(SCHED_RR).</p>");
}

}  // namespace

QString explain_model(Model model, Model inner, Scheduling scheduling) {
    QString text;
    switch (model) {
        case Model::EventLoop:
            text = event_loop_text();
            break;
        case Model::GilThreads:
            text = gil_text();
            break;
        case Model::ProcessPerCore:
            text = process_text(inner, scheduling);
            break;
    }
    text += recipes_text(model);
    text += QObject::tr(
        "<p><i>Per request</i>: <b>overhead</b> and <b>CPU</b> are real computation measured in "
        "thread CPU time; <b>I/O wait</b> is a downstream call that uses no CPU. "
        "<i>Connections</i> are closed-loop keep-alive clients, like wrk's.</p>");
    return text;
}

}  // namespace conclab::ui
