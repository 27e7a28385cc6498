// The grid validate runs on: the default one, a --grid spec read, and the URL that asks a real
// server for a point's work (the ?cpu_ms=&io_ms= convention of the reference apps).
#include "experiment/validation.hpp"

#include <charconv>
#include <cmath>

#include "core/fixed_decimals.hpp"
#include "core/machine_limits.hpp"

namespace conclab {

std::vector<ValidationPoint> default_validation_grid() {
    std::vector<ValidationPoint> grid;
    for (auto [cpu, io] : {std::pair{2.0, 0.0}, std::pair{0.0, 50.0}, std::pair{1.0, 20.0}}) {
        for (int c : {10, 100, 1000}) grid.push_back({cpu, io, c});
    }
    return grid;
}

namespace {

std::vector<std::string_view> split(std::string_view text, char by) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = text.find(by, start);
        out.push_back(text.substr(start, at == std::string_view::npos ? at : at - start));
        if (at == std::string_view::npos) return out;
        start = at + 1;
    }
}

bool number(std::string_view text, double& out) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size() && std::isfinite(out);
}

}  // namespace

Result<std::vector<ValidationPoint>> parse_validation_grid(std::string_view spec) {
    std::vector<ValidationPoint> points;
    std::vector<double> cpu{0}, io{0};
    std::vector<int> conns{10};
    for (std::string_view part : split(spec, ';')) {
        const std::size_t eq = part.find('=');
        if (eq == std::string_view::npos) {
            return Failure{"--grid: '" + std::string(part) + "' is not NAME=LIST (cpu, io or c)"};
        }
        const std::string_view name = part.substr(0, eq);
        std::vector<double> values;
        for (std::string_view item : split(part.substr(eq + 1), ',')) {
            double v = 0;
            if (!number(item, v) || v < 0) {
                return Failure{"--grid: '" + std::string(item) + "' in " + std::string(name) +
                               " is not a number of 0 or more"};
            }
            values.push_back(v);
        }
        if (name == "cpu") {
            cpu = values;
        } else if (name == "io") {
            io = values;
        } else if (name == "c") {
            conns.clear();
            for (double v : values) {
                if (v < 1 || v > max_connections() || v != std::floor(v)) {
                    return Failure{"--grid: connections must be whole numbers 1.." +
                                   std::to_string(max_connections())};
                }
                conns.push_back(static_cast<int>(v));
            }
        } else {
            return Failure{"--grid: unknown '" + std::string(name) + "' (cpu, io or c)"};
        }
    }
    for (double c : cpu) {
        for (double i : io) {
            if (c > Limits::kMaxCpuMs || i > Limits::kMaxIoMs) {
                return Failure{"--grid: cpu up to " + fixed(Limits::kMaxCpuMs, 0) +
                               " ms, io up to " + fixed(Limits::kMaxIoMs, 0) + " ms"};
            }
            for (int n : conns) points.push_back({c, i, n});
        }
    }
    if (points.size() > 100) return Failure{"--grid: at most 100 points"};
    return points;
}

std::string path_for_point(const std::string& path, const ValidationPoint& point) {
    auto ms = [](double v) {
        std::string t = fixed(v, 3);
        while (t.back() == '0') t.pop_back();
        if (t.back() == '.') t.pop_back();
        return t;
    };
    const std::string base = path.empty() ? "/" : path;
    const char joint = base.find('?') == std::string::npos ? '?' : '&';
    return base + joint + "cpu_ms=" + ms(point.cpu_ms) + "&io_ms=" + ms(point.io_ms);
}

}  // namespace conclab
