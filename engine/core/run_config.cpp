#include "core/run_config.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <thread>

#include <boost/asio/ip/address.hpp>

namespace conclab {

std::string_view to_string(Model model) {
    switch (model) {
        case Model::EventLoop:
            return "event-loop";
        case Model::GilThreads:
            return "gil-threads";
        case Model::ProcessPerCore:
            return "process-per-core";
    }
    return "?";
}

std::optional<Model> model_from_string(std::string_view name) {
    for (Model m : {Model::EventLoop, Model::GilThreads, Model::ProcessPerCore}) {
        if (name == to_string(m)) return m;
    }
    return std::nullopt;
}

std::string_view to_string(Scheduling scheduling) {
    return scheduling == Scheduling::RoundRobin ? "round-robin" : "kernel";
}

std::optional<Scheduling> scheduling_from_string(std::string_view name) {
    if (name == "round-robin" || name == "rr") return Scheduling::RoundRobin;
    if (name == "kernel" || name == "none") return Scheduling::Kernel;
    return std::nullopt;
}

int default_backlog(Model model) {
    switch (model) {
        case Model::EventLoop:
            return 511;  // Node's http.Server listen backlog
        case Model::GilThreads:
            return 128;  // Werkzeug's LISTEN_QUEUE
        case Model::ProcessPerCore:
            return 2048;  // gunicorn's --backlog
    }
    return 128;
}

int default_workers() {
    return std::max(1u, std::thread::hardware_concurrency());
}

ServerConfig resolved(ServerConfig config) {
    if (config.listen_backlog <= 0) config.listen_backlog = default_backlog(config.model);
    if (config.model != Model::ProcessPerCore) {
        config.workers = 1;
    } else if (config.workers <= 0) {
        config.workers = default_workers();
    }
    return config;
}

namespace {

template <typename T>
std::string format_number(T value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

template <typename T>
void check_range(std::vector<std::string>& errors, const char* name, T value, T lo, T hi) {
    if constexpr (std::is_floating_point_v<T>) {
        if (!std::isfinite(value)) {
            errors.push_back(std::string(name) + " must be a finite number");
            return;
        }
    }
    if (value < lo || value > hi) {
        errors.push_back(std::string(name) + " must be " + format_number(lo) + ".." +
                         format_number(hi) + ", got " + format_number(value));
    }
}

bool is_loopback_host(std::string_view host) {
    if (host == "localhost") return true;
    boost::system::error_code ec;
    auto address = boost::asio::ip::make_address(std::string(host), ec);
    return !ec && address.is_loopback();
}

}  // namespace

TargetParse parse_target_url(std::string_view url, bool allow_remote) {
    TargetParse result;
    constexpr std::string_view scheme = "http://";
    if (url.substr(0, scheme.size()) != scheme) {
        result.error = "target must start with http:// (https is not supported), got \"" +
                       std::string(url) + "\"";
        return result;
    }
    std::string_view rest = url.substr(scheme.size());
    ExternalTarget target;
    target.url = std::string(url);
    const auto slash = rest.find('/');
    std::string_view authority = rest.substr(0, slash);
    target.path = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
    std::string_view host = authority;
    if (!authority.empty() && authority.front() == '[') {  // [::1]:8080
        const auto close = authority.find(']');
        if (close == std::string_view::npos) {
            result.error = "target has an unclosed [ in its host";
            return result;
        }
        host = authority.substr(1, close - 1);
        authority = authority.substr(close + 1);
        if (!authority.empty() && authority.front() != ':') {
            result.error = "target has text after the ] of its host";
            return result;
        }
    } else {
        const auto colon = authority.rfind(':');
        host = authority.substr(0, colon);
        authority = colon == std::string_view::npos ? std::string_view{} : authority.substr(colon);
    }
    if (!authority.empty()) {  // ":PORT"
        std::string_view port_text = authority.substr(1);
        unsigned port = 0;
        auto [end, ec] =
            std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
        if (ec != std::errc{} || end != port_text.data() + port_text.size() || port == 0 ||
            port > 65535) {
            result.error = "target port must be 1..65535, got \"" + std::string(port_text) + "\"";
            return result;
        }
        target.port = static_cast<std::uint16_t>(port);
    }
    if (host.empty()) {
        result.error = "target has no host";
        return result;
    }
    target.host = std::string(host);
    if (!allow_remote && !is_loopback_host(target.host)) {
        result.error = "target host \"" + target.host +
                       "\" is not loopback; load tests go to 127.0.0.1 unless --allow-remote is "
                       "given";
        return result;
    }
    result.target = std::move(target);
    return result;
}

std::vector<std::string> validate(const RunConfig& config) {
    std::vector<std::string> errors;
    const ServerConfig& s = config.server;
    check_range(errors, "connections", config.load.connections, 1, Limits::kMaxConnections);
    check_range(errors, "load threads", config.load.threads, 1, Limits::kMaxLoadThreads);
    check_range(errors, "request timeout (s)", config.load.request_timeout_s, 0.01, 3600.0);
    check_range(errors, "heavy connections", config.load.heavy_connections, 0,
                Limits::kMaxHeavyConnections);
    check_range(errors, "heavy cpu_ms", config.load.heavy_cpu_ms, 0.0, Limits::kMaxCpuMs);
    if (config.external && config.load.heavy_connections > 0) {
        errors.push_back("heavy connections need Concurrency Lab's own server, not a --target");
    }
    check_range(errors, "cpu_ms", s.workload.cpu_ms, 0.0, Limits::kMaxCpuMs);
    check_range(errors, "io_ms", s.workload.io_ms, 0.0, Limits::kMaxIoMs);
    check_range(errors, "overhead_us", s.workload.overhead_us, 0.0, Limits::kMaxOverheadUs);
    check_range(errors, "threads", s.threads, 0, Limits::kMaxThreads);
    check_range(errors, "workers", s.workers, 0, Limits::kMaxWorkers);
    check_range(errors, "switch interval (ms)", s.switch_interval_ms, Limits::kMinSwitchIntervalMs,
                Limits::kMaxSwitchIntervalMs);
    check_range(errors, "backlog", s.listen_backlog, 0, Limits::kMaxBacklog);
    check_range(errors, "duration (s)", config.duration_s, 0.0, Limits::kMaxDurationS);
    check_range(errors, "warmup (s)", config.warmup_s, 0.0, Limits::kMaxDurationS);
    check_range(errors, "tick (s)", config.tick_s, Limits::kMinTickS, 60.0);
    if (s.model == Model::ProcessPerCore && s.inner == Model::ProcessPerCore) {
        errors.push_back("inner model of process-per-core must be event-loop or gil-threads");
    }
    if (config.duration_s > 0 && config.warmup_s >= config.duration_s) {
        errors.push_back("warmup (s) must be shorter than the duration");
    }
    return errors;
}

std::vector<std::string> validate(const Knobs& knobs) {
    std::vector<std::string> errors;
    if (knobs.connections)
        check_range(errors, "connections", *knobs.connections, 1, Limits::kMaxConnections);
    if (knobs.cpu_ms) check_range(errors, "cpu_ms", *knobs.cpu_ms, 0.0, Limits::kMaxCpuMs);
    if (knobs.io_ms) check_range(errors, "io_ms", *knobs.io_ms, 0.0, Limits::kMaxIoMs);
    if (knobs.overhead_us)
        check_range(errors, "overhead_us", *knobs.overhead_us, 0.0, Limits::kMaxOverheadUs);
    if (knobs.threads) check_range(errors, "threads", *knobs.threads, 0, Limits::kMaxThreads);
    if (knobs.workers) check_range(errors, "workers", *knobs.workers, 1, Limits::kMaxWorkers);
    return errors;
}

}  // namespace conclab
