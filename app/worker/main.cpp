// conclab-worker: one server process of an experiment. Started only by the engine (see
// engine/process/server_host.hpp); all logic lives in the engine library.
#include "process/worker_main.hpp"

int main(int argc, char** argv) {
    return conclab::worker_main(argc, argv);
}
