#pragma once
// The body of the conclab-worker program: one server model serving on a listening socket it
// inherited, steered by the engine over a control socket. app/worker/main.cpp only calls this.
//
//   conclab-worker --listen-fd N|-1 --control-fd N --parent-pid N --model event-loop|gil-threads
//                  [--threads N] [--switch-interval-ms X] [--overhead-us X] [--cpu-ms X]
//                  [--io-ms X]

namespace conclab {

int worker_main(int argc, char** argv);

}  // namespace conclab
