#include "experiment/experiment.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "load/load_generator.hpp"
#include "metrics/latency_histogram.hpp"
#include "process/fd_limit.hpp"
#include "process/server_host.hpp"
#include "core/thread_name.hpp"

namespace conclab {

using Clock = std::chrono::steady_clock;

namespace {

// Hours of 250 ms ticks; older samples are dropped so memory stays bounded on long runs.
constexpr std::size_t kMaxSamples = 100'000;
// Descriptors a run needs besides one per client connection: listening and control sockets,
// the worker's own files, stdio, Qt's files in the GUI.
constexpr long kFdHeadroom = 64;
// How long the end of a run waits for requests in flight before closing their connections.
constexpr auto kDrainTimeout = std::chrono::milliseconds(500);

std::optional<double> ms(const LatencyHistogram& h, double q) {
    if (h.count() == 0) return std::nullopt;
    return h.quantile_us(q) / 1000.0;
}

std::string percent(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f %%", v);
    return text;
}

std::string describe_errors(const ErrorCounts& e) {
    std::ostringstream out;
    const std::pair<const char*, std::uint64_t> kinds[] = {
        {"connect", e.connect}, {"read", e.read},     {"write", e.write},
        {"timeout", e.timeout}, {"status", e.status}, {"parse", e.parse}};
    const char* sep = "";
    for (auto [name, n] : kinds) {
        if (n == 0) continue;
        out << sep << n << ' ' << name;
        sep = ", ";
    }
    return out.str();
}

}  // namespace

struct Experiment::Impl {
    RunConfig initial;
    RunConfig current;

    mutable std::mutex mutex;      // guards the state below; the sampler holds it only briefly
    std::condition_variable wake;  // stop requests and the end of the run
    RunState state = RunState::Idle;
    bool stop_requested = false;
    std::unique_ptr<ServerHost> host;
    std::unique_ptr<LoadGenerator> load;
    std::unique_ptr<LoadGenerator> heavy;  // the heavy connections, if any
    std::uint64_t tick_heavy_responses = 0;
    std::thread sampler;
    std::mutex lifecycle;  // serialises start() and stop()

    Clock::time_point started;
    double finished_elapsed_s = 0;
    std::uint16_t port = 0;
    std::deque<MetricsSample> series;
    std::size_t series_base = 0;  // index of series.front()
    std::vector<AdjustEvent> events;
    std::vector<std::string> warnings;
    std::string fatal_error;
    std::vector<int> pids;

    // Accumulators of the measured period (after warmup).
    LatencyHistogram measured_latency;
    Summary totals;
    double server_cpu_sum = 0;
    double load_cpu_sum = 0;
    int measured_ticks = 0;
    std::set<int> pids_seen;
    // Whole-run counts (warmup, measured window and drain) for the client/server cross-check.
    std::uint64_t client_completed_total = 0;
    std::uint64_t server_completed_total = 0;
    std::uint64_t server_accept_errors_seen = 0;

    double elapsed_s() const {
        if (state == RunState::Finished) return finished_elapsed_s;
        if (state == RunState::Idle) return 0;
        return std::chrono::duration<double>(Clock::now() - started).count();
    }

    // Waits until every connection has finished its last request, or kDrainTimeout passed.
    LoadTick wait_for_drain(LoadGenerator& generator) {
        LoadTick total = generator.collect();
        const auto deadline = Clock::now() + kDrainTimeout;
        while (total.open_connections > 0 && Clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            LoadTick more = generator.collect();
            total.responses += more.responses;
            total.errors += more.errors;
            total.latency.merge(more.latency);
            total.cpu_ns += more.cpu_ns;
            total.reconnects += more.reconnects;
            total.open_connections = more.open_connections;
            total.open_connections_max =
                std::max(total.open_connections_max, more.open_connections_max);
        }
        return total;
    }

    // What completed while draining lies outside the measured window: it counts towards the
    // cross-check totals only, never towards rates or latencies.
    void record_drain(const LoadTick& drained) {
        std::optional<HostTick> host_tick;
        if (host) host_tick = host->collect();  // after stop(): the workers' final counts
        std::lock_guard lock(mutex);
        totals.drained_requests = drained.responses;
        client_completed_total += drained.responses;
        totals.client_requests_total = client_completed_total;
        if (host_tick) server_completed_total += host_tick->requests;
        if (host) totals.server_requests = server_completed_total;
        if (drained.open_connections > 0) {
            totals.abandoned_in_flight = drained.open_connections;
        }
    }

    // The main load's tick, with the heavy connections' errors and CPU folded in; their
    // responses travel apart in heavy_responses.
    LoadTick collect_load() {
        LoadTick tick = load->collect();
        tick_heavy_responses = 0;
        if (heavy) {
            LoadTick h = heavy->collect();
            tick.errors += h.errors;
            tick.cpu_ns += h.cpu_ns;
            tick.open_connections += h.open_connections;
            tick.open_connections_max += h.open_connections_max;
            if (!h.connect_error.empty()) tick.connect_error = h.connect_error;
            tick_heavy_responses = h.responses;
        }
        return tick;
    }

    void sample_tick(const LoadTick& load_tick, double t_s, double tick_s) {
        std::optional<HostTick> host_tick;
        if (host) host_tick = host->collect();

        MetricsSample s;
        s.t_s = t_s;
        s.responses = load_tick.responses;
        s.errors = load_tick.errors.total();
        s.rps = static_cast<double>(s.responses) / tick_s;
        s.errors_per_s = static_cast<double>(s.errors) / tick_s;
        s.p50_ms = ms(load_tick.latency, 0.50);
        s.p90_ms = ms(load_tick.latency, 0.90);
        s.p99_ms = ms(load_tick.latency, 0.99);
        if (load_tick.latency.count() > 0) s.max_ms = load_tick.latency.max_us() / 1000.0;
        s.client_open = std::max(load_tick.open_connections_max, load_tick.open_connections);
        s.load_cpu_pct = static_cast<double>(load_tick.cpu_ns) / (tick_s * 1e7);
        s.warmup = t_s <= initial.warmup_s;
        s.heavy_responses = tick_heavy_responses;
        tick_heavy_responses = 0;

        std::vector<std::string> tick_warnings;
        if (host_tick) {
            const int queued = host_tick->accept_queue ? host_tick->accept_queue->length : 0;
            s.server_in_service = host_tick->in_service_peak;
            s.server_waiting = host_tick->waiting + queued;
            s.server_accept_queue = queued;
            s.server_requests = host_tick->requests;
            s.server_cpu_pct = static_cast<double>(host_tick->cpu_ns) / (tick_s * 1e7);
            for (std::string& p : host_tick->problems) tick_warnings.push_back(std::move(p));
            if (host_tick->accept_errors > server_accept_errors_seen) {
                tick_warnings.push_back(
                    "the server failed to accept " +
                    std::to_string(host_tick->accept_errors - server_accept_errors_seen) +
                    " connection(s), usually for lack of file descriptors (ulimit -n)");
                server_accept_errors_seen = host_tick->accept_errors;
            }
        }
        const double load_capacity = 100.0 * current.load.threads;
        if (s.load_cpu_pct >= 0.9 * load_capacity) {
            tick_warnings.push_back("load generator saturated (" + percent(s.load_cpu_pct) +
                                    " CPU on " + std::to_string(current.load.threads) +
                                    " thread(s)): latencies include its own delay");
        }
        if (s.errors > 0) {
            tick_warnings.push_back("errors: " + describe_errors(load_tick.errors) +
                                    " in the last tick");
        }
        if (!load_tick.connect_error.empty()) {
            std::string warning = "cannot open connections: " + load_tick.connect_error;
            if (load_tick.connect_error.find("open files") != std::string::npos) {
                const FdLimit limit = current_fd_limit();
                warning += " (limit " + std::to_string(limit.soft) +
                           " descriptors; raise it with `ulimit -n " +
                           std::to_string(std::max(limit.hard, 2 * limit.soft)) +
                           "` before starting Concurrency Lab)";
            }
            tick_warnings.push_back(std::move(warning));
        }

        std::lock_guard lock(mutex);
        if (host_tick) {
            pids = host_tick->pids;
            pids_seen.insert(host_tick->pids.begin(), host_tick->pids.end());
            if (host_tick->failed && fatal_error.empty()) {
                fatal_error = "every server worker has exited; see the warnings";
            }
        }
        warnings = std::move(tick_warnings);
        if (!s.warmup) {
            ++measured_ticks;
            totals.measured_s += tick_s;
            totals.requests += s.responses;
            totals.heavy_requests += s.heavy_responses;
            totals.error_kinds += load_tick.errors;
            totals.errors = totals.error_kinds.total();
            measured_latency.merge(load_tick.latency);
            totals.client_open_max = std::max(totals.client_open_max, s.client_open);
            load_cpu_sum += s.load_cpu_pct;
            if (host_tick) {
                totals.server_in_service_max =
                    std::max(totals.server_in_service_max.value_or(0), *s.server_in_service);
                totals.server_waiting_max =
                    std::max(totals.server_waiting_max.value_or(0), *s.server_waiting);
                server_cpu_sum += *s.server_cpu_pct;
            }
        }
        client_completed_total += s.responses + s.heavy_responses;
        totals.client_requests_total = client_completed_total;
        if (host_tick) {
            server_completed_total += host_tick->requests;
            totals.server_requests = server_completed_total;
        }
        series.push_back(std::move(s));
        if (series.size() > kMaxSamples) {
            series.pop_front();
            ++series_base;
        }
    }

    Summary summary_locked() const {
        Summary out = totals;
        if (out.measured_s > 0) out.rps = static_cast<double>(out.requests) / out.measured_s;
        if (measured_latency.count() > 0) {
            LatencySummary l;
            l.p50_ms = measured_latency.quantile_us(0.50) / 1000.0;
            l.p90_ms = measured_latency.quantile_us(0.90) / 1000.0;
            l.p99_ms = measured_latency.quantile_us(0.99) / 1000.0;
            l.p999_ms = measured_latency.quantile_us(0.999) / 1000.0;
            l.max_ms = measured_latency.max_us() / 1000.0;
            l.min_ms = measured_latency.min_us() / 1000.0;
            l.mean_ms = measured_latency.mean_us() / 1000.0;
            out.latency = l;
        }
        if (measured_ticks > 0) {
            out.load_cpu_pct_mean = load_cpu_sum / measured_ticks;
            if (host) out.server_cpu_pct_mean = server_cpu_sum / measured_ticks;
        }
        out.server_processes = static_cast<int>(pids_seen.size());
        return out;
    }

    void sampler_main() {
        set_thread_name("cl-sampler");
        const double tick_s = initial.tick_s;
        const auto tick =
            std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(tick_s));
        double last_t_s = 0;
        for (std::int64_t n = 1;; ++n) {
            const auto due = started + n * tick;
            {
                std::unique_lock lock(mutex);
                if (wake.wait_until(lock, due, [&] { return stop_requested; })) break;
            }
            last_t_s = tick_s * static_cast<double>(n);
            sample_tick(collect_load(), last_t_s, tick_s);
            std::lock_guard lock(mutex);
            if (!fatal_error.empty()) break;
            if (initial.duration_s > 0 && last_t_s >= initial.duration_s - 1e-9) break;
        }
        shut_down();
    }

    // Sampler thread. Load first: connections finish the request they have in flight (bounded
    // by kDrainTimeout) so that client and server counts can agree; then the servers.
    void shut_down() {
        load->set_connections(0);
        if (heavy) heavy->set_connections(0);
        LoadTick drained = wait_for_drain(*load);
        load->stop();
        if (heavy) {
            const LoadTick heavy_drained = wait_for_drain(*heavy);
            heavy->stop();
            drained.responses += heavy_drained.responses;
            drained.open_connections += heavy_drained.open_connections;
        }
        if (host) host->stop();
        record_drain(drained);
        std::lock_guard lock(mutex);
        finished_elapsed_s = std::chrono::duration<double>(Clock::now() - started).count();
        if (initial.duration_s > 0) {
            finished_elapsed_s = std::min(finished_elapsed_s, initial.duration_s);
        }
        pids.clear();
        state = RunState::Finished;
        wake.notify_all();
    }
};

Experiment::Experiment(RunConfig config) : impl_(std::make_unique<Impl>()) {
    if (!config.external) config.server = resolved(config.server);
    impl_->initial = config;
    impl_->current = config;
}

Experiment::~Experiment() {
    stop();
}

void Experiment::start() {
    Impl& d = *impl_;
    std::lock_guard life(d.lifecycle);
    if (d.state != RunState::Idle) throw StartError("this experiment has already been started");
    if (auto errors = validate(d.initial); !errors.empty()) {
        std::string message = "invalid settings: " + errors.front();
        for (std::size_t i = 1; i < errors.size(); ++i) message += "; " + errors[i];
        throw StartError(message);
    }
    const FdLimit limit = raise_fd_limit();
    if (std::string problem = fd_limit_problem(
            d.initial.load.connections + d.initial.load.heavy_connections + kFdHeadroom, limit);
        !problem.empty()) {
        throw StartError(problem);
    }

    LoadTarget target;
    if (d.initial.external) {
        target.host = d.initial.external->host;
        target.port = d.initial.external->port;
        target.path = d.initial.external->path;
    } else {
        d.host =
            std::make_unique<ServerHost>(d.initial.server, ServerHost::default_worker_program());
        d.host->start();  // throws StartError
        target.port = d.host->port();
    }
    d.port = target.port;
    d.load =
        std::make_unique<LoadGenerator>(target, d.initial.load.connections, d.initial.load.threads,
                                        d.initial.load.request_timeout_s);
    if (d.initial.load.heavy_connections > 0) {
        LoadTarget heavy_target = target;
        std::ostringstream path;
        path << "/?cpu_ms=" << d.initial.load.heavy_cpu_ms << "&io_ms=0";
        heavy_target.path = path.str();
        d.heavy = std::make_unique<LoadGenerator>(heavy_target, d.initial.load.heavy_connections, 1,
                                                  d.initial.load.request_timeout_s);
    }
    try {
        d.load->start();
        if (d.heavy) d.heavy->start();
    } catch (const std::exception& e) {
        d.load->stop();
        if (d.host) d.host->stop();
        d.host.reset();
        throw StartError(e.what());
    }
    {
        std::lock_guard lock(d.mutex);
        d.started = Clock::now();
        d.state = RunState::Running;
    }
    d.sampler = std::thread([&d] { d.sampler_main(); });
}

std::vector<std::string> Experiment::adjust(const Knobs& knobs) {
    Impl& d = *impl_;
    std::lock_guard life(d.lifecycle);
    std::vector<std::string> rejected = validate(knobs);
    if (!rejected.empty()) return rejected;
    std::unique_lock lock(d.mutex);
    if (d.state != RunState::Running) return {"the experiment is not running"};
    const double t_s = d.elapsed_s();
    RunConfig& c = d.current;
    auto record = [&](const char* knob, double from, double to) {
        if (from != to) d.events.push_back({t_s, knob, from, to});
    };
    lock.unlock();  // the calls below talk to other threads and processes

    if (knobs.connections && *knobs.connections != c.load.connections) {
        d.load->set_connections(*knobs.connections);
        std::lock_guard relock(d.mutex);
        record("connections", c.load.connections, *knobs.connections);
        c.load.connections = *knobs.connections;
    }
    Workload w = c.server.workload;
    if (knobs.cpu_ms) w.cpu_ms = *knobs.cpu_ms;
    if (knobs.io_ms) w.io_ms = *knobs.io_ms;
    if (knobs.overhead_us) w.overhead_us = *knobs.overhead_us;
    if (!(w == c.server.workload)) {
        if (!d.host) {
            rejected.push_back("the workload is the external server's own; it cannot be changed");
        } else {
            d.host->set_workload(w);
            std::lock_guard relock(d.mutex);
            record("cpu_ms", c.server.workload.cpu_ms, w.cpu_ms);
            record("io_ms", c.server.workload.io_ms, w.io_ms);
            record("overhead_us", c.server.workload.overhead_us, w.overhead_us);
            c.server.workload = w;
        }
    }
    if (knobs.threads && *knobs.threads != c.server.threads) {
        std::string error =
            d.host ? d.host->set_threads(*knobs.threads) : "threads belong to the external server";
        if (!error.empty()) {
            rejected.push_back(error);
        } else {
            std::lock_guard relock(d.mutex);
            record("threads", c.server.threads, *knobs.threads);
            c.server.threads = *knobs.threads;
        }
    }
    if (knobs.workers && *knobs.workers != c.server.workers) {
        std::string error =
            d.host ? d.host->set_workers(*knobs.workers) : "workers belong to the external server";
        if (!error.empty()) {
            rejected.push_back(error);
        } else {
            std::lock_guard relock(d.mutex);
            record("workers", c.server.workers, *knobs.workers);
            c.server.workers = *knobs.workers;
        }
    }
    return rejected;
}

void Experiment::stop() {
    Impl& d = *impl_;
    std::lock_guard life(d.lifecycle);
    {
        std::lock_guard lock(d.mutex);
        if (d.state == RunState::Idle) {
            d.state = RunState::Finished;
            return;
        }
        d.stop_requested = true;
        d.wake.notify_all();
    }
    if (d.sampler.joinable()) d.sampler.join();
}

bool Experiment::wait_finished(double timeout_s) {
    Impl& d = *impl_;
    std::unique_lock lock(d.mutex);
    return d.wake.wait_for(lock, std::chrono::duration<double>(timeout_s),
                           [&] { return d.state == RunState::Finished; });
}

RunState Experiment::state() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->state;
}

Snapshot Experiment::snapshot(std::size_t since) const {
    const Impl& d = *impl_;
    Snapshot s;
    std::lock_guard lock(d.mutex);
    s.state = d.state;
    s.elapsed_s = d.elapsed_s();
    s.port = d.port;
    const std::size_t first = std::max(since, d.series_base);
    for (std::size_t i = first; i < d.series_base + d.series.size(); ++i) {
        s.samples.push_back(d.series[i - d.series_base]);
    }
    s.next_index = d.series_base + d.series.size();
    s.events = d.events;
    s.summary = d.summary_locked();
    s.config = d.current;
    s.warnings = d.warnings;
    s.fatal_error = d.fatal_error;
    s.server_pids = d.pids;
    return s;
}

RunResult Experiment::result() const {
    const Impl& d = *impl_;
    RunResult r;
    std::lock_guard lock(d.mutex);
    r.config = d.initial;
    r.final_config = d.current;
    r.summary = d.summary_locked();
    r.series.assign(d.series.begin(), d.series.end());
    r.events = d.events;
    r.warnings = d.warnings;
    r.fatal_error = d.fatal_error;
    return r;
}

}  // namespace conclab
