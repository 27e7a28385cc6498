#include "experiment/calibration_setup.hpp"

#include <algorithm>

#include "core/run_fields.hpp"
#include "core/server_shapes.hpp"
#include "experiment/calibration_runs.hpp"

namespace conclab::calibration_runs {

RunConfig calibration_base(const RunConfig& model) {
    RunConfig base = model;
    base.external.reset();
    base.stages.clear();
    base.load.heavy_connections = 0;
    base.load.slow_clients = 0;
    base.load.rate = 0;
    if (base.warmup_s <= 0 && base.duration_s > 0) {
        base.warmup_s = std::min(1.0, base.duration_s / 4);
    }
    // Zero work; a cost per new connection given by the user is kept (a worker that takes a
    // burst of new connections alone would halve the model's rate), else the last stage fits it.
    Workload zero;
    zero.connection_us = model.server.workload.connection_us;
    base.server.workload = zero;
    return base;
}

RunConfig with_overhead(RunConfig c, double held_us, double released_us) {
    c.server.workload.overhead_us = std::min(held_us, Limits::kMaxOverheadUs);
    if (const RunField* released = released_overhead_field()) {
        released->set_number(c, std::min(released_us, released->max));
    }
    return c;
}

std::string shape_words(const ServerConfig& server) {
    if (const ServerShape* shape = shape_of(server)) return std::string(shape->name);
    return std::string(to_string(server.model));
}

void check_keep_alive(CalibrationResult& result, const RunConfig& model) {
    const Summary& s = result.real.summary;
    if (s.requests == 0) return;
    const double closed = static_cast<double>(s.server_closes) / static_cast<double>(s.requests);
    const bool model_keeps = model.server.keep_alive;
    if (model_keeps && closed > 0.5) {
        result.warnings.push_back(
            "the real server closed the connection after " + percent_text(std::min(closed, 1.0)) +
            " of its responses (the client reconnected " + std::to_string(s.server_closes) +
            " times for " + std::to_string(s.requests) +
            " responses), while the model keeps connections alive: choose a shape that closes "
            "(Flask dev server, gunicorn sync) or --keep-alive off");
    } else if (!model_keeps && closed < 0.1) {
        result.warnings.push_back(
            "the real server kept its connections alive (the client reconnected " +
            std::to_string(s.server_closes) + " times for " + std::to_string(s.requests) +
            " responses), while the model closes after every response: choose a shape that "
            "keeps connections alive or --keep-alive on");
    }
}

}  // namespace conclab::calibration_runs
