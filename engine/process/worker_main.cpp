#include "process/worker_main.hpp"

#include <signal.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#include <sys/socket.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <string>
#include <thread>
#include <variant>

#include "core/annotated_mutex.hpp"
#include "core/clocks.hpp"
#include "core/thread_name.hpp"
#include "core/unique_fd.hpp"
#include "process/fd_limit.hpp"
#include "process/worker_command_line.hpp"
#include "process/worker_protocol.hpp"
#include "server/server.hpp"

namespace conclab {

namespace {

namespace wp = worker_protocol;

// Writes whole lines to the control socket; the reporter thread and the command loop share it.
class ControlChannel {
public:
    explicit ControlChannel(UniqueFd fd) : fd_(std::move(fd)) {}
    bool send(const wp::WorkerMessage& message) EXCLUDES(mutex_) {
        const std::string line = wp::encode(message);
        MutexLock lock(mutex_);
        std::size_t sent = 0;
        while (sent < line.size()) {
            const ssize_t n = ::write(fd_.get(), line.data() + sent, line.size() - sent);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            sent += static_cast<std::size_t>(n);
        }
        return true;
    }
    // Blocks for the next line; false at EOF (the engine is gone). Descriptors sent along
    // (SCM_RIGHTS) queue up in arrival order; each "conn" line takes the next one.
    bool read_line(std::string& line) {
        for (;;) {
            const auto newline = buffer_.find('\n');
            if (newline != std::string::npos) {
                line = buffer_.substr(0, newline);
                buffer_.erase(0, newline + 1);
                return true;
            }
            char chunk[512];
            iovec io{chunk, sizeof chunk};
            alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * 16)];
            msghdr message{};
            message.msg_iov = &io;
            message.msg_iovlen = 1;
            message.msg_control = control;
            message.msg_controllen = sizeof control;
            const ssize_t n = ::recvmsg(fd_.get(), &message, MSG_CMSG_CLOEXEC);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            for (cmsghdr* c = CMSG_FIRSTHDR(&message); c; c = CMSG_NXTHDR(&message, c)) {
                if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
                const std::size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
                for (std::size_t i = 0; i < count; ++i) {
                    int received;
                    std::memcpy(&received, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
                    descriptors_.emplace_back(received);
                }
            }
            buffer_.append(chunk, static_cast<std::size_t>(n));
        }
    }
    // The oldest descriptor received and not yet taken; empty when there is none.
    UniqueFd take_descriptor() {
        if (descriptors_.empty()) return UniqueFd();
        UniqueFd fd = std::move(descriptors_.front());
        descriptors_.pop_front();
        return fd;
    }

private:
    const UniqueFd fd_;
    // Guards no data: it keeps one line's writes together (a line may take several write()s).
    Mutex mutex_;
    // The command loop's only (read_line, take_descriptor).
    std::string buffer_;
    std::deque<UniqueFd> descriptors_;  // received, owned until a "conn" line takes one
};

wp::Stats to_message(const ServerStats& stats) {
    wp::Stats m;
    m.requests = stats.requests;
    m.connections = stats.connections;
    m.in_service = stats.in_service;
    m.in_service_peak = stats.in_service_peak;
    m.waiting = stats.waiting;
    m.cpu_ns = static_cast<std::uint64_t>(process_cpu_ns());
    m.accept_errors = stats.accept_errors;
    m.in_service_area_us = stats.in_service_area_us;
    m.waiting_area_us = stats.waiting_area_us;
    m.waiting_peak = stats.waiting_peak;
    m.clock_us = stats.clock_us;
    m.heartbeat_us = stats.heartbeat_us;
    return m;
}

// The model's internals, then its counters: the host files the internals under the worker and
// takes them into the tick that the stats line closes.
bool send_report(ControlChannel& control, Server& server) {
    const ServerInternals internals = server.internals();
    if (internals.loop && !control.send(wp::LoopInternals{*internals.loop})) return false;
    if (internals.gil && !control.send(wp::GilInternals{*internals.gil})) return false;
    if (!control.send(wp::Resources{read_own_resources()})) return false;
    return control.send(to_message(server.stats()));
}

// Never outlive the engine: the kernel kills us when the thread that started us ends, and a
// parent that died before this is caught by the getppid() check. False when it has died.
bool bind_to_parent(int parent_pid) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (parent_pid != 0 && ::getppid() != parent_pid) return false;
    // Ctrl-C in a terminal reaches the whole process group; the engine decides when we stop.
    ::signal(SIGINT, SIG_IGN);
    ::signal(SIGPIPE, SIG_IGN);
    return true;
}

// Samples the waiting connections every 10 ms (a time average needs many samples per 250 ms
// tick) and reports every 100 ms, on a thread of its own until stop().
class Reporter {
public:
    Reporter(ControlChannel& control, Server& server)
        : thread_([this, &control, &server] { run(control, server); }) {}

    void stop() EXCLUDES(mutex_) {
        {
            MutexLock lock(mutex_);
            stopping_ = true;
        }
        cv_.notify_all();
        thread_.join();
    }

private:
    void run(ControlChannel& control, Server& server) EXCLUDES(mutex_) {
        set_thread_name("cl-report");
        MutexLock lock(mutex_);
        const auto stopping = [&]() REQUIRES(mutex_) { return stopping_; };
        for (int n = 1; !lock.wait_for(cv_, std::chrono::milliseconds(10), stopping); ++n) {
            lock.unlock();
            bool sent = true;
            if (n % 10 == 0) {
                sent = send_report(control, server);
            } else {
                server.sample_waiting();
            }
            lock.lock();
            if (!sent) break;
        }
    }

    Mutex mutex_;
    std::condition_variable cv_;
    bool stopping_ GUARDED_BY(mutex_) = false;
    std::thread thread_;  // last: it starts once the rest is ready
};

// What the worker does after a command: serve on, or end (gracefully or not).
enum class AfterCommand { Continue, Drain, Quit };

// One handler per command, chosen by std::visit: a command added to EngineCommand without a
// handler here does not compile (it used to fall through to "quit").
struct CommandHandler {
    ControlChannel& control;
    Server& server;

    AfterCommand operator()(const wp::Adopt&) const {
        UniqueFd fd = control.take_descriptor();
        // Acknowledged once the server holds it, so that the host's dispatch counts it as taken.
        if (fd) {
            server.adopt_connection(std::move(fd),
                                    [channel = &control] { channel->send(wp::Taken{}); });
        }
        return AfterCommand::Continue;
    }
    AfterCommand operator()(const wp::SetWorkload& set) const {
        server.set_workload(set.workload);
        return AfterCommand::Continue;
    }
    AfterCommand operator()(const wp::SetThreads& set) const {
        if (auto applied = server.set_threads(set.threads); !applied) {
            control.send(wp::Error{applied.error()});
        }
        return AfterCommand::Continue;
    }
    AfterCommand operator()(const wp::Drain&) const { return AfterCommand::Drain; }
    AfterCommand operator()(const wp::Quit&) const { return AfterCommand::Quit; }
};

// Applies the engine's commands until it says quit or drain (or its socket closes); true for
// drain, a graceful end.
bool follow_commands(ControlChannel& control, Server& server) {
    std::string line;
    const CommandHandler handle{control, server};
    while (control.read_line(line)) {
        auto command = wp::parse_engine_command(line);
        if (!command) {
            control.send(wp::Error{"unknown command: " + line});
            continue;
        }
        const AfterCommand after = std::visit(handle, *command);
        if (after != AfterCommand::Continue) return after == AfterCommand::Drain;
    }
    return false;
}

// Scale-down: take no new connections, let requests in service finish (bounded, so that the
// engine's stop budget holds); stop() then closes the rest.
void drain(Server& server) {
    server.stop_accepting();
    for (int i = 0; i < 50 && server.stats().in_service > 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

// The descriptor table a worker grows to before its threads start (worker_main).
constexpr long kWorkerDescriptorTable = 32768;

}  // namespace

int worker_main(int argc, char** argv) {
    const auto parsed = parse_worker_arguments(argc, argv);
    if (!parsed) {
        std::fprintf(stderr, "conclab-worker: %s (this program is started by conclab)\n",
                     parsed.error().c_str());
        return 2;
    }
    const WorkerCommandLine& args = *parsed;
    if (!bind_to_parent(args.parent_pid)) return 1;
    raise_fd_limit();
    // Before the server's threads start: grown now, the table needs no grace period, and the
    // first burst of connections finds it grown, as a real server that has run before does
    // (reserve_descriptor_table() says what a fresh table cost). The worker is not told how
    // many clients will come; 32,768 covers every run below that for 256 KiB of kernel memory.
    reserve_descriptor_table(kWorkerDescriptorTable);

    // Both descriptors were inherited for this process alone: the channel and the server own them.
    ControlChannel control{UniqueFd(args.control_fd)};
    std::unique_ptr<Server> server = make_server(args.server);
    try {
        server->start(UniqueFd(args.listen_fd));
    } catch (const std::exception& e) {
        control.send(wp::Fatal{std::string("cannot serve: ") + e.what()});
        return 1;
    }
    control.send(wp::Ready{static_cast<int>(::getpid())});

    Reporter reporter(control, *server);
    if (follow_commands(control, *server)) drain(*server);
    reporter.stop();
    server->stop();
    send_report(control, *server);  // final count, so no request goes unreported
    return 0;
}

}  // namespace conclab
