#include "experiment/experiment.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <utility>

#include "core/machine_limits.hpp"
#include "core/run_fields.hpp"
#include "experiment/diagnosis.hpp"
#include "experiment/experiment_impl.hpp"
#include "metrics/listen_overflows.hpp"
#include "metrics/process_resources.hpp"
#include "process/fd_limit.hpp"

namespace conclab {

using Clock = std::chrono::steady_clock;  // Impl::Clock, which is private

namespace {

// Fails with the problem this run has on this machine: descriptors for every client connection
// (one process holds them all), a task for each with a thread per connection, and a PID to
// measure for --target-pid.
Result<> check_machine(const RunConfig& c) {
    const LoadConfig& l = c.load;
    const long connections = (l.rate > 0 ? l.max_connections : l.connections) +
                             l.heavy_connections + l.slow_clients + l.idle_connections;
    const FdLimit limit = raise_fd_limit();
    if (auto fits = check_fd_limit(connections + kFdHeadroom, limit); !fits) {
        return Failure{fits.error() +
                       "; as root the hard limit itself can be raised (`ulimit -Hn N`, up to "
                       "fs.nr_open)"};
    }
    // The load generator's side: its first connections would otherwise wait for the table to
    // grow while later runs in this process would not (reserve_descriptor_table() says why).
    reserve_descriptor_table(connections + kFdHeadroom);
    const Model serving = c.server.model == Model::ProcessPerCore ? c.server.inner : c.server.model;
    if (!c.external && serving == Model::GilThreads && c.server.threads == 0) {
        if (auto fits = check_thread_limit(connections, read_machine_limits(), tasks_in_use());
            !fits) {
            return fits;
        }
    }
    if (c.target_pid > 0 && !c.external) {
        return Failure{"target_pid measures a real server's processes: it needs --target"};
    }
    if (c.target_pid > 0 && process_tree(c.target_pid).empty()) {
        return Failure{"target_pid " + std::to_string(c.target_pid) + " is not a running process"};
    }
    return {};
}

}  // namespace

// adjust() and its parts below. adjust() sets the knobs on a copy of the current config through
// their registry rows (`wanted`); each part hands its share of `wanted` to the one place that
// applies it (the load generator, the live workload, the server host) and commits what was
// applied. Only these parts name knobs: adding a live knob of an existing part (a Workload
// member, say) is its registry row alone.

// Takes one part of `wanted` into `current` (`take` copies it) and marks every knob it changed
// ("connections 10 → 100"). Under `mutex`.
void Experiment::Impl::commit(const Knobs& knobs, double t_s, const RunConfig& wanted,
                              void (*take)(RunConfig& current, const RunConfig& wanted)) {
    MutexLock lock(mutex);
    const RunConfig before = current;
    take(current, wanted);
    for (const Knobs::Value& knob : knobs) {
        const double from = knob.field->get_number(before);
        const double to = knob.field->get_number(current);
        if (from != to) events.push_back({t_s, std::string(knob.field->key), from, to, {}});
    }
}

// adjust(): connections (closed loop) or rate (open loop), to the load generator. A hand on
// either takes over from the plan, which stops for good.
void Experiment::Impl::adjust_load(const Knobs& knobs, const RunConfig& wanted, double t_s,
                                   std::vector<std::string>& rejected) {
    MutexLock plan_lock(plan_mutex);  // the plan sets the same two between ticks
    LoadConfig now;
    {
        MutexLock lock(mutex);
        now = current.load;
    }
    const bool open = load->open_loop();
    const char* by_hand = nullptr;
    if (knobs.has("connections") && open) {
        rejected.push_back(
            "connections do not apply in an open loop (the pool grows as needed up to "
            "max_connections); change rate instead");
    } else if (knobs.has("connections")) {
        by_hand = "connections";
        if (wanted.load.connections != now.connections) {
            load->set_connections(wanted.load.connections);
            commit(knobs, t_s, wanted, [](RunConfig& c, const RunConfig& w) {
                c.load.connections = w.load.connections;
            });
        }
    }
    if (knobs.has("rate") && !open) {
        rejected.push_back(
            "rate applies to open-loop runs only (start the run with a rate above 0)");
    } else if (knobs.has("rate")) {
        by_hand = "rate";
        if (wanted.load.rate != now.rate) {
            load->set_rate(wanted.load.rate);
            commit(knobs, t_s, wanted,
                   [](RunConfig& c, const RunConfig& w) { c.load.rate = w.load.rate; });
        }
    }
    if (by_hand && plan_active) {
        plan_active = false;
        MutexLock relock(mutex);
        events.push_back(
            {t_s, "plan", 0, 0, std::string("plan stopped: ") + by_hand + " set by hand"});
    }
}

// adjust(): the workload, whichever of its parts the knobs set, in one message to the server
// host.
void Experiment::Impl::adjust_workload(const Knobs& knobs, const RunConfig& wanted, double t_s,
                                       std::vector<std::string>& rejected) {
    {
        MutexLock lock(mutex);
        if (wanted.server.workload == current.server.workload) return;
    }
    if (!host) {
        rejected.push_back("the workload is the external server's own; it cannot be changed");
        return;
    }
    host->set_workload(wanted.server.workload);
    commit(knobs, t_s, wanted,
           [](RunConfig& c, const RunConfig& w) { c.server.workload = w.server.workload; });
}

// adjust(): threads and workers, which the server host applies or refuses with a reason.
void Experiment::Impl::adjust_server_size(const Knobs& knobs, const RunConfig& wanted, double t_s,
                                          std::vector<std::string>& rejected) {
    ServerConfig now;
    {
        MutexLock lock(mutex);
        now = current.server;
    }
    using Take = void (*)(RunConfig&, const RunConfig&);
    auto apply = [&](const char* knob, int from, int to, auto set, Take take) {
        if (to == from) return;
        if (!host) return rejected.push_back(std::string(knob) + " belong to the external server");
        if (auto applied = set(to); !applied) return rejected.push_back(applied.error());
        commit(knobs, t_s, wanted, take);
    };
    apply(
        "threads", now.threads, wanted.server.threads, [&](int n) { return host->set_threads(n); },
        [](RunConfig& c, const RunConfig& w) { c.server.threads = w.server.threads; });
    apply(
        "workers", now.workers, wanted.server.workers, [&](int n) { return host->set_workers(n); },
        [](RunConfig& c, const RunConfig& w) { c.server.workers = w.server.workers; });
}

Experiment::Experiment(RunConfig config) : impl_(std::make_unique<Impl>()) {
    // Idle connections are held for the whole run: the model's keep-alive timeout (Node's 5 s,
    // gunicorn's 2 s) would close them and measure reconnects instead; lifted unless set.
    const bool lift_keepalive = !config.external && config.load.idle_connections > 0 &&
                                config.server.timeouts.keepalive_s < 0;
    if (lift_keepalive) config.server.timeouts.keepalive_s = 0;
    if (!config.external) config.server = resolved(config.server);
    impl_->initial = config;
    // No other thread yet; but this is not Impl's constructor, and these are GUARDED_BY(mutex).
    MutexLock lock(impl_->mutex);
    impl_->current = config;
    impl_->ticks = std::make_unique<TickAggregator>(config.warmup_s, config.load.threads);
    if (lift_keepalive) {
        impl_->ticks->note(
            "the server's keep-alive timeout is lifted (keepalive_timeout_s 0) so "
            "that the " +
            std::to_string(config.load.idle_connections) +
            " idle connections stay open; set --keepalive-timeout to keep one");
    }
}

Experiment::~Experiment() {
    stop();
}

void Experiment::start() {
    Impl& d = *impl_;
    MutexLock life(d.lifecycle);
    {
        MutexLock lock(d.mutex);  // a second start() would race the sampler's writes of state
        if (d.state != RunState::Idle) throw StartError("this experiment has already been started");
    }
    if (auto valid = validate(d.initial); !valid) {
        const Problems& errors = valid.error();
        std::string message = "invalid settings: " + errors.front();
        for (std::size_t i = 1; i < errors.size(); ++i) message += "; " + errors[i];
        throw StartError(message);
    }
    if (auto fits = check_machine(d.initial); !fits) throw StartError(fits.error());
    const bool open_loop = d.initial.load.rate > 0;
    d.target_pid = d.initial.external ? d.initial.target_pid : 0;

    LoadTarget target;
    if (d.initial.external) {
        target = load_target_of(*d.initial.external);
    } else {
        d.host =
            std::make_unique<ServerHost>(d.initial.server, ServerHost::default_worker_program());
        d.host->start();  // throws StartError
        target.port = d.host->port();
    }
    d.port = target.port;
    std::optional<OpenLoop> open;
    if (open_loop) open = OpenLoop{d.initial.load.rate, d.initial.load.max_connections};
    d.load =
        std::make_unique<LoadGenerator>(target, d.initial.load.connections, d.initial.load.threads,
                                        d.initial.load.request_timeout_s, open);
    if (d.initial.load.heavy_connections > 0) {
        LoadTarget heavy_target = target;
        std::ostringstream path;
        path << "/?cpu_ms=" << d.initial.load.heavy_cpu_ms << "&io_ms=0";
        heavy_target.path = path.str();
        d.heavy = std::make_unique<LoadGenerator>(heavy_target, d.initial.load.heavy_connections, 1,
                                                  d.initial.load.request_timeout_s);
    }
    if (d.initial.load.slow_clients > 0) {
        d.slow = std::make_unique<SlowClients>(target, d.initial.load.slow_clients);
    }
    if (d.initial.load.idle_connections > 0) {
        d.idle = std::make_unique<IdleConnections>(target, d.initial.load.idle_connections);
    }
    // Before the first connect: a full accept queue drops most at the opening burst. Only for a
    // server this machine's kernel accepts for (the counter is the machine's).
    if (!d.initial.external || is_loopback_host(d.initial.external->host)) {
        d.listen_overflows_at_start = listen_overflows_now();
    }
    try {
        d.load->start();
        if (d.heavy) d.heavy->start();
        if (d.slow) d.slow->start();
        if (d.idle) d.idle->start();
    } catch (const std::exception& e) {
        d.load->stop();
        if (d.heavy) d.heavy->stop();
        if (d.slow) d.slow->stop();
        if (d.idle) d.idle->stop();
        if (d.host) d.host->stop();
        d.host.reset();
        throw StartError(e.what());
    }
    {
        MutexLock lock(d.mutex);
        d.started = Clock::now();
        d.state = RunState::Running;
    }
    {
        MutexLock plan_lock(d.plan_mutex);
        d.plan_active = !d.initial.stages.empty();
    }
    d.sampler = std::thread([&d] { d.sampler_main(); });
}

std::vector<std::string> Experiment::adjust(const Knobs& knobs) {
    Impl& d = *impl_;
    MutexLock life(d.lifecycle);
    if (auto valid = validate(knobs); !valid) return valid.error();
    double t_s = 0;
    RunConfig wanted;
    {
        MutexLock lock(d.mutex);
        if (d.state != RunState::Running) return {"the experiment is not running"};
        t_s = d.elapsed_s();
        wanted = d.current;
    }
    apply_knobs(knobs, wanted);
    // Unlocked: the calls below talk to other threads and processes.
    std::vector<std::string> rejected;
    d.adjust_load(knobs, wanted, t_s, rejected);
    d.adjust_workload(knobs, wanted, t_s, rejected);
    d.adjust_server_size(knobs, wanted, t_s, rejected);
    return rejected;
}

Result<int> Experiment::kill_worker(std::optional<int> pid) {
    Impl& d = *impl_;
    MutexLock life(d.lifecycle);
    MutexLock lock(d.mutex);
    if (d.state != RunState::Running) return Failure{"the experiment is not running"};
    if (!d.host) {
        return Failure{
            "the external server's processes are its own; they cannot be killed from here"};
    }
    int chosen = pid.value_or(0);
    if (!pid && d.ticks->next_index() > 0) {
        // The busiest: most requests in the last tick.
        const auto last = d.ticks->samples_since(d.ticks->next_index() - 1);
        double most = -1;
        if (!last.empty() && last.back().workers) {
            for (const WorkerSample& w : *last.back().workers) {
                if (w.rps > most) {
                    most = w.rps;
                    chosen = w.pid;
                }
            }
        }
    }
    lock.unlock();  // the host talks to its thread
    return d.host->kill_worker(chosen);
}

void Experiment::stop() {
    Impl& d = *impl_;
    MutexLock life(d.lifecycle);
    {
        MutexLock lock(d.mutex);
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
    MutexLock lock(d.mutex);
    return lock.wait_for(d.wake, std::chrono::duration<double>(timeout_s),
                         [&]() REQUIRES(d.mutex) { return d.state == RunState::Finished; });
}

RunState Experiment::state() const {
    MutexLock lock(impl_->mutex);
    return impl_->state;
}

Snapshot Experiment::snapshot(std::size_t since) const {
    const Impl& d = *impl_;
    Snapshot s;
    MutexLock lock(d.mutex);
    s.state = d.state;
    s.elapsed_s = d.elapsed_s();
    s.port = d.port;
    s.samples = d.ticks->samples_since(since);
    s.next_index = d.ticks->next_index();
    s.events = d.events;
    s.summary = d.ticks->summary();
    s.config = d.current;
    s.warnings = d.ticks->warnings();
    s.fatal_error = d.fatal_error;
    s.server_pids = d.ticks->pids();
    return s;
}

RunResult Experiment::result() const {
    const Impl& d = *impl_;
    RunResult r;
    MutexLock lock(d.mutex);
    r.config = d.initial;
    r.final_config = d.current;
    r.summary = d.ticks->summary();
    r.series = d.ticks->samples_since(0);
    r.events = d.events;
    r.warnings = d.ticks->run_warnings();
    r.fatal_error = d.fatal_error;
    r.diagnosis = diagnose(r.config, r.summary);
    return r;
}

}  // namespace conclab
