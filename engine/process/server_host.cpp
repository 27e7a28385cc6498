#include "process/server_host.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <future>
#include <list>
#include <mutex>
#include <sstream>
#include <thread>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/streambuf.hpp>

#include "core/start_error.hpp"
#include "core/thread_name.hpp"
#include "process/worker_command_line.hpp"
#include "process/worker_protocol.hpp"

extern char** environ;

namespace conclab {

namespace asio = boost::asio;
namespace wp = worker_protocol;
using Clock = std::chrono::steady_clock;

namespace {

std::string describe_exit(int status) {
    if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) {
        return std::string("signal ") + std::to_string(WTERMSIG(status)) + " (" +
               ::strsignal(WTERMSIG(status)) + ")";
    }
    return "status " + std::to_string(status);
}

}  // namespace

struct ServerHost::Impl {
    struct Worker {
        int pid = 0;
        std::unique_ptr<asio::local::stream_protocol::socket> control;
        asio::streambuf input;
        bool ready = false;
        bool quitting = false;  // asked to quit: its exit is expected
        bool exited = false;
        wp::Stats last;
        int peak_since_collect = 0;
        int waiting_peak_since_collect = 0;
        std::uint64_t cpu_ns_collected = 0;
    };

    ServerConfig config;
    std::string worker_program;
    ListenSocket listen;

    asio::io_context io;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
    std::thread host_thread;                          // spawns, watches and reaps every worker
    std::optional<asio::ip::tcp::acceptor> acceptor;  // round-robin scheduling only
    std::optional<asio::steady_timer> accept_retry;
    std::size_t next_worker = 0;

    mutable std::mutex mutex;  // guards everything below
    std::condition_variable changed;
    std::list<Worker> workers;
    std::vector<std::string> problems;
    std::uint64_t requests_collected = 0;
    std::uint64_t requests_of_exited = 0;
    std::map<int, std::uint64_t> requests_by_pid;
    bool stopping = false;
    bool stopped = false;
    int restarts = 0;

    // Host thread only. Returns an error message, or empty.
    std::string spawn_worker() {
        int pair[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
            return std::string("cannot create a control socket: ") + std::strerror(errno);
        }
        // The child gets the control socket as fd 3 and the listening socket as fd 4, and no
        // other descriptor of ours (closefrom 5): a leaked client socket would keep connections
        // open after the load generator closed them.
        // With round-robin scheduling the worker gets no listening socket: connections arrive
        // over the control socket.
        const int child_control = ::fcntl(pair[1], F_DUPFD_CLOEXEC, 10);
        const int child_listen = round_robin() ? -1 : ::fcntl(listen.fd, F_DUPFD_CLOEXEC, 10);
        ::close(pair[1]);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, child_control, 3);
        if (child_listen >= 0) posix_spawn_file_actions_adddup2(&actions, child_listen, 4);
        posix_spawn_file_actions_addclosefrom_np(&actions, 5);
        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        sigset_t none, defaults;
        sigemptyset(&none);
        sigemptyset(&defaults);
        sigaddset(&defaults, SIGPIPE);
        sigaddset(&defaults, SIGTERM);
        posix_spawnattr_setsigmask(&attributes, &none);
        posix_spawnattr_setsigdefault(&attributes, &defaults);
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

        WorkerCommandLine command_line{.listen_fd = child_listen >= 0 ? 4 : -1,
                                       .control_fd = 3,
                                       .parent_pid = static_cast<int>(::getpid()),
                                       .server = config};
        if (config.model == Model::ProcessPerCore) command_line.server.model = config.inner;
        std::vector<std::string> args = to_arguments(command_line);
        args.insert(args.begin(), worker_program);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        pid_t pid = 0;
        const int rc = ::posix_spawn(&pid, worker_program.c_str(), &actions, &attributes,
                                     argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attributes);
        ::close(child_control);
        if (child_listen >= 0) ::close(child_listen);
        if (rc != 0) {
            ::close(pair[0]);
            return "cannot start the server worker " + worker_program + ": " + std::strerror(rc);
        }
        std::lock_guard lock(mutex);
        Worker& worker = workers.emplace_back();
        worker.pid = pid;
        worker.control = std::make_unique<asio::local::stream_protocol::socket>(io);
        worker.control->assign(asio::local::stream_protocol(), pair[0]);
        read_next(worker);
        return {};
    }

    void read_next(Worker& worker) {
        asio::async_read_until(*worker.control, worker.input, '\n',
                               [this, &worker](boost::system::error_code ec, std::size_t n) {
                                   if (ec) return on_worker_gone(worker);
                                   std::string line(
                                       asio::buffers_begin(worker.input.data()),
                                       asio::buffers_begin(worker.input.data()) + n - 1);
                                   worker.input.consume(n);
                                   on_message(worker, line);
                                   read_next(worker);
                               });
    }

    void on_message(Worker& worker, const std::string& line) {
        auto message = wp::parse_worker_message(line);
        std::lock_guard lock(mutex);
        if (!message) {
            problems.push_back("server worker " + std::to_string(worker.pid) +
                               " sent an unreadable line: " + line);
        } else if (std::holds_alternative<wp::Ready>(*message)) {
            worker.ready = true;
        } else if (auto* stats = std::get_if<wp::Stats>(&*message)) {
            worker.last = *stats;
            worker.peak_since_collect = std::max(worker.peak_since_collect, stats->in_service_peak);
            worker.waiting_peak_since_collect =
                std::max(worker.waiting_peak_since_collect, stats->waiting);
            requests_by_pid[worker.pid] = stats->requests;
        } else if (auto* error = std::get_if<wp::Error>(&*message)) {
            problems.push_back("server worker " + std::to_string(worker.pid) + ": " + error->text);
        } else if (auto* fatal = std::get_if<wp::Fatal>(&*message)) {
            problems.push_back("server worker " + std::to_string(worker.pid) +
                               " failed: " + fatal->text);
        }
        changed.notify_all();
    }

    // The control socket closed: the worker exited (or is exiting). Reap it.
    void on_worker_gone(Worker& worker) {
        int status = 0;
        ::waitpid(worker.pid, &status, 0);
        boost::system::error_code ignored;
        worker.control->close(ignored);
        bool replace = false;
        {
            std::lock_guard lock(mutex);
            worker.exited = true;
            requests_of_exited += worker.last.requests;
            if (!worker.quitting && !stopping) {
                problems.push_back("server worker " + std::to_string(worker.pid) +
                                   " exited unexpectedly (" + describe_exit(status) + ")" +
                                   (worker.ready ? "; starting a replacement" : ""));
                // Like gunicorn's arbiter: a worker that was serving is replaced. One that never
                // got ready is not, so a broken worker cannot loop.
                replace = worker.ready && restarts < 20;
            }
            if (replace) ++restarts;
            changed.notify_all();
        }
        // Remove the record later, from this thread, once no handler refers to it.
        asio::post(io, [this, pid = worker.pid] {
            std::lock_guard lock(mutex);
            workers.remove_if([pid](const Worker& w) { return w.pid == pid && w.exited; });
        });
        if (replace) {
            if (std::string error = spawn_worker(); !error.empty()) {
                std::lock_guard lock(mutex);
                problems.push_back(error);
            }
        }
    }

    bool round_robin() const {
        return config.model == Model::ProcessPerCore && config.scheduling == Scheduling::RoundRobin;
    }

    // Round-robin scheduling (host thread): accept here and hand each connection to the next
    // worker, as Node's cluster primary does.
    void accept_for_workers() {
        acceptor->async_accept([this](boost::system::error_code ec, asio::ip::tcp::socket socket) {
            if (ec == asio::error::operation_aborted || !acceptor->is_open()) return;
            if (ec) {
                {
                    std::lock_guard lock(mutex);
                    problems.push_back("accept failed: " + ec.message());
                }
                accept_retry->expires_after(std::chrono::milliseconds(50));
                accept_retry->async_wait([this](boost::system::error_code wait_ec) {
                    if (!wait_ec) accept_for_workers();
                });
                return;
            }
            hand_to_next_worker(std::move(socket));
            accept_for_workers();
        });
    }

    void hand_to_next_worker(asio::ip::tcp::socket socket) {
        std::lock_guard lock(mutex);
        std::vector<Worker*> ready;
        for (Worker& w : workers) {
            if (w.ready && !w.exited && !w.quitting) ready.push_back(&w);
        }
        if (ready.empty()) return;  // no worker to serve it: the socket closes, the client sees it
        Worker& worker = *ready[next_worker++ % ready.size()];
        send_line(worker, wp::encode(wp::Adopt{}), socket.native_handle());
        // The worker has its own copy of the descriptor now; ours closes with `socket`.
    }

    // Any thread. Control lines are tiny; a blocking write on the raw descriptor is enough.
    // With `pass_fd` >= 0 the descriptor travels with the first byte (SCM_RIGHTS).
    static void send_line(const Worker& worker, const std::string& line, int pass_fd = -1) {
        const int fd = worker.control->native_handle();
        std::size_t sent = 0;
        for (int tries = 0; sent < line.size() && tries < 1000; ++tries) {
            iovec io{const_cast<char*>(line.data() + sent), line.size() - sent};
            msghdr message{};
            message.msg_iov = &io;
            message.msg_iovlen = 1;
            alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))];
            if (pass_fd >= 0 && sent == 0) {
                message.msg_control = control;
                message.msg_controllen = sizeof control;
                cmsghdr* c = CMSG_FIRSTHDR(&message);
                c->cmsg_level = SOL_SOCKET;
                c->cmsg_type = SCM_RIGHTS;
                c->cmsg_len = CMSG_LEN(sizeof(int));
                std::memcpy(CMSG_DATA(c), &pass_fd, sizeof(int));
            }
            const ssize_t n = ::sendmsg(fd, &message, MSG_NOSIGNAL);
            if (n > 0) {
                sent += static_cast<std::size_t>(n);
            } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
                std::this_thread::sleep_for(std::chrono::microseconds(100));
            } else {
                return;  // the worker is gone; its EOF is handled by the reader
            }
        }
    }

    void send_to_all(const wp::EngineCommand& command) {
        const std::string line = wp::encode(command);
        std::lock_guard lock(mutex);
        for (const Worker& worker : workers) {
            if (!worker.exited && !worker.quitting) send_line(worker, line);
        }
    }

    int live_workers_locked() const {
        return static_cast<int>(std::count_if(workers.begin(), workers.end(), [](const Worker& w) {
            return !w.exited && !w.quitting;
        }));
    }

    // Runs `task` on the host thread and waits for it.
    std::string on_host_thread(std::function<std::string()> task) {
        std::packaged_task<std::string()> packaged(std::move(task));
        auto result = packaged.get_future();
        asio::post(io, [&packaged] { packaged(); });
        return result.get();
    }
};

ServerHost::ServerHost(ServerConfig config, std::string worker_program)
    : impl_(std::make_unique<Impl>()) {
    impl_->config = config;
    impl_->worker_program = std::move(worker_program);
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
    d.listen = open_listen_socket(d.config.port, d.config.listen_backlog);
    if (d.listen.fd < 0) throw StartError(d.listen.error);
    d.work.emplace(d.io.get_executor());
    d.host_thread = std::thread([&d] {
        set_thread_name("cl-host");
        d.io.run();
    });
    const int count = d.config.model == Model::ProcessPerCore ? d.config.workers : 1;
    const std::string error = d.on_host_thread([&d, count] {
        for (int i = 0; i < count; ++i) {
            if (std::string e = d.spawn_worker(); !e.empty()) return e;
        }
        return std::string();
    });
    std::string failure = error;
    if (failure.empty()) {
        std::unique_lock lock(d.mutex);
        const bool all_ready = d.changed.wait_for(lock, std::chrono::seconds(10), [&] {
            const bool ready = std::all_of(d.workers.begin(), d.workers.end(),
                                           [](const Impl::Worker& w) { return w.ready; });
            return (ready && static_cast<int>(d.workers.size()) == count) || !d.problems.empty();
        });
        if (!d.problems.empty()) {
            failure = d.problems.front();
        } else if (!all_ready) {
            failure = "the server workers did not start within 10 s";
        }
    }
    if (failure.empty() && d.round_robin()) {
        failure = d.on_host_thread([&d] {
            d.acceptor.emplace(d.io);
            d.accept_retry.emplace(d.io);
            boost::system::error_code ec;
            d.acceptor->assign(asio::ip::tcp::v4(), ::fcntl(d.listen.fd, F_DUPFD_CLOEXEC, 10), ec);
            if (ec) return std::string("cannot accept on the listening socket: ") + ec.message();
            d.accept_for_workers();
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
        impl_->config.workload = workload;  // replacements start with the current workload
    }
    impl_->send_to_all(wp::SetWorkload{workload});
}

std::string ServerHost::set_threads(int threads) {
    Impl& d = *impl_;
    const Model model = d.config.model == Model::ProcessPerCore ? d.config.inner : d.config.model;
    if (model != Model::GilThreads) return "threads apply to gil-threads only";
    if ((d.config.threads == 0) != (threads == 0)) {
        return "switching between a thread pool and one thread per connection needs a new run";
    }
    {
        std::lock_guard lock(d.mutex);
        d.config.threads = threads;
    }
    d.send_to_all(wp::SetThreads{threads});
    return {};
}

std::string ServerHost::set_workers(int workers) {
    Impl& d = *impl_;
    if (d.config.model != Model::ProcessPerCore) return "workers apply to process-per-core only";
    if (workers < 1 || workers > Limits::kMaxWorkers) {
        return "workers must be 1.." + std::to_string(Limits::kMaxWorkers);
    }
    return d.on_host_thread([&d, workers] {
        int live = 0;
        {
            std::lock_guard lock(d.mutex);
            if (d.stopping) return std::string("the run is stopping");
            d.config.workers = workers;
            live = d.live_workers_locked();
            // Scale down: the newest workers finish what they serve and leave.
            for (auto it = d.workers.rbegin(); it != d.workers.rend() && live > workers; ++it) {
                if (it->exited || it->quitting) continue;
                it->quitting = true;
                Impl::send_line(*it, wp::encode(wp::Drain{}));
                --live;
            }
        }
        for (; live < workers; ++live) {
            if (std::string e = d.spawn_worker(); !e.empty()) return e;
        }
        return std::string();
    });
}

HostTick ServerHost::collect() {
    Impl& d = *impl_;
    HostTick tick;
    if (d.listen.fd >= 0) tick.accept_queue = read_accept_queue(d.listen.fd);
    std::lock_guard lock(d.mutex);
    std::uint64_t total = d.requests_of_exited;
    for (Impl::Worker& w : d.workers) {
        if (!w.exited) {
            total += w.last.requests;
            tick.connections += w.last.connections;
            tick.in_service += w.last.in_service;
            tick.pids.push_back(w.pid);
        }
        tick.in_service_peak += std::max(w.peak_since_collect, w.last.in_service);
        tick.waiting += w.waiting_peak_since_collect;
        tick.cpu_ns += w.last.cpu_ns - std::min(w.last.cpu_ns, w.cpu_ns_collected);
        tick.accept_errors += w.last.accept_errors;
        w.cpu_ns_collected = w.last.cpu_ns;
        w.peak_since_collect = 0;
        w.waiting_peak_since_collect = 0;
    }
    tick.requests_total = total;
    tick.requests = total - std::min(total, d.requests_collected);
    d.requests_collected = total;
    tick.requests_by_pid = d.requests_by_pid;
    tick.problems.swap(d.problems);
    tick.failed = d.live_workers_locked() == 0 && !d.stopping;
    return tick;
}

void ServerHost::stop() {
    Impl& d = *impl_;
    {
        std::lock_guard lock(d.mutex);
        if (d.stopped) return;
        d.stopped = true;
        d.stopping = true;
        for (Impl::Worker& w : d.workers) {
            if (!w.exited) {
                w.quitting = true;
                Impl::send_line(w, wp::encode(wp::Quit{}));
            }
        }
    }
    {
        // Workers stop at once; one that has not exited within a second is killed.
        std::unique_lock lock(d.mutex);
        d.changed.wait_for(lock, std::chrono::milliseconds(1000), [&] {
            return std::all_of(d.workers.begin(), d.workers.end(),
                               [](const Impl::Worker& w) { return w.exited; });
        });
        for (Impl::Worker& w : d.workers) {
            if (!w.exited) ::kill(w.pid, SIGKILL);
        }
    }
    if (d.host_thread.joinable()) {
        // The killed workers' sockets close; their handlers reap them. Then the thread ends.
        asio::post(d.io, [&d] {
            boost::system::error_code ignored;
            if (d.acceptor) d.acceptor->close(ignored);
            if (d.accept_retry) d.accept_retry->cancel();
            std::lock_guard lock(d.mutex);
            for (Impl::Worker& w : d.workers) {
                if (w.exited) continue;
                boost::system::error_code ignored;
                w.control->cancel(ignored);  // the read handler then reaps
            }
        });
        d.work.reset();
        d.host_thread.join();
    }
    if (d.listen.fd >= 0) {
        ::close(d.listen.fd);
        d.listen.fd = -1;
    }
}

}  // namespace conclab
