#pragma once
// Each connection costs a file descriptor on each side. Processes start with a low soft limit
// (often 1024) and a much higher hard one; raise soft to hard once, and say so when even that is
// not enough.

#include <string>

#include "core/result.hpp"

namespace conclab {

struct FdLimit {
    long soft = 0;
    long hard = 0;
};

FdLimit raise_fd_limit();  // soft := hard; returns the limits now in force
FdLimit current_fd_limit();
// Succeeds when `needed` descriptors fit; otherwise a message with the limit and how to raise it.
Result<> check_fd_limit(long needed, const FdLimit& limit);

}  // namespace conclab
