#pragma once
// The owner of one file descriptor: it closes it when it goes, so an early return or an
// exception cannot leak a socket, a pipe end or an open file. Move-only, like std::unique_ptr;
// release() hands the descriptor on to an owner that closes it itself (an asio socket, a child's
// file actions), reset() closes the one held and takes another.

#include <unistd.h>

#include <cerrno>
#include <utility>

namespace conclab {

class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) noexcept : fd_(fd) {}
    UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept {
        if (this != &other) reset(other.release());
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    ~UniqueFd() { reset(); }

    int get() const { return fd_; }
    bool valid() const { return fd_ >= 0; }
    explicit operator bool() const { return valid(); }

    // The descriptor, no longer owned: the caller closes it (or gives it to what will).
    [[nodiscard]] int release() noexcept { return std::exchange(fd_, -1); }
    // Closes the descriptor held (if any) and owns `fd` instead.
    void reset(int fd = -1) noexcept {
        if (fd_ >= 0 && fd_ != fd) ::close(fd_);
        fd_ = fd;
    }
    // Closes now and says how that went: 0, or the errno. For a file just written, whose close
    // can report a write error the writes did not (NFS, quota); everywhere else reset() does.
    [[nodiscard]] int close() noexcept {
        if (fd_ < 0) return 0;
        const int closed = ::close(std::exchange(fd_, -1));
        return closed == 0 ? 0 : errno;
    }

private:
    int fd_ = -1;
};

}  // namespace conclab
