#pragma once
// The man pages conclab-cli(1) and conclab(1), written from the CLI's command-line description
// and the run-field registry: a new flag or registry row appears in them with no edit.

#include <string>

namespace conclab::docgen {

std::string cli_man_page();  // conclab-cli(1): every subcommand and flag, unit, range, default
std::string gui_man_page();  // conclab(1): the desktop app and the scenario keys it reads

}  // namespace conclab::docgen
