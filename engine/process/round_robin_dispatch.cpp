#include "process/round_robin_dispatch.hpp"

#include <fcntl.h>

#include <utility>

namespace conclab {

RoundRobinDispatch::RoundRobinDispatch(boost::asio::io_context& io, std::mutex& mutex,
                                       std::list<WorkerRecord>& workers,
                                       std::vector<std::string>& problems)
    : mutex_(mutex),
      workers_(workers),
      problems_(problems),
      acceptor_(
          io,
          [this](boost::asio::ip::tcp::socket socket) { hand_to_next_worker(std::move(socket)); },
          [this](const std::string& error) {
              std::lock_guard lock(mutex_);
              problems_.push_back("accept failed: " + error);
          }) {}

std::string RoundRobinDispatch::start(int listen_fd) {
    const int fd = ::fcntl(listen_fd, F_DUPFD_CLOEXEC, 10);
    if (fd < 0) return "cannot accept on the listening socket";
    acceptor_.start(fd);
    return {};
}

void RoundRobinDispatch::hand_to_next_worker(boost::asio::ip::tcp::socket socket) {
    std::lock_guard lock(mutex_);
    std::vector<WorkerRecord*> ready;
    for (WorkerRecord& w : workers_) {
        if (w.ready && !w.exited && !w.quitting && !w.timed_out) ready.push_back(&w);
    }
    if (ready.empty()) return;  // no worker to serve it: the socket closes, the client sees it
    WorkerRecord& worker = *ready[next_worker_++ % ready.size()];
    worker.process->send_line(worker_protocol::encode(worker_protocol::Adopt{}),
                              socket.native_handle());
    // The worker has its own copy of the descriptor now; ours closes with `socket`.
}

}  // namespace conclab
