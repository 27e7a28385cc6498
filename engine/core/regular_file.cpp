#include "core/regular_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/unique_fd.hpp"

namespace conclab {

FileText read_regular_file(const std::string& path, std::size_t max_bytes,
                           const std::string& what) {
    FileText out;
    // O_NONBLOCK: opening a FIFO for reading waits for a writer otherwise. It does not change
    // reads from a regular file, the only kind read below.
    const UniqueFd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    if (!fd) {
        out.error = "cannot open " + path + ": " + std::strerror(errno);
        return out;
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
        out.error = path + ": is not a regular file (a folder, FIFO or device); " + what;
        return out;
    }
    const std::string too_large = path + ": is larger than " + std::to_string(max_bytes >> 20) +
                                  " MiB; " + what + " (is this the right file?)";
    if (static_cast<std::size_t>(info.st_size) > max_bytes) {
        out.error = too_large;
        return out;
    }
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            out.error = "cannot read " + path + ": " + std::strerror(errno);
            break;
        }
        if (n == 0) break;
        out.text.append(buffer, static_cast<std::size_t>(n));
        if (out.text.size() > max_bytes) {  // grew since the fstat
            out.error = too_large;
            break;
        }
    }
    if (!out.error.empty()) out.text.clear();
    return out;
}

}  // namespace conclab
