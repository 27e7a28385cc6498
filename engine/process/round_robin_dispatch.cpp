#include "process/round_robin_dispatch.hpp"

#include <fcntl.h>

#include <algorithm>
#include <utility>

#include "core/unique_fd.hpp"

namespace conclab {

namespace {

// Can serve now or soon: a worker that is starting counts, so that connections wait for it.
bool alive(const WorkerRecord& w) {
    return !w.exited && !w.quitting && !w.timed_out;
}

}  // namespace

RoundRobinDispatch::RoundRobinDispatch(boost::asio::io_context& io, std::function<void()> accepted,
                                       std::function<void(const std::string&)> failed)
    : acceptor_(
          io,
          [this, accepted = std::move(accepted)](boost::asio::ip::tcp::socket socket) {
              waiting_.push_back(std::move(socket));
              accepted();
          },
          std::move(failed)) {}

Result<> RoundRobinDispatch::start(int listen_fd) {
    UniqueFd fd(::fcntl(listen_fd, F_DUPFD_CLOEXEC, 10));
    if (!fd) return Failure{"cannot accept on the listening socket"};
    acceptor_.start(std::move(fd));
    return {};
}

void RoundRobinDispatch::close() {
    acceptor_.close();
    waiting_.clear();  // their clients see the connection close
}

// The free workers in turn, starting after the one served last.
// The turn walks the whole list of workers (not the free ones: an index into a list whose
// length changes as workers take and acknowledge would skip some workers and favour others), so
// a worker that is busy when its turn comes gets the next connection after the ones behind it.
WorkerRecord* RoundRobinDispatch::next_free_worker(std::list<WorkerRecord>& workers) {
    const std::size_t n = workers.size();
    if (n == 0) return nullptr;
    auto it = workers.begin();
    std::advance(it, static_cast<std::ptrdiff_t>(next_worker_ % n));
    for (std::size_t i = 0; i < n; ++i) {
        WorkerRecord& w = *it;
        if (++it == workers.end()) it = workers.begin();
        if (w.ready && alive(w) && !w.handed) {
            next_worker_ = (next_worker_ + i + 1) % n;
            return &w;
        }
    }
    return nullptr;
}

void RoundRobinDispatch::dispatch(std::list<WorkerRecord>& workers) {
    while (!waiting_.empty()) {
        WorkerRecord* worker = next_free_worker(workers);
        if (!worker) break;
        boost::asio::ip::tcp::socket socket = std::move(waiting_.front());
        waiting_.pop_front();
        worker->handed = true;
        if (!worker->process->send_line(worker_protocol::encode(worker_protocol::Adopt{}),
                                        socket.native_handle())) {
            // The worker is gone and its exit not yet handled: the connection goes to another
            // (the record stays `handed`, so it is not chosen again).
            waiting_.push_front(std::move(socket));
        }
        // Sent: the worker has its own copy of the descriptor; ours closes with `socket`.
    }
    // Nobody alive to take them (every worker gone for good): their clients see them close.
    if (std::none_of(workers.begin(), workers.end(), alive)) waiting_.clear();
}

}  // namespace conclab
