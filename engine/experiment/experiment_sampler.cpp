#include "experiment/experiment_impl.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

#include "core/thread_name.hpp"
#include "metrics/latency_histogram.hpp"
#include "metrics/listen_overflows.hpp"
#include "process/fd_limit.hpp"

namespace conclab {

namespace {

// How long the end of a run waits for requests in flight before closing their connections.
constexpr auto kDrainTimeout = std::chrono::milliseconds(500);

std::string fd_limit_hint() {
    const FdLimit limit = current_fd_limit();
    return "(limit " + std::to_string(limit.soft) + " descriptors; raise it with `ulimit -n " +
           std::to_string(std::max(limit.hard, 2 * limit.soft)) +
           "` before starting Concurrency Lab)";
}

}  // namespace

// Waits until every connection has finished its last request, or kDrainTimeout passed.
LoadTick Experiment::Impl::wait_for_drain(LoadGenerator& generator) {
    LoadTick total = generator.collect();
    const auto deadline = Clock::now() + kDrainTimeout;
    while (total.open_connections > 0 && Clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        LoadTick more = generator.collect();
        const int still_open = more.open_connections;
        total += more;
        total.open_connections = still_open;  // not a sum: the same connections, later
    }
    return total;
}

// The main load's tick, with the heavy connections' errors, CPU and connections folded in;
// their responses travel apart in heavy_responses.
TickInput Experiment::Impl::collect_tick(double t_s, double tick_s) {
    TickInput in;
    in.t_s = t_s;
    in.tick_s = tick_s;
    in.load = load->collect();
    if (heavy) {
        LoadTick h = heavy->collect();
        in.heavy_responses = std::exchange(h.responses, 0);
        h.latency = LatencyHistogram{};  // the heavy requests' latencies are not charted
        in.load += h;
    }
    if (host) in.host = host->collect();
    if (slow) in.slow = slow->collect();
    if (idle) in.idle = idle->collect();
    if (target_pid > 0) collect_target_resources(in);
    if (in.load.connect_error.find("open files") != std::string::npos) {
        in.fd_limit_hint = fd_limit_hint();
    }
    return in;
}

// --target-pid: the real server's process tree, read from /proc by this thread. Its context
// switches are those of its living threads; a thread that ends takes its own with it, so a
// tick's difference is never below 0.
void Experiment::Impl::collect_target_resources(TickInput& in) {
    in.target_resources = read_process_tree_resources(target_pid);
    if (!in.target_resources) return;
    const std::uint64_t now = in.target_resources->context_switches();
    if (target_switches_seen) in.target_switches = now - std::min(now, *target_switches_seen);
    target_switches_seen = now;
}

void Experiment::Impl::sample_tick(double t_s, double tick_s) {
    TickInput in = collect_tick(t_s, tick_s);  // outside the lock: talks to other threads
    MutexLock lock(mutex);
    ticks->add(std::move(in));
    for (AdjustEvent& marker : ticks->take_markers()) events.push_back(std::move(marker));
    if (ticks->servers_failed() && fatal_error.empty()) {
        fatal_error = "every server worker has exited; see the warnings";
    }
}

// Between two ticks the load plan is applied every plan step (a fifth of a tick, at most 50 ms),
// one step ahead: what is due at the end of a step is asked for at its start, so that
// connections are open (or closed, their request finished) by the time they are due, not a tick
// late. A stage's target is reached by its due time, and the run's last tick holds the plan's
// last target from a step before its end.
void Experiment::Impl::sampler_main() {
    set_thread_name("cl-sampler");
    const double tick_s = initial.tick_s;
    const auto tick =
        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(tick_s));
    const auto plan_step = std::min<Clock::duration>(tick / 5, std::chrono::milliseconds(50));
    auto plan_on = [this]() EXCLUDES(plan_mutex) {
        MutexLock plan_lock(plan_mutex);
        return plan_active;
    };
    const auto stop_asked = [this]() REQUIRES(mutex) { return stop_requested; };
    Clock::time_point start;
    {
        MutexLock lock(mutex);
        start = started;  // set by start() before this thread
    }
    double last_t_s = 0;
    for (std::int64_t n = 1;; ++n) {
        const auto due = start + n * tick;
        bool stopping = false;
        for (auto step = Clock::now() + plan_step; plan_on() && step < due; step += plan_step) {
            MutexLock lock(mutex);
            if (lock.wait_until(wake, step, stop_asked)) {
                stopping = true;
                break;
            }
            lock.unlock();
            apply_plan(
                std::chrono::duration<double>(std::min(step + plan_step, due) - start).count());
        }
        if (stopping) break;
        {
            MutexLock lock(mutex);
            if (lock.wait_until(wake, due, stop_asked)) break;
        }
        last_t_s = tick_s * static_cast<double>(n);
        sample_tick(last_t_s, tick_s);
        apply_plan(std::chrono::duration<double>(due + plan_step - start).count());
        MutexLock lock(mutex);
        if (!fatal_error.empty()) break;
        if (initial.duration_s > 0 && last_t_s >= initial.duration_s - 1e-9) break;
    }
    shut_down();
}

// Sampler thread: the load the stages plan for t_s (connections or rate).
void Experiment::Impl::apply_plan(double t_s) {
    MutexLock plan_lock(plan_mutex);
    if (!plan_active) return;
    const bool open = load->open_loop();
    const double start = open ? initial.load.rate : initial.load.connections;
    const double value = planned_value(initial.stages, start, t_s);
    if (open) {
        load->set_rate(value);
        MutexLock lock(mutex);
        current.load.rate = value;
    } else {
        const int n = static_cast<int>(std::lround(value));
        MutexLock lock(mutex);
        if (n == current.load.connections) return;
        current.load.connections = n;
        lock.unlock();
        load->set_connections(n);
    }
    if (t_s >= stages_duration_s(initial.stages)) plan_active = false;  // holds the last target
}

// Sampler thread. Load first: connections finish the request they have in flight (bounded
// by kDrainTimeout) so that client and server counts can agree; then the servers.
void Experiment::Impl::shut_down() {
    // Slow clients never finish a request: nothing of theirs to wait for. Whatever they (or
    // a server stuck on them) do, the run ends now.
    if (slow) slow->stop();
    if (idle) idle->stop();
    // Connections still connecting leave at once when told to stop (nothing reached the server):
    // their requests waited all the same (a full accept queue retries their handshakes), so
    // they are counted now. One whose connect completes in the microseconds before it is told
    // could be counted twice.
    const UnansweredRequests connecting = load->unanswered(/*connecting_only=*/true);
    load->set_connections(0);
    if (heavy) heavy->set_connections(0);
    LoadTick drained = wait_for_drain(*load);
    UnansweredRequests unanswered = load->unanswered();
    unanswered.merge(connecting);
    load->stop();
    if (heavy) {
        const LoadTick heavy_drained = wait_for_drain(*heavy);
        heavy->stop();
        drained.responses += heavy_drained.responses;
        drained.open_connections += heavy_drained.open_connections;
    }
    if (host) host->stop();
    std::optional<HostTick> host_final;
    if (host) host_final = host->collect();  // after stop(): the workers' final counts
    std::optional<std::uint64_t> overflows;
    if (listen_overflows_at_start) {
        if (const auto now = listen_overflows_now()) overflows = *now - *listen_overflows_at_start;
    }
    MutexLock lock(mutex);
    ticks->add_drain(drained.responses, drained, drained.open_connections, unanswered,
                     std::move(host_final));
    ticks->set_listen_overflows(overflows);
    finished_elapsed_s = std::chrono::duration<double>(Clock::now() - started).count();
    if (initial.duration_s > 0) {
        finished_elapsed_s = std::min(finished_elapsed_s, initial.duration_s);
    }
    ticks->clear_pids();
    state = RunState::Finished;
    wake.notify_all();
}

}  // namespace conclab
