#include "cli_validate.hpp"

#include <cstdio>
#include <exception>
#include <stop_token>

#include "cli_output.hpp"
#include "cli_signals.hpp"
#include "report/validation_report.hpp"

namespace conclab::cli {

namespace {

ValidationSettings settings_of(const CliOptions& options) {
    ValidationSettings settings;
    settings.real = *options.target;
    settings.model = options.run;
    settings.repeats = options.repeat;
    if (!options.validate_connections.empty()) {
        settings.points.clear();
        for (std::size_t i = 0; i < options.validate_connections.size(); ++i) {
            settings.points.push_back({options.validate_cpu_ms[i], options.validate_io_ms[i],
                                       options.validate_connections[i]});
        }
    }
    return settings;
}

}  // namespace

ExitCode validate_cli(const CliOptions& options, const ValidationChartRenderer& render_chart) {
    const ValidationSettings settings = settings_of(options);
    const bool json_to_stdout = options.json_path == "-";
    if (!options.chart_path.empty() && !render_chart) {
        print_error("this build has no chart renderer (built without Qt)");
        return ExitCode::Failed;
    }
    if (!options.quiet) {
        std::fprintf(stderr,
                     "Validating against %s: %zu points, %.1f s per run, real and model "
                     "alternating (Ctrl-C stops)\n",
                     settings.real.url.c_str(), settings.points.size(), settings.model.duration_s);
    }
    auto progress = [&](const ValidationProgress& p) {
        if (options.quiet) return;
        if (p.finished) {
            const Summary& s = p.finished->summary;
            std::fprintf(stderr, "        %.1f req/s, p99 %.2f ms, %llu errors\n", s.rps,
                         s.latency ? s.latency->p99_ms : 0.0,
                         static_cast<unsigned long long>(s.errors));
        } else if (p.elapsed_s == 0) {
            std::fprintf(stderr, "  [%d/%d] %s\n", p.index + 1, p.most, p.what.c_str());
        }
    };
    ValidationResult result;
    std::exception_ptr failure;
    run_until_interrupted(
        [&](std::stop_token stop) { result = validate_model(settings, progress, stop); }, failure);
    if (report_start_failure(failure)) return ExitCode::Failed;
    if (!json_to_stdout || !options.quiet) {
        const std::string text = "\n" + validation_text(result, settings);
        json_to_stdout ? print_err(text) : print_out(text);
    }
    bool ok = true;
    if (!options.json_path.empty()) {
        ok &= write_output(options.json_path, validation_to_json(result, settings).dump(2) + "\n",
                           options.force);
    }
    if (!options.chart_path.empty() && !result.points.empty()) {
        if (Result<> written = render_chart(result, settings, options.chart_path, options.force);
            !written) {
            print_error(written.error());
            ok = false;
        }
    }
    if (result.cancelled) return ExitCode::Interrupted;
    if (!result.error.empty() || !ok) return ExitCode::Failed;
    return result.outside > 0 ? ExitCode::NotVerified : ExitCode::Ok;
}

}  // namespace conclab::cli
