#pragma once
// Servers that tests start as child processes must not outlive a test process that dies
// abnormally (a crash, a sanitizer abort, a CTest timeout's SIGKILL): a Flask or gunicorn left
// running keeps its port and its CPU. The kernel sends the child SIGTERM when the thread that
// started it dies (PR_SET_PDEATHSIG); gunicorn's master then stops its own workers.
//
// Use as (or inside) a QProcess child-process modifier: it runs in the child between fork and
// exec, so it only calls async-signal-safe functions.

#include <sys/prctl.h>
#include <unistd.h>
#include <csignal>

namespace conclab::test {

inline void die_with_parent(pid_t parent) {
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    // The parent may have died between fork and prctl: then nobody will send the signal.
    if (::getppid() != parent) ::_exit(1);
}

}  // namespace conclab::test
