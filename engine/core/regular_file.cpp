#include "core/regular_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/unique_fd.hpp"

namespace conclab {

Result<std::string> read_regular_file(const std::string& path, std::size_t max_bytes,
                                      const std::string& what) {
    // O_NONBLOCK: opening a FIFO for reading waits for a writer otherwise. It does not change
    // reads from a regular file, the only kind read below.
    const UniqueFd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    if (!fd) return Failure{"cannot open " + path + ": " + std::strerror(errno)};
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
        return Failure{path + ": is not a regular file (a folder, FIFO or device); " + what};
    }
    const std::string too_large = path + ": is larger than " + std::to_string(max_bytes >> 20) +
                                  " MiB; " + what + " (is this the right file?)";
    if (static_cast<std::size_t>(info.st_size) > max_bytes) return Failure{too_large};
    std::string text;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return Failure{"cannot read " + path + ": " + std::strerror(errno)};
        if (n == 0) return text;
        text.append(buffer, static_cast<std::size_t>(n));
        if (text.size() > max_bytes) return Failure{too_large};  // grew since the fstat
    }
}

}  // namespace conclab
