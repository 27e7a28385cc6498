#include "core/run_config.hpp"

#include "core/machine_limits.hpp"
#include "core/run_fields.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
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
    switch (scheduling) {
        case Scheduling::RoundRobin:
            return "round-robin";
        case Scheduling::Kernel:
            return "kernel";
        case Scheduling::ReusePort:
            return "reuseport";
    }
    return "?";
}

std::optional<Scheduling> scheduling_from_string(std::string_view name) {
    if (name == "round-robin" || name == "rr") return Scheduling::RoundRobin;
    if (name == "kernel" || name == "none") return Scheduling::Kernel;
    if (name == "reuseport" || name == "so_reuseport") return Scheduling::ReusePort;
    return std::nullopt;
}

std::string_view to_string(EventLoopKind kind) {
    return kind == EventLoopKind::Gevent ? "gevent" : "libuv";
}

std::optional<EventLoopKind> event_loop_kind_from_string(std::string_view name) {
    if (name == "libuv") return EventLoopKind::Libuv;
    if (name == "gevent") return EventLoopKind::Gevent;
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

ServerTimeouts default_timeouts(Model serving_model, int threads) {
    ServerTimeouts t;
    if (serving_model == Model::EventLoop) {
        t.header_s = 60;    // Node's server.headersTimeout
        t.request_s = 300;  // server.requestTimeout (since Node 18)
        t.keepalive_s = 5;  // server.keepAliveTimeout
        t.worker_s = 0;     // the cluster primary forks again on exit, never kills a live worker
    } else if (threads > 0) {
        // gunicorn: no socket timeout in its workers; --keepalive 2; --timeout 30 is the
        // arbiter's liveness check.
        t.header_s = 0;
        t.request_s = 0;
        t.keepalive_s = 2;
        t.worker_s = 30;
    } else {
        t = {0, 0, 0, 0};  // Werkzeug's development server waits for ever
    }
    return t;
}

ServerConfig resolved(ServerConfig config) {
    if (config.listen_backlog <= 0) config.listen_backlog = default_backlog(config.model);
    const Model serving = config.model == Model::ProcessPerCore ? config.inner : config.model;
    const ServerTimeouts defaults = default_timeouts(serving, config.threads);
    ServerTimeouts& t = config.timeouts;
    if (t.header_s < 0) t.header_s = defaults.header_s;
    if (t.request_s < 0) t.request_s = defaults.request_s;
    if (t.keepalive_s < 0) t.keepalive_s = defaults.keepalive_s;
    if (t.worker_s < 0) t.worker_s = defaults.worker_s;
    if (config.model != Model::ProcessPerCore) {
        config.workers = 1;
    } else if (config.workers <= 0) {
        config.workers = default_workers();
    }
    return config;
}

bool is_loopback_host(std::string_view host) {
    if (host == "localhost") return true;
    boost::system::error_code ec;
    auto address = boost::asio::ip::make_address(std::string(host), ec);
    return !ec && address.is_loopback();
}

Result<ExternalTarget> parse_target_url(std::string_view url, bool allow_remote) {
    constexpr std::string_view scheme = "http://";
    if (url.substr(0, scheme.size()) != scheme) {
        return Failure{"target must start with http:// (https is not supported), got \"" +
                       std::string(url) + "\""};
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
            return Failure{"target has an unclosed [ in its host"};
        }
        host = authority.substr(1, close - 1);
        authority = authority.substr(close + 1);
        if (!authority.empty() && authority.front() != ':') {
            return Failure{"target has text after the ] of its host"};
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
            return Failure{"target port must be 1..65535, got \"" + std::string(port_text) + "\""};
        }
        target.port = static_cast<std::uint16_t>(port);
    }
    if (host.empty()) {
        return Failure{"target has no host"};
    }
    target.host = std::string(host);
    if (!allow_remote && !is_loopback_host(target.host)) {
        return Failure{"target host \"" + target.host +
                       "\" is not loopback; load tests go to 127.0.0.1 unless --allow-remote is "
                       "given"};
    }
    return target;
}

Result<> check_request_shape(const ExternalTarget& target) {
    // RFC 9110 token characters: what a method and a header name may be made of.
    auto is_token = [](std::string_view text) {
        constexpr std::string_view extra = "!#$%&'*+-.^_`|~";
        return !text.empty() && std::all_of(text.begin(), text.end(), [&](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) ||
                   extra.find(c) != std::string_view::npos;
        });
    };
    if (!is_token(target.method)) {
        return Failure{"method must be a word such as GET or POST, got \"" + target.method + "\""};
    }
    for (const std::string& header : target.headers) {
        const auto colon = header.find(':');
        if (colon == std::string::npos || !is_token(std::string_view(header).substr(0, colon)) ||
            header.find_first_of("\r\n") != std::string::npos) {
            return Failure{"header must be \"Name: value\" on one line, got \"" + header + "\""};
        }
    }
    return {};
}

namespace {

std::string shortest(double v) {
    char text[64];
    auto [end, ec] = std::to_chars(text, text + sizeof text, v);
    return ec == std::errc{} ? std::string(text, end) : std::string("?");
}

// The slowest open loop: one request every 1000 s. Below it the interval between requests leaves
// what the run's clock can count (1e-300 req/s) long before it means anything.
constexpr double kMinRate = 0.001;

}  // namespace

// 0 is the closed loop (or, live, a pause); an open loop runs at kMinRate or faster.
Result<> check_open_loop_rate(double rate) {
    if (rate > 0 && rate < kMinRate) {
        return Failure{"rate must be 0 (closed loop) or at least " + shortest(kMinRate) +
                       " req/s (one request every 1000 s), got " + shortest(rate)};
    }
    return {};
}

Result<void, Problems> validate(const RunConfig& config) {
    std::vector<std::string> errors;
    for (const RunField& field : run_fields()) {
        if (field.kind == FieldKind::Choice) continue;  // a Choice holds a valid name by type
        if (Result<> valid = check_field_value(field, field.get_number(config)); !valid) {
            errors.push_back(valid.error());
        }
    }
    // Rules between fields; each message starts with the key of the field to fix.
    if (config.external && config.load.heavy_connections > 0) {
        errors.push_back("heavy_connections need Concurrency Lab's own server, not a --target");
    }
    if (config.external) {
        if (Result<> shape = check_request_shape(*config.external); !shape) {
            errors.push_back(shape.error());
        }
    }
    if (config.server.model == Model::ProcessPerCore &&
        config.server.inner == Model::ProcessPerCore) {
        errors.push_back("inner must be event-loop or gil-threads inside process-per-core");
    }
    if (config.duration_s > 0 && config.warmup_s >= config.duration_s) {
        errors.push_back("warmup_s must be shorter than the duration");
    }
    if (Result<> rate = check_open_loop_rate(config.load.rate); !rate) {
        errors.push_back(rate.error());
    } else if (config.duration_s > 0 && config.load.rate > 0 && config.stages.empty() &&
               config.load.rate * config.duration_s < 1) {
        errors.push_back("rate of " + shortest(config.load.rate) +
                         " req/s sends no request in a run of " + shortest(config.duration_s) +
                         " s; it needs at least 1/duration = " + shortest(1 / config.duration_s) +
                         " req/s");
    }
    // A tick longer than the run would hold the run open until the tick ends.
    if (config.duration_s > 0 && config.tick_s > config.duration_s) {
        errors.push_back("tick_s must be at most the duration (" + shortest(config.duration_s) +
                         " s), got " + shortest(config.tick_s));
    }
    if (Result<> plan = check_stages(config.stages, config.load.rate > 0); !plan) {
        errors.push_back(plan.error());
    }
    if (errors.empty()) return {};
    return Failure{std::move(errors)};
}

Result<std::vector<Stage>> parse_stages(std::string_view text) {
    std::vector<Stage> stages;
    std::size_t start = 0;
    int index = 1;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string_view item = text.substr(start, comma - start);
        const std::string where =
            "stage " + std::to_string(index) + " ('" + std::string(item) + "')";
        const std::size_t colon = item.find(':');
        if (colon == std::string_view::npos) {
            return Failure{where + " must be DURATION:TARGET, e.g. 5s:100"};
        }
        std::string_view duration = item.substr(0, colon);
        if (!duration.empty() && duration.back() == 's') duration.remove_suffix(1);
        const std::string_view target = item.substr(colon + 1);
        Stage stage;
        auto read = [](std::string_view t, double& v) {
            auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
            return !t.empty() && ec == std::errc{} && end == t.data() + t.size() &&
                   std::isfinite(v);
        };
        if (!read(duration, stage.duration_s) || stage.duration_s <= 0) {
            return Failure{where + ": the duration must be a number of seconds above 0"};
        }
        if (!read(target, stage.target) || stage.target < 0) {
            return Failure{where + ": the target must be a number, 0 or more"};
        }
        stages.push_back(stage);
        start = comma + 1;
        ++index;
    }
    return stages;
}

std::string stages_text(const std::vector<Stage>& stages) {
    std::string out;
    for (const Stage& s : stages) {
        if (!out.empty()) out += ',';
        out += shortest(s.duration_s) + "s:" + shortest(s.target);
    }
    return out;
}

double stages_duration_s(const std::vector<Stage>& stages) {
    double total = 0;
    for (const Stage& s : stages) total += s.duration_s;
    return total;
}

double planned_value(const std::vector<Stage>& stages, double start, double t_s) {
    double from = start;
    double begin = 0;
    for (const Stage& s : stages) {
        if (t_s < begin + s.duration_s) {
            const double f = s.duration_s > 0 ? std::max(0.0, t_s - begin) / s.duration_s : 1.0;
            return from + (s.target - from) * f;
        }
        begin += s.duration_s;
        from = s.target;
    }
    return from;
}

Result<> check_stages(const std::vector<Stage>& stages, bool open_loop) {
    if (stages.size() > Limits::kMaxStages) {
        return Failure{"stages: at most " + std::to_string(Limits::kMaxStages) + " stages"};
    }
    const double max = open_loop ? Limits::kMaxRate : max_connections();
    for (std::size_t i = 0; i < stages.size(); ++i) {
        const Stage& s = stages[i];
        const std::string where = "stages: stage " + std::to_string(i + 1);
        if (!std::isfinite(s.duration_s) || s.duration_s <= 0 ||
            s.duration_s > Limits::kMaxDurationS) {
            return Failure{where + ": duration must be above 0 and at most " +
                           shortest(Limits::kMaxDurationS) + " s, got " + shortest(s.duration_s)};
        }
        if (!std::isfinite(s.target) || s.target < 0 || s.target > max) {
            return Failure{where + ": target (" + (open_loop ? "req/s" : "connections") +
                           ") must be 0.." + shortest(max) + ", got " + shortest(s.target)};
        }
        if (open_loop && s.target > 0 && s.target < kMinRate) {
            return Failure{where + ": target must be 0 or at least " + shortest(kMinRate) +
                           " req/s, got " + shortest(s.target)};
        }
        if (!open_loop && s.target != std::floor(s.target)) {
            return Failure{where + ": target must be a whole number of connections, got " +
                           shortest(s.target)};
        }
    }
    return {};
}

}  // namespace conclab
