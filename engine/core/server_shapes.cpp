#include "core/server_shapes.hpp"

#include <array>

namespace conclab {

namespace {

// The defaults of each real server (its docs, or its source where the docs are silent):
// Node's http.Server keeps connections alive 5 s and serves any number; the cluster module's
// primary hands connections out round-robin on Linux; Werkzeug's threaded dev server starts a
// thread per connection and closes after every response (HTTP/1.0-style); gunicorn's sync worker
// accepts, handles and closes one connection at a time; gthread keeps connections alive 2 s and
// holds up to worker_connections (1,000) per worker; gevent runs one event loop of green threads
// per worker, up to 1,000 connections each, and a green thread serves its connection's next
// request at once when it is already there (gevent's StreamServer handler loops on its socket).
// gunicorn's workers share one listening socket.
const std::array<ServerShape, 6> kShapes{{
    {"express", "Node / Express",
     "one Node process: one event loop serves every connection and keeps it alive",
     "event loop, keep-alive", Model::EventLoop, Model::EventLoop, std::nullopt, std::nullopt, true,
     0},
    {"node-cluster", "Node cluster",
     "Node's cluster module: worker processes (one per core unless told), the primary hands "
     "connections out round-robin, an event loop in each",
     "process per core, round-robin, event loop inside, keep-alive", Model::ProcessPerCore,
     Model::EventLoop, std::nullopt, Scheduling::RoundRobin, true, 0},
    {"flask-dev", "Flask dev server (Werkzeug)",
     "Werkzeug's threaded server: a thread per connection under one GIL, and the connection "
     "closes after each response",
     "GIL threads, a thread per connection, closes after each response", Model::GilThreads,
     Model::EventLoop, 0, std::nullopt, false, 0},
    {"gunicorn-sync", "gunicorn sync",
     "gunicorn's sync workers: processes with one thread each, accepting one connection at a "
     "time and closing it after the response",
     "process per core (kernel), 1 GIL thread each, 1 connection at a time, closes",
     Model::ProcessPerCore, Model::GilThreads, 1, Scheduling::Kernel, false, 1},
    {"gunicorn-gthread", "gunicorn gthread",
     "gunicorn's gthread workers: processes with a pool of threads under one GIL each, "
     "connections kept alive 2 s, up to 1,000 per worker",
     "process per core (kernel), GIL thread pool each, keep-alive, 1,000 connections per worker",
     Model::ProcessPerCore, Model::GilThreads, std::nullopt, Scheduling::Kernel, true, 1000},
    {"gunicorn-gevent", "gunicorn gevent",
     "gunicorn -k gevent: processes, each one event loop of green threads, up to 1,000 "
     "connections per worker",
     "process per core (kernel), event loop inside, keep-alive, 1,000 connections per worker",
     Model::ProcessPerCore, Model::EventLoop, std::nullopt, Scheduling::Kernel, true, 1000,
     EventLoopKind::Gevent},
}};

}  // namespace

std::span<const ServerShape> server_shapes() {
    return kShapes;
}

const ServerShape* find_server_shape(std::string_view key) {
    for (const ServerShape& s : kShapes) {
        if (s.key == key) return &s;
    }
    return nullptr;
}

std::string server_shape_keys() {
    std::string out;
    for (const ServerShape& s : kShapes) {
        if (!out.empty()) out += " | ";
        out += s.key;
    }
    return out;
}

void apply_server_shape(const ServerShape& shape, ServerConfig& server) {
    server.model = shape.model;
    server.inner = shape.inner;
    if (shape.threads) server.threads = *shape.threads;
    if (shape.scheduling) server.scheduling = *shape.scheduling;
    server.keep_alive = shape.keep_alive;
    server.worker_connections = shape.worker_connections;
    server.event_loop = shape.event_loop;
}

const ServerShape* shape_of(const ServerConfig& server) {
    for (const ServerShape& s : kShapes) {
        ServerConfig shaped = server;
        apply_server_shape(s, shaped);
        const bool inner_matters = s.model == Model::ProcessPerCore;
        const bool threads_matter = (inner_matters ? s.inner : s.model) == Model::GilThreads;
        const bool loop_matters = (inner_matters ? s.inner : s.model) == Model::EventLoop;
        if (shaped.model == server.model && (!inner_matters || shaped.inner == server.inner) &&
            (!threads_matter || shaped.threads == server.threads) &&
            (!inner_matters || shaped.scheduling == server.scheduling) &&
            shaped.keep_alive == server.keep_alive &&
            shaped.worker_connections == server.worker_connections &&
            (!loop_matters || shaped.event_loop == server.event_loop)) {
            return &s;
        }
    }
    return nullptr;
}

}  // namespace conclab
