#include "process/server_host.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <future>
#include <list>
#include <mutex>
#include <thread>
#include <utility>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include "core/clocks.hpp"
#include "core/start_error.hpp"
#include "core/thread_name.hpp"
#include "process/round_robin_dispatch.hpp"
#include "process/worker_liveness.hpp"
#include "process/worker_process.hpp"
#include "process/worker_protocol.hpp"
#include "process/worker_record.hpp"

namespace conclab {

namespace asio = boost::asio;
namespace wp = worker_protocol;

struct ServerHost::Impl {
    using Worker = WorkerRecord;

    Impl(const ServerConfig& config, std::string program)
        : setup(resolved(config)), worker_program(std::move(program)) {}

    // Fixed at construction and read by every thread without a lock: const, so that a write
    // does not compile. The knobs that change during a run are in LiveKnobs, under the mutex.
    const ServerConfig setup;  // resolved(): timeouts filled in; workload etc. as at the start
    const std::string worker_program;
    ListenSocket listen;  // opened by start() before the host thread runs, closed after it ends

    asio::io_context io;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
    std::thread host_thread;                     // spawns, watches and reaps every worker
    std::optional<RoundRobinDispatch> primary;   // round-robin scheduling only (host thread)
    std::optional<asio::steady_timer> liveness;  // worker timeout only

    mutable std::mutex mutex;  // guards everything below
    std::condition_variable changed;
    // What the live knobs say now: a replacement worker starts with these, not with setup's.
    // Reached only through live(lock), so that code that holds no lock cannot read them.
    struct LiveKnobs {
        Workload workload;
        int threads = 0;
    };
    LiveKnobs& live(const std::lock_guard<std::mutex>& /*holding mutex*/) { return live_; }
    LiveKnobs& live(const std::unique_lock<std::mutex>& /*holding mutex*/) { return live_; }
    std::list<Worker> workers;
    std::vector<std::string> problems;
    std::uint64_t requests_collected = 0;
    std::uint64_t requests_of_exited = 0;
    std::map<int, std::uint64_t> requests_by_pid;
    bool stopping = false;
    bool stopped = false;
    int restarts = 0;
    int replacements_due = 0;                // dead workers whose replacement is being started
    std::uint64_t lost_requests = 0;         // since the last collect
    std::vector<WorkerDeath> worker_deaths;  // since the last collect, for chart markers

    // Host thread only. Returns an error message, or empty.
    std::string spawn_worker() {
        ServerConfig worker_config = setup;
        if (setup.model == Model::ProcessPerCore) worker_config.model = setup.inner;
        // With round-robin scheduling the worker gets no listening socket: connections arrive
        // over the control socket.
        // Reuseport: a listening socket of the worker's own on the shared port; the host keeps
        // it too, to read its accept queue, and closes it when the worker is gone.
        ListenSocket own;
        if (reuse_port()) {
            auto opened = open_listen_socket(listen.port, setup.listen_backlog, true, true);
            if (!opened) return opened.error();
            own = std::move(*opened);
        }
        const int listen_fd = round_robin() ? -1 : reuse_port() ? own.fd.get() : listen.fd.get();
        std::lock_guard lock(mutex);
        worker_config.workload = live(lock).workload;
        worker_config.threads = live(lock).threads;
        Worker& worker = workers.emplace_back();
        worker.own_listen = std::move(own.fd);
        auto spawned = WorkerProcess::spawn(
            io, worker_program, worker_config, listen_fd,
            {.on_line = [this, &worker](const std::string& line) { on_message(worker, line); },
             .on_exit = [this, &worker](int status) { on_worker_gone(worker, status); }});
        if (!spawned) {
            workers.pop_back();  // and its own listening socket with it
            return spawned.error();
        }
        worker.process = std::move(*spawned);
        worker.pid = worker.process->pid();
        return {};
    }

    void on_message(Worker& worker, const std::string& line) {
        std::lock_guard lock(mutex);
        worker.take_message(line, problems, requests_by_pid);
        if (primary) primary->dispatch_locked();  // it may be ready, or have taken its last
        changed.notify_all();
    }

    // The worker exited and has been reaped (host thread).
    void on_worker_gone(Worker& worker, int status) {
        bool replace = false;
        bool unexpected = false;
        {
            std::lock_guard lock(mutex);
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
        asio::post(io, [this, pid = worker.pid] {
            std::lock_guard lock(mutex);
            workers.remove_if([pid](const Worker& w) {
                if (w.pid != pid || !w.exited) return false;
                // Its queue goes with it (own_listen closes): connections waiting there are
                // reset, as with nginx.
                return true;
            });
        });
        int replacement = 0;
        if (replace) {
            const std::string error = spawn_worker();
            std::lock_guard lock(mutex);
            --replacements_due;
            if (!error.empty()) {
                problems.push_back(error);
            } else {
                replacement = workers.back().pid;
            }
        }
        if (unexpected) {
            std::lock_guard lock(mutex);
            worker_deaths.push_back(describe_death(worker, status, replacement));
        }
        if (primary) {  // connections waiting for a worker: to the replacement, or the others
            std::lock_guard lock(mutex);
            primary->dispatch_locked();
        }
    }

    bool reuse_port() const {
        return setup.model == Model::ProcessPerCore && setup.scheduling == Scheduling::ReusePort;
    }

    bool round_robin() const {
        return setup.model == Model::ProcessPerCore && setup.scheduling == Scheduling::RoundRobin;
    }

    void send_to_all(const wp::EngineCommand& command) {
        const std::string line = wp::encode(command);
        std::lock_guard lock(mutex);
        for (const Worker& worker : workers) {
            if (!worker.exited && !worker.quitting) worker.process->send_line(line);
        }
    }

    int live_workers_locked() const {
        return static_cast<int>(std::count_if(workers.begin(), workers.end(), [](const Worker& w) {
            return !w.exited && !w.quitting;
        }));
    }

    // Runs `task` on the host thread and waits for it. Once stop() has begun the host thread may
    // be gone, so the task is refused rather than posted to a loop that will never run it.
    std::string on_host_thread(std::function<std::string()> task) {
        std::packaged_task<std::string()> packaged(std::move(task));
        auto result = packaged.get_future();
        {
            // Posted under the lock that stop() takes to set `stopping`: a task posted before
            // that runs before the host thread ends (posted work keeps io.run() going).
            std::lock_guard lock(mutex);
            if (stopping) return "the run is stopping";
            asio::post(io, [&packaged] { packaged(); });
        }
        return result.get();
    }

    // gunicorn's arbiter (murder_workers): see worker_liveness.hpp. Killed workers are replaced
    // once reaped (on_worker_gone).
    void check_liveness() {
        const std::int64_t now_us = monotonic_ns() / 1000;
        std::lock_guard lock(mutex);
        for (const int pid :
             mark_timed_out_workers(workers, setup.timeouts.worker_s, now_us, problems)) {
            ::kill(pid, SIGKILL);
        }
    }

    void watch_liveness() {  // host thread
        liveness->expires_after(kLivenessCheck);
        liveness->async_wait([this](boost::system::error_code ec) {
            if (ec) return;
            check_liveness();
            watch_liveness();
        });
    }

    // Start: spawn `count` workers and wait until every one is ready (or one failed).
    std::string start_workers(int count);
    void stop_workers();

private:
    LiveKnobs live_;  // guarded by mutex: see live()
};

std::string ServerHost::Impl::start_workers(int count) {
    std::string failure = on_host_thread([this, count] {
        for (int i = 0; i < count; ++i) {
            if (std::string e = spawn_worker(); !e.empty()) return e;
        }
        return std::string();
    });
    if (!failure.empty()) return failure;
    std::unique_lock lock(mutex);
    const bool all_ready = changed.wait_for(lock, std::chrono::seconds(10), [&] {
        const bool ready =
            std::all_of(workers.begin(), workers.end(), [](const Worker& w) { return w.ready; });
        return (ready && static_cast<int>(workers.size()) == count) || !problems.empty();
    });
    if (!problems.empty()) return problems.front();
    if (!all_ready) return "the server workers did not start within 10 s";
    return {};
}

// Workers stop at once; one that has not exited within a second is killed.
void ServerHost::Impl::stop_workers() {
    std::unique_lock lock(mutex);
    for (Worker& w : workers) {
        if (!w.exited) {
            w.quitting = true;
            w.process->send_line(wp::encode(wp::Quit{}));
        }
    }
    changed.wait_for(lock, std::chrono::milliseconds(1000), [&] {
        return std::all_of(workers.begin(), workers.end(),
                           [](const Worker& w) { return w.exited; });
    });
    for (Worker& w : workers) {
        if (!w.exited) ::kill(w.pid, SIGKILL);
    }
}

ServerHost::ServerHost(ServerConfig config, std::string worker_program)
    : impl_(std::make_unique<Impl>(config, std::move(worker_program))) {
    std::lock_guard lock(impl_->mutex);
    impl_->live(lock) = {.workload = impl_->setup.workload, .threads = impl_->setup.threads};
}

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
    std::string failure = d.start_workers(count);
    if (failure.empty() && d.round_robin()) {
        failure = d.on_host_thread([&d] {
            d.primary.emplace(d.io, d.mutex, d.workers, d.problems);
            auto accepting = d.primary->start(d.listen.fd.get());
            return accepting ? std::string() : accepting.error();
        });
    }
    if (failure.empty() && d.setup.timeouts.worker_s > 0) {
        d.on_host_thread([&d] {
            d.liveness.emplace(d.io);
            d.watch_liveness();
            return std::string();
        });
    }
    if (!failure.empty()) {
        stop();
        throw StartError(failure);
    }
}

std::uint16_t ServerHost::port() const {
    return impl_->listen.port;
}

void ServerHost::set_workload(const Workload& workload) {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->live(lock).workload = workload;  // replacements start with the current workload
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
        std::lock_guard lock(d.mutex);
        d.live(lock).threads = threads;
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
    std::string failure = d.on_host_thread([&d, workers] {
        int live = 0;
        {
            std::lock_guard lock(d.mutex);
            if (d.stopping) return std::string("the run is stopping");
            live = d.live_workers_locked();
            // Scale down: the newest workers finish what they serve and leave.
            for (auto it = d.workers.rbegin(); it != d.workers.rend() && live > workers; ++it) {
                if (it->exited || it->quitting) continue;
                it->quitting = true;
                it->process->send_line(wp::encode(wp::Drain{}));
                --live;
            }
        }
        for (; live < workers; ++live) {
            if (std::string e = d.spawn_worker(); !e.empty()) return e;
        }
        return std::string();
    });
    if (!failure.empty()) return Failure{std::move(failure)};
    return {};
}

Result<int> ServerHost::kill_worker(int pid) {
    Impl& d = *impl_;
    if (d.setup.model != Model::ProcessPerCore) {
        return Failure{
            "killing a worker applies to process-per-core only (the other models are one server "
            "process: killing it ends the run)"};
    }
    std::lock_guard lock(d.mutex);
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
    std::lock_guard lock(d.mutex);
    if (!d.reuse_port() && d.listen.fd) tick.accept_queue = read_accept_queue(d.listen.fd.get());
    for (const Impl::Worker& w : d.workers) {  // reuseport: the queues of every worker's socket
        if (!w.own_listen) continue;
        if (auto q = read_accept_queue(w.own_listen.get())) {
            if (!tick.accept_queue) tick.accept_queue = AcceptQueue{};
            tick.accept_queue->length += q->length;
            tick.accept_queue->limit += q->limit;
        }
    }
    std::uint64_t total = d.requests_of_exited;
    const std::int64_t now_us = monotonic_ns() / 1000;
    for (Impl::Worker& w : d.workers) w.collect_into(tick, total, now_us, d.problems);
    tick.requests_total = total;
    tick.requests = total - std::min(total, d.requests_collected);
    d.requests_collected = total;
    tick.requests_by_pid = d.requests_by_pid;
    tick.problems.swap(d.problems);
    tick.failed = d.live_workers_locked() == 0 && d.replacements_due == 0 && !d.stopping;
    tick.restarts = d.restarts;
    tick.lost_requests = std::exchange(d.lost_requests, 0);
    tick.worker_deaths.swap(d.worker_deaths);
    tick.process_per_core = d.setup.model == Model::ProcessPerCore;
    return tick;
}

void ServerHost::stop() {
    Impl& d = *impl_;
    {
        std::lock_guard lock(d.mutex);
        if (d.stopped) return;
        d.stopped = true;
        d.stopping = true;
    }
    d.stop_workers();
    if (d.host_thread.joinable()) {
        // The killed workers' sockets close; their handlers reap them. Then the thread ends.
        asio::post(d.io, [&d] {
            if (d.primary) d.primary->close();
            if (d.liveness) d.liveness->cancel();
            std::lock_guard lock(d.mutex);
            for (Impl::Worker& w : d.workers) {
                if (!w.exited) w.process->cancel();  // the read handler then reaps
            }
        });
        d.work.reset();
        d.host_thread.join();
    }
    d.listen.fd.reset();
    for (Impl::Worker& w : d.workers) w.own_listen.reset();  // the host thread has ended: no lock
}

}  // namespace conclab
