#include "server/event_loop_server.hpp"

#include <poll.h>

#include <memory>
#include <vector>

#include <boost/asio/post.hpp>

#include "server/event_loop_connection.hpp"
#include "workload/cpu_burn.hpp"

namespace conclab {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

// The share of the framework's cost per request a loop pays after the response is written. It
// decides whether a client's next request is already there when the loop polls again (libuv,
// see EventLoopServer::run_turn) or when the green thread reads its socket again (gevent).
// Measured by strace at 10 connections and zero work, each syscall's own cost (the time from
// epoll_wait() to the read it reports, about 100 us under strace) taken off:
// - Express: about 59 us from reading the request to writev() of the response, 36 us from there
//   to the next read;
// - gunicorn -k gevent: about 170 us from recvfrom() of the request to the response's sendto(),
//   and 116 us (median) from there to the green thread's next recvfrom(), of which strace's own
//   cost is most: too uncertain to set the share. gevent's is set by the real server's tail
//   instead: its monopolies seldom break. Real gunicorn -k gevent (2 workers, 2 ms of CPU, our
//   load generator, 3 runs each) had p90 2.32-2.61 ms at 10 connections and 2.37-2.41 ms at 100;
//   with 8 % (15 us) the model's p90 at 100 was 83-163 ms, with 20 % (38 us) 2.27 ms at both.
double framework_share_after_response(EventLoopKind kind) {
    return kind == EventLoopKind::Gevent ? 0.2 : 0.4;
}

// The share of a new connection's framework cost (Workload::connection_us, fitted by calibrate
// from a new connection per request, so accept and close together) paid at its accept, before
// the loop takes the next one. How fast a loop takes a burst of new connections decides whether
// it has them all before their first requests make its turns long (one accept per turn after
// that), so this share is set by the pace of accepts, not by CPU alone.
// Node: a fifth. The model's own accept (asio, the epoll registration, the registry) takes about
// 13 µs between two accepts of a burst (perf, accepts 15-20 per ms with 38.6 µs of a fitted
// 77.3 µs on top); warm real Express took 349 in its first 10 ms (at most 29 µs each; its own
// CPU per idle connection: 42-85 µs to open, 42-55 µs to close, so most of the rest is paid at
// the close). With half of a fitted 104 µs at the accept, the Express model at 50 ms of I/O ×
// 1,000 connections left part of its burst queued for seconds (p99 812-845 ms in 3 of 3 runs,
// 1,137-1,359 in validate's 3) where real Express had 163-203 ms; with a fifth, 142-154 ms. At
// 2 ms of CPU × 100 connections the real server took all 100 in time in 5 of 9 runs in one
// validation and 1 of 6 in the next hour; the model with half in 0 of 9 and 0 of 6, with a
// fifth in 0 of 6 (3 more within 1.1-2.6 s), with none 4 of 6: the race is that close.
// gevent: a quarter. Real gunicorn -k gevent spent 60 µs of CPU per connection opened and left
// idle (1,000 at once, 3 bursts); the model spends 30 µs of its own (asio's accept, the epoll
// registration, the registry) before any fitted cost, so its fitted share at accept is what is
// left, 30 of the 124 µs calibrate fitted that day. (With half (62 µs), 1,000 connections arriving
// together at 50 ms of I/O left 150-333 of them in the model's accept queue for seconds, p99 3.1 s,
// where the real server's queue was empty within 0.25 s, p99 243-302 ms; but those runs were taken
// while a fresh worker still grew its descriptor table during the burst, see
// reserve_descriptor_table(), so the quarter rests on the CPU figures above.) The share also
// decides how a burst of keep-alive connections spreads over gevent's workers: with 13 µs at the
// accept (a calibration's first estimate of 53.5 µs) 10 connections landed all on one worker in 5
// of 6 runs, with 30 µs or more (120 µs and up) on both in 18 of 18; calibrate runs such a model
// run again.
double connection_share_at_accept(EventLoopKind kind) {
    return kind == EventLoopKind::Gevent ? 0.25 : 0.2;
}

// Which of `connections` are readable now, in one poll(2): as a level-triggered epoll_wait()
// checks each item on its ready list, in one call.
template <typename Connection>
std::vector<bool> readable_now(const std::vector<std::shared_ptr<Connection>>& connections) {
    std::vector<pollfd> fds;
    fds.reserve(connections.size());
    for (const auto& c : connections)
        fds.push_back({.fd = c->fd(), .events = POLLIN, .revents = 0});
    std::vector<bool> readable(connections.size(), false);
    if (::poll(fds.data(), fds.size(), 0) <= 0) return readable;
    for (std::size_t i = 0; i < fds.size(); ++i)
        readable[i] = fds[i].fd >= 0 && fds[i].revents != 0;
    return readable;
}

}  // namespace

void EventLoopServer::list(std::shared_ptr<Connection> connection) {
    auto& slot = connection->listed;
    ready_.join(std::move(connection), slot);
    schedule_turn();
}

void EventLoopServer::schedule_turn() {
    if (turn_pending_) return;
    turn_pending_ = true;
    // Behind what the loop has queued (timers, accepts, readiness): libuv's other phases.
    asio::post(io_, [this] { run_turn(); });
}

std::shared_ptr<EventLoopServer::Connection> EventLoopServer::unlist(Connection& connection) {
    return ready_.leave(connection.listed);
}

// The loop's turns, as libuv's uv__io_poll: the ready list is a level-triggered epoll's
// (ReadyList, which says why). Its consequence: a connection whose next request comes a moment
// after the loop polled (often the last one served in a turn, whose client answers within
// microseconds while the loop goes straight on to poll) loses its place and is served last in
// the turn after next, about two turns after it asked. Real Express, 10 connections each asking
// for 2 ms of CPU: p50 21 ms (one turn), and 3-5 % of requests at 38-40 ms (wrk; the Node process
// pinned to one core or not, its GC on one thread or many, alike). With asio's first come, first
// served the model had every request at one turn, p99 = p50.
//
// One pass of uv__io_poll: poll the ready list, then read each reported connection and serve
// its request, in order, within the turn; one no longer readable is watched again. (gevent's
// default loop, libev, runs the watchers one poll reports last-queued-first; the model keeps
// the list's order for gevent too: what decides gevent's tails is its green threads, which
// serve a connection's next request at once, see Connection::on_readable.)
void EventLoopServer::run_turn() {
    turn_pending_ = false;
    const auto reported =
        ready_.poll([](const auto& connections) { return readable_now(connections); },
                    [](Connection & c) -> auto& { return c.listed; },
                    [](const std::shared_ptr<Connection>& c) { c->want_read(); });
    for (const auto& c : reported) {
        if (stopping_) return;
        if (c->listed) c->on_readable();  // unless it closed, or stopped reading, meanwhile
    }
    if (!ready_.empty()) schedule_turn();
}

EventLoopServer::EventLoopServer(const Workload& workload, const ServerTimeouts& timeouts,
                                 bool keep_alive, int connection_limit, EventLoopKind kind)
    : ServerBase(Model::EventLoop, workload, timeouts, keep_alive),
      green_threads_(kind == EventLoopKind::Gevent),
      share_after_response_(framework_share_after_response(kind)),
      share_at_accept_(connection_share_at_accept(kind)) {
    limit_connections(connection_limit);
}

EventLoopServer::~EventLoopServer() {
    stop();
}

void EventLoopServer::start(UniqueFd listen_fd) {
    start_io(std::move(listen_fd), "cl-loop",
             [this] { monitor_.run(); });  // io_.run(), timing each handler
}

void EventLoopServer::serve_new_socket(tcp::socket socket) {
    // The framework's cost of a new connection, on the loop, before the acceptor takes the next
    // one (Workload::connection_accept_us, its share at accept): requests already read wait
    // behind it, as in Node.
    // One connection per wake-up, as both loops we model take them: libuv accepts once each time
    // epoll reports the listening socket (libuv PR #3696 dropped its accept-until-EAGAIN loop;
    // strace of real Node 20.20.2 with libuv 1.46.0: one accept4() per epoll_pwait(), never an
    // EAGAIN), and gevent's StreamServer, which accepts up to 100 per wake-up, has its
    // max_accept set to 1 by gunicorn when it runs more than one worker
    // (gunicorn/workers/ggevent.py). Asio's reactor hands over one accept per completion.
    if (!burn_cpu_us_unless(workload_.get().connection_accept_us(share_at_accept_), stopping_)) {
        return;
    }
    std::make_shared<Connection>(*this, std::move(socket))->start();
}

void EventLoopServer::stop() {
    if (!mark_stopped()) return;
    stopping_ = true;  // interrupts a handler that is burning CPU
    close_io([this] {
        monitor_.stop();
        std::vector<std::shared_ptr<Connection>> open;
        for (auto& [raw, weak] : live_) {
            if (auto connection = weak.lock()) open.push_back(std::move(connection));
        }
        for (auto& connection : open) connection->close();
    });
    // With the acceptor, the timers and every socket closed, run() runs out of work and returns.
    join_io();
}

Result<> EventLoopServer::set_threads(int) {
    return Failure{"threads apply to gil-threads only: the event loop has one thread"};
}

ServerInternals EventLoopServer::internals() {
    return {.loop = monitor_.read(), .gil = std::nullopt};
}

}  // namespace conclab
