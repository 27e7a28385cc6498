#include "core/thread_name.hpp"

#include <pthread.h>

#include <string>

namespace conclab {

void set_thread_name(std::string_view name) {
    std::string truncated(name.substr(0, 15));
    pthread_setname_np(pthread_self(), truncated.c_str());
}

}  // namespace conclab
