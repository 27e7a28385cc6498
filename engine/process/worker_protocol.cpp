#include "process/worker_protocol.hpp"

#include <sstream>

namespace conclab::worker_protocol {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

std::string one_line(std::string text) {
    for (char& c : text) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    return text;
}

std::string_view rest_after_word(std::string_view line) {
    const auto space = line.find(' ');
    return space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
}

}  // namespace

std::string encode(const WorkerMessage& message) {
    return std::visit(
        Overloaded{
            [](const Ready& m) { return "ready " + std::to_string(m.pid) + "\n"; },
            [](const Stats& m) {
                std::ostringstream out;
                out << "stats " << m.requests << ' ' << m.connections << ' ' << m.in_service << ' '
                    << m.in_service_peak << ' ' << m.waiting << ' ' << m.cpu_ns << ' '
                    << m.accept_errors << ' ' << m.in_service_area_us << ' ' << m.waiting_area_us
                    << ' ' << m.waiting_peak << ' ' << m.clock_us << ' ' << m.heartbeat_us << '\n';
                return out.str();
            },
            [](const LoopInternals& m) {
                const LoopReading& r = m.reading;
                std::ostringstream out;
                out << "loop " << r.started_ns << ' ' << r.clock_ns << ' ' << r.busy_ns << ' '
                    << r.delay_max_ns << ' ' << r.delay.encode() << '\n';
                return out.str();
            },
            [](const GilInternals& m) {
                const GlobalInterpreterLock::Stats& r = m.reading;
                std::ostringstream out;
                out << "gil " << r.started_ns << ' ' << r.clock_ns << ' ' << r.held_ns << ' '
                    << r.waiting_area_ns << ' ' << r.acquisitions << ' ' << r.switches << ' '
                    << r.drop_requests << ' ' << r.wait.encode() << '\n';
                return out.str();
            },
            [](const Resources& m) {
                const ProcessResources& r = m.reading;
                std::ostringstream out;
                out << "res " << r.rss_kib << ' ' << r.threads << ' ' << r.fds << ' '
                    << r.voluntary_switches << ' ' << r.involuntary_switches << '\n';
                return out.str();
            },
            [](const Error& m) { return "error " + one_line(m.text) + "\n"; },
            [](const Fatal& m) { return "fatal " + one_line(m.text) + "\n"; },
            [](const Taken&) { return std::string("taken\n"); },
        },
        message);
}

std::string encode(const EngineCommand& command) {
    return std::visit(
        Overloaded{
            [](const SetWorkload& c) {
                std::ostringstream out;
                out.precision(17);
                out << "workload " << c.workload.overhead_us << ' ' << c.workload.cpu_ms << ' '
                    << c.workload.io_ms << ' ' << c.workload.overhead_released_us << ' '
                    << c.workload.resume_us << ' ' << c.workload.connection_us << '\n';
                return out.str();
            },
            [](const SetThreads& c) { return "threads " + std::to_string(c.threads) + "\n"; },
            [](const Drain&) { return std::string("drain\n"); },
            [](const Adopt&) { return std::string("conn\n"); },
            [](const Quit&) { return std::string("quit\n"); },
        },
        command);
}

std::optional<WorkerMessage> parse_worker_message(std::string_view line) {
    std::istringstream in{std::string(line)};
    std::string word;
    in >> word;
    if (word == "ready") {
        Ready m;
        if (in >> m.pid) return m;
    } else if (word == "stats") {
        Stats m;
        if (in >> m.requests >> m.connections >> m.in_service >> m.in_service_peak >> m.waiting >>
            m.cpu_ns >> m.accept_errors >> m.in_service_area_us >> m.waiting_area_us >>
            m.waiting_peak >> m.clock_us >> m.heartbeat_us) {
            return m;
        }
    } else if (word == "loop") {
        LoopInternals m;
        LoopReading& r = m.reading;
        std::string rest;
        if (in >> r.started_ns >> r.clock_ns >> r.busy_ns >> r.delay_max_ns &&
            std::getline(in, rest)) {
            std::string_view histogram = rest;
            if (r.delay.decode(histogram)) return m;
        }
    } else if (word == "gil") {
        GilInternals m;
        GlobalInterpreterLock::Stats& r = m.reading;
        std::string rest;
        if (in >> r.started_ns >> r.clock_ns >> r.held_ns >> r.waiting_area_ns >> r.acquisitions >>
                r.switches >> r.drop_requests &&
            std::getline(in, rest)) {
            std::string_view histogram = rest;
            if (r.wait.decode(histogram)) return m;
        }
    } else if (word == "res") {
        Resources m;
        ProcessResources& r = m.reading;
        if (in >> r.rss_kib >> r.threads >> r.fds >> r.voluntary_switches >>
            r.involuntary_switches) {
            return m;
        }
    } else if (word == "error") {
        return Error{std::string(rest_after_word(line))};
    } else if (word == "fatal") {
        return Fatal{std::string(rest_after_word(line))};
    } else if (word == "taken") {
        return Taken{};
    }
    return std::nullopt;
}

std::optional<EngineCommand> parse_engine_command(std::string_view line) {
    std::istringstream in{std::string(line)};
    std::string word;
    in >> word;
    if (word == "workload") {
        SetWorkload c;
        if (in >> c.workload.overhead_us >> c.workload.cpu_ms >> c.workload.io_ms >>
            c.workload.overhead_released_us >> c.workload.resume_us >> c.workload.connection_us) {
            return c;
        }
    } else if (word == "threads") {
        SetThreads c;
        if (in >> c.threads) return c;
    } else if (word == "conn") {
        return Adopt{};
    } else if (word == "drain") {
        return Drain{};
    } else if (word == "quit") {
        return Quit{};
    }
    return std::nullopt;
}

}  // namespace conclab::worker_protocol
