#pragma once
// Reading a file the user named (a scenario, a saved run): only a regular file, and only up to a
// size. A FIFO with no writer would block the open forever, /dev/zero would never end; both are
// refused with a message instead.

#include <cstddef>
#include <string>

#include "core/result.hpp"

namespace conclab {

// The file's text, or why not: "PATH: is not a regular file ...", "cannot open PATH: ...".
// `what` names the kind of file in the too-large message ("a scenario file is a small JSON
// object"). Files larger than max_bytes are refused, naming the limit in MiB.
Result<std::string> read_regular_file(const std::string& path, std::size_t max_bytes,
                                      const std::string& what);

}  // namespace conclab
