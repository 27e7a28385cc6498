#pragma once
// The GIL-locked threads model (Flask on Werkzeug's threaded server, or gunicorn's gthread
// worker). OS threads do blocking socket I/O; all CPU work (framework overhead and handler) runs
// only while holding one GlobalInterpreterLock, which the I/O wait releases.
//
// threads = N: a pool like gunicorn gthread. An acceptor/poller thread accepts every connection
//   and watches idle keep-alive connections; when one has a request it joins a FIFO queue, and
//   the next free pool thread serves one request, then hands the connection back to the poller.
//   In service <= N; everything else that has arrived waits in the queue. A pool thread's
//   request is in service from the first byte the thread holds: a slow client whose request
//   never ends keeps its thread, counted in service, as a gunicorn gthread worker's does.
//   With more than one thread the poller is gthread's main loop (gunicorn/workers/gthread.py
//   run()): Python in one thread, so every time round it takes the GIL to handle what select()
//   returned — it accepts one new connection and submits it to the pool, and submits every
//   idle connection that has a request — and it waits for the GIL like any pool thread. When
//   the pool threads are busy with CPU this paces how requests reach the pool, and new
//   connections wait in the kernel's accept queue, one accepted per turn (see run_turn).
// threads = 0: one new thread per connection, no upper bound (Werkzeug's ThreadingMixIn). The
//   accept loop is Python there, so it takes the GIL for every new connection and waits for the
//   new thread to start (see serve_new_socket).
// keep_alive = false: Connection: close after every response (Werkzeug, gunicorn sync); a
//   per-connection thread then serves one request and ends.
//
// Timeouts as the real servers have them (ServerTimeouts, resolved per model): gthread closes
// idle keep-alive connections after --keepalive (the poller's timer here) and has no header or
// request timeout, so a pool thread reading a request that never ends is blocked for as long as
// its client stays; Werkzeug has none at all. Header and request timeouts, when set, bound the
// blocking reads (poll() with a deadline) and answer 408 as Node does.
//
// Heartbeat (ServerStats::heartbeat_us, what the host's worker timeout watches): with a pool of
// one thread this is gunicorn's sync worker, and only that thread beats, when it is free; with
// more threads (gthread) or one per connection, the poller beats, as gthread's main loop keeps
// calling notify() however many pool threads are stuck.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <list>
#include <memory>
#include <thread>
#include <vector>

#include <boost/asio/ip/tcp.hpp>

#include "core/annotated_mutex.hpp"
#include "gil/global_interpreter_lock.hpp"
#include "server/server_base.hpp"

namespace conclab {

class GilThreadServer final : public ServerBase {
public:
    // `timeouts` as resolved(): 0 = none. keep_alive false: Connection: close on every response,
    // then close (see ServerConfig); a per-connection thread then serves one request and ends,
    // like Werkzeug's. connection_limit: the most connections served at once
    // (worker_connections), 0 = unlimited.
    GilThreadServer(const Workload& workload, int threads, double switch_interval_ms,
                    const ServerTimeouts& timeouts, bool keep_alive, int connection_limit);
    ~GilThreadServer() override;

    void start(UniqueFd listen_fd) override;
    void stop() override;
    Result<> set_threads(int threads) override;
    ServerInternals internals() override;

    GlobalInterpreterLock& gil() { return gil_; }
    // gthread: requests the main loop has handed to the pool and the pool has not yet served
    // (len(self.futures)); every turn of the main loop pays for each (run_turn).
    int futures_pending() const { return futures_pending_.load(std::memory_order_relaxed); }
    // The pool threads this server holds a std::thread for (running, or exited and not yet
    // joined): the pool's size once those that left on a shrink have been joined.
    int pool_threads_held() EXCLUDES(queue_mutex_);

private:
    struct Connection;
    using ConnectionPtr = std::shared_ptr<Connection>;
    enum class Outcome { KeepAlive, Close };
    // A pool thread. One that leaves with an exit token marks its entry and asks the poller to
    // join it: a shrunk pool returns its threads' stacks at once, not at stop(). Kept in a list,
    // so that an entry never moves while its thread runs.
    struct PoolThread {
        std::thread thread;
        // Under queue_mutex_ (the analysis cannot name the server's mutex from here: every
        // access is in a function that holds it, see pool_thread_main and the join).
        bool exited = false;
    };

    void serve_new_socket(boost::asio::ip::tcp::socket socket) override;
    // gthread's main loop (threads > 1; gil_thread_main_loop.cpp): what select() returned waits
    // for the next turn, posted once; run_turn() takes the GIL, then hands it all to the pool.
    // Poller thread only.
    void set_main_loop_turns(bool on);
    void schedule_turn();
    void run_turn();
    void release_after_turns();
    // The main loop's tpool.submit(): to the pool's queue, its future pending (futures_pending_).
    void submit(ConnectionPtr connection) EXCLUDES(queue_mutex_);
    // Poller thread only. After a response, the keep-alive timeout runs while it waits.
    void watch_idle(const ConnectionPtr& connection, bool after_response);
    // Not in a sync worker (see the top of this file).
    bool heartbeat_timer_beats() override EXCLUDES(queue_mutex_);
    void pool_thread_main(int index, PoolThread& self) EXCLUDES(queue_mutex_);
    // Werkzeug's: the accept loop starts the connection's thread (gil_thread_per_connection.cpp).
    void start_connection_thread(const ConnectionPtr& connection)
        EXCLUDES(started_mutex_, connection_threads_mutex_);
    void connection_thread_main(const ConnectionPtr& connection) EXCLUDES(started_mutex_);
    Outcome serve_one_request(Connection& connection);
    // Reads and parses until a whole request is in: true; false when the connection is to close
    // (after a 400 or 408 where one is due, or at the client's EOF).
    bool read_request(Connection& connection);
    // In service from the request's first byte in a thread's hands to its response written (or
    // the request abandoned); each is counted once per request.
    void begin_service(Connection& connection);
    void end_service(Connection& connection, bool written);
    bool wait_for_io(double io_ms) EXCLUDES(stop_mutex_);  // false when stopping
    // When the next read of this request must have data by (monotonic ns), 0 = never; see
    // serve_one_request().
    std::int64_t read_deadline_ns(const Connection& connection, std::int64_t request_start_ns);
    void close_connection(Connection& connection);
    // A pool or connection thread, done with a connection: its closing cost, then close.
    void close_after_serving(Connection& connection);
    void reap_finished_connection_threads() EXCLUDES(connection_threads_mutex_);

    GlobalInterpreterLock gil_;
    const bool thread_per_connection_;
    // gthread: the poller takes the GIL every turn. Poller thread only once started (a change
    // of threads between 1 and more posts the new mode there).
    bool main_loop_turns_;
    // Poller thread only: what the next turn hands to the pool, and whether it is posted.
    std::vector<ConnectionPtr> turn_accepted_;
    std::vector<ConnectionPtr> turn_readable_;
    bool turn_posted_ = false;
    bool poller_holds_gil_ = false;  // between turns that follow each other (run_turn)
    // gthread's self.futures: connections the main loop handed to the pool whose request is not
    // yet served (queued or in a pool thread). Every turn pays for looking at each of them
    // (run_turn). Incremented by the poller, decremented by pool threads.
    std::atomic<int> futures_pending_{0};

    Mutex queue_mutex_;
    std::condition_variable queue_cv_;  // ready connections, exit tokens, stop
    // FIFO of connections with a request to serve.
    std::deque<ConnectionPtr> ready_ GUARDED_BY(queue_mutex_);
    // Pool threads asked to leave (shrinking the pool).
    int exit_tokens_ GUARDED_BY(queue_mutex_) = 0;
    int pool_size_ GUARDED_BY(queue_mutex_) = 0;
    std::list<PoolThread> pool_threads_ GUARDED_BY(queue_mutex_);
    void add_pool_thread_locked(int index) REQUIRES(queue_mutex_);
    void join_exited_pool_threads() EXCLUDES(queue_mutex_);

    // Guards no data (stopping_ is atomic): stop() sets stopping_ under it, so that a wait in
    // wait_for_io() cannot miss the notification.
    Mutex stop_mutex_;
    std::condition_variable stop_cv_;  // ends I/O waits early when stopping

    struct ConnectionThread {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };
    Mutex connection_threads_mutex_;
    // No new ones once stopping_ is set.
    std::list<ConnectionThread> connection_threads_ GUARDED_BY(connection_threads_mutex_);
    // One thread per connection: the accept loop waits until the new thread has started. The
    // accept loop is one thread and waits for each new thread in turn, so a count will do.
    Mutex started_mutex_;
    std::condition_variable started_cv_;
    std::uint64_t connection_threads_started_ GUARDED_BY(started_mutex_) = 0;
};

}  // namespace conclab
