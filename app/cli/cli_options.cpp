#include "cli_options.hpp"

#include <sstream>

#include <boost/program_options.hpp>

#include "scenario/scenario.hpp"

namespace conclab::cli {

namespace po = boost::program_options;

namespace {

const char* kUsage =
    "Usage: conclab-cli run [options]     run an experiment: a server plus the load generator\n"
    "       conclab-cli serve [options]   only start the server, e.g. for wrk or curl; it stops\n"
    "                                     after --duration (default 10 s) or on Ctrl-C\n"
    "\n"
    "Starts a real HTTP/1.1 server on 127.0.0.1 in the chosen concurrency model, drives it with\n"
    "closed-loop keep-alive connections for the given duration, and prints what happened\n"
    "(wrk-like). Every run stops by itself and leaves no process or port behind.\n"
    "\n"
    "Examples:\n"
    "  conclab-cli run --model event-loop --connections 1000 --io-ms 50 --duration 10\n"
    "  conclab-cli run --model gil-threads --threads 10 --connections 1000 --io-ms 50\n"
    "  conclab-cli run --model process-per-core --workers 2 --connections 10 --cpu-ms 5\n"
    "  conclab-cli run --target http://127.0.0.1:5000/ --connections 50 --duration 10\n";

}  // namespace

ParseOutcome parse_command_line(int argc, const char* const* argv) {
    ParseOutcome out;
    CliOptions o;
    std::string model = "event-loop", inner = "event-loop", target, scenario_path;
    std::string scheduling = "round-robin";
    double tick_ms = 250;
    int port = 0;
    bool allow_remote = false;

    // clang-format off
    po::options_description server("Server (ignored with --target)");
    server.add_options()
        ("model", po::value(&model)->default_value(model),
         "event-loop | gil-threads | process-per-core")
        ("threads", po::value(&o.run.server.threads)->default_value(o.run.server.threads),
         "gil-threads: pool size; 0 = one thread per connection (Werkzeug)")
        ("workers", po::value(&o.run.server.workers)->default_value(0),
         "process-per-core: worker processes; 0 = number of cores")
        ("inner", po::value(&inner)->default_value(inner),
         "process-per-core: model inside each worker (event-loop | gil-threads)")
        ("scheduling", po::value(&scheduling)->default_value(scheduling),
         "process-per-core: round-robin (the primary hands out connections, Node cluster's "
         "default) | kernel (workers accept on the shared socket, like gunicorn)")
        ("switch-interval-ms", po::value(&o.run.server.switch_interval_ms)->default_value(5.0, "5"),
         "GIL switch interval (CPython's sys.getswitchinterval())")
        ("backlog", po::value(&o.run.server.listen_backlog)->default_value(0),
         "listen backlog; 0 = the model's default (511 event-loop, 128 gil-threads, 2048 "
         "process-per-core)")
        ("port", po::value(&port)->default_value(0), "port on 127.0.0.1; 0 = any free port");
    po::options_description work("Workload per request");
    work.add_options()
        ("cpu-ms", po::value(&o.run.server.workload.cpu_ms)->default_value(0.0, "0"),
         "handler CPU work, in thread CPU milliseconds")
        ("io-ms", po::value(&o.run.server.workload.io_ms)->default_value(0.0, "0"),
         "I/O wait (a downstream call), in milliseconds; uses no CPU")
        ("overhead-us", po::value(&o.run.server.workload.overhead_us)->default_value(0.0, "0"),
         "framework cost per request, in CPU microseconds");
    po::options_description load("Load");
    load.add_options()
        ("connections,c", po::value(&o.run.load.connections)->default_value(10),
         "closed-loop keep-alive connections (1..10000)")
        ("load-threads,t", po::value(&o.run.load.threads)->default_value(1),
         "load generator threads")
        ("heavy-connections", po::value(&o.run.load.heavy_connections)->default_value(0),
         "extra connections sending CPU-heavy requests (the convoy effect); counted apart")
        ("heavy-cpu-ms", po::value(&o.run.load.heavy_cpu_ms)->default_value(50.0, "50"),
         "CPU per request of the heavy connections")
        ("duration,d", po::value(&o.run.duration_s)->default_value(10.0, "10"),
         "seconds to run (warmup included)")
        ("warmup", po::value(&o.run.warmup_s)->default_value(0.0, "0"),
         "seconds at the start left out of the summary")
        ("timeout", po::value(&o.run.load.request_timeout_s)->default_value(30.0, "30"),
         "seconds before a request counts as a timeout error")
        ("tick-ms", po::value(&tick_ms)->default_value(250.0, "250"),
         "time-series resolution in milliseconds")
        ("target", po::value(&target),
         "drive an existing server instead, e.g. http://127.0.0.1:5000/")
        ("allow-remote", po::bool_switch(&allow_remote),
         "allow a --target that is not on this machine")
        ("scenario", po::value(&scenario_path),
         "start from a scenario file (flags given as well override it)");
    po::options_description output("Output");
    output.add_options()
        ("json", po::value(&o.json_path), "write the JSON report to FILE, or - for stdout")
        ("csv", po::value(&o.csv_path), "write the time series as CSV to FILE, or - for stdout")
        ("chart", po::value(&o.chart_path), "render the charts to FILE.png, .svg or .pdf")
        ("force", po::bool_switch(&o.force), "overwrite output files that exist")
        ("quiet,q", po::bool_switch(&o.quiet), "no progress lines while running")
        ("help,h", "show this help");
    // clang-format on
    po::options_description all;
    all.add(server).add(work).add(load).add(output);

    auto help_text = [&] {
        std::ostringstream text;
        text << kUsage << "\n" << all;
        return text.str();
    };
    auto error = [&](const std::string& message) {
        out.message = "conclab-cli: " + message + "\nTry 'conclab-cli run --help'.\n";
        out.exit_code = 2;
        return out;
    };

    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h" ||
        std::string(argv[1]) == "help") {
        out.message = help_text();
        out.exit_code = argc < 2 ? 2 : 0;
        return out;
    }
    const std::string command = argv[1];
    if (command == "serve") {
        o.command = Command::Serve;
    } else if (command != "run") {
        return error("unknown command '" + command + "' (use run or serve)");
    }

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc - 1, argv + 1).options(all).run(), vm);
        if (vm.count("help")) {
            out.message = help_text();
            return out;
        }
        po::notify(vm);
        if (vm.count("scenario")) {
            // The scenario gives the defaults; explicit flags are applied over it below.
            ScenarioParse parsed = load_scenario_file(vm["scenario"].as<std::string>());
            if (!parsed.scenario) return error(parsed.error);
            const RunConfig& s = parsed.scenario->run;
            auto from_file = [&](const char* flag) { return vm[flag].defaulted(); };
            if (from_file("model")) model = std::string(to_string(s.server.model));
            if (from_file("inner")) inner = std::string(to_string(s.server.inner));
            if (from_file("scheduling")) scheduling = std::string(to_string(s.server.scheduling));
            if (from_file("threads")) o.run.server.threads = s.server.threads;
            if (from_file("workers")) o.run.server.workers = s.server.workers;
            if (from_file("switch-interval-ms"))
                o.run.server.switch_interval_ms = s.server.switch_interval_ms;
            if (from_file("backlog")) o.run.server.listen_backlog = s.server.listen_backlog;
            if (from_file("port")) port = s.server.port;
            if (from_file("cpu-ms")) o.run.server.workload.cpu_ms = s.server.workload.cpu_ms;
            if (from_file("io-ms")) o.run.server.workload.io_ms = s.server.workload.io_ms;
            if (from_file("overhead-us"))
                o.run.server.workload.overhead_us = s.server.workload.overhead_us;
            if (from_file("connections")) o.run.load.connections = s.load.connections;
            if (from_file("load-threads")) o.run.load.threads = s.load.threads;
            if (from_file("heavy-connections"))
                o.run.load.heavy_connections = s.load.heavy_connections;
            if (from_file("heavy-cpu-ms")) o.run.load.heavy_cpu_ms = s.load.heavy_cpu_ms;
            if (from_file("duration")) o.run.duration_s = s.duration_s;
            if (from_file("warmup")) o.run.warmup_s = s.warmup_s;
            if (from_file("timeout")) o.run.load.request_timeout_s = s.load.request_timeout_s;
            if (from_file("tick-ms")) tick_ms = s.tick_s * 1000.0;
        }
    } catch (const po::error& e) {
        return error(e.what());
    }

    auto parsed_model = model_from_string(model);
    if (!parsed_model)
        return error("--model must be event-loop, gil-threads or process-per-core, got '" + model +
                     "'");
    auto parsed_inner = model_from_string(inner);
    if (!parsed_inner || *parsed_inner == Model::ProcessPerCore) {
        return error("--inner must be event-loop or gil-threads, got '" + inner + "'");
    }
    if (port < 0 || port > 65535) return error("--port must be 0..65535");
    auto parsed_scheduling = scheduling_from_string(scheduling);
    if (!parsed_scheduling) {
        return error("--scheduling must be round-robin or kernel, got '" + scheduling + "'");
    }
    o.run.server.scheduling = *parsed_scheduling;
    o.run.server.model = *parsed_model;
    o.run.server.inner = *parsed_inner;
    o.run.server.port = static_cast<std::uint16_t>(port);
    o.run.tick_s = tick_ms / 1000.0;
    if (o.run.duration_s <= 0) return error("--duration must be more than 0 seconds");
    if (o.command == Command::Serve && !target.empty()) {
        return error("--target makes no sense with serve");
    }
    if (!target.empty()) {
        TargetParse t = parse_target_url(target, allow_remote);
        if (!t.target) return error("--target: " + t.error);
        o.run.external = t.target;
    }
    if (auto errors = validate(o.run); !errors.empty()) return error(errors.front());
    if (!o.chart_path.empty()) {
        const auto dot = o.chart_path.rfind('.');
        const std::string ext = dot == std::string::npos ? "" : o.chart_path.substr(dot);
        if (ext != ".png" && ext != ".svg" && ext != ".pdf") {
            return error("--chart must end in .png, .svg or .pdf, got '" + o.chart_path + "'");
        }
    }
    out.options = std::move(o);
    return out;
}

}  // namespace conclab::cli
