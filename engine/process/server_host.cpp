#include "process/server_host.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <thread>
#include <utility>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "core/annotated_mutex.hpp"
#include "core/clocks.hpp"
#include "core/start_error.hpp"
#include "core/thread_name.hpp"
#include "process/host_state.hpp"
#include "process/repeating_timer.hpp"
#include "process/round_robin_dispatch.hpp"
#include "process/worker_liveness.hpp"
#include "process/worker_process.hpp"
#include "process/worker_protocol.hpp"
#include "process/worker_record.hpp"

namespace conclab {

namespace asio = boost::asio;
namespace wp = worker_protocol;

// The host's state in three parts, by who may touch it when:
// - the fixed setup (setup, worker_program, listen): set before the host thread starts and read
//   by every thread without a lock; const where it can be, so that a write does not compile;
// - the host thread's own (io, primary, liveness): only handlers on `io` use them;
// - HostState (the base): what the threads share, every member GUARDED_BY its mutex, so that
//   an access without the lock does not compile under the thread-safety preset.
struct ServerHost::Impl : HostState {
    using Worker = WorkerRecord;

    Impl(const ServerConfig& config, std::string program)
        : setup(resolved(config)), worker_program(std::move(program)) {
        live = {.workload = setup.workload, .threads = setup.threads};
    }

    const ServerConfig setup;  // resolved(): timeouts filled in; workload etc. as at the start
    const std::string worker_program;
    ListenSocket listen;  // opened by start() before the host thread runs, closed after it ends

    asio::io_context io;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
    std::thread host_thread;                    // spawns, watches and reaps every worker
    std::optional<RoundRobinDispatch> primary;  // round-robin scheduling only (host thread)
    std::optional<RepeatingTimer> liveness;     // worker timeout only

    // Host thread only.
    Result<> spawn_worker() EXCLUDES(mutex) {
        ServerConfig worker_config = setup;
        if (setup.model == Model::ProcessPerCore) worker_config.model = setup.inner;
        // With round-robin scheduling the worker gets no listening socket: connections arrive
        // over the control socket.
        // Reuseport: a listening socket of the worker's own on the shared port; the host keeps
        // it too, to read its accept queue, and closes it when the worker is gone.
        ListenSocket own;
        if (reuse_port()) {
            auto opened = open_listen_socket(listen.port, setup.listen_backlog, true, true);
            if (!opened) return Failure{opened.error()};
            own = std::move(*opened);
        }
        // Borrowed: spawn() gives the child a duplicate, and the host keeps its own.
        const int listen_fd = round_robin() ? -1 : reuse_port() ? own.fd.get() : listen.fd.get();
        MutexLock lock(mutex);
        worker_config.workload = live.workload;
        worker_config.threads = live.threads;
        Worker& worker = workers.emplace_back();
        worker.own_listen = std::move(own.fd);
        auto spawned = WorkerProcess::spawn(
            io, worker_program, worker_config, listen_fd,
            {.on_line = [this, &worker](const std::string& line) { on_message(worker, line); },
             .on_exit = [this, &worker](int status) { on_worker_gone(worker, status); }});
        if (!spawned) {
            workers.pop_back();  // and its own listening socket with it
            return Failure{spawned.error()};
        }
        worker.process = std::move(*spawned);
        worker.pid = worker.process->pid();
        return {};
    }

    void on_message(Worker& worker, const std::string& line) EXCLUDES(mutex) {
        MutexLock lock(mutex);
        worker.take_message(line, problems, requests_by_pid);
        if (primary) primary->dispatch(workers);  // it may be ready, or have taken its last
        changed.notify_all();
    }

    // The worker exited and has been reaped (host thread).
    void on_worker_gone(Worker& worker, int status) EXCLUDES(mutex) {
        bool replace = false;
        bool unexpected = false;
        {
            MutexLock lock(mutex);
            worker.exited = true;
            requests_of_exited += worker.last.requests;
            unexpected = !worker.quitting && !stopping;
            if (unexpected) {
                UnexpectedExit verdict = judge_unexpected_exit(worker, status, restarts);
                replace = verdict.replace;
                problems.push_back(std::move(verdict.problem));
                // What it was serving is lost: its clients see their connections close.
                lost_requests += static_cast<std::uint64_t>(worker.last.in_service);
            }
            if (replace) {
                ++restarts;
                ++replacements_due;  // the server has not failed while its replacement starts
            }
            changed.notify_all();
        }
        // Remove the record later, from this thread, once no handler refers to it.
        asio::post(io, [this, pid = worker.pid]() EXCLUDES(mutex) {
            MutexLock lock(mutex);
            workers.remove_if([pid](const Worker& w) {
                if (w.pid != pid || !w.exited) return false;
                // Its queue goes with it (own_listen closes): connections waiting there are
                // reset, as with nginx.
                return true;
            });
        });
        int replacement = 0;
        if (replace) {
            const Result<> spawned = spawn_worker();
            MutexLock lock(mutex);
            --replacements_due;
            if (!spawned) {
                problems.push_back(spawned.error());
            } else {
                replacement = workers.back().pid;
            }
        }
        if (unexpected) {
            MutexLock lock(mutex);
            worker_deaths.push_back(describe_death(worker, status, replacement));
        }
        if (primary) {  // connections waiting for a worker: to the replacement, or the others
            MutexLock lock(mutex);
            primary->dispatch(workers);
        }
    }

    bool reuse_port() const {
        return setup.model == Model::ProcessPerCore && setup.scheduling == Scheduling::ReusePort;
    }

    bool round_robin() const {
        return setup.model == Model::ProcessPerCore && setup.scheduling == Scheduling::RoundRobin;
    }

    void send_to_all(const wp::EngineCommand& command) EXCLUDES(mutex) {
        const std::string line = wp::encode(command);
        MutexLock lock(mutex);
        for (const Worker& worker : workers) {
            if (!worker.exited && !worker.quitting) worker.process->send_line(line);
        }
    }

    // Runs `task` on the host thread and waits for it. Once stop() has begun the host thread may
    // be gone, so the task is refused rather than posted to a loop that will never run it.
    Result<> on_host_thread(std::function<Result<>()> task) EXCLUDES(mutex) {
        std::packaged_task<Result<>()> packaged(std::move(task));
        auto result = packaged.get_future();
        {
            // Posted under the lock that stop() takes to set `stopping`: a task posted before
            // that runs before the host thread ends (posted work keeps io.run() going).
            MutexLock lock(mutex);
            if (stopping) return Failure{"the run is stopping"};
            asio::post(io, [&packaged] { packaged(); });
        }
        return result.get();
    }

    // gunicorn's arbiter (murder_workers): see worker_liveness.hpp. Killed workers are replaced
    // once reaped (on_worker_gone).
    void check_liveness() EXCLUDES(mutex) {
        const std::int64_t now_us = monotonic_ns() / 1000;
        MutexLock lock(mutex);
        for (const int pid :
             mark_timed_out_workers(workers, setup.timeouts.worker_s, now_us, problems)) {
            ::kill(pid, SIGKILL);
        }
    }

    // Round-robin scheduling: the primary that hands connections to the workers.
    Result<> start_primary() EXCLUDES(mutex);
    // Start: spawn `count` workers and wait until every one is ready (or one failed).
    Result<> start_workers(int count) EXCLUDES(mutex);
    void stop_workers() EXCLUDES(mutex);
};

Result<> ServerHost::Impl::start_primary() {
    return on_host_thread([this]() -> Result<> {
        primary.emplace(
            io,
            [this]() EXCLUDES(mutex) {
                MutexLock lock(mutex);
                primary->dispatch(workers);
            },
            [this](const std::string& error) EXCLUDES(mutex) {
                MutexLock lock(mutex);
                problems.push_back("accept failed: " + error);
            });
        return primary->start(listen.fd.get());
    });
}

Result<> ServerHost::Impl::start_workers(int count) {
    Result<> spawned = on_host_thread([this, count]() -> Result<> {
        for (int i = 0; i < count; ++i) {
            if (Result<> one = spawn_worker(); !one) return one;
        }
        return {};
    });
    if (!spawned) return spawned;
    MutexLock lock(mutex);
    const bool all_ready = lock.wait_for(changed, std::chrono::seconds(10), [&]() REQUIRES(mutex) {
        const bool ready =
            std::all_of(workers.begin(), workers.end(), [](const Worker& w) { return w.ready; });
        return (ready && static_cast<int>(workers.size()) == count) || !problems.empty();
    });
    if (!problems.empty()) return Failure{problems.front()};
    if (!all_ready) return Failure{"the server workers did not start within 10 s"};
    return {};
}

// Workers stop at once; one that has not exited within a second is killed.
void ServerHost::Impl::stop_workers() {
    MutexLock lock(mutex);
    for (Worker& w : workers) {
        if (!w.exited) {
            w.quitting = true;
            w.process->send_line(wp::encode(wp::Quit{}));
        }
    }
    lock.wait_for(changed, std::chrono::milliseconds(1000), [&]() REQUIRES(mutex) {
        return std::all_of(workers.begin(), workers.end(),
                           [](const Worker& w) { return w.exited; });
    });
    for (Worker& w : workers) {
        if (!w.exited) ::kill(w.pid, SIGKILL);
    }
}

ServerHost::ServerHost(ServerConfig config, std::string worker_program)
    : impl_(std::make_unique<Impl>(config, std::move(worker_program))) {}

ServerHost::~ServerHost() {
    stop();
}

std::string ServerHost::default_worker_program() {
    if (const char* over = std::getenv("CONCLAB_WORKER"); over && *over) return over;
    char path[4096];
    const ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0) return "conclab-worker";
    std::string self(path, static_cast<std::size_t>(n));
    return self.substr(0, self.rfind('/') + 1) + "conclab-worker";
}

void ServerHost::start() {
    Impl& d = *impl_;
    if (::access(d.worker_program.c_str(), X_OK) != 0) {
        throw StartError("the server worker program " + d.worker_program +
                         " is missing or not executable (build the conclab-worker target, or "
                         "set CONCLAB_WORKER to its path)");
    }
    // With reuseport the host's socket only holds the port: were it listening, the kernel would
    // hash some connections to a queue nobody accepts from.
    auto opened =
        open_listen_socket(d.setup.port, d.setup.listen_backlog, d.reuse_port(), !d.reuse_port());
    if (!opened) throw StartError(opened.error());
    d.listen = std::move(*opened);
    d.work.emplace(d.io.get_executor());
    d.host_thread = std::thread([&d] {
        set_thread_name("cl-host");
        d.io.run();
    });
    const int count = d.setup.model == Model::ProcessPerCore ? d.setup.workers : 1;
    Result<> started = d.start_workers(count);
    if (started && d.round_robin()) started = d.start_primary();
    if (started && d.setup.timeouts.worker_s > 0) {
        started = d.on_host_thread([&d]() -> Result<> {
            d.liveness.emplace(d.io, kLivenessCheck, [&d] { d.check_liveness(); });
            d.liveness->start();
            return {};
        });
    }
    if (!started) {
        stop();
        throw StartError(started.error());
    }
}

std::uint16_t ServerHost::port() const {
    return impl_->listen.port;
}

void ServerHost::set_workload(const Workload& workload) {
    {
        MutexLock lock(impl_->mutex);
        impl_->live.workload = workload;  // replacements start with the current workload
    }
    impl_->send_to_all(wp::SetWorkload{workload});
}

Result<> ServerHost::set_threads(int threads) {
    Impl& d = *impl_;
    const Model model = d.setup.model == Model::ProcessPerCore ? d.setup.inner : d.setup.model;
    if (model != Model::GilThreads) return Failure{"threads apply to gil-threads only"};
    if ((d.setup.threads == 0) != (threads == 0)) {  // the pool's kind is fixed for the run
        return Failure{
            "switching between a thread pool and one thread per connection needs a new run"};
    }
    {
        MutexLock lock(d.mutex);
        d.live.threads = threads;
    }
    d.send_to_all(wp::SetThreads{threads});
    return {};
}

Result<> ServerHost::set_workers(int workers) {
    Impl& d = *impl_;
    if (d.setup.model != Model::ProcessPerCore) {
        return Failure{"workers apply to process-per-core only"};
    }
    if (workers < 1 || workers > Limits::kMaxWorkers) {
        return Failure{"workers must be 1.." + std::to_string(Limits::kMaxWorkers)};
    }
    return d.on_host_thread([&d, workers]() EXCLUDES(d.mutex) -> Result<> {
        int live = 0;
        {
            MutexLock lock(d.mutex);
            if (d.stopping) return Failure{"the run is stopping"};
            live = d.live_workers();
            // Scale down: the newest workers finish what they serve and leave.
            for (auto it = d.workers.rbegin(); it != d.workers.rend() && live > workers; ++it) {
                if (it->exited || it->quitting) continue;
                it->quitting = true;
                it->process->send_line(wp::encode(wp::Drain{}));
                --live;
            }
        }
        for (; live < workers; ++live) {
            if (Result<> spawned = d.spawn_worker(); !spawned) return spawned;
        }
        return {};
    });
}

Result<int> ServerHost::kill_worker(int pid) {
    Impl& d = *impl_;
    if (d.setup.model != Model::ProcessPerCore) {
        return Failure{
            "killing a worker applies to process-per-core only (the other models are one server "
            "process: killing it ends the run)"};
    }
    MutexLock lock(d.mutex);
    if (d.stopping) return Failure{"the run is stopping"};
    for (const Impl::Worker& w : d.workers) {
        if (w.exited || w.quitting || !w.ready || (pid != 0 && w.pid != pid)) continue;
        if (::kill(w.pid, SIGKILL) != 0) {
            return Failure{"cannot kill worker " + std::to_string(w.pid)};
        }
        return w.pid;
    }
    if (pid == 0) return Failure{"no live worker to kill"};
    return Failure{"no live worker has PID " + std::to_string(pid)};
}

HostTick ServerHost::collect() {
    Impl& d = *impl_;
    HostTick tick;
    MutexLock lock(d.mutex);
    if (!d.reuse_port() && d.listen.fd) tick.accept_queue = read_accept_queue(d.listen.fd.get());
    for (const Impl::Worker& w : d.workers) {  // reuseport: the queues of every worker's socket
        if (!w.own_listen) continue;
        if (auto q = read_accept_queue(w.own_listen.get())) {
            if (!tick.accept_queue) tick.accept_queue = AcceptQueue{};
            tick.accept_queue->length += q->length;
            tick.accept_queue->limit += q->limit;
        }
    }
    d.collect_into(tick, monotonic_ns() / 1000);
    tick.process_per_core = d.setup.model == Model::ProcessPerCore;
    return tick;
}

void ServerHost::stop() {
    Impl& d = *impl_;
    {
        MutexLock lock(d.mutex);
        if (d.stopped) return;
        d.stopped = true;
        d.stopping = true;
    }
    d.stop_workers();
    if (d.host_thread.joinable()) {
        // The killed workers' sockets close; their handlers reap them. Then the thread ends.
        asio::post(d.io, [&d]() EXCLUDES(d.mutex) {
            if (d.primary) d.primary->close();
            if (d.liveness) d.liveness->cancel();  // a check already due included
            MutexLock lock(d.mutex);
            for (Impl::Worker& w : d.workers) {
                if (!w.exited) w.process->cancel();  // the read handler then reaps
            }
        });
        d.work.reset();
        d.host_thread.join();
    }
    d.listen.fd.reset();
    // The host thread has ended and nobody else writes the records now; the lock costs
    // nothing and keeps the rule simple.
    MutexLock lock(d.mutex);
    for (Impl::Worker& w : d.workers) w.own_listen.reset();
}

}  // namespace conclab
