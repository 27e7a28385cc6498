#include "server/server.hpp"

#include <unistd.h>

#include "server/event_loop_server.hpp"
#include "server/gil_thread_server.hpp"

namespace conclab {

std::unique_ptr<Server> make_server(const ServerConfig& given) {
    const ServerConfig config = resolved(given);  // the model's own timeouts where none is given
    std::unique_ptr<ServerBase> server;
    switch (config.model) {
        case Model::EventLoop:
            server = std::make_unique<EventLoopServer>(config.workload, config.timeouts,
                                                       config.keep_alive, config.worker_connections,
                                                       config.event_loop);
            break;
        case Model::GilThreads:
            server = std::make_unique<GilThreadServer>(
                config.workload, config.threads, config.switch_interval_ms, config.timeouts,
                config.keep_alive, config.worker_connections);
            break;
        case Model::ProcessPerCore:
            return nullptr;
    }
    if (server) server->set_memory_per_connection_kb(config.memory_per_connection_kb);
    return server;
}

std::string server_identity(Model model) {
    return "conclab-" + std::string(to_string(model)) + "/" + std::to_string(::getpid());
}

}  // namespace conclab
