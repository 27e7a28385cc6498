#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_NOREPLACE (glibc 2.28+)
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

#include "core/unique_fd.hpp"

namespace conclab {

namespace {

// A name of its own for every write, even two at once in one process; O_EXCL below makes sure
// we never write into (or through a symlink named like) somebody else's file.
std::string temporary_name(const std::string& path) {
    static std::atomic<unsigned> counter{0};
    return path + ".part-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

// Writes all of `content`; returns 0 or the errno of the failure (EIO for a write of 0 bytes).
int write_all(int fd, std::string_view content) {
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return errno;
        if (n == 0) return EIO;  // errno is not set for a short write
        written += static_cast<std::size_t>(n);
    }
    return 0;
}

std::string folder_of(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// Flushes the folder entry too, so a crash right after the rename cannot lose the file.
void sync_folder_of(const std::string& path) {
    const UniqueFd dir(::open(folder_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir) ::fsync(dir.get());
}

const char* kExists = "the file exists (use --force to overwrite it)";

// Why a path cannot be written, without the "cannot write PATH: " in front.
Result<> check_path(const std::string& path, bool overwrite) {
    if (path.empty()) return Failure{"no file name given"};
    struct stat existing {};
    if (::stat(path.c_str(), &existing) == 0) {
        if (S_ISDIR(existing.st_mode)) return Failure{"it is a folder"};
        if (!S_ISREG(existing.st_mode)) {
            return Failure{
                "it is not a regular file (a device, FIFO or socket); only regular files are "
                "written or replaced"};
        }
        if (!overwrite) return Failure{kExists};
        return {};
    }
    struct stat folder {};
    const std::string dir = folder_of(path);
    if (::stat(dir.c_str(), &folder) != 0 || !S_ISDIR(folder.st_mode)) {
        return Failure{"no such folder " + dir};
    }
    if (::access(dir.c_str(), W_OK) != 0) return Failure{"the folder " + dir + " is not writable"};
    return {};
}

}  // namespace

Result<> check_output_path(const std::string& path, bool overwrite) {
    if (auto writable = check_path(path, overwrite); !writable) {
        return Failure{"cannot write " + path + ": " + writable.error()};
    }
    return {};
}

Result<> write_file_atomically(const std::string& path, std::string_view content, bool overwrite) {
    auto fail = [&](const std::string& why) {
        return Failure{"cannot write " + path + ": " + why};
    };
    if (auto writable = check_path(path, overwrite); !writable) return fail(writable.error());

    const std::string temporary = temporary_name(path);
    UniqueFd fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    if (!fd) return fail(std::strerror(errno));
    int err = write_all(fd.get(), content);
    if (err == 0 && ::fsync(fd.get()) != 0) err = errno;
    // Always closed, whatever failed before: the first error is the one reported.
    if (const int closed = fd.close(); err == 0) err = closed;
    if (err != 0) {
        ::unlink(temporary.c_str());
        return fail(std::strerror(err));
    }
    // Without --force, a file that appeared since the check above is still not replaced.
    const int renamed = overwrite ? ::rename(temporary.c_str(), path.c_str())
                                  : ::renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, path.c_str(),
                                                RENAME_NOREPLACE);
    if (renamed != 0) {
        err = errno;
        ::unlink(temporary.c_str());
        return fail(err == EEXIST ? kExists : std::strerror(err));
    }
    sync_folder_of(path);
    return {};
}

}  // namespace conclab
