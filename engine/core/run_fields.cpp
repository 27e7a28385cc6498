#include "core/run_fields.hpp"

#include "core/machine_limits.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace conclab {

namespace {

// A row's getter and setter for a numeric member of RunConfig, e.g. NUMBER_MEMBER(load.threads).
// A macro because the member path is the only thing that differs between rows; two captureless
// lambdas keep the table a constant array of plain function pointers.
#define NUMBER_MEMBER(path)                                                                 \
    [](const RunConfig& c) -> double { return static_cast<double>(c.path); },               \
        [](RunConfig& c, double v) { c.path = static_cast<decltype(c.path)>(v); }, nullptr, \
        nullptr
#define NO_NUMBER nullptr, nullptr

bool set_model(Model& slot, std::string_view name, bool allow_process_per_core) {
    auto model = model_from_string(name);
    if (!model || (!allow_process_per_core && *model == Model::ProcessPerCore)) return false;
    slot = *model;
    return true;
}

constexpr double kInfinity = HUGE_VAL;

// Connection counts go up to this machine's limit, read once when the program starts (a dynamic
// initialisation: the table below is built after it, in this file's order).
const double kMachineConnections = static_cast<double>(max_connections());

// The fields whose maximum is the machine's, whose refusal says why and how to raise it.
bool machine_limited(const RunField& field) {
    return field.max == kMachineConnections &&
           (field.key == "connections" || field.key == "max_connections" ||
            field.key == "idle_connections");
}

// clang-format off
const RunField kFields[] = {
    // --- server ---
    {"model", "model", 0, FieldKind::Choice, FieldGroup::Server, 0, 0, "",
     "the server's concurrency model", "event-loop | gil-threads | process-per-core",
     false, true, NO_NUMBER,
     [](const RunConfig& c) { return to_string(c.server.model); },
     [](RunConfig& c, std::string_view v) { return set_model(c.server.model, v, true); }},
    {"inner", "inner", 0, FieldKind::Choice, FieldGroup::Server, 0, 0, "",
     "process-per-core: the model inside each worker process", "event-loop | gil-threads",
     false, false, NO_NUMBER,
     [](const RunConfig& c) { return to_string(c.server.inner); },
     [](RunConfig& c, std::string_view v) { return set_model(c.server.inner, v, false); }},
    {"threads", "threads", 0, FieldKind::Integer, FieldGroup::Server, 0, Limits::kMaxThreads, "",
     "gil-threads: pool size (gunicorn gthread --threads); 0 = one thread per connection "
     "(Werkzeug's threaded server)", "", true, true, NUMBER_MEMBER(server.threads)},
    {"workers", "workers", 0, FieldKind::Integer, FieldGroup::Server, 0, Limits::kMaxWorkers, "",
     "process-per-core: worker processes; 0 = one per core", "", true, false,
     NUMBER_MEMBER(server.workers)},
    {"scheduling", "scheduling", 0, FieldKind::Choice, FieldGroup::Server, 0, 0, "",
     "process-per-core: round-robin (the primary hands out connections, Node cluster's default), "
     "kernel (workers accept on one shared socket, like gunicorn) or reuseport (a socket per "
     "worker, SO_REUSEPORT, like nginx reuseport)",
     "round-robin | kernel | reuseport",
     false, false, NO_NUMBER,
     [](const RunConfig& c) { return to_string(c.server.scheduling); },
     [](RunConfig& c, std::string_view v) {
         auto s = scheduling_from_string(v);
         if (s) c.server.scheduling = *s;
         return s.has_value();
     }},
    {"switch_interval_ms", "switch-interval-ms", 0, FieldKind::Real, FieldGroup::Server,
     Limits::kMinSwitchIntervalMs, Limits::kMaxSwitchIntervalMs, "ms",
     "GIL switch interval (CPython's sys.getswitchinterval(), 5 ms)", "", false, true,
     NUMBER_MEMBER(server.switch_interval_ms)},
    {"backlog", "backlog", 0, FieldKind::Integer, FieldGroup::Server, 0, Limits::kMaxBacklog, "",
     "listen backlog; 0 = the model's real default (Node 511, Werkzeug 128, gunicorn 2048)", "",
     false, false, NUMBER_MEMBER(server.listen_backlog)},
    {"keep_alive", "keep-alive", 0, FieldKind::Choice, FieldGroup::Server, 0, 0, "",
     "on: keep connections open between requests (Node, gunicorn gthread); off: answer with "
     "Connection: close and close after every response (Werkzeug's dev server, gunicorn sync), "
     "so each request is a new connection and, with threads 0, a new thread", "on | off",
     false, true, NO_NUMBER,
     [](const RunConfig& c) -> std::string_view { return c.server.keep_alive ? "on" : "off"; },
     [](RunConfig& c, std::string_view v) {
         if (v != "on" && v != "off") return false;
         c.server.keep_alive = v == "on";
         return true;
     }},
    {"worker_connections", "worker-connections", 0, FieldKind::Integer, FieldGroup::Server, 0,
     Limits::kMaxWorkerConnections, "",
     "the most connections each server (each worker process) serves at once; it stops accepting "
     "while it holds that many (gevent's worker_connections 1000, nginx's 768 in Debian's "
     "nginx.conf); 0 = unlimited (Node, Werkzeug, gunicorn sync and gthread)", "", false, true,
     NUMBER_MEMBER(server.worker_connections)},
    {"memory_per_connection_kb", "memory-per-connection-kb", 0, FieldKind::Integer,
     FieldGroup::Server, 0, Limits::kMaxMemoryPerConnectionKb, "KiB",
     "memory each open connection holds in the model, touched so it is resident, to match a "
     "real server's footprint per connection; 0 = the model's own cost", "", false, true,
     NUMBER_MEMBER(server.memory_per_connection_kb)},
    {"port", "port", 0, FieldKind::Integer, FieldGroup::Server, 0, 65535, "",
     "port on 127.0.0.1; 0 = any free port", "", false, false, NUMBER_MEMBER(server.port)},
    // Timeouts: -1 = what the system the model stands in for does (core's default_timeouts()).
    {"header_timeout_s", "header-timeout", 0, FieldKind::Real, FieldGroup::Server, -1,
     Limits::kMaxServerTimeoutS, "s",
     "408 and close when a request's header block is not complete this long after it began; "
     "0 = never, -1 = the model's default (event loop 60 = Node's headersTimeout; GIL threads "
     "0: gunicorn and Werkzeug have none)", "", false, true,
     NUMBER_MEMBER(server.timeouts.header_s)},
    {"server_request_timeout_s", "request-timeout", 0, FieldKind::Real, FieldGroup::Server, -1,
     Limits::kMaxServerTimeoutS, "s",
     "408 and close when a whole request has not arrived this long after it began; 0 = never, "
     "-1 = the model's default (event loop 300 = Node's requestTimeout; GIL threads 0)", "",
     false, true, NUMBER_MEMBER(server.timeouts.request_s)},
    {"keepalive_timeout_s", "keepalive-timeout", 0, FieldKind::Real, FieldGroup::Server, -1,
     Limits::kMaxServerTimeoutS, "s",
     "close a keep-alive connection idle this long between requests; 0 = never, -1 = the "
     "model's default (event loop 5 = Node's keepAliveTimeout; GIL pool 2 = gunicorn's "
     "--keepalive; one thread per connection 0 = Werkzeug)", "", false, true,
     NUMBER_MEMBER(server.timeouts.keepalive_s)},
    {"worker_timeout_s", "worker-timeout", 0, FieldKind::Real, FieldGroup::Server, -1,
     Limits::kMaxServerTimeoutS, "s",
     "kill and replace a worker process whose serving loop has not been free this long "
     "(gunicorn's --timeout, its arbiter's liveness check: a sync worker, threads 1, stuck on a "
     "slow client stops reporting; a gthread worker's main loop does not); 0 = never, -1 = the "
     "model's default (GIL pool 30 = gunicorn; event loop 0 = Node; one thread per "
     "connection 0 = Werkzeug)", "", false, false, NUMBER_MEMBER(server.timeouts.worker_s)},
    // --- workload per request ---
    {"overhead_us", "overhead-us", 0, FieldKind::Real, FieldGroup::Workload, 0,
     Limits::kMaxOverheadUs, "µs",
     "framework cost per request, real CPU run like handler work (under the GIL)",
     "", true, true, NUMBER_MEMBER(server.workload.overhead_us)},
    {"overhead_released_us", "overhead-released-us", 0, FieldKind::Real, FieldGroup::Workload, 0,
     Limits::kMaxOverheadUs, "µs",
     "framework cost per request run without the GIL (system calls, thread start): real CPU in "
     "parallel with the GIL holder; on the event loop, more CPU on the loop", "", true, true,
     NUMBER_MEMBER(server.workload.overhead_released_us)},
    {"cpu_ms", "cpu-ms", 0, FieldKind::Real, FieldGroup::Workload, 0, Limits::kMaxCpuMs, "ms",
     "handler CPU work per request, in thread CPU time", "", true, true,
     NUMBER_MEMBER(server.workload.cpu_ms)},
    {"io_ms", "io-ms", 0, FieldKind::Real, FieldGroup::Workload, 0, Limits::kMaxIoMs, "ms",
     "I/O wait per request (a downstream call); uses no CPU and releases the GIL", "", true, true,
     NUMBER_MEMBER(server.workload.io_ms)},
    // --- load ---
    {"connections", "connections", 'c', FieldKind::Integer, FieldGroup::Load, 1,
     kMachineConnections, "", "closed-loop keep-alive connections, like wrk -c", "", true,
     false, NUMBER_MEMBER(load.connections)},
    {"rate", "rate", 0, FieldKind::Real, FieldGroup::Load, 0, Limits::kMaxRate, "req/s",
     "open loop, like wrk2 -R: requests per second sent at their intended times whatever the "
     "server does, latency counted from those times; 0 = closed loop", "", true, false,
     NUMBER_MEMBER(load.rate)},
    {"max_connections", "max-connections", 0, FieldKind::Integer, FieldGroup::Load, 1,
     kMachineConnections, "",
     "open loop: the most connections the requests are spread over (opened as needed)", "",
     false, false, NUMBER_MEMBER(load.max_connections)},
    {"load_threads", "load-threads", 't', FieldKind::Integer, FieldGroup::Load, 1,
     Limits::kMaxLoadThreads, "", "load generator threads, like wrk -t", "", false, false,
     NUMBER_MEMBER(load.threads)},
    {"heavy_connections", "heavy-connections", 0, FieldKind::Integer, FieldGroup::Load, 0,
     Limits::kMaxHeavyConnections, "",
     "extra connections sending CPU-heavy requests (the convoy effect); counted apart", "", false,
     false, NUMBER_MEMBER(load.heavy_connections)},
    {"heavy_cpu_ms", "heavy-cpu-ms", 0, FieldKind::Real, FieldGroup::Load, 0, Limits::kMaxCpuMs,
     "ms", "CPU per request of the heavy connections", "", false, false,
     NUMBER_MEMBER(load.heavy_cpu_ms)},
    {"slow_clients", "slow-clients", 0, FieldKind::Integer, FieldGroup::Load, 0,
     Limits::kMaxSlowClients, "",
     "extra connections that send a request one byte a second and never finish it (slowloris), "
     "reconnecting when the server closes them; counted apart", "", false, false,
     NUMBER_MEMBER(load.slow_clients)},
    {"idle_connections", "idle-connections", 0, FieldKind::Integer, FieldGroup::Load, 0,
     kMachineConnections, "",
     "extra connections that send one request, read the response and then hold the connection "
     "open without sending (to a server that closes after each response: connect and send "
     "nothing), to measure what a waiting connection costs; the server's keep-alive timeout is "
     "lifted for them unless set; counted apart", "", false, false,
     NUMBER_MEMBER(load.idle_connections)},
    {"request_timeout_s", "timeout", 0, FieldKind::Real, FieldGroup::Load, 0.01, 3600, "s",
     "a request without a complete response after this long counts as a timeout error", "",
     false, false, NUMBER_MEMBER(load.request_timeout_s)},
    // --- the run ---
    {"duration_s", "duration", 'd', FieldKind::Real, FieldGroup::Run, 0, Limits::kMaxDurationS,
     "s", "how long the run lasts, warmup included (0 = until stopped, GUI only)", "", false,
     false, NUMBER_MEMBER(duration_s)},
    {"warmup_s", "warmup", 0, FieldKind::Real, FieldGroup::Run, 0, Limits::kMaxDurationS, "s",
     "time at the start left out of the summary", "", false, false, NUMBER_MEMBER(warmup_s)},
    {"target_pid", "target-pid", 0, FieldKind::Integer, FieldGroup::Run, 0, 4194304, "",
     "with --target: the real server's PID (or its parent's: gunicorn's arbiter, Node's cluster "
     "primary); its memory, threads, context switches and descriptors are measured summed over "
     "it and its descendants; 0 = not measured", "", false, false, NUMBER_MEMBER(target_pid)},
    {"tick_s", "tick", 0, FieldKind::Real, FieldGroup::Run, Limits::kMinTickS, 60, "s",
     "time-series resolution", "", false, false, NUMBER_MEMBER(tick_s)},
};
// clang-format on

#undef NUMBER_MEMBER
#undef NO_NUMBER

std::string number_text(double value) {
    std::array<char, 64> buffer{};
    auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return ec == std::errc{} ? std::string(buffer.data(), end) : std::string("?");
}

std::string range_text(const RunField& f) {
    return number_text(f.min) + ".." + number_text(f.max);
}

}  // namespace

std::span<const RunField> run_fields() {
    return kFields;
}

const RunField* find_run_field(std::string_view key) {
    for (const RunField& f : kFields) {
        if (f.key == key) return &f;
    }
    return nullptr;
}

std::string field_text(const RunField& field, const RunConfig& config) {
    if (field.kind == FieldKind::Choice) return std::string(field.get_choice(config));
    return number_text(field.get_number(config));
}

std::string check_field_value(const RunField& field, double value) {
    if (!std::isfinite(value)) return std::string(field.key) + " must be a finite number";
    if (value < field.min || value > field.max) {
        std::string problem = std::string(field.key) + " must be " + range_text(field) + ", got " +
                              number_text(value);
        if (value > field.max && machine_limited(field)) {
            problem += ": " + connection_limit_explanation(read_machine_limits());
        }
        return problem;
    }
    return {};
}

std::string set_field_number(const RunField& field, RunConfig& config, double value,
                             std::string_view shown) {
    const std::string as_written = shown.empty() ? number_text(value) : std::string(shown);
    if (field.kind == FieldKind::Choice) {
        return std::string(field.key) + " must be one of " + std::string(field.choices) + ", got " +
               as_written;
    }
    if (field.kind == FieldKind::Integer && std::isfinite(value) && value != std::floor(value)) {
        return std::string(field.key) + " must be a whole number, got " + as_written;
    }
    if (std::string problem = check_field_value(field, value); !problem.empty()) {
        // Say the value as the user wrote it: 18446744073709551615, not -1 or 1.8e+19.
        if (!shown.empty()) {
            const std::string said = number_text(value);
            problem = std::string(field.key) + " must be " + range_text(field) + ", got " +
                      as_written + problem.substr(problem.find(said) + said.size());
        }
        return problem;
    }
    field.set_number(config, value);
    return {};
}

std::string set_field_from_text(const RunField& field, RunConfig& config, std::string_view text) {
    if (field.kind == FieldKind::Choice) {
        if (field.set_choice(config, text)) return {};
        return std::string(field.key) + " must be one of " + std::string(field.choices) +
               ", got '" + std::string(text) + "'";
    }
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || end != text.data() + text.size() ||
        (ec != std::errc{} && ec != std::errc::result_out_of_range)) {
        return std::string(field.key) + " must be a " +
               (field.kind == FieldKind::Integer ? "whole number" : "number") + ", got '" +
               std::string(text) + "'";
    }
    if (ec == std::errc::result_out_of_range) value = text.front() == '-' ? -kInfinity : kInfinity;
    return set_field_number(field, config, value, text);
}

std::string field_default_text(const RunField& field) {
    return field_text(field, RunConfig{});
}

std::string field_help(const RunField& field) {
    std::string help(field.help);
    if (field.kind == FieldKind::Choice) return help + ": " + std::string(field.choices);
    help += " (";
    help += range_text(field);
    if (!field.unit.empty()) help += " " + std::string(field.unit);
    help += ")";
    return help;
}

}  // namespace conclab

namespace conclab {

RunVariant::RunVariant(Model model) : fields{{"model", std::string(to_string(model))}} {}

std::optional<Model> RunVariant::model_only() const {
    if (fields.size() != 1 || fields.front().first != "model") return std::nullopt;
    return model_from_string(fields.front().second);
}

bool RunVariant::sets(std::string_view key) const {
    for (const auto& [k, v] : fields) {
        if (k == key) return true;
    }
    return false;
}

std::string apply_variant(const RunVariant& variant, RunConfig& config) {
    for (const auto& [key, text] : variant.fields) {
        const RunField* field = find_run_field(key);
        if (!field) return key + " is not a run field";
        if (std::string problem = set_field_from_text(*field, config, text); !problem.empty()) {
            return problem;
        }
    }
    return {};
}

}  // namespace conclab
