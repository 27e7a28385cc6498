#include "process/worker_record.hpp"

#include <algorithm>
#include <cstdio>
#include <variant>

namespace conclab {

namespace wp = worker_protocol;

void WorkerRecord::take_message(const std::string& line, std::vector<std::string>& problems,
                                std::map<int, std::uint64_t>& requests_by_pid) {
    auto message = wp::parse_worker_message(line);
    if (!message) {
        problems.push_back("server worker " + std::to_string(pid) +
                           " sent an unreadable line: " + line);
    } else if (std::holds_alternative<wp::Ready>(*message)) {
        ready = true;
    } else if (std::holds_alternative<wp::Taken>(*message)) {
        handed = false;
    } else if (auto* stats = std::get_if<wp::Stats>(&*message)) {
        last = *stats;
        peak_since_collect = std::max(peak_since_collect, stats->in_service_peak);
        waiting_peak_since_collect = std::max(waiting_peak_since_collect, stats->waiting_peak);
        requests_by_pid[pid] = stats->requests;
    } else if (auto* loop_message = std::get_if<wp::LoopInternals>(&*message)) {
        loop = loop_message->reading;
        loop_delay_max_since_collect =
            std::max(loop_delay_max_since_collect, loop_message->reading.delay_max_ns);
    } else if (auto* gil_message = std::get_if<wp::GilInternals>(&*message)) {
        gil = gil_message->reading;
    } else if (auto* res = std::get_if<wp::Resources>(&*message)) {
        resources = res->reading;
    } else if (auto* error = std::get_if<wp::Error>(&*message)) {
        problems.push_back("server worker " + std::to_string(pid) + ": " + error->text);
    } else if (auto* fatal = std::get_if<wp::Fatal>(&*message)) {
        problems.push_back("server worker " + std::to_string(pid) + " failed: " + fatal->text);
    }
}

void WorkerRecord::collect_into(HostTick& tick, std::uint64_t& requests_total, std::int64_t now_us,
                                std::vector<std::string>& problems) {
    const std::int64_t silent_us = now_us - last.clock_us;
    const bool silent = !exited && last.clock_us > 0 && silent_us > kStaleReportUs;
    if (silent != stale) {
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.1f", static_cast<double>(silent_us) / 1e6);
        problems.push_back(
            silent ? "server worker " + std::to_string(pid) + " has sent no report for " + seconds +
                         " s (stopped, e.g. by SIGSTOP, or starved of CPU); its last figures "
                         "are left out of the live counts"
                   : "server worker " + std::to_string(pid) + " reports again");
        stale = silent;
    }
    if (!exited) {
        requests_total += last.requests;  // cumulative: true however old
        if (!stale) {
            tick.connections += last.connections;
            tick.in_service += last.in_service;
        }
        tick.pids.push_back(pid);
    }
    if (stale) {
        ++tick.stale_workers;
    } else {
        tick.in_service_peak += std::max(peak_since_collect, last.in_service);
        tick.waiting_peak += waiting_peak_since_collect;
        if (!exited) add_time_averages(tick);
    }
    const std::uint64_t cpu_ns = cpu_ns_of_collect(now_us);
    tick.cpu_ns += cpu_ns;
    if (!exited) {
        WorkerTick& worker = tick.workers.emplace_back();
        worker.pid = pid;
        worker.requests = last.requests - std::min(last.requests, requests_collected);
        worker.cpu_ns = cpu_ns;
        worker.stale = stale;
        add_internals(worker);
        if (resources) {
            worker.resources = resources;
            const std::uint64_t switches = resources->context_switches();
            worker.context_switches = switches - std::min(switches, switches_collected);
            switches_collected = switches;
        }
    }
    requests_collected = last.requests;
    tick.accept_errors += last.accept_errors;
    collected_at_us = now_us;
    peak_since_collect = 0;
    waiting_peak_since_collect = 0;
}

std::uint64_t WorkerRecord::cpu_ns_of_collect(std::int64_t now_us) {
    const std::uint64_t grown = last.cpu_ns - std::min(last.cpu_ns, cpu_ns_collected);
    const bool newer = last.clock_us > cpu_clock_collected_us;
    const std::int64_t collect_span_us = collected_at_us > 0 ? now_us - collected_at_us : 0;
    if (newer) {
        if (cpu_clock_collected_us > 0) {
            cpu_rate = static_cast<double>(grown) /
                       static_cast<double>(last.clock_us - cpu_clock_collected_us);
        }
        cpu_ns_collected = last.cpu_ns;
        cpu_clock_collected_us = last.clock_us;
    }
    // Exited: its final CPU as counted. First collect, or no span yet: what grew.
    // Silent past kStaleReportUs (stopped): nothing, not the last rate.
    if (exited || stale || cpu_rate <= 0 || collect_span_us <= 0) return newer ? grown : 0;
    return static_cast<std::uint64_t>(cpu_rate * static_cast<double>(collect_span_us));
}

void WorkerRecord::add_time_averages(HostTick& tick) {
    const wp::Stats& now = last;
    const wp::Stats& then = at_collect;
    if (then.clock_us > 0 && now.clock_us > then.clock_us) {
        const double span = static_cast<double>(now.clock_us - then.clock_us);
        tick.in_service_avg +=
            static_cast<double>(now.in_service_area_us - then.in_service_area_us) / span;
        tick.waiting_avg += static_cast<double>(now.waiting_area_us - then.waiting_area_us) / span;
    } else {  // no newer report since the previous collect: what it said last
        tick.in_service_avg += now.in_service;
        tick.waiting_avg += now.waiting;
    }
    if (now.clock_us > then.clock_us) at_collect = now;
}

void WorkerRecord::add_internals(WorkerTick& out) {
    if (loop) {
        const LoopReading& now = *loop;
        LoopReading then;
        then.clock_ns = now.started_ns;
        if (loop_at_collect) then = *loop_at_collect;
        if (now.clock_ns > then.clock_ns) {
            LoopTick t;
            t.span_ns = now.clock_ns - then.clock_ns;
            t.busy_ns = now.busy_ns - std::min(now.busy_ns, then.busy_ns);
            t.delay = now.delay.since(then.delay);
            t.delay_max_ns = loop_delay_max_since_collect;
            out.loop = t;
            loop_at_collect = now;
            loop_delay_max_since_collect = 0;
        }
    }
    if (gil) {
        const GlobalInterpreterLock::Stats& now = *gil;
        GlobalInterpreterLock::Stats then;
        then.clock_ns = now.started_ns;
        if (gil_at_collect) then = *gil_at_collect;
        if (now.clock_ns > then.clock_ns) {
            auto minus = [](std::uint64_t a, std::uint64_t b) { return a - std::min(a, b); };
            GilTick t;
            t.span_ns = now.clock_ns - then.clock_ns;
            t.held_ns = minus(now.held_ns, then.held_ns);
            t.waiting_area_ns = minus(now.waiting_area_ns, then.waiting_area_ns);
            t.acquisitions = minus(now.acquisitions, then.acquisitions);
            t.switches = minus(now.switches, then.switches);
            t.drop_requests = minus(now.drop_requests, then.drop_requests);
            t.wait = now.wait.since(then.wait);
            out.gil = t;
            gil_at_collect = now;
        }
    }
}

}  // namespace conclab
