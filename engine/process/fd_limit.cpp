#include "process/fd_limit.hpp"

#include <sys/resource.h>

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

}  // namespace conclab
