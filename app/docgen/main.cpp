// conclab-docgen: writes conclab-cli(1), conclab(1) and conclab-cli's bash completion from the
// run-field registry and the CLI's option description. Run by the build (app/docgen); not
// installed.
#include <exception>
#include <iostream>
#include <string>

#include "bash_completion.hpp"
#include "core/atomic_file.hpp"
#include "man_pages.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "Usage: conclab-docgen OUTPUT_FOLDER\n"
                     "Writes conclab-cli.1, conclab.1 and the bash completion conclab-cli.bash.\n";
        return 2;
    }
    const std::string folder = std::string(argv[1]) + "/";
    const std::pair<std::string, std::string> files[] = {
        {"conclab-cli.1", conclab::docgen::cli_man_page()},
        {"conclab.1", conclab::docgen::gui_man_page()},
        {"conclab-cli.bash", conclab::docgen::bash_completion()}};
    for (const auto& [name, text] : files) {
        if (auto written = conclab::write_file_atomically(folder + name, text, true); !written) {
            std::cerr << "conclab-docgen: " << written.error() << "\n";
            return 1;
        }
    }
    return 0;
}
