// The rows of the run-field registry (core/run_fields.hpp): one row per knob of an experiment,
// each written with named fields so that it reads by itself. The functions that read the rows
// (text, ranges, help) are in run_fields.cpp.
#include <cmath>

#include "core/machine_limits.hpp"
#include "core/run_fields.hpp"

namespace conclab {

namespace {

// A row's getter and setter for a numeric member of RunConfig, e.g. NUMBER_MEMBER(load.threads).
// A macro because the member path is the only thing that differs between rows; two captureless
// lambdas keep the table a constant array of plain function pointers.
#define NUMBER_MEMBER(path)                                                                 \
    .get_number = [](const RunConfig& c) -> double { return static_cast<double>(c.path); }, \
    .set_number = [](RunConfig& c, double v) { c.path = static_cast<decltype(c.path)>(v); }

bool set_model(Model& slot, std::string_view name, bool allow_process_per_core) {
    auto model = model_from_string(name);
    if (!model || (!allow_process_per_core && *model == Model::ProcessPerCore)) return false;
    slot = *model;
    return true;
}

// A choice row's setter: `slot` takes what `parsed` found; false (slot untouched) for a name
// that is not one of the choices.
template <typename T>
bool set_parsed(T& slot, std::optional<T> parsed) {
    if (parsed) slot = *parsed;
    return parsed.has_value();
}

// Connection counts go up to this machine's limit, read once when the program starts (a dynamic
// initialisation: the table below is built after it, in this file's order).
const double kMachineConnections = static_cast<double>(max_connections());

// clang-format off
const RunField kFields[] = {
    // --- server ---
    {.key = "model", .flag = "model",
     .kind = FieldKind::Choice, .group = FieldGroup::Server,
     .help = "the server's concurrency model",
     .choices = "event-loop | gil-threads | process-per-core",
     .live = Live::No, .to_worker = ToWorker::Yes,
     .get_choice = [](const RunConfig& c) { return to_string(c.server.model); },
     .set_choice = [](RunConfig& c, std::string_view v) {
         return set_model(c.server.model, v, true);
     }},
    {.key = "inner", .flag = "inner",
     .kind = FieldKind::Choice, .group = FieldGroup::Server,
     .help = "process-per-core: the model inside each worker process",
     .choices = "event-loop | gil-threads",
     .live = Live::No, .to_worker = ToWorker::No,
     .get_choice = [](const RunConfig& c) { return to_string(c.server.inner); },
     .set_choice = [](RunConfig& c, std::string_view v) {
         return set_model(c.server.inner, v, false);
     }},
    {.key = "threads", .flag = "threads",
     .kind = FieldKind::Integer, .group = FieldGroup::Server, .min = 0, .max = Limits::kMaxThreads,
     .help = "gil-threads: pool size (gunicorn gthread --threads); 0 = one thread per connection "
             "(Werkzeug's threaded server)",
     .live = Live::Yes, .to_worker = ToWorker::Yes, NUMBER_MEMBER(server.threads)},
    {.key = "workers", .flag = "workers",
     .kind = FieldKind::Integer, .group = FieldGroup::Server, .min = 0, .max = Limits::kMaxWorkers,
     .help = "process-per-core: worker processes; 0 = one per core",
     .live = Live::Yes, .to_worker = ToWorker::No, NUMBER_MEMBER(server.workers)},
    {.key = "scheduling", .flag = "scheduling",
     .kind = FieldKind::Choice, .group = FieldGroup::Server,
     .help = "process-per-core: round-robin (the primary hands out connections, Node cluster's "
             "default), kernel (workers accept on one shared socket, like gunicorn) or reuseport "
             "(a socket per worker, SO_REUSEPORT, like nginx reuseport)",
     .choices = "round-robin | kernel | reuseport",
     .live = Live::No, .to_worker = ToWorker::No,
     .get_choice = [](const RunConfig& c) { return to_string(c.server.scheduling); },
     .set_choice = [](RunConfig& c, std::string_view v) {
         return set_parsed(c.server.scheduling, scheduling_from_string(v));
     }},
    {.key = "switch_interval_ms", .flag = "switch-interval-ms",
     .kind = FieldKind::Real, .group = FieldGroup::Server,
     .min = Limits::kMinSwitchIntervalMs, .max = Limits::kMaxSwitchIntervalMs, .unit = "ms",
     .help = "GIL switch interval (CPython's sys.getswitchinterval(), 5 ms)",
     .live = Live::No, .to_worker = ToWorker::Yes, NUMBER_MEMBER(server.switch_interval_ms)},
    {.key = "backlog", .flag = "backlog",
     .kind = FieldKind::Integer, .group = FieldGroup::Server, .min = 0, .max = Limits::kMaxBacklog,
     .help = "listen backlog; 0 = the model's real default (Node 511, Werkzeug 128, gunicorn 2048)",
     .live = Live::No, .to_worker = ToWorker::No, NUMBER_MEMBER(server.listen_backlog)},
    {.key = "keep_alive", .flag = "keep-alive",
     .kind = FieldKind::Choice, .group = FieldGroup::Server,
     .help = "on: keep connections open between requests (Node, gunicorn gthread); off: answer "
             "with Connection: close and close after every response (Werkzeug's dev server, "
             "gunicorn sync), so each request is a new connection and, with threads 0, a new "
             "thread",
     .choices = "on | off",
     .live = Live::No, .to_worker = ToWorker::Yes,
     .get_choice = [](const RunConfig& c) -> std::string_view {
         return c.server.keep_alive ? "on" : "off";
     },
     .set_choice = [](RunConfig& c, std::string_view v) {
         if (v != "on" && v != "off") return false;
         c.server.keep_alive = v == "on";
         return true;
     }},
    {.key = "worker_connections", .flag = "worker-connections",
     .kind = FieldKind::Integer, .group = FieldGroup::Server,
     .min = 0, .max = Limits::kMaxWorkerConnections,
     .help = "the most connections each server (each worker process) serves at once; it stops "
             "accepting while it holds that many (gevent's worker_connections 1000, nginx's 768 "
             "in Debian's nginx.conf); 0 = unlimited (Node, Werkzeug, gunicorn sync and gthread)",
     .live = Live::No, .to_worker = ToWorker::Yes, NUMBER_MEMBER(server.worker_connections)},
    {.key = "event_loop", .flag = "event-loop",
     .kind = FieldKind::Choice, .group = FieldGroup::Server,
     .help = "how an event loop serves (the event-loop model, or the one inside each worker): "
             "libuv (Node: each ready connection gets one request per turn of the loop, in the "
             "order of a level-triggered epoll) or gevent (a green thread per connection goes on "
             "serving its connection while the next request is already there, and yields only "
             "when a read would block)",
     .choices = "libuv | gevent",
     .live = Live::No, .to_worker = ToWorker::Yes,
     .get_choice = [](const RunConfig& c) { return to_string(c.server.event_loop); },
     .set_choice = [](RunConfig& c, std::string_view v) {
         return set_parsed(c.server.event_loop, event_loop_kind_from_string(v));
     }},
    {.key = "memory_per_connection_kb", .flag = "memory-per-connection-kb",
     .kind = FieldKind::Integer, .group = FieldGroup::Server,
     .min = 0, .max = Limits::kMaxMemoryPerConnectionKb, .unit = "KiB",
     .help = "memory each open connection holds in the model, touched so it is resident, to match "
             "a real server's footprint per connection; 0 = the model's own cost",
     .live = Live::No, .to_worker = ToWorker::Yes, NUMBER_MEMBER(server.memory_per_connection_kb)},
    {.key = "port", .flag = "port",
     .kind = FieldKind::Integer, .group = FieldGroup::Server, .min = 0, .max = 65535,
     .help = "port on 127.0.0.1; 0 = any free port",
     .live = Live::No, .to_worker = ToWorker::No, NUMBER_MEMBER(server.port)},
    // Timeouts: -1 = what the system the model stands in for does (core's default_timeouts()).
    {.key = "header_timeout_s", .flag = "header-timeout",
     .kind = FieldKind::Real, .group = FieldGroup::Server,
     .min = -1, .max = Limits::kMaxServerTimeoutS, .unit = "s",
     .help = "408 and close when a request's header block is not complete this long after it "
             "began; 0 = never, -1 = the model's default (event loop 60 = Node's headersTimeout; "
             "GIL threads 0: gunicorn and Werkzeug have none)",
     .live = Live::No, .to_worker = ToWorker::Yes, NUMBER_MEMBER(server.timeouts.header_s)},
    {.key = "server_request_timeout_s", .flag = "request-timeout",
     .kind = FieldKind::Real, .group = FieldGroup::Server,
     .min = -1, .max = Limits::kMaxServerTimeoutS, .unit = "s",
     .help = "408 and close when a whole request has not arrived this long after it began; 0 = "
             "never, -1 = the model's default (event loop 300 = Node's requestTimeout; GIL "
             "threads 0)",
     .live = Live::No, .to_worker = ToWorker::Yes, NUMBER_MEMBER(server.timeouts.request_s)},
    {.key = "keepalive_timeout_s", .flag = "keepalive-timeout",
     .kind = FieldKind::Real, .group = FieldGroup::Server,
     .min = -1, .max = Limits::kMaxServerTimeoutS, .unit = "s",
     .help = "close a keep-alive connection idle this long between requests; 0 = never, -1 = the "
             "model's default (event loop 5 = Node's keepAliveTimeout; GIL pool 2 = gunicorn's "
             "--keepalive; one thread per connection 0 = Werkzeug)",
     .live = Live::No, .to_worker = ToWorker::Yes, NUMBER_MEMBER(server.timeouts.keepalive_s)},
    {.key = "worker_timeout_s", .flag = "worker-timeout",
     .kind = FieldKind::Real, .group = FieldGroup::Server,
     .min = -1, .max = Limits::kMaxServerTimeoutS, .unit = "s",
     .help = "kill and replace a worker process whose serving loop has not been free this long "
             "(gunicorn's --timeout, its arbiter's liveness check: a sync worker, threads 1, "
             "stuck on a slow client stops reporting; a gthread worker's main loop does not); 0 = "
             "never, -1 = the model's default (GIL pool 30 = gunicorn; event loop 0 = Node; one "
             "thread per connection 0 = Werkzeug)",
     .live = Live::No, .to_worker = ToWorker::No, NUMBER_MEMBER(server.timeouts.worker_s)},
    // --- workload per request ---
    {.key = "overhead_us", .flag = "overhead-us",
     .kind = FieldKind::Real, .group = FieldGroup::Workload,
     .min = 0, .max = Limits::kMaxOverheadUs, .unit = "µs",
     .help = "framework cost per request, real CPU run like handler work (under the GIL)",
     .live = Live::Yes, .to_worker = ToWorker::Yes, NUMBER_MEMBER(server.workload.overhead_us)},
    {.key = "overhead_released_us", .flag = "overhead-released-us",
     .kind = FieldKind::Real, .group = FieldGroup::Workload,
     .min = 0, .max = Limits::kMaxOverheadUs, .unit = "µs",
     .help = "framework cost per request run without the GIL (system calls, thread start): real "
             "CPU in parallel with the GIL holder; on the event loop, more CPU on the loop",
     .live = Live::Yes, .to_worker = ToWorker::Yes,
     NUMBER_MEMBER(server.workload.overhead_released_us)},
    {.key = "resume_us", .flag = "resume-us",
     .kind = FieldKind::Real, .group = FieldGroup::Workload,
     .min = 0, .max = Limits::kMaxOverheadUs, .unit = "µs",
     .help = "framework cost each time a request resumes after its I/O wait (a woken thread's "
             "cold caches and the GIL taken back from other waiters; an event loop's timer "
             "callback), real CPU run like handler work; calibrate fits it from an I/O-bound run",
     .live = Live::Yes, .to_worker = ToWorker::Yes, NUMBER_MEMBER(server.workload.resume_us)},
    {.key = "connection_us", .flag = "connection-us",
     .kind = FieldKind::Real, .group = FieldGroup::Workload,
     .min = 0, .max = Limits::kMaxOverheadUs, .unit = "µs",
     .help = "framework cost of each new connection (Node's socket and parser objects, gevent's "
             "greenlet), real CPU where the server accepts (on the loop; under the GIL) before it "
             "accepts the next: workers sharing a socket then split a burst of new connections",
     .live = Live::Yes, .to_worker = ToWorker::Yes, NUMBER_MEMBER(server.workload.connection_us)},
    {.key = "cpu_ms", .flag = "cpu-ms",
     .kind = FieldKind::Real, .group = FieldGroup::Workload, .min = 0, .max = Limits::kMaxCpuMs,
     .unit = "ms",
     .help = "handler CPU work per request, in thread CPU time",
     .live = Live::Yes, .to_worker = ToWorker::Yes, NUMBER_MEMBER(server.workload.cpu_ms)},
    {.key = "io_ms", .flag = "io-ms",
     .kind = FieldKind::Real, .group = FieldGroup::Workload, .min = 0, .max = Limits::kMaxIoMs,
     .unit = "ms",
     .help = "I/O wait per request (a downstream call); uses no CPU and releases the GIL",
     .live = Live::Yes, .to_worker = ToWorker::Yes, NUMBER_MEMBER(server.workload.io_ms)},
    // --- load ---
    {.key = "connections", .flag = "connections", .short_flag = 'c',
     .kind = FieldKind::Integer, .group = FieldGroup::Load, .min = 1, .max = kMachineConnections,
     .help = "closed-loop keep-alive connections, like wrk -c",
     .live = Live::Yes, .to_worker = ToWorker::No, NUMBER_MEMBER(load.connections)},
    {.key = "rate", .flag = "rate",
     .kind = FieldKind::Real, .group = FieldGroup::Load, .min = 0, .max = Limits::kMaxRate,
     .unit = "req/s",
     .help = "open loop, like wrk2 -R: requests per second sent at their intended times whatever "
             "the server does, latency counted from those times; 0 = closed loop",
     .live = Live::Yes, .to_worker = ToWorker::No, NUMBER_MEMBER(load.rate)},
    {.key = "max_connections", .flag = "max-connections",
     .kind = FieldKind::Integer, .group = FieldGroup::Load, .min = 1, .max = kMachineConnections,
     .help = "open loop: the most connections the requests are spread over (opened as needed)",
     .live = Live::No, .to_worker = ToWorker::No, NUMBER_MEMBER(load.max_connections)},
    {.key = "load_threads", .flag = "load-threads", .short_flag = 't',
     .kind = FieldKind::Integer, .group = FieldGroup::Load,
     .min = 1, .max = Limits::kMaxLoadThreads,
     .help = "load generator threads, like wrk -t",
     .live = Live::No, .to_worker = ToWorker::No, NUMBER_MEMBER(load.threads)},
    {.key = "heavy_connections", .flag = "heavy-connections",
     .kind = FieldKind::Integer, .group = FieldGroup::Load,
     .min = 0, .max = Limits::kMaxHeavyConnections,
     .help = "extra connections sending CPU-heavy requests (the convoy effect); counted apart",
     .live = Live::No, .to_worker = ToWorker::No, NUMBER_MEMBER(load.heavy_connections)},
    {.key = "heavy_cpu_ms", .flag = "heavy-cpu-ms",
     .kind = FieldKind::Real, .group = FieldGroup::Load, .min = 0, .max = Limits::kMaxCpuMs,
     .unit = "ms",
     .help = "CPU per request of the heavy connections",
     .live = Live::No, .to_worker = ToWorker::No, NUMBER_MEMBER(load.heavy_cpu_ms)},
    {.key = "slow_clients", .flag = "slow-clients",
     .kind = FieldKind::Integer, .group = FieldGroup::Load,
     .min = 0, .max = Limits::kMaxSlowClients,
     .help = "extra connections that send a request one byte a second and never finish it "
             "(slowloris), reconnecting when the server closes them; counted apart",
     .live = Live::No, .to_worker = ToWorker::No, NUMBER_MEMBER(load.slow_clients)},
    {.key = "idle_connections", .flag = "idle-connections",
     .kind = FieldKind::Integer, .group = FieldGroup::Load, .min = 0, .max = kMachineConnections,
     .help = "extra connections that send one request, read the response and then hold the "
             "connection open without sending (to a server that closes after each response: "
             "connect and send nothing), to measure what a waiting connection costs; the server's "
             "keep-alive timeout is lifted for them unless set; counted apart",
     .live = Live::No, .to_worker = ToWorker::No, NUMBER_MEMBER(load.idle_connections)},
    {.key = "request_timeout_s", .flag = "timeout",
     .kind = FieldKind::Real, .group = FieldGroup::Load, .min = 0.01, .max = 3600, .unit = "s",
     .help = "a request without a complete response after this long counts as a timeout error",
     .live = Live::No, .to_worker = ToWorker::No, NUMBER_MEMBER(load.request_timeout_s)},
    // --- the run ---
    {.key = "duration_s", .flag = "duration", .short_flag = 'd',
     .kind = FieldKind::Real, .group = FieldGroup::Run, .min = 0, .max = Limits::kMaxDurationS,
     .unit = "s",
     .help = "how long the run lasts, warmup included (0 = until stopped, GUI only)",
     .live = Live::No, .to_worker = ToWorker::No, NUMBER_MEMBER(duration_s)},
    {.key = "warmup_s", .flag = "warmup",
     .kind = FieldKind::Real, .group = FieldGroup::Run, .min = 0, .max = Limits::kMaxDurationS,
     .unit = "s",
     .help = "time at the start left out of the summary",
     .live = Live::No, .to_worker = ToWorker::No, NUMBER_MEMBER(warmup_s)},
    {.key = "target_pid", .flag = "target-pid",
     .kind = FieldKind::Integer, .group = FieldGroup::Run, .min = 0, .max = 4194304,
     .help = "with --target: the real server's PID (or its parent's: gunicorn's arbiter, Node's "
             "cluster primary); its memory, threads, context switches and descriptors are "
             "measured summed over it and its descendants; 0 = not measured",
     .live = Live::No, .to_worker = ToWorker::No, NUMBER_MEMBER(target_pid)},
    {.key = "tick_s", .flag = "tick",
     .kind = FieldKind::Real, .group = FieldGroup::Run, .min = Limits::kMinTickS, .max = 60,
     .unit = "s",
     .help = "time-series resolution",
     .live = Live::No, .to_worker = ToWorker::No, NUMBER_MEMBER(tick_s)},
};
// clang-format on

#undef NUMBER_MEMBER

}  // namespace

std::span<const RunField> run_fields() {
    return kFields;
}

}  // namespace conclab
