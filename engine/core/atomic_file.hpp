#pragma once
// Every file the user asked for is written whole or not at all: into a temporary file beside the
// target, flushed, then renamed over it. A crash or a full disk never leaves half a file.

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace conclab {

// Fails naming the path and the reason ("cannot write PATH: …"). With overwrite = false an
// existing file is an error ("exists; use --force"), checked before anything is written. Only a
// regular file is ever replaced: a device, FIFO or folder of that name is an error even with
// overwrite (--force must not turn /dev/full into a file).
Result<> write_file_atomically(const std::string& path, std::string_view content, bool overwrite);

// What write_file_atomically would refuse before writing: "cannot write PATH: the file exists
// (use --force to overwrite it)", "... is not a regular file", "... no such folder". Front ends
// check their outputs with it before a long run.
Result<> check_output_path(const std::string& path, bool overwrite);

}  // namespace conclab
