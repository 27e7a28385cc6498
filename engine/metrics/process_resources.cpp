#include "metrics/process_resources.hpp"

#include <dirent.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "core/annotated_mutex.hpp"

namespace conclab {

namespace {

std::string proc_path(int pid, const char* leaf) {
    return pid == 0 ? std::string("/proc/self/") + leaf
                    : "/proc/" + std::to_string(pid) + "/" + leaf;
}

// Entries of a /proc directory that are numbers (descriptors, task IDs, PIDs).
std::vector<int> numeric_entries(const std::string& path) {
    std::vector<int> out;
    DIR* dir = ::opendir(path.c_str());
    if (!dir) return out;
    while (const dirent* entry = ::readdir(dir)) {
        const char* name = entry->d_name;
        if (*name < '0' || *name > '9') continue;
        out.push_back(std::atoi(name));
    }
    ::closedir(dir);
    return out;
}

int count_fds(int pid) {
    // Not counting the listing's own descriptor, which readdir of /proc/self/fd sees.
    const int n = static_cast<int>(numeric_entries(proc_path(pid, "fd")).size());
    return pid == 0 ? n - 1 : n;
}

bool read_rss(int pid, ProcessResources& out) {
    std::ifstream statm(proc_path(pid, "statm"));
    std::uint64_t size = 0, resident = 0;
    if (!(statm >> size >> resident)) return false;
    out.rss_kib = resident * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE)) / 1024;
    return true;
}

// "Threads:", "voluntary_ctxt_switches:" and "nonvoluntary_ctxt_switches:" of a status file.
void read_status(const std::string& path, int* threads, std::uint64_t* voluntary,
                 std::uint64_t* involuntary) {
    std::ifstream status(path);
    std::string line;
    while (std::getline(status, line)) {
        std::istringstream fields(line);
        std::string key;
        fields >> key;
        if (threads && key == "Threads:") fields >> *threads;
        if (voluntary && key == "voluntary_ctxt_switches:") fields >> *voluntary;
        if (involuntary && key == "nonvoluntary_ctxt_switches:") fields >> *involuntary;
    }
}

// Another process: its threads' switches summed (getrusage cannot look at another process).
std::optional<ProcessResources> read_other(int pid) {
    ProcessResources r;
    if (!read_rss(pid, r)) return std::nullopt;
    read_status(proc_path(pid, "status"), &r.threads, nullptr, nullptr);
    r.fds = count_fds(pid);
    for (int tid : numeric_entries(proc_path(pid, "task"))) {
        std::uint64_t voluntary = 0, involuntary = 0;
        read_status(proc_path(pid, "task") + "/" + std::to_string(tid) + "/status", nullptr,
                    &voluntary, &involuntary);
        r.voluntary_switches += voluntary;
        r.involuntary_switches += involuntary;
    }
    return r;
}

}  // namespace

ProcessResources& ProcessResources::operator+=(const ProcessResources& other) {
    rss_kib += other.rss_kib;
    threads += other.threads;
    fds += other.fds;
    voluntary_switches += other.voluntary_switches;
    involuntary_switches += other.involuntary_switches;
    return *this;
}

namespace {

// Listing /proc/self/fd costs the kernel a few µs per descriptor: 20-80 ms at 19,000 (more on a
// loaded machine), too much for every 100 ms report of a server it would then slow down. So the
// count is taken at most once a second and reported as last taken in between.
struct OwnFdCount {
    Mutex mutex;  // the reporting thread and any thread that reads the resources
    std::chrono::steady_clock::time_point taken GUARDED_BY(mutex);
    int fds GUARDED_BY(mutex) = -1;
};

int own_fds_at_most_once_a_second() {
    static OwnFdCount last;
    MutexLock lock(last.mutex);
    const auto now = std::chrono::steady_clock::now();
    if (last.fds < 0 || now - last.taken >= std::chrono::seconds(1)) {
        last.fds = count_fds(0);
        last.taken = now;
    }
    return last.fds;
}

}  // namespace

ProcessResources read_own_resources() {
    ProcessResources r;
    read_rss(0, r);
    read_status(proc_path(0, "status"), &r.threads, nullptr, nullptr);
    r.fds = own_fds_at_most_once_a_second();
    rusage usage{};
    if (::getrusage(RUSAGE_SELF, &usage) == 0) {
        r.voluntary_switches = static_cast<std::uint64_t>(usage.ru_nvcsw);
        r.involuntary_switches = static_cast<std::uint64_t>(usage.ru_nivcsw);
    }
    return r;
}

std::vector<int> process_tree(int pid) {
    if (pid <= 0 || ::access(proc_path(pid, "stat").c_str(), F_OK) != 0) return {};
    std::multimap<int, int> children;  // parent → child
    for (int p : numeric_entries("/proc")) {
        std::ifstream stat(proc_path(p, "stat"));
        std::string text;
        std::getline(stat, text);
        // "PID (comm) STATE PPID …": comm may hold spaces and parentheses; the last ')' ends it.
        const auto close = text.rfind(')');
        if (close == std::string::npos) continue;
        std::istringstream rest(text.substr(close + 1));
        char state = 0;
        int parent = 0;
        if (rest >> state >> parent) children.emplace(parent, p);
    }
    std::vector<int> tree{pid};
    for (std::size_t i = 0; i < tree.size(); ++i) {
        auto [first, last] = children.equal_range(tree[i]);
        for (auto it = first; it != last; ++it) tree.push_back(it->second);
    }
    return tree;
}

std::optional<ProcessResources> read_process_tree_resources(int pid) {
    std::optional<ProcessResources> total;
    for (int p : process_tree(pid)) {
        if (auto one = read_other(p)) {
            if (!total) total.emplace();
            *total += *one;
        }
    }
    return total;
}

}  // namespace conclab
