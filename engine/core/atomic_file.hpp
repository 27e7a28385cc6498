#pragma once
// Every file the user asked for is written whole or not at all: into a temporary file beside the
// target, flushed, then renamed over it. A crash or a full disk never leaves half a file.

#include <string>
#include <string_view>

namespace conclab {

// Throws std::runtime_error naming the path and the reason. With overwrite = false an existing
// file is an error ("exists; use --force"), checked before anything is written.
void write_file_atomically(const std::string& path, std::string_view content, bool overwrite);

}  // namespace conclab
