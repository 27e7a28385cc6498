#include "metrics/metrics.hpp"

#include <cmath>
#include <sstream>

namespace conclab {

std::uint64_t ErrorCounts::total() const {
    std::uint64_t sum = 0;
    for (const ErrorKindField& kind : kErrorKinds) sum += this->*kind.count;
    return sum;
}

std::uint64_t& ErrorCounts::operator[](ErrorKind kind) {
    return this->*kErrorKinds[static_cast<std::size_t>(kind)].count;
}

ErrorCounts& ErrorCounts::operator+=(const ErrorCounts& other) {
    for (const ErrorKindField& kind : kErrorKinds) this->*kind.count += other.*kind.count;
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
