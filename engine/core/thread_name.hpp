#pragma once
// Names the calling thread (visible in top -H, gdb and /proc), at most 15 characters.

#include <string_view>

namespace conclab {
void set_thread_name(std::string_view name);
}
