// conclab-i18n-strings: writes the C++ file of translatable texts that live in data (the run-field
// registry's help, the presets' names and descriptions) for lupdate. Run by the build (ui/).
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "core/atomic_file.hpp"
#include "translatable_strings.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "Usage: conclab-i18n-strings OUTPUT.cpp [PRESET.json ...]\n";
        return 2;
    }
    try {
        const std::vector<std::string> presets(argv + 2, argv + argc);
        auto written = conclab::write_file_atomically(
            argv[1], conclab::docgen::translatable_strings_source(presets), true);
        if (!written) throw std::runtime_error(written.error());
    } catch (const std::exception& e) {  // or a preset that does not read
        std::cerr << "conclab-i18n-strings: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
