#include "metrics/listen_overflows.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace conclab {

namespace {

std::vector<std::string> words(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

}  // namespace

// /proc/net/netstat holds pairs of lines: "TcpExt: Name1 Name2 …" then "TcpExt: 12 34 …".
std::optional<std::uint64_t> listen_overflows_now() {
    std::ifstream in("/proc/net/netstat");
    std::string names, values;
    while (std::getline(in, names) && std::getline(in, values)) {
        if (names.rfind("TcpExt:", 0) != 0) continue;
        const std::vector<std::string> n = words(names), v = words(values);
        for (std::size_t i = 1; i < n.size() && i < v.size(); ++i) {
            if (n[i] != "ListenOverflows") continue;
            try {
                return std::stoull(v[i]);
            } catch (const std::exception&) {
                return std::nullopt;
            }
        }
    }
    return std::nullopt;
}

}  // namespace conclab
