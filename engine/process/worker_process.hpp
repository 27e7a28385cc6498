#pragma once
// One conclab-worker child process: started with posix_spawn (never fork() in this
// multi-threaded process), given its control socket as fd 3 and, for kernel scheduling, the
// listening socket as fd 4 — and no other descriptor of ours. Its control socket is read line by
// line on the host's io_context; when it closes, the child is reaped and on_exit() runs.
// All members but send_line() are for the io_context's thread only.

#include <functional>
#include <memory>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/streambuf.hpp>

#include "core/result.hpp"
#include "core/unique_fd.hpp"
#include "process/worker_command_line.hpp"

namespace conclab {

class WorkerProcess {
public:
    struct Callbacks {
        std::function<void(const std::string& line)> on_line;  // one control line, without '\n'
        std::function<void(int wait_status)> on_exit;          // reaped; no more callbacks after
    };

    // Starts the program. `listen_fd` < 0 gives the worker no listening socket (connections
    // then arrive over the control socket); it is borrowed: the child gets a duplicate.
    // Returns the running worker, or why it did not start.
    static Result<std::unique_ptr<WorkerProcess>> spawn(boost::asio::io_context& io,
                                                        const std::string& program,
                                                        ServerConfig server, int listen_fd,
                                                        Callbacks callbacks);
    ~WorkerProcess();
    WorkerProcess(const WorkerProcess&) = delete;
    WorkerProcess& operator=(const WorkerProcess&) = delete;

    int pid() const { return pid_; }
    // Any thread. Control lines are tiny; a blocking write on the raw descriptor is enough.
    // With `pass_fd` >= 0 the descriptor travels with the first byte (SCM_RIGHTS); it is
    // borrowed: the worker gets a copy, and the caller still closes its own. False when the line
    // could not be sent (the worker is gone); its exit is then on its way.
    bool send_line(const std::string& line, int pass_fd = -1) const;
    // Stops reading; the pending read then completes, the child is reaped and on_exit runs.
    void cancel();

    // How a wait status reads to a person: "exit status 1", "signal 9 (Killed)".
    static std::string describe_exit(int wait_status);
    // The same for a chart label: "status 1", "SIGKILL".
    static std::string short_exit(int wait_status);

private:
    WorkerProcess(boost::asio::io_context& io, int pid, UniqueFd control_fd, Callbacks callbacks);
    void read_next();

    int pid_;
    boost::asio::local::stream_protocol::socket control_;
    boost::asio::streambuf input_;
    Callbacks callbacks_;
};

}  // namespace conclab
