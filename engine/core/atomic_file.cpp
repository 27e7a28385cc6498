#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace conclab {

void write_file_atomically(const std::string& path, std::string_view content, bool overwrite) {
    auto fail = [&](const std::string& why) {
        throw std::runtime_error("cannot write " + path + ": " + why);
    };
    struct stat existing {};
    if (!overwrite && ::stat(path.c_str(), &existing) == 0) {
        fail("the file exists (use --force to overwrite it)");
    }
    const std::string temporary = path + ".part-" + std::to_string(::getpid());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail(std::strerror(errno));
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int err = errno;
            ::close(fd);
            ::unlink(temporary.c_str());
            fail(std::strerror(err));
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int err = errno;
        ::unlink(temporary.c_str());
        fail(std::strerror(err));
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temporary.c_str());
        fail(std::strerror(err));
    }
}

}  // namespace conclab
