// Werkzeug's threaded server in the GIL model (threads = 0, see gil_thread_server.hpp): one new
// thread per connection, started by an accept loop that is Python and so takes the GIL.
#include <atomic>
#include <memory>
#include <thread>

#include "core/thread_name.hpp"
#include "server/gil_thread_server.hpp"

namespace conclab {

void GilThreadServer::start_connection_thread(const ConnectionPtr& connection) {
    reap_finished_connection_threads();
    // Werkzeug's accept loop (socketserver's serve_forever) is Python code in one thread: after
    // accept() it takes the GIL, builds and starts the connection's threading.Thread, and
    // Thread.start() then waits, without the GIL, until the new thread has run its bootstrap,
    // which needs the GIL too; taking it back, the loop returns to select(). So every new
    // connection costs the accept loop two takes of the GIL and one by the new thread, and when
    // the lock is contended the loop slows down: that is what bounds the number of live threads.
    if (!gil_.acquire()) return close_connection(*connection);
    std::uint64_t started_before = 0;
    {
        MutexLock lock(started_mutex_);
        started_before = connection_threads_started_;
    }
    auto done = std::make_shared<std::atomic<bool>>(false);
    {
        MutexLock lock(connection_threads_mutex_);
        if (stopping_) {
            gil_.release();
            return close_connection(*connection);
        }
        connection_threads_.push_back({std::thread([this, connection, done] {
                                           connection_thread_main(connection);
                                           done->store(true);
                                       }),
                                       done});
    }
    gil_.release();
    {
        MutexLock lock(started_mutex_);
        lock.wait(started_cv_, [&]() REQUIRES(started_mutex_) {
            return connection_threads_started_ != started_before || stopping_;
        });
    }
    if (gil_.acquire()) gil_.release();
}

void GilThreadServer::connection_thread_main(const ConnectionPtr& connection) {
    set_thread_name("cl-gil-conn");
    // Thread._bootstrap_inner: Python code, so with the GIL; it tells the accept loop it started.
    const bool bootstrapped = gil_.acquire();
    {
        MutexLock lock(started_mutex_);
        ++connection_threads_started_;
    }
    started_cv_.notify_one();
    if (bootstrapped) gil_.release();  // the first recv() releases it
    while (bootstrapped && !stopping_ && serve_one_request(*connection) == Outcome::KeepAlive) {
    }
    close_after_serving(*connection);
}

void GilThreadServer::reap_finished_connection_threads() {
    MutexLock lock(connection_threads_mutex_);
    for (auto it = connection_threads_.begin(); it != connection_threads_.end();) {
        if (it->done->load()) {
            it->thread.join();
            it = connection_threads_.erase(it);
        } else {
            ++it;
        }
    }
}

}  // namespace conclab
