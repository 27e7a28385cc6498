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
#include <functional>
#include <list>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "core/result.hpp"
#include "process/worker_record.hpp"
#include "server/connection_acceptor.hpp"

namespace conclab {

// Everything here runs on the host thread (`io`), and its own state is that thread's alone. The
// worker records are the host's, guarded by the host's mutex: the host passes them to
// dispatch() holding it, so the compiler checks that lock at the host's call sites (a reference
// to the host's mutex kept here would be a name the thread-safety analysis cannot match).
class RoundRobinDispatch {
public:
    // `accepted`: a connection is waiting; the host answers with dispatch(). `failed`: accept
    // failed, with the reason.
    RoundRobinDispatch(boost::asio::io_context& io, std::function<void()> accepted,
                       std::function<void(const std::string&)> failed);

    // Accepts on a duplicate of `listen_fd`, which stays borrowed (the host keeps its own to read
    // the kernel's accept queue). Fails when the socket cannot be duplicated.
    Result<> start(int listen_fd);
    // Hands waiting connections to free workers; the caller holds the lock that guards
    // `workers`. The host calls it whenever a worker may have become free (ready, taken, or
    // another one gone) and when a connection was accepted.
    void dispatch(std::list<WorkerRecord>& workers);
    // Accepts no more, and closes the connections still waiting.
    void close();

private:
    WorkerRecord* next_free_worker(std::list<WorkerRecord>& workers);

    ConnectionAcceptor acceptor_;
    std::deque<boost::asio::ip::tcp::socket> waiting_;  // accepted, no worker free yet
    std::size_t next_worker_ = 0;
};

}  // namespace conclab
