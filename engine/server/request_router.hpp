#pragma once
// What a server does with a parsed request: which status, which workload, which body. Shared by
// every model so that they differ only in scheduling.
//
//   GET /                 the configured workload
//   GET /?cpu_ms=5&io_ms=0&overhead_us=100&overhead_released_us=50&resume_us=80
//                         per-request override of any workload field (how a test or a second
//                         client mixes one CPU-heavy request into I/O-bound traffic)
//   GET /health           no work at all
//   other paths           404; other methods 405

#include <string>
#include <string_view>

#include "core/run_config.hpp"

namespace conclab {

struct RoutedRequest {
    int status = 200;
    Workload workload;  // zero for anything but GET /
    std::string body;   // without the worker's identity line, which the server adds
};

RoutedRequest route_request(std::string_view method, std::string_view target,
                            const Workload& configured);

}  // namespace conclab
