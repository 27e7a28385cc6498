#include "experiment/comparison.hpp"

namespace conclab {

std::vector<RunConfig> comparison_runs(const RunConfig& base, const std::vector<Model>& models,
                                       const std::optional<ExternalTarget>& real) {
    return comparison_runs(base, std::vector<RunVariant>(models.begin(), models.end()), real);
}

std::vector<RunConfig> comparison_runs(const RunConfig& base,
                                       const std::vector<RunVariant>& variants,
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
    for (const RunVariant& v : variants) {
        RunConfig c = model_base;
        if (!apply_variant(v, c)) continue;
        if (!v.sets("backlog")) c.server.listen_backlog = 0;  // the model's real-world default
        runs.push_back(c);
    }
    return runs;
}

}  // namespace conclab
