#include "process/worker_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>
#include <vector>

#include <boost/asio/read_until.hpp>

#include "core/unique_fd.hpp"

extern char** environ;

namespace conclab {

namespace asio = boost::asio;

namespace {

// Spawn attributes: signals unblocked, SIGPIPE and SIGTERM back to their defaults.
struct SpawnAttributes {
    posix_spawnattr_t value;
    SpawnAttributes() {
        posix_spawnattr_init(&value);
        sigset_t none, defaults;
        sigemptyset(&none);
        sigemptyset(&defaults);
        sigaddset(&defaults, SIGPIPE);
        sigaddset(&defaults, SIGTERM);
        posix_spawnattr_setsigmask(&value, &none);
        posix_spawnattr_setsigdefault(&value, &defaults);
        posix_spawnattr_setflags(&value, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    }
    ~SpawnAttributes() { posix_spawnattr_destroy(&value); }
};

// The child gets the control socket as fd 3 and the listening socket as fd 4, and no other
// descriptor of ours (closefrom 5): a leaked client socket would keep connections open after the
// load generator closed them. Both descriptors are borrowed: the child gets copies.
struct SpawnDescriptors {
    posix_spawn_file_actions_t value;
    SpawnDescriptors(int control_fd, int listen_fd) {
        posix_spawn_file_actions_init(&value);
        posix_spawn_file_actions_adddup2(&value, control_fd, 3);
        if (listen_fd >= 0) posix_spawn_file_actions_adddup2(&value, listen_fd, 4);
        posix_spawn_file_actions_addclosefrom_np(&value, 5);
    }
    ~SpawnDescriptors() { posix_spawn_file_actions_destroy(&value); }
};

}  // namespace

Result<std::unique_ptr<WorkerProcess>> WorkerProcess::spawn(asio::io_context& io,
                                                            const std::string& program,
                                                            ServerConfig server, int listen_fd,
                                                            Callbacks callbacks) {
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
        return Failure{std::string("cannot create a control socket: ") + std::strerror(errno)};
    }
    UniqueFd control(pair[0]);
    UniqueFd child_end(pair[1]);
    pid_t pid = 0;
    int rc = 0;
    {
        // Above the standard descriptors, so that dup2 onto 3 and 4 cannot clobber a source.
        // The child's copies stay open until posix_spawn has run the file actions that name
        // them, and close at the end of this block, in this process only.
        const UniqueFd child_control(::fcntl(child_end.get(), F_DUPFD_CLOEXEC, 10));
        const UniqueFd child_listen(listen_fd >= 0 ? ::fcntl(listen_fd, F_DUPFD_CLOEXEC, 10) : -1);
        child_end.reset();  // the duplicate stands in for it

        const WorkerCommandLine command_line{.listen_fd = child_listen ? 4 : -1,
                                             .control_fd = 3,
                                             .parent_pid = static_cast<int>(::getpid()),
                                             .server = server};
        std::vector<std::string> args = to_arguments(command_line);
        args.insert(args.begin(), program);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);

        SpawnDescriptors descriptors(child_control.get(), child_listen.get());
        SpawnAttributes attributes;
        rc = ::posix_spawn(&pid, program.c_str(), &descriptors.value, &attributes.value,
                           argv.data(), environ);
    }
    if (rc != 0) {
        return Failure{"cannot start the server worker " + program + ": " + std::strerror(rc)};
    }
    std::unique_ptr<WorkerProcess> worker(
        new WorkerProcess(io, static_cast<int>(pid), std::move(control), std::move(callbacks)));
    worker->read_next();
    return worker;
}

WorkerProcess::WorkerProcess(asio::io_context& io, int pid, UniqueFd control_fd,
                             Callbacks callbacks)
    : pid_(pid), control_(io), callbacks_(std::move(callbacks)) {
    control_.assign(asio::local::stream_protocol(), control_fd.get());
    static_cast<void>(control_fd.release());  // the socket owns it now
}

WorkerProcess::~WorkerProcess() = default;

void WorkerProcess::read_next() {
    asio::async_read_until(
        control_, input_, '\n', [this](boost::system::error_code ec, std::size_t n) {
            if (ec) {
                // The control socket closed: the worker exited (or is exiting). Reap it.
                int status = 0;
                ::waitpid(pid_, &status, 0);
                boost::system::error_code ignored;
                control_.close(ignored);
                callbacks_.on_exit(status);
                return;
            }
            std::string line(
                asio::buffers_begin(input_.data()),
                asio::buffers_begin(input_.data()) + static_cast<std::ptrdiff_t>(n) - 1);
            input_.consume(n);
            callbacks_.on_line(line);
            read_next();
        });
}

bool WorkerProcess::send_line(const std::string& line, int pass_fd) const {
    const int fd = const_cast<asio::local::stream_protocol::socket&>(control_).native_handle();
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
            return false;  // the worker is gone; its EOF is handled by the reader
        }
    }
    return sent == line.size();
}

void WorkerProcess::cancel() {
    boost::system::error_code ignored;
    control_.cancel(ignored);
}

std::string WorkerProcess::short_exit(int status) {
    if (WIFEXITED(status)) return "status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) {
        const char* name = ::sigabbrev_np(WTERMSIG(status));  // "KILL", without the SIG
        return name ? std::string("SIG") + name : "signal " + std::to_string(WTERMSIG(status));
    }
    return "status " + std::to_string(status);
}

std::string WorkerProcess::describe_exit(int status) {
    if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) {
        return std::string("signal ") + std::to_string(WTERMSIG(status)) + " (" +
               ::strsignal(WTERMSIG(status)) + ")";
    }
    return "status " + std::to_string(status);
}

}  // namespace conclab
