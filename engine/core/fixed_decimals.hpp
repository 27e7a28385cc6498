#pragma once
// A number with a fixed count of decimals ("12.3"), for messages the engine writes (a sweep
// point's "why not") and the text summaries the reports write: one helper for both, kept in core
// so that the engine does not reach up into report/ for it.

#include <cstdio>
#include <string>

namespace conclab {

inline std::string fixed(double v, int digits) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", digits, v);
    return text;
}

}  // namespace conclab
