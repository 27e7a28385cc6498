#include "server/request_router.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace conclab {

namespace {

// Parses "key=value&key=value" and overrides known workload fields; unknown keys are ignored,
// malformed or out-of-range numbers make the request a 400.
bool apply_query(std::string_view query, Workload& workload) {
    while (!query.empty()) {
        const auto amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        const auto eq = pair.find('=');
        if (eq == std::string_view::npos) continue;
        std::string_view key = pair.substr(0, eq);
        std::string_view text = pair.substr(eq + 1);
        double value = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value) ||
            value < 0) {
            return false;
        }
        if (key == "cpu_ms") {
            if (value > Limits::kMaxCpuMs) return false;
            workload.cpu_ms = value;
        } else if (key == "io_ms") {
            if (value > Limits::kMaxIoMs) return false;
            workload.io_ms = value;
        } else if (key == "overhead_us") {
            if (value > Limits::kMaxOverheadUs) return false;
            workload.overhead_us = value;
        } else if (key == "overhead_released_us") {
            if (value > Limits::kMaxOverheadUs) return false;
            workload.overhead_released_us = value;
        } else if (key == "resume_us") {
            if (value > Limits::kMaxOverheadUs) return false;
            workload.resume_us = value;
        }
    }
    return true;
}

}  // namespace

RoutedRequest route_request(std::string_view method, std::string_view target,
                            const Workload& configured) {
    RoutedRequest out;
    if (method != "GET") {
        out.status = 405;
        out.body = "only GET is served\n";
        return out;
    }
    const auto question = target.find('?');
    std::string_view path = target.substr(0, question);
    if (path == "/health") {
        out.body = "ok\n";
        return out;
    }
    if (path != "/") {
        out.status = 404;
        out.body = "not found\n";
        return out;
    }
    out.workload = configured;
    if (question != std::string_view::npos &&
        !apply_query(target.substr(question + 1), out.workload)) {
        out.status = 400;
        out.workload = {};
        out.body = "bad workload parameter\n";
        return out;
    }
    out.body = "hello\n";
    return out;
}

}  // namespace conclab
