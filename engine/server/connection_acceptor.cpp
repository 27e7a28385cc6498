#include "server/connection_acceptor.hpp"

#include <boost/asio/post.hpp>

namespace conclab {

namespace asio = boost::asio;
using asio::ip::tcp;

ConnectionAcceptor::ConnectionAcceptor(asio::io_context& io, OnSocket on_socket,
                                       OnAcceptError on_error)
    : io_(io),
      on_socket_(std::move(on_socket)),
      on_error_(std::move(on_error)),
      acceptor_(io),
      retry_(io) {}

void ConnectionAcceptor::start(UniqueFd listen_fd) {
    work_.emplace(io_.get_executor());
    if (!listen_fd) return;
    acceptor_.assign(tcp::v4(), listen_fd.get());  // throws, and `listen_fd` closes it
    static_cast<void>(listen_fd.release());        // the acceptor owns it now
    accept_next();
}

void ConnectionAcceptor::accept_next() {
    pending_ = true;
    acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
        pending_ = false;
        if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
        if (ec) {
            // Out of file descriptors and the like: report, back off, keep serving the
            // connections we have.
            on_error_(ec.message());
            retry_.expires_after(std::chrono::milliseconds(50));
            backing_off_ = true;
            retry_.async_wait([this](boost::system::error_code wait_ec) {
                backing_off_ = false;
                if (!wait_ec && !pending_) accept_next();
            });
            return;
        }
        serve(std::move(socket));
        if (full()) {
            paused_ = true;  // release() accepts again
            return;
        }
        if (!one_per_turn_) accept_next();
    });
}

void ConnectionAcceptor::accept_again() {
    if (pending_ || paused_ || backing_off_ || full() || !acceptor_.is_open()) return;
    accept_next();
}

void ConnectionAcceptor::serve(tcp::socket socket) {
    boost::system::error_code ec;
    socket.set_option(tcp::no_delay(true), ec);
    ++open_;
    on_socket_(std::move(socket));
}

void ConnectionAcceptor::release() {
    if (limit_ <= 0) return;  // nothing to count (and nothing posted while shutting down)
    asio::post(io_, [this] {
        if (open_ > 0) --open_;
        if (full()) return;
        if (!handed_over_.empty()) {
            UniqueFd fd = std::move(handed_over_.front());
            handed_over_.pop_front();
            return serve_adopted(std::move(fd));
        }
        if (paused_ && acceptor_.is_open()) {
            paused_ = false;
            if (!pending_) accept_next();
        }
    });
}

void ConnectionAcceptor::adopt(UniqueFd fd, std::function<void()> taken) {
    asio::post(io_, [this, fd = std::move(fd), taken = std::move(taken)]() mutable {
        if (taken) taken();  // held back by the limit or served now: either way, ours
        if (full()) {
            handed_over_.push_back(std::move(fd));
            return;
        }
        serve_adopted(std::move(fd));
    });
}

void ConnectionAcceptor::serve_adopted(UniqueFd fd) {
    tcp::socket socket(io_);
    boost::system::error_code ec;
    socket.assign(tcp::v4(), fd.get(), ec);
    if (ec) return;                   // not a socket asio can take: closed here
    static_cast<void>(fd.release());  // the socket owns it now
    serve(std::move(socket));
}

void ConnectionAcceptor::stop_accepting() {
    asio::post(io_, [this] { close_acceptor(); });
}

void ConnectionAcceptor::close_acceptor() {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    retry_.cancel();
    paused_ = false;
    handed_over_.clear();  // closes them: their clients see the connection close
}

void ConnectionAcceptor::close() {
    close_acceptor();
    work_.reset();
}

}  // namespace conclab
