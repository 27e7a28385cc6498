#pragma once
// One request on a new connection, timed: how long a server takes to answer it.
//
// MeasurementRunner asks one before each run of a real server, so that a run measures the
// server rather than what the run before left it to do. Real gunicorn sync (5 workers), after a
// run of 1,000 connections × 50 ms of I/O, still had about 1,000 connections in its accept
// queue, their clients gone; it accepted, read and answered each (the kernel had their
// requests), about 10 s of its workers' time. The next run's 10 clients queued behind them, and
// validate measured "no response in 4.5 s" three times over. The kernel's accept queue is
// first in, first out, so one new request answered means what was queued before it has been
// accepted (a worker may still be finishing the last few). The request is the run's own, as the
// user shaped it: a POST is sent once more than the run sends it.

#include <stop_token>

#include "core/result.hpp"
#include "load/load_generator.hpp"

namespace conclab {

// Seconds until the whole response to one request (as the load generator sends it, any status)
// arrived; or why none did: connect refused, the server closed, no answer within `limit_s`,
// interrupted through `stop`.
Result<double> time_one_request(const LoadTarget& target, double limit_s,
                                std::stop_token stop = {});

}  // namespace conclab
