#include "process/fd_limit.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>

namespace conclab {

FdLimit current_fd_limit() {
    rlimit limit{};
    ::getrlimit(RLIMIT_NOFILE, &limit);
    auto as_long = [](rlim_t v) { return v == RLIM_INFINITY ? 1L << 30 : static_cast<long>(v); };
    return {as_long(limit.rlim_cur), as_long(limit.rlim_max)};
}

FdLimit raise_fd_limit() {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
    return current_fd_limit();
}

Result<> check_fd_limit(long needed, const FdLimit& limit) {
    if (needed <= limit.soft) return {};
    return Failure{
        "too many open files: this run needs about " + std::to_string(needed) +
        " file descriptors, but the limit is " + std::to_string(limit.soft) + " (hard limit " +
        std::to_string(limit.hard) +
        "); use fewer connections, or raise the limit (e.g. `ulimit -n 65536` in the shell "
        "that starts Concurrency Lab, or LimitNOFILE= / /etc/security/limits.conf)"};
}

void reserve_descriptor_table(long descriptors) {
    const long highest = std::min(descriptors, current_fd_limit().soft) - 1;
    const int any = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (any < 0 || highest <= any) {
        if (any >= 0) ::close(any);
        return;
    }
    // The lowest free descriptor at or above `highest` makes the kernel size the table for it.
    const int high = ::fcntl(any, F_DUPFD_CLOEXEC, static_cast<int>(highest));
    if (high >= 0) ::close(high);
    ::close(any);
}

}  // namespace conclab
