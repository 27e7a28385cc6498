#pragma once
// The bash completion of conclab-cli, written from its command-line description: subcommands,
// every flag (the run-field registry's and the CLI's own), the names a flag takes
// (--model event-loop|gil-threads|process-per-core, --keep-alive on|off, --models as a comma
// list) and files of the right kind (--scenario *.json and the installed presets by name,
// --chart *.png|*.svg|*.pdf). Needs bash only, not the bash-completion package.

#include <string>

namespace conclab::docgen {

std::string bash_completion();

}  // namespace conclab::docgen
