#include "core/machine_limits.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <fstream>

namespace conclab {

namespace {

long read_long(const char* path, long fallback) {
    std::ifstream in(path);
    long value = 0;
    return in >> value ? value : fallback;
}

long as_long(rlim_t v) {
    return v == RLIM_INFINITY ? 1L << 30 : static_cast<long>(v);
}

}  // namespace

MachineLimits read_machine_limits() {
    MachineLimits m;
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0) {
        m.fd_soft = as_long(files.rlim_cur);
        m.fd_hard = as_long(files.rlim_max);
    }
    m.nr_open = read_long("/proc/sys/fs/nr_open", 1048576);
    std::ifstream range("/proc/sys/net/ipv4/ip_local_port_range");
    int low = 0, high = 0;
    if (range >> low >> high && low > 0 && high >= low) {
        m.port_low = low;
        m.port_high = high;
    }
    m.threads_max = read_long("/proc/sys/kernel/threads-max", 32768);
    m.pid_max = read_long("/proc/sys/kernel/pid_max", 32768);
    m.max_map_count = read_long("/proc/sys/vm/max_map_count", 65530);
    return m;
}

int max_connections() {
    static const int limit = [] {
        const long hard = read_machine_limits().fd_hard;
        return static_cast<int>(std::clamp(hard - kFdHeadroom, 1L, 1L << 30));
    }();
    return limit;
}

long tasks_in_use() {
    // "0.00 0.01 0.05 2/345 6789": running/total tasks in the fourth field.
    std::ifstream in("/proc/loadavg");
    double a = 0, b = 0, c = 0;
    long running = 0, total = 0;
    char slash = 0;
    return in >> a >> b >> c >> running >> slash >> total ? total : 0;
}

long max_threads(const MachineLimits& m, long in_use) {
    const long tasks = std::min(m.threads_max, m.pid_max);
    return std::max(0L, std::min(tasks, m.max_map_count / 2) - in_use);
}

std::string connection_limit_explanation(const MachineLimits& m) {
    return "each connection is a file descriptor in the load generator and in the server, and "
           "this machine allows " +
           std::to_string(m.fd_hard) + " per process (RLIMIT_NOFILE hard limit; " +
           std::to_string(kFdHeadroom) +
           " are kept for the programs' own files); raise it as root with `ulimit -Hn N` (up to "
           "fs.nr_open = " +
           std::to_string(m.nr_open) +
           ") in the shell that starts Concurrency Lab, or LimitNOFILE= / "
           "/etc/security/limits.conf";
}

Result<> check_thread_limit(long connections, const MachineLimits& m, long in_use) {
    const long fit = max_threads(m, in_use);
    if (connections <= fit) return {};
    return Failure{
        "a thread per connection needs " + std::to_string(connections) +
        " threads, but this machine can start about " + std::to_string(fit) +
        " more (kernel.threads-max " + std::to_string(m.threads_max) + ", kernel.pid_max " +
        std::to_string(m.pid_max) + ", vm.max_map_count " + std::to_string(m.max_map_count) +
        " = two maps per thread stack, " + std::to_string(in_use) +
        " tasks already running); use fewer connections or a thread pool (--threads N), or "
        "raise them as root: sysctl -w kernel.pid_max=4194304 kernel.threads-max=N "
        "vm.max_map_count=N"};
}

}  // namespace conclab
