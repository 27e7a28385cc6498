#pragma once
// The description of one experiment: which server model, what each request costs, how hard the
// load generator pushes, for how long. Plain values, no behaviour beyond validation; both the GUI
// and the CLI fill one in, and scenario files serialise it.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/knobs.hpp"
#include "core/result.hpp"

namespace conclab {

enum class Model {
    EventLoop,       // one thread, non-blocking I/O (Node.js / Express)
    GilThreads,      // OS threads behind one global interpreter lock (Flask on Werkzeug / gthread)
    ProcessPerCore,  // N worker processes on one listening socket (Node cluster / gunicorn)
};

std::string_view to_string(Model model);
std::optional<Model> model_from_string(std::string_view name);

// What one request costs the server. The order of the phases is the order of a typical handler:
// framework work, handler computation, then waiting on a downstream call before responding.
struct Workload {
    double overhead_us = 0;  // framework cost per request: real CPU, run like handler CPU work
    double cpu_ms = 0;       // handler CPU work, measured in thread CPU time
    double io_ms = 0;        // downstream wait; uses no CPU and (GIL model) releases the lock
    // Framework cost per request that runs *without* the GIL: the server's system calls (accept,
    // recv, send, close) and thread start-up, which CPython runs between Py_BEGIN_ALLOW_THREADS
    // and Py_END_ALLOW_THREADS, in parallel with whoever holds the lock. Real CPU on the serving
    // thread; on the event loop (no GIL) it is simply more CPU on the loop.
    double overhead_released_us = 0;
    // Framework cost each time a request resumes after its I/O wait, run like handler work
    // (under the GIL; on the loop). A CPython thread woken after a downstream call runs on cold
    // caches and takes the GIL back from a crowd of waiters: real Werkzeug serves 20–30 % fewer
    // requests per second with 50 ms of I/O than its zero-work rate, at the same CPU
    // (docs/validation.md). calibrate fits it where its data shows it.
    double resume_us = 0;
    // Framework cost of each new connection, a share of it run where the server accepts it
    // before it accepts the next (on the loop; on the accepting thread, under the GIL), the rest
    // where it closes it (half and half on a GIL's threads; Node's loop a fifth at the accept,
    // gevent's a quarter, see event_loop_server.cpp): Node builds a net.Socket and an HTTP parser
    // in JavaScript, gevent a socket object and a greenlet in Python, and both pay about as much
    // again when the connection ends (the server's own CPU, /proc/PID/task/*/schedstat, for 2,000
    // idle connections opened, then closed: Express 42–85 µs per accept and 42–55 µs per close;
    // gevent 38–58 and 32–50). With it, connections that arrive together are taken one at a time,
    // and a second worker sharing the socket takes some of them: real gunicorn gevent split 10 new
    // connections 5/5, 6/4, 4/6 and 5/5 over its two workers, the model without it 10/0 in two of
    // six runs (and served half the rate). Real gevent ran 9,900 req/s with keep-alive and 5,350
    // closing every connection.
    double connection_us = 0;
    double connection_accept_us(double share_at_accept = 0.5) const {
        return connection_us * share_at_accept;
    }
    double connection_close_us(double share_at_accept = 0.5) const {
        return connection_us * (1.0 - share_at_accept);
    }
    bool operator==(const Workload&) const = default;
};

// How process-per-core hands connections to its workers.
enum class Scheduling {
    RoundRobin,  // the primary accepts and passes each connection on in turn (Node cluster's
                 // default, SCHED_RR)
    Kernel,      // every worker accept()s on the shared socket and the kernel picks (Node's
                 // SCHED_NONE, gunicorn): uneven when connections arrive in a burst
    ReusePort,   // one listening socket per worker on the same port (SO_REUSEPORT): the kernel
                 // spreads connections by a hash of the 4-tuple (nginx `listen … reuseport`);
                 // a busy worker's queue fills while an idle one's stays empty
};
std::string_view to_string(Scheduling scheduling);
std::optional<Scheduling> scheduling_from_string(std::string_view name);

// How an event loop (the event-loop model, or the one inside each worker) serves its
// connections once a request is read.
enum class EventLoopKind {
    Libuv,   // Node: every ready connection gets one turn of the loop per poll, in the order of
             // a level-triggered epoll's ready list
    Gevent,  // gevent: a green thread per connection goes on serving its connection while the
             // next request is already there (it yields to the loop only when a read would block)
};

std::string_view to_string(EventLoopKind kind);
std::optional<EventLoopKind> event_loop_kind_from_string(std::string_view name);

// What a server gives up waiting for, in seconds; 0 = never, -1 = the real default of the system
// the model stands in for (resolved(), see default_timeouts()).
struct ServerTimeouts {
    // From the first byte of a request (or the connection's start) until its header block is
    // complete / until the whole request has arrived; then 408 and close (Node's headersTimeout,
    // requestTimeout).
    double header_s = -1;
    double request_s = -1;
    // An idle keep-alive connection between requests is closed after this (Node's
    // keepAliveTimeout, gunicorn's --keepalive).
    double keepalive_s = -1;
    // The host kills and replaces a worker process whose serving loop has not been free for this
    // long (gunicorn's --timeout, checked by its arbiter). Not a socket timeout.
    double worker_s = -1;
    bool operator==(const ServerTimeouts&) const = default;
};

struct ServerConfig {
    Model model = Model::EventLoop;
    Model inner = Model::EventLoop;  // the model each process-per-core worker runs
    int threads = 10;                // gil-threads: pool size; 0 = one thread per connection
    int workers = 0;                 // process-per-core: 0 = number of cores
    Scheduling scheduling = Scheduling::RoundRobin;  // process-per-core only
    double switch_interval_ms = 5.0;                 // CPython's sys.getswitchinterval() default
    int listen_backlog = 0;  // 0 = the model's real-world default, see default_backlog()
    // true: HTTP/1.1 keep-alive (Node keeps idle connections 5 s, gunicorn gthread 2 s).
    // false: every response says Connection: close and the server closes after it, as
    // Werkzeug's dev server and gunicorn's sync worker do; each request is a new connection (and,
    // with one thread per connection, a new thread).
    bool keep_alive = true;
    // The most connections each server (each worker of process-per-core) serves at once; it
    // stops accepting while it holds that many (gevent's and nginx's worker_connections). 0 =
    // unlimited, as Node, Werkzeug and gunicorn's sync and gthread workers are.
    int worker_connections = 0;
    // The event loop's way of serving (the event-loop model, or the one inside process-per-core's
    // workers): Node's libuv, or gevent's green threads.
    EventLoopKind event_loop = EventLoopKind::Libuv;
    std::uint16_t port = 0;  // 0 = any free port on 127.0.0.1
    // Memory each open connection holds in the model's connection object, touched so it is
    // resident: how a user matches a real server's footprint (a Python thread and its frames, a
    // V8 socket object). 0 = the model's own cost.
    int memory_per_connection_kb = 0;
    Workload workload;
    ServerTimeouts timeouts;
};

// Listen backlogs of the systems we stand in for: Node's http.Server (511), Werkzeug's
// LISTEN_QUEUE (128), gunicorn's --backlog (2048).
int default_backlog(Model model);
int default_workers();  // number of cores, at least 1
// The timeouts of the systems we stand in for, by the model that serves (the inner one inside
// process-per-core) and its threads:
//   event loop (Node http.Server): headersTimeout 60 s, requestTimeout 300 s, keepAliveTimeout
//     5 s; Node's cluster kills no worker (worker 0).
//   GIL thread pool (gunicorn gthread, or sync with threads 1): no header or request timeout,
//     keepalive 2 s, worker timeout 30 s (the arbiter's).
//   one thread per connection (Werkzeug): none at all.
ServerTimeouts default_timeouts(Model serving_model, int threads);
// The values a run really uses once defaults are applied (workers, backlog, timeouts).
ServerConfig resolved(ServerConfig config);

struct LoadConfig {
    int connections = 10;  // closed-loop persistent connections, like wrk -c
    // Open loop (wrk2): requests per second in total, sent at their intended times whatever the
    // server does; 0 = closed loop. Over a pool of at most max_connections connections, opened
    // as needed (`connections` does not apply).
    double rate = 0;
    int max_connections = 1000;
    int threads = 1;                  // loader threads, like wrk -t
    double request_timeout_s = 30.0;  // a response slower than this counts as a timeout error
    // A second, small group of connections that send CPU-heavy requests (GET /?cpu_ms=X&io_ms=0)
    // alongside the main load: how the convoy effect and a blocked event loop are shown. Their
    // responses are counted apart and kept out of the latency series.
    int heavy_connections = 0;
    double heavy_cpu_ms = 50;
    // Connections that send a request one byte a second and never finish it (slowloris), beside
    // the load; counted apart. What a server's timeouts are for.
    int slow_clients = 0;
    // Connections that send one request, read the response and then hold the connection open
    // without sending (a server that closes after each response gets connections that send
    // nothing): what a connection costs the server while it waits, beside the load; counted
    // apart.
    int idle_connections = 0;
};

// Where the load goes when it is not our own server.
struct ExternalTarget {
    std::string host;  // a numeric address or a name
    std::uint16_t port = 80;
    std::string path = "/";
    std::string url;  // as the user wrote it, for reports
    // The request, as wrk -s or curl -X/-H/-d would shape it. A body gets a Content-Length
    // unless the headers give one; a Host header given here replaces the default one.
    std::string method = "GET";
    std::vector<std::string> headers;  // "Name: value", one per header
    std::string body;
};
// Fails with the problem of a method, header or body (a token method, "Name: value" headers, no
// CR or LF inside a header).
Result<> check_request_shape(const ExternalTarget& target);
// "localhost" or a loopback address (127.0.0.0/8, ::1): a server on this machine.
bool is_loopback_host(std::string_view host);
// Parses http://HOST[:PORT][/PATH]. Only loopback hosts unless allow_remote; the error names the
// problem.
Result<ExternalTarget> parse_target_url(std::string_view url, bool allow_remote);

// One stage of a load plan, as k6 stages: over duration_s the load moves linearly from where it
// was to `target` (connections in a closed loop, requests/s in an open loop).
struct Stage {
    double duration_s = 0;
    double target = 0;
    bool operator==(const Stage&) const = default;
};

struct RunConfig {
    ServerConfig server;
    LoadConfig load;
    double duration_s = 10;  // 0 = until stop() (the GUI); the run then stops by itself
    double warmup_s = 0;     // load runs, but the summary ignores it
    double tick_s = 0.25;    // one time-series sample per tick
    std::optional<ExternalTarget> external;  // drive this instead of starting a server
    // The external server's process (its PID, or its parent's: gunicorn's arbiter, Node's cluster
    // primary), whose resources are then measured summed over it and its descendants; 0 = none.
    int target_pid = 0;
    // A load plan applied tick by tick from the start of the run (empty = none); a list, so it
    // lives beside the registry: scenario files ("stages") and the CLI (--stages) read it apart.
    std::vector<Stage> stages;
};

// An open loop's rate: 0 (a closed loop; live, a pause) or at least one request every 1000 s,
// below which the interval between requests leaves what the run's clock can count.
Result<> check_open_loop_rate(double rate);

// "5s:10,10s:1000,5s:0" (duration, with an optional s, colon, target) → the stages, or what is
// wrong with which stage.
Result<std::vector<Stage>> parse_stages(std::string_view text);
std::string stages_text(const std::vector<Stage>& stages);  // "5s:10,10s:1000,5s:0"
double stages_duration_s(const std::vector<Stage>& stages);
// The planned value at t_s: linear from `start` (the value before the first stage) through each
// stage's target; after the last stage, its target.
double planned_value(const std::vector<Stage>& stages, double start, double t_s);
// Fails with the problem of the plan for this run (a target out of the range of connections or
// rate); messages start with "stages".
Result<> check_stages(const std::vector<Stage>& stages, bool open_loop);

// Ranges every front end enforces; also used for slider limits.
struct Limits {
    // Connection counts have no constant limit: core/machine_limits.hpp's max_connections()
    // reads this machine's (the descriptor hard limit).
    static constexpr double kMaxRate = 1'000'000;
    static constexpr std::size_t kMaxStages = 100;
    static constexpr double kMaxCpuMs = 10000;
    static constexpr double kMaxIoMs = 60000;
    static constexpr double kMaxOverheadUs = 1000000;
    static constexpr int kMaxThreads = 1024;
    static constexpr int kMaxWorkers = 64;
    static constexpr int kMaxWorkerConnections = 100000;
    static constexpr int kMaxLoadThreads = 64;
    static constexpr int kMaxHeavyConnections = 100;
    static constexpr int kMaxSlowClients = 1000;
    static constexpr int kMaxMemoryPerConnectionKb = 16384;
    static constexpr double kMaxServerTimeoutS = 24 * 3600;
    static constexpr int kMaxBacklog = 65535;
    static constexpr double kMinSwitchIntervalMs = 0.1;
    static constexpr double kMaxSwitchIntervalMs = 1000;
    static constexpr double kMinTickS = 0.05;
    static constexpr double kMaxDurationS = 24 * 3600;
};

// What validate() finds: one message per bad field ("connections must be 1..10000, got 0"), each
// starting with the key of the field to fix.
using Problems = std::vector<std::string>;
// Fails with every problem of the config (at least one).
Result<void, Problems> validate(const RunConfig& config);

}  // namespace conclab
