#include "man_pages.hpp"

#include <cctype>
#include <sstream>

#include "cli_description.hpp"
#include "core/run_fields.hpp"
#include "roff.hpp"

namespace conclab::docgen {

namespace {

using cli::FlagInfo;

std::string title_header(std::string_view name) {
    std::string upper(name);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return ".TH " + roff(upper) +
           " 1 \"\" \"Concurrency Lab " CONCLAB_VERSION
           "\" \"User Commands\"\n"
           ".nh\n.ad l\n";  // no hyphenation: flags stay whole
}

// "Default: 10." and where the value lives in a scenario file.
std::string field_notes(const RunField& field) {
    std::string notes = "Default: " + field_default_text(field);
    if (!field.unit.empty() && field.kind != FieldKind::Choice)
        notes += " " + std::string(field.unit);
    notes += ". Scenario key: " + std::string(field.key) + ".";
    return notes;
}

void write_flag(std::ostringstream& out, const FlagInfo& flag) {
    out << ".TP\n";
    if (flag.short_name) out << "\\fB\\-" << flag.short_name << "\\fR, ";
    out << "\\fB" << roff("--" + flag.name) << "\\fR";
    if (!flag.value_name.empty()) out << " \\fI" << roff(flag.value_name) << "\\fR";
    out << "\n" << roff(flag.help) << ".";
    if (flag.field) {
        out << " " << roff(field_notes(*flag.field));
    } else if (!flag.default_text.empty()) {
        out << " Default: " << roff(flag.default_text) << ".";
    }
    out << "\n";
}

void write_cli_options(std::ostringstream& out) {
    std::string group;
    for (const FlagInfo& flag : cli::cli_flags()) {
        if (flag.group != group) {
            group = flag.group;
            out << ".SS " << roff(group) << "\n";
        }
        write_flag(out, flag);
    }
}

void write_field(std::ostringstream& out, const RunField& field) {
    out << ".TP\n\\fB" << roff(field.key) << "\\fR";
    out << (field.kind == FieldKind::Choice ? " (a name)" : " (a number)") << "\n";
    out << roff(field_help(field)) << ". Default: " << roff(field_default_text(field));
    if (!field.unit.empty() && field.kind != FieldKind::Choice) out << " " << roff(field.unit);
    out << ". conclab\\-cli: \\fB" << roff("--" + std::string(field.flag)) << "\\fR.";
    if (field.is_live()) out << " Moving its control during a run changes the running experiment.";
    out << "\n";
}

constexpr std::string_view kPresetsPlace =
    "share/conclab/presets beside the program's bin folder (/usr/share/conclab/presets from the "
    "Debian package), with the preset sweeps in its sweeps folder";

}  // namespace

std::string cli_man_page() {
    std::ostringstream out;
    out << title_header("conclab-cli");
    out << ".SH NAME\nconclab\\-cli \\- run web servers of three concurrency models under load, "
           "headless\n";
    out << ".SH SYNOPSIS\n";
    for (const cli::CommandInfo& command : cli::cli_commands()) {
        out << ".B conclab\\-cli " << roff(command.name) << "\n.RI [ options ]\n.br\n";
    }
    out << ".B conclab\\-cli\n.BR \\-\\-help \" | \" \\-\\-version\n";
    out << ".SH DESCRIPTION\n" << roff(cli::cli_description_text()) << "\n";
    out << ".PP\nThe same engine drives the desktop app, \\fBconclab\\fR(1). Every knob of a "
           "run is a row of one registry: the flags below, the keys of scenario files and the "
           "app's controls are the same fields, with the same ranges and messages.\n";
    out << ".SH COMMANDS\n";
    for (const cli::CommandInfo& command : cli::cli_commands()) {
        out << ".TP\n.B " << roff(command.name) << "\n" << roff(command.summary) << ".\n";
    }
    out << ".SH OPTIONS\n";
    write_cli_options(out);
    out << ".SH CALIBRATION\n.nf\n" << roff(cli::calibrate_help_text()) << ".fi\n";
    out << ".SH EXAMPLES\n.nf\n";
    for (std::string_view example : cli::cli_examples()) out << roff(example) << "\n";
    out << ".fi\n";
    out << ".SH ENVIRONMENT\n.TP\n.B CONCLAB_WORKER\nThe server worker program to start "
           "(default: conclab\\-worker beside conclab\\-cli).\n";
    out << ".SH FILES\n.TP\n.I presets\n"
        << roff(kPresetsPlace)
        << ". \\fB\\-\\-scenario\\fR takes their bare file names from any folder.\n";
    out << ".SH EXIT STATUS\n0 when every run succeeded; 1 when a run or an output failed; 2 "
           "for a bad command line; 130 when stopped with Ctrl\\-C.\n";
    out << ".SH SEE ALSO\n\\fBconclab\\fR(1), \\fBwrk\\fR(1)\n";
    return out.str();
}

std::string gui_man_page() {
    std::ostringstream out;
    out << title_header("conclab");
    out << ".SH NAME\nconclab \\- see why web servers built on different concurrency models "
           "behave differently under load\n";
    out << ".SH SYNOPSIS\n.B conclab\n.RB [ \\-\\-help | \\-\\-version ]\n"
           ".RI [ Qt\\ options ]\n";
    out << ".SH DESCRIPTION\n"
        << roff(
               "conclab starts real HTTP/1.1 servers on 127.0.0.1 in three concurrency models - an "
               "event loop (Node.js), threads under a global interpreter lock (Flask, gunicorn "
               "gthread) and a process per core (Node's cluster module, gunicorn workers) - drives "
               "them with its own load generator and charts what happens live: requests per "
               "second, "
               "latency percentiles, connections open, in service and waiting, CPU. Moving a "
               "slider "
               "changes the running experiment. Compare models runs the same workload on each "
               "model "
               "and overlays the results; presets reproduce common claims in one click; the "
               "charts, "
               "the data and a report export to PNG, SVG, PDF, JSON, CSV and HTML.")
        << "\n";
    out << ".PP\nThe window follows the system's language (English or Korean); View \\(-> "
           "Language overrides it and is remembered.\n";
    out << ".SH OPTIONS\n.TP\n.BR \\-h \", \" \\-\\-help\nPrint the options and exit.\n"
           ".TP\n.BR \\-v \", \" \\-\\-version\nPrint the version and exit (also without a "
           "display).\n.PP\nThe standard options of Qt applications (\\fB\\-platform\\fR, "
           "\\fB\\-style\\fR, ...) apply as well.\n";
    out << ".SH SCENARIO FILES\n"
        << roff(
               "File > Open scenario and File > Save scenario read and write JSON objects: "
               "\"name\", "
               "\"description\", an optional \"compare\" list (model names, or objects of the keys "
               "below set for that run) and \"sweep\" section, and any of these keys, each a knob "
               "of "
               "the app and a flag of conclab-cli:")
        << "\n";
    for (const RunField& field : run_fields()) write_field(out, field);
    out << ".SH ENVIRONMENT\n.TP\n.BR LANGUAGE \", \" LC_ALL \", \" LC_MESSAGES \", \" LANG\n"
           "Choose the language of the window when View \\(-> Language is left at System.\n"
           ".TP\n.B CONCLAB_WORKER\nThe server worker program to start (default: "
           "conclab\\-worker beside conclab).\n";
    out << ".SH FILES\n.TP\n.I ~/.config/ConcurrencyLab/Concurrency\\ Lab.conf\n"
           "What the app remembers: the last scenario, the View menu, the language and the "
           "window's place.\n.TP\n.I presets\n"
        << roff(kPresetsPlace) << " (the app has its own copy built in).\n";
    out << ".SH SEE ALSO\n\\fBconclab\\-cli\\fR(1)\n";
    return out.str();
}

}  // namespace conclab::docgen
