#pragma once
// The body of the conclab-worker program: one server model serving on a listening socket it
// inherited, steered by the engine over a control socket. app/worker/main.cpp only calls this;
// its command line is in process/worker_command_line.hpp.

namespace conclab {

int worker_main(int argc, char** argv);

}  // namespace conclab
