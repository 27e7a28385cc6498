#include "experiment/comparison.hpp"

namespace conclab {

std::vector<RunConfig> comparison_runs(const RunConfig& base, const std::vector<Model>& models,
                                       const std::optional<ExternalTarget>& real) {
    std::vector<RunConfig> runs;
    RunConfig model_base = base;
    model_base.external.reset();
    if (real) {
        RunConfig r = model_base;
        r.external = real;
        r.load.heavy_connections = 0;  // they need our own server's ?cpu_ms=
        runs.push_back(r);
    }
    for (const Model m : models) {
        RunConfig c = model_base;
        c.server.model = m;
        c.server.listen_backlog = 0;  // each model with its real-world default
        runs.push_back(c);
    }
    return runs;
}

}  // namespace conclab
