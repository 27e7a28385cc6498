#include "cli_output.hpp"

#include <exception>
#include <iostream>

#include "core/atomic_file.hpp"

namespace conclab::cli {

bool write_output(const std::string& path, const std::string& content, bool force) {
    if (path == "-") {
        std::cout << content << std::flush;
        return true;
    }
    try {
        write_file_atomically(path, content, force);
        return true;
    } catch (const std::exception& e) {
        std::cerr << "conclab-cli: " << e.what() << "\n";
        return false;
    }
}

}  // namespace conclab::cli
