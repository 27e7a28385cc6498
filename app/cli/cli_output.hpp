#pragma once
// Where conclab-cli writes a result: "-" is stdout, any other path a file written atomically
// (never over an existing one without --force).

#include <string>

namespace conclab::cli {

// False (the reason on stderr) when the file cannot be written.
bool write_output(const std::string& path, const std::string& content, bool force);

}  // namespace conclab::cli
