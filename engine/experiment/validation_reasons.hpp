#pragma once
// Why a point of validate is off: the one-line likely reason its verdict gives, read from what
// the two median runs show (a real server's errors or overflowed accept queue, requests left
// unanswered, Little's law, a loop's turns, …). Used by judge_point (validation.cpp).

#include <string>

#include "experiment/validation.hpp"

namespace conclab {

// The likely reason a point is off, from what the runs show.
// `rps_ok`: the point's req/s is within the tolerance (judge_point's verdict on it).
std::string likely_reason(const ValidationPointResult& p, bool rps_ok);

}  // namespace conclab
