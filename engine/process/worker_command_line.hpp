#pragma once
// The command line of a conclab-worker process, both ways: the engine writes it, the worker
// reads it. The server fields come from the run-field registry (the rows marked to_worker), so a
// new server knob reaches the workers by being marked, not by two more hand edits.
//
//   conclab-worker --listen-fd N|-1 --control-fd N --parent-pid N --model event-loop|gil-threads
//                  [--threads N] [--switch-interval-ms X] [--overhead-us X] [--cpu-ms X] ...

#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/run_config.hpp"

namespace conclab {

struct WorkerCommandLine {
    int listen_fd = -1;   // inherited listening socket; -1 = connections come over control_fd
    int control_fd = -1;  // socket to the engine
    int parent_pid = 0;   // the engine; the worker quits if it is gone already
    ServerConfig server;  // model is the one the worker runs (process-per-core's inner model)
};

// The arguments after the program name.
std::vector<std::string> to_arguments(const WorkerCommandLine& command_line);
// argv as main() gets it. Returns the command line, or the problem with it.
Result<WorkerCommandLine> parse_worker_arguments(int argc, const char* const* argv);

}  // namespace conclab
