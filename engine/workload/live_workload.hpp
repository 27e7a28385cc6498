#pragma once
// The workload a running server applies to each request. The engine changes it from its
// control thread while the serving threads read it once per request, so a small mutex is enough.

#include "core/annotated_mutex.hpp"
#include "core/run_config.hpp"

namespace conclab {

class LiveWorkload {
public:
    explicit LiveWorkload(const Workload& initial) : workload_(initial) {}
    void set(const Workload& workload) EXCLUDES(mutex_) {
        MutexLock lock(mutex_);
        workload_ = workload;
    }
    Workload get() const EXCLUDES(mutex_) {
        MutexLock lock(mutex_);
        return workload_;
    }

private:
    mutable Mutex mutex_;
    Workload workload_ GUARDED_BY(mutex_);
};

}  // namespace conclab
