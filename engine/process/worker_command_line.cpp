#include "process/worker_command_line.hpp"

#include <charconv>
#include <cstring>

#include "core/run_fields.hpp"

namespace conclab {

namespace {

bool parse_int(std::string_view text, int& out) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && end == text.data() + text.size();
}

const RunField* worker_field(std::string_view flag) {
    for (const RunField& field : run_fields()) {
        if (field.goes_to_worker() && field.flag == flag) return &field;
    }
    return nullptr;
}

}  // namespace

std::vector<std::string> to_arguments(const WorkerCommandLine& c) {
    std::vector<std::string> args = {"--listen-fd",  std::to_string(c.listen_fd),
                                     "--control-fd", std::to_string(c.control_fd),
                                     "--parent-pid", std::to_string(c.parent_pid)};
    RunConfig run;
    run.server = c.server;
    for (const RunField& field : run_fields()) {
        if (!field.goes_to_worker()) continue;
        args.push_back("--" + std::string(field.flag));
        args.push_back(field_text(field, run));
    }
    return args;
}

// Internal program, started only by the engine: strict, terse parsing.
Result<WorkerCommandLine> parse_worker_arguments(int argc, const char* const* argv) {
    WorkerCommandLine out;
    RunConfig run;
    for (int i = 1; i < argc; ++i) {
        const std::string_view flag = argv[i];
        if (i + 1 >= argc) return Failure{"missing value for " + std::string(flag)};
        const std::string_view value = argv[++i];
        if (flag.substr(0, 2) != "--") return Failure{"unexpected argument " + std::string(flag)};
        const std::string_view name = flag.substr(2);
        int* descriptor = name == "listen-fd"    ? &out.listen_fd
                          : name == "control-fd" ? &out.control_fd
                          : name == "parent-pid" ? &out.parent_pid
                                                 : nullptr;
        if (descriptor) {
            if (!parse_int(value, *descriptor))
                return Failure{"bad number for " + std::string(flag)};
        } else if (const RunField* field = worker_field(name)) {
            if (Result<> set = set_field_from_text(*field, run, value); !set) {
                return Failure{set.error()};
            }
        } else {
            return Failure{"unknown flag " + std::string(flag)};
        }
    }
    if (run.server.model == Model::ProcessPerCore) {
        return Failure{"model must be event-loop or gil-threads inside a worker"};
    }
    if (out.control_fd < 0) return Failure{"--control-fd is needed"};
    out.server = run.server;
    return out;
}

}  // namespace conclab
