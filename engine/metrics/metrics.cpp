#include "metrics/metrics.hpp"

#include <cmath>
#include <sstream>

namespace conclab {

ErrorCounts& ErrorCounts::operator+=(const ErrorCounts& other) {
    connect += other.connect;
    read += other.read;
    write += other.write;
    timeout += other.timeout;
    status += other.status;
    parse += other.parse;
    reset += other.reset;
    return *this;
}

std::string AdjustEvent::label() const {
    if (!note.empty()) return note;
    auto number = [](double v) {
        std::ostringstream out;
        if (std::floor(v) == v && std::fabs(v) < 1e12) {
            out << static_cast<long long>(v);
        } else {
            out << v;
        }
        return out.str();
    };
    return knob + " " + number(from) + " \u2192 " + number(to);
}

const std::optional<MeanMax>& Summary::internal(std::string_view key) const {
    static const std::optional<MeanMax> none;
    for (std::size_t i = 0; i < kInternalsFields.size(); ++i) {
        if (kInternalsFields[i].key == key) return internals[i];
    }
    return none;
}

}  // namespace conclab
