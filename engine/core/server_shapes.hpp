#pragma once
// The real servers the models stand in for, as one table: each shape names a server a user runs
// (Node/Express, gunicorn gthread, …) and sets the model fields that make a model behave like it
// (model, inner model, threads where the server fixes them, scheduling, keep-alive, connections
// per worker). calibrate, validate, the GUI's Calibrate dialog and the scenario files ("shape")
// all read this table, so "gunicorn sync" means the same model everywhere.
//
// A shape sets structure, not size: workers and (for gthread) threads stay what the run says,
// because they are the user's deployment choice (gunicorn -w 5 --threads 4), not the server's
// nature.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/run_config.hpp"

namespace conclab {

struct ServerShape {
    std::string_view key;          // "gunicorn-gthread": CLI --shape, scenario "shape"
    std::string_view name;         // "gunicorn gthread": what a picker shows
    std::string_view description;  // one sentence: how it serves, in words
    std::string_view behaviour;    // what the model's fields say, for reports
    Model model = Model::EventLoop;
    Model inner = Model::EventLoop;        // process-per-core only
    std::optional<int> threads;            // fixed by the server (Werkzeug 0, sync 1), else kept
    std::optional<Scheduling> scheduling;  // process-per-core only
    bool keep_alive = true;
    int worker_connections = 0;                       // 0 = unlimited
    EventLoopKind event_loop = EventLoopKind::Libuv;  // where the model or its inner is a loop
};

std::span<const ServerShape> server_shapes();
const ServerShape* find_server_shape(std::string_view key);
// "express | node-cluster | …", for help texts and error messages.
std::string server_shape_keys();
// Sets the shape's fields on `server`; workers (and threads where the shape leaves them) stay.
void apply_server_shape(const ServerShape& shape, ServerConfig& server);
// The shape whose fields `server` has (threads compared only where the shape fixes them), or
// null: what a report names when the user gave model flags instead of --shape.
const ServerShape* shape_of(const ServerConfig& server);

}  // namespace conclab
