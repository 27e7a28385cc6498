#include "cli_presets.hpp"

#include <filesystem>
#include <system_error>

namespace conclab::cli {

namespace fs = std::filesystem;

std::string installed_presets_dir() {
    std::error_code ec;
    // The real program, not a symlink to it: the layout is that of the install (bin/, share/).
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    return (self.parent_path().parent_path() / "share" / "conclab" / "presets").string();
}

std::string resolve_scenario_path(const std::string& given, const std::string& presets_dir) {
    std::error_code ec;
    if (given.empty() || presets_dir.empty() || given.find('/') != std::string::npos ||
        fs::exists(given, ec)) {
        return given;
    }
    for (const fs::path& candidate :
         {fs::path(presets_dir) / given, fs::path(presets_dir) / "sweeps" / given}) {
        if (fs::is_regular_file(candidate, ec)) return candidate.string();
    }
    return given;
}

std::string resolve_scenario_path(const std::string& given) {
    return resolve_scenario_path(given, installed_presets_dir());
}

}  // namespace conclab::cli
