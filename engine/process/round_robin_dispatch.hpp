#pragma once
// Process-per-core with round-robin scheduling, as Node's cluster primary does it (SCHED_RR):
// the host accepts every connection itself and hands each one to the next ready worker over that
// worker's control socket (SCM_RIGHTS), instead of letting the workers race in accept().

#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

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
    // kernel's accept queue). Returns an error message, or empty.
    std::string start(int listen_fd);
    // Host thread: accept no more.
    void close() { acceptor_.close(); }

private:
    void hand_to_next_worker(boost::asio::ip::tcp::socket socket);

    std::mutex& mutex_;
    std::list<WorkerRecord>& workers_;
    std::vector<std::string>& problems_;
    ConnectionAcceptor acceptor_;
    std::size_t next_worker_ = 0;
};

}  // namespace conclab
