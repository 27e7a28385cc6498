#include "cli_description.hpp"

#include "cli_fit_help.hpp"
#include "core/server_shapes.hpp"

#include <algorithm>
#include <sstream>

namespace conclab::cli {

namespace po = boost::program_options;

namespace {

constexpr CommandInfo kCommands[] = {
    {"run", Command::Run, "run an experiment: a server plus the load generator"},
    {"compare", Command::Compare,
     "run several models (and a real server) in turn on one workload, with one table and one "
     "chart"},
    {"calibrate", Command::Calibrate, "fit the model's overhead to a real server (--target)"},
    {"validate", Command::Validate,
     "run the (calibrated) model and a real server on a grid of workloads and connections, and "
     "compare"},
    {"sweep", Command::Sweep,
     "measure X(N) at a series of connection counts, check Little's law and fit the USL"},
    {"serve", Command::Serve,
     "only start the server, e.g. for wrk or curl; it stops after --duration (default 10 s) or "
     "on Ctrl-C"},
};

constexpr std::string_view kDescription =
    "Starts a real HTTP/1.1 server on 127.0.0.1 in the chosen concurrency model, drives it with "
    "closed-loop keep-alive connections for the given duration, and prints what happened "
    "(wrk-like). Every run stops by itself and leaves no process or port behind.";

constexpr std::string_view kExamples[] = {
    "conclab-cli run --model event-loop --connections 1000 --io-ms 50 --duration 10",
    "conclab-cli run --model gil-threads --threads 10 --connections 1000 --io-ms 50",
    "conclab-cli run --model process-per-core --workers 2 --connections 10 --cpu-ms 5",
    "conclab-cli run --model process-per-core --workers 2 --io-ms 2 --kill-worker-at 3",
    "conclab-cli run --target http://127.0.0.1:5000/ --connections 50 --duration 10",
    "conclab-cli run --model gil-threads --cpu-ms 1 --repeat 5 --duration 3",
    "conclab-cli compare --models event-loop,gil-threads --io-ms 50 -c 1000 --chart cmp.png",
    "conclab-cli compare --models gil-threads --threads 0 --target http://127.0.0.1:5000/",
    "conclab-cli calibrate --target http://127.0.0.1:5000/ --model gil-threads --threads 0 "
    "--save flask.json",
    "conclab-cli calibrate --target http://127.0.0.1:3000/ --shape express --save e.json",
    "conclab-cli validate --target http://127.0.0.1:3000/ --scenario e.json --chart v.png",
    "conclab-cli run --model event-loop --cpu-ms 5 --rate 300 --max-connections 10",
    "conclab-cli run --model event-loop --io-ms 20 --stages 5s:10,10s:1000,5s:0",
    "conclab-cli sweep --models event-loop,gil-threads --cpu-ms 1 --connections 1,2,4,8,16,32",
    "conclab-cli sweep --model process-per-core --from 1 --to 1024 --steps 11 --json s.json",
    "conclab-cli run --scenario 01-io-bound-event-loop-vs-gil-threads.json --report io.html",
};

// Words of `text` in lines of at most `width` characters (a longer word gets a line of its own).
std::vector<std::string> wrap(std::string_view text, std::size_t width) {
    std::vector<std::string> lines(1);
    std::istringstream words{std::string(text)};
    for (std::string word; words >> word;) {
        std::string& line = lines.back();
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            lines.emplace_back(word);
        } else {
            line += (line.empty() ? "" : " ") + word;
        }
    }
    return lines;
}

std::string usage_text() {
    constexpr std::size_t kCommandColumn = 40;
    std::ostringstream out;
    bool first = true;
    for (const CommandInfo& command : kCommands) {
        std::string head = std::string(first ? "Usage: " : "       ") + "conclab-cli " +
                           std::string(command.name) + " [options]";
        head.resize(std::max(head.size() + 1, kCommandColumn), ' ');
        first = false;
        for (const std::string& line : wrap(command.summary, 98 - kCommandColumn)) {
            out << head << line << "\n";
            head.assign(kCommandColumn, ' ');
        }
    }
    out << "\n";
    for (const std::string& line : wrap(kDescription, 94)) out << line << "\n";
    out << "\nExamples:\n";
    for (std::string_view example : kExamples) out << "  " << example << "\n";
    return out.str();
}

// Every run field of the registry becomes a flag with its default and help, grouped as the
// registry groups them. Values are kept as text and read by the registry, so the CLI, scenario
// files and the worker accept exactly the same values with the same messages.
void add_run_field_options(po::options_description& options, FieldGroup group) {
    for (const RunField& field : run_fields()) {
        if (field.group != group) continue;
        std::string name(field.flag);
        if (field.short_flag) name += std::string(",") + field.short_flag;
        options.add_options()(name.c_str(),
                              po::value<std::string>()
                                  ->default_value(field_default_text(field))
                                  ->value_name(field.kind == FieldKind::Choice ? "NAME" : "N"),
                              field_help(field).c_str());
    }
}

// The CLI's own flags of the Load group: the target, the scenario, repeats, lists and plans.
void add_load_options(po::options_description& load, CliOptions& o, RawFlags& raw) {
    // clang-format off
    load.add_options()
        ("target", po::value(&raw.target)->value_name("URL"),
         "drive an existing server instead, e.g. http://127.0.0.1:5000/ (compare: run it as "
         "well, labelled \"real server\"; calibrate: the server to fit to)")
        ("request,X", po::value(&raw.request.method)->value_name("METHOD"),
         "--target: the request method, as curl -X (GET)")
        ("header,H", po::value(&raw.request.headers)->composing()->value_name("'NAME: VALUE'"),
         "--target: a request header, as curl -H; repeat for more")
        ("body", po::value(&raw.request.body)->value_name("TEXT"),
         "--target: the request body, sent with its Content-Length")
        ("allow-remote", po::bool_switch(&raw.allow_remote),
         "allow a --target that is not on this machine")
        ("scenario", po::value(&raw.scenario)->value_name("FILE.json"),
         "start from a scenario file (flags given as well override it; compare also takes its "
         "\"compare\" list); a bare name that is not a file here is looked up among the installed "
         "presets")
        ("repeat", po::value(&o.repeat)->default_value(1)->value_name("N"),
         "run, compare: run each experiment N times and report the median and min-max")
        ("models", po::value(&raw.models)->value_name("MODEL,..."),
         "compare, sweep: the models to run in turn, e.g. event-loop,gil-threads,process-per-core")
        ("stages", po::value(&raw.stages)->value_name("LIST"),
         "a load plan as k6 stages, e.g. 5s:10,10s:1000,5s:0 (duration:target; targets are "
         "connections, or req/s with --rate); ramps linearly from the starting value; "
         "--duration defaults to the plan's length")
        ("step-duration", po::value(&o.step_s)->default_value(5)->value_name("S"),
         "sweep: seconds measured at each connection count (after --warmup, default 1 s)")
        ("from", po::value(&raw.from)->value_name("N"),
         "sweep: the first connection count of a geometric series (with --to and --steps), "
         "instead of --connections LIST")
        ("to", po::value(&raw.to)->value_name("N"), "sweep: the last connection count")
        ("steps", po::value(&raw.steps)->value_name("K"), "sweep: how many connection counts")
        ("idle-sweep", po::bool_switch(&o.sweep_idle),
         "sweep: the counts are idle connections (--idle-connections) beside --connections, to "
         "measure what a waiting connection costs each model")
        ("shape", po::value(&raw.shape)->value_name("NAME"),
         ("the real server the model stands for, setting the model's fields (flags given as "
          "well refine it): " + server_shape_keys()).c_str())
        ("zero-work-only", po::bool_switch(&o.zero_work_only),
         "calibrate: fit on zero-work requests only, without the cost after I/O (resume_us) "
         "and its runs with ?io_ms=50")
        ("max-steps", po::value(&o.max_steps)->default_value(6)->value_name("N"),
         "calibrate: the most model measurements its loop takes before it says why it cannot "
         "get within ±5 % (1..20)")
        ("grid", po::value(&raw.grid)->value_name("SPEC"),
         "validate: the points, e.g. cpu=0,5;io=0,50;c=10,1000 (every combination of cpu_ms and "
         "io_ms at every connection count); default: CPU-bound, I/O-bound and mixed at 10, 100 "
         "and 1,000 connections")
        ("kill-worker-at", po::value(&o.kill_worker_at)->composing()->value_name("SECONDS"),
         "run, process-per-core: SIGKILL the busiest worker this many seconds into the run, to "
         "watch the server replace it; repeat for more kills");
    // clang-format on
}

void add_output_options(po::options_description& output, CliOptions& o) {
    // clang-format off
    output.add_options()
        ("json", po::value(&o.json_path)->value_name("FILE|-"),
         "write the JSON report to FILE, or - for stdout")
        ("csv", po::value(&o.csv_path)->value_name("FILE|-"),
         "write the time series as CSV to FILE, or - for stdout")
        ("csv-workers", po::value(&o.csv_workers_path)->value_name("FILE|-"),
         "process-per-core: write one CSV row per worker per tick (pid, req/s, CPU, internals) "
         "to FILE, or - for stdout")
        ("chart", po::value(&o.chart_path)->value_name("FILE.png|.svg|.pdf"),
         "render the charts to FILE.png, .svg or .pdf")
        ("report", po::value(&o.report_path)->value_name("FILE.html|.pdf"),
         "run, compare: write a report (charts, summary with p99.9, diagnosis, warnings, knob "
         "changes, model, machine) to FILE.html (self-contained) or FILE.pdf (slides)")
        ("save", po::value(&o.save_path)->value_name("FILE.json"),
         "calibrate: write the fitted model as a scenario FILE.json")
        ("force", po::bool_switch(&o.force), "overwrite output files that exist")
        ("quiet,q", po::bool_switch(&o.quiet), "no progress lines while running")
        ("version", "print the version and exit")
        ("help,h", "show this help");
    // clang-format on
}

// The groups --help shows, in order, with their captions (which Boost 1.74 keeps private).
struct OptionGroup {
    std::string caption;
    po::options_description options;
    explicit OptionGroup(const std::string& title) : caption(title), options(title) {}
};

std::vector<OptionGroup> option_groups(CliOptions& o, RawFlags& raw) {
    std::vector<OptionGroup> groups;
    groups.emplace_back("Server (ignored with --target)");
    add_run_field_options(groups.back().options, FieldGroup::Server);
    groups.emplace_back("Workload per request");
    add_run_field_options(groups.back().options, FieldGroup::Workload);
    groups.emplace_back("Load");
    add_run_field_options(groups.back().options, FieldGroup::Load);
    add_run_field_options(groups.back().options, FieldGroup::Run);
    add_load_options(groups.back().options, o, raw);
    groups.emplace_back("Output");
    add_output_options(groups.back().options, o);
    return groups;
}

}  // namespace

std::span<const CommandInfo> cli_commands() {
    return kCommands;
}

const CommandInfo* find_command(std::string_view name) {
    for (const CommandInfo& command : kCommands) {
        if (command.name == name) return &command;
    }
    return nullptr;
}

std::string_view cli_description_text() {
    return kDescription;
}

std::span<const std::string_view> cli_examples() {
    return kExamples;
}

std::string_view calibrate_help_text() {
    return calibrate_help();
}

po::options_description cli_option_groups(CliOptions& o, RawFlags& raw) {
    po::options_description all;
    for (const OptionGroup& group : option_groups(o, raw)) all.add(group.options);
    return all;
}

std::string cli_help_text(std::string_view command) {
    CliOptions o;
    RawFlags raw;
    std::ostringstream text;
    text << usage_text() << "\n";
    if (command == "calibrate") text << calibrate_help() << "\n";
    if (command == "validate") text << validate_help() << "\n";
    text << cli_option_groups(o, raw);
    return text.str();
}

std::vector<FlagInfo> cli_flags() {
    CliOptions o;
    RawFlags raw;
    std::vector<FlagInfo> flags;
    for (const OptionGroup& group : option_groups(o, raw)) {
        for (const auto& option : group.options.options()) {
            FlagInfo flag;
            flag.group = group.caption;
            flag.name = option->long_name();
            // "-c [ --connections ]" names the short flag first when there is one.
            const std::string shown = option->format_name();
            if (shown.size() > 1 && shown[0] == '-' && shown[1] != '-') flag.short_name = shown[1];
            flag.help = option->description();
            flag.field = nullptr;
            for (const RunField& field : run_fields()) {
                if (field.flag == flag.name) flag.field = &field;
            }
            const auto& semantic = option->semantic();
            if (semantic->max_tokens() > 0) {
                // "N (=10)": the value name, then the default in brackets.
                const std::string parameter = option->format_parameter();
                const auto bracket = parameter.find(" (=");
                flag.value_name = parameter.substr(0, bracket);
                if (bracket != std::string::npos) {
                    flag.default_text =
                        parameter.substr(bracket + 3, parameter.size() - bracket - 4);
                }
            }
            flags.push_back(std::move(flag));
        }
    }
    return flags;
}

ValueShape value_shape(const FlagInfo& flag) {
    ValueShape shape;
    const std::string& name = flag.value_name;
    auto choices_of = [&](const RunField& field) {
        std::istringstream words{std::string(field.choices)};
        for (std::string word; words >> word;) {
            if (word != "|") shape.choices.push_back(word);
        }
    };
    if (flag.field && flag.field->kind == FieldKind::Choice) {
        choices_of(*flag.field);
    } else if (name.size() > 4 && name.ends_with(",...")) {
        // "MODEL,...": a list of the values of the registry's "model" row.
        std::string key = name.substr(0, name.size() - 4);
        std::transform(key.begin(), key.end(), key.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (const RunField* field = find_run_field(key);
            field && field->kind == FieldKind::Choice) {
            choices_of(*field);
            shape.list = true;
        }
    } else if (name.starts_with("FILE")) {
        shape.file = true;
        // "FILE.png|.svg|.pdf", "FILE|-"
        std::istringstream parts{name.substr(4)};
        for (std::string part; std::getline(parts, part, '|');) {
            if (part == "-") shape.dash = true;
            if (part.size() > 1 && part[0] == '.') shape.extensions.push_back(part.substr(1));
        }
    }
    return shape;
}

}  // namespace conclab::cli
