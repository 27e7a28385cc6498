#include "server/connection_memory.hpp"

#include <cstring>

namespace conclab {

void ConnectionMemory::hold(int fd) {
    if (kib_ == 0) return;
    const std::size_t bytes = static_cast<std::size_t>(kib_) * 1024;
    auto block = std::make_unique<char[]>(bytes);  // value-initialised: every page written
    // A non-zero pattern as well, so that no page stays the shared zero page.
    std::memset(block.get(), 0x5a, bytes);
    MutexLock lock(mutex_);
    blocks_[fd] = std::move(block);
}

void ConnectionMemory::release(int fd) {
    if (kib_ == 0) return;
    std::unique_ptr<char[]> block;
    {
        MutexLock lock(mutex_);
        auto it = blocks_.find(fd);
        if (it == blocks_.end()) return;
        block = std::move(it->second);
        blocks_.erase(it);
    }
}

}  // namespace conclab
