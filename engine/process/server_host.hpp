#pragma once
// Runs the server side of an experiment in real OS processes: one conclab-worker for the event
// loop and the GIL model (a Node or a Flask process), N of them sharing one listening socket for
// process-per-core (Node's cluster with SCHED_NONE, gunicorn's prefork: every worker accept()s
// and the kernel decides who wins). The host creates the socket, so it can read the kernel's
// accept queue, and collects the workers' counters over their control sockets.
//
// Workers are started by executing the worker program (posix_spawn, no fork of this
// multi-threaded process), die with the host thread that started them (PR_SET_PDEATHSIG), and are
// always reaped by stop().

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/run_config.hpp"
#include "server/listen_socket.hpp"

namespace conclab {

// What the server side did since the previous collect().
struct HostTick {
    std::uint64_t requests = 0;        // responses written, since the previous collect
    std::uint64_t requests_total = 0;  // since start
    int connections = 0;
    int in_service = 0;
    int in_service_peak = 0;  // sum over workers of each one's peak since the previous collect
    int waiting = 0;          // peak of requests arrived-not-served since the previous collect
    std::optional<AcceptQueue> accept_queue;       // the kernel's queue, now
    std::uint64_t cpu_ns = 0;                      // CPU of all workers since the previous collect
    std::vector<int> pids;                         // live workers
    std::map<int, std::uint64_t> requests_by_pid;  // every worker ever, cumulative
    std::vector<std::string> problems;             // new since the previous collect
    std::uint64_t accept_errors = 0;               // since start
    bool failed = false;                           // no worker left and none can be started
    int restarts = 0;                              // workers replaced since start
    std::uint64_t lost_requests = 0;  // in service on workers that died, since the last collect
    std::vector<std::string> worker_deaths;  // "worker 1234 died (signal 9) → 1240", since then
};

class ServerHost {
public:
    // `config` as resolved() (workers and backlog filled in).
    ServerHost(ServerConfig config, std::string worker_program);
    ~ServerHost();
    ServerHost(const ServerHost&) = delete;
    ServerHost& operator=(const ServerHost&) = delete;

    void start();  // throws StartError
    std::uint16_t port() const;

    void set_workload(const Workload& workload);
    std::string set_threads(int threads);  // error message or empty
    std::string set_workers(int workers);  // process-per-core only
    HostTick collect();
    void stop();  // every worker reaped, the socket closed; within 2 s

    // conclab-worker next to the running executable, or $CONCLAB_WORKER.
    static std::string default_worker_program();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace conclab
