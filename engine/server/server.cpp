#include "server/server.hpp"

#include <unistd.h>

#include "server/event_loop_server.hpp"
#include "server/gil_thread_server.hpp"

namespace conclab {

std::unique_ptr<Server> make_server(const ServerConfig& given) {
    const ServerConfig config = resolved(given);  // the model's own timeouts where none is given
    switch (config.model) {
        case Model::EventLoop:
            return std::make_unique<EventLoopServer>(config.workload, config.timeouts,
                                                     config.keep_alive, config.worker_connections);
        case Model::GilThreads:
            return std::make_unique<GilThreadServer>(config.workload, config.threads,
                                                     config.switch_interval_ms, config.timeouts,
                                                     config.keep_alive, config.worker_connections);
        case Model::ProcessPerCore:
            break;
    }
    return nullptr;
}

std::string server_identity(Model model) {
    return "conclab-" + std::string(to_string(model)) + "/" + std::to_string(::getpid());
}

}  // namespace conclab
