#pragma once
// Memory a model holds for each open connection on top of its own (--memory-per-connection-kb):
// how a user makes the model's footprint match a real server's, whose connection objects are
// heavier (a Python thread's interpreter state and frames, a V8 socket object and its buffers).
// The block is written when the connection opens, so it is resident (RSS), not just reserved,
// and freed when it closes. Any thread; 0 KiB holds nothing and costs a test.

#include <memory>
#include <unordered_map>

#include "core/annotated_mutex.hpp"

namespace conclab {

class ConnectionMemory {
public:
    void set_kib(int kib) { kib_ = kib > 0 ? kib : 0; }  // before the server starts
    void hold(int fd) EXCLUDES(mutex_);
    void release(int fd) EXCLUDES(mutex_);

private:
    int kib_ = 0;  // set before the threads start, then read-only
    Mutex mutex_;
    std::unordered_map<int, std::unique_ptr<char[]>> blocks_ GUARDED_BY(mutex_);  // by descriptor
};

}  // namespace conclab
