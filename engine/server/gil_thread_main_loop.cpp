// gthread's main loop in the GIL pool model (see gil_thread_server.hpp): the turns in which the
// poller takes the GIL, hands what select() returned to the pool and accepts one connection.
#include <boost/asio/post.hpp>

#include "server/gil_thread_server.hpp"

namespace conclab {

namespace asio = boost::asio;

namespace {

// What gthread's main loop pays at the end of every turn for each request in the pool: it calls
// futures.wait(self.futures, timeout=0, return_when=FIRST_COMPLETED), which takes each pending
// future's lock and installs and removes a waiter on it, in Python, under the GIL. Measured
// with CPython 3.11.2 (Debian 12) on the 2-core EPYC the validation ran on, 200 calls over
// futures of a 10-thread pool: 9.5 µs a call with 10 pending, 60 µs with 100, 545 µs with
// 1,000. Negligible at 10 connections (where calibrate fits the overhead), a quarter of the GIL
// at 1,000 connections and 450 requests a second: real gunicorn gthread (1 worker × 10
// threads), 1 ms of CPU and 20 ms of I/O per request, served 451 req/s at 100 connections and
// 305-433 at 1,000, the model without this cost 446-459 at both.
constexpr double kFutureWaitUsPerPending = 0.55;

}  // namespace

void GilThreadServer::set_main_loop_turns(bool on) {
    main_loop_turns_ = on;
    set_one_accept_per_turn(on);
    accept_again();  // chains again if the mode went off; the next turn's accept if it came on
}

void GilThreadServer::schedule_turn() {
    if (turn_posted_) return;
    turn_posted_ = true;
    // Posted, not run here: whatever else the reactor has ready joins the same turn, as all that
    // one select() returns is handled in one pass.
    asio::post(io_, [this] { run_turn(); });
}

void GilThreadServer::run_turn() {
    turn_posted_ = false;
    std::vector<ConnectionPtr> accepted;
    std::vector<ConnectionPtr> readable;
    accepted.swap(turn_accepted_);
    readable.swap(turn_readable_);
    // When the lock is shut down (stop()): what has not gone to the pool is closed here.
    std::size_t readable_sent = 0, accepted_sent = 0;
    const auto stopped = [&] {
        poller_holds_gil_ = false;  // the lock is no one's any more
        for (std::size_t i = readable_sent; i < readable.size(); ++i) {
            close_connection(*readable[i]);
        }
        for (std::size_t i = accepted_sent; i < accepted.size(); ++i) {
            close_connection(*accepted[i]);
        }
    };
    // select() has returned: the turn's Python runs under the GIL. A turn right after another
    // one keeps it (see release_after_turns), except that the eval breaker hands it over when a
    // waiter asked.
    if (!poller_holds_gil_) {
        if (!gil_.acquire()) return stopped();
        poller_holds_gil_ = true;
    } else if (gil_.drop_requested() && !gil_.yield_to_waiter()) {
        return stopped();
    }
    // reuse_connection() for each idle connection with a request: it takes the worker's own lock
    // to unregister the socket, and a pool thread holds that lock while it registers another
    // socket (finish_request(), an epoll_ctl() that releases the GIL) and then waits for the GIL
    // to let go of it. So when the GIL is contended each one waits for another thread's turn
    // with the GIL: strace of the real worker, CPU-bound at 1,000 connections, showed one
    // select() a second and 316 unregisters about 3 ms apart. A turn then lasts as long as the
    // pool takes to serve what it hands over, which is what paces the accepts below. (Only the
    // CPU-bound case was traced; with I/O the lock is contended less often than the GIL.)
    for (; readable_sent < readable.size(); ++readable_sent) {
        if (!gil_.let_a_waiter_run()) return stopped();
        submit(std::move(readable[readable_sent]));
    }
    // accept(), once per turn, and the framework's cost of the new connection
    // (Workload::connection_accept_us); it goes to the pool at once (gthread's accept() submits
    // it), whose thread then waits in recv() for the first request.
    const double connection_us = workload_.get().connection_accept_us();
    for (; accepted_sent < accepted.size(); ++accepted_sent) {
        if (connection_us > 0 && !run_cpu_holding_gil(gil_, connection_us)) return stopped();
        submit(std::move(accepted[accepted_sent]));
    }
    // futures.wait() over every request still in the pool, the turn's last Python.
    if (const int pending = futures_pending_.load(std::memory_order_relaxed); pending > 0) {
        if (!run_cpu_holding_gil(gil_, kFutureWaitUsPerPending * pending)) return stopped();
    }
    if (!accepted.empty()) accept_again();
    asio::post(io_, [this] { release_after_turns(); });
}

void GilThreadServer::release_after_turns() {
    // Posted behind whatever the turn set going: when a connection was waiting to be accepted,
    // its turn is due before this runs, and the poller keeps the GIL for it. So does the real
    // main loop: its select() and accept() return at once then, and a thread that releases the
    // GIL around a system call that does not block takes it straight back. It lets go of it when
    // nothing is due, or on a drop request (run_turn).
    if (turn_posted_ || !poller_holds_gil_) return;
    poller_holds_gil_ = false;
    gil_.release();
}

}  // namespace conclab
