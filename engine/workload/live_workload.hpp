#pragma once
// The workload a running server applies to each request. The engine changes it from its
// control thread while the serving threads read it once per request, so a small mutex is enough.

#include <mutex>

#include "core/run_config.hpp"

namespace conclab {

class LiveWorkload {
public:
    explicit LiveWorkload(const Workload& initial) : workload_(initial) {}
    void set(const Workload& workload) {
        std::lock_guard lock(mutex_);
        workload_ = workload;
    }
    Workload get() const {
        std::lock_guard lock(mutex_);
        return workload_;
    }

private:
    mutable std::mutex mutex_;
    Workload workload_;
};

}  // namespace conclab
