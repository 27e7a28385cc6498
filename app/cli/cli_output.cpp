#include "cli_output.hpp"

#include <cstdio>
#include <exception>

#include "core/atomic_file.hpp"

namespace conclab::cli {

void print_error(const std::string& message) {
    std::fprintf(stderr, "conclab-cli: %s\n", message.c_str());
}

void print_out(const std::string& text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
}

void print_err(const std::string& text) {
    std::fwrite(text.data(), 1, text.size(), stderr);
}

bool write_output(const std::string& path, const std::string& content, bool force) {
    if (path == "-") {
        print_out(content);
        if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
            print_error("cannot write to stdout (a full disk, a closed pipe?); the output is lost");
            return false;
        }
        return true;
    }
    if (auto written = write_file_atomically(path, content, force); !written) {
        print_error(written.error());
        return false;
    }
    return true;
}

}  // namespace conclab::cli
