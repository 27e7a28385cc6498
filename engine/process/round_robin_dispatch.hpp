#pragma once
// Process-per-core with round-robin scheduling, as Node's cluster primary does it (SCHED_RR):
// the host accepts every connection itself and hands each one to the next free worker over that
// worker's control socket (SCM_RIGHTS), instead of letting the workers race in accept().
//
// "Free" as Node's RoundRobinHandle has it: a worker gets one connection, and the next only once
// it has acknowledged taking it ("taken"), which its serving loop does between requests. So a
// worker busy with CPU work takes new connections at the pace of its loop, and connections wait
// in the primary meanwhile; a worker that was just started (a dead one's replacement) is free at
// once and takes what waits. Without this pacing every connection went to whichever worker was
// ready when it arrived: the clients of a killed worker reconnected within a millisecond, all
// went to the survivors while the replacement was still starting, and kept-alive, they stayed
// there — the replacement served nothing for the rest of the run.

#include <cstddef>
#include <deque>
#include <list>
#include <mutex>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "core/result.hpp"
#include "process/worker_record.hpp"
#include "server/connection_acceptor.hpp"

namespace conclab {

class RoundRobinDispatch {
public:
    // `workers` and `problems` are the host's, guarded by its `mutex`; all three outlive this.
    // Runs on `io`, the host thread's context.
    RoundRobinDispatch(boost::asio::io_context& io, std::mutex& mutex,
                       std::list<WorkerRecord>& workers, std::vector<std::string>& problems);

    // Host thread: accept on a duplicate of `listen_fd` (the host keeps its own to read the
    // kernel's accept queue). Fails when the socket cannot be duplicated.
    Result<> start(int listen_fd);
    // Host thread, holding the mutex: hands waiting connections to free workers. The host calls
    // it whenever a worker may have become free (ready, taken, or another one gone).
    void dispatch_locked();
    // Host thread: accept no more, and close the connections still waiting.
    void close();

private:
    void take(boost::asio::ip::tcp::socket socket);
    WorkerRecord* next_free_worker_locked();

    std::mutex& mutex_;
    std::list<WorkerRecord>& workers_;
    std::vector<std::string>& problems_;
    ConnectionAcceptor acceptor_;
    std::deque<boost::asio::ip::tcp::socket> waiting_;  // accepted, no worker free yet
    std::size_t next_worker_ = 0;
};

}  // namespace conclab
