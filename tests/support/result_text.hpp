#pragma once
// For a test's messages: the reason a call failed, or an empty one when it did not. A check such
// as QVERIFY2(r.ok(), …) evaluates its message whatever the outcome, and error() of a success is
// a programming error.

#include "core/result.hpp"

namespace conclab::test {

template <class T, class E>
E error_of(const Result<T, E>& result) {
    return result.ok() ? E() : result.error();
}

// True when `result` succeeded; otherwise false with the reason in `error`, for a check such as
// QVERIFY2(succeeded(export_runs(…), error), qPrintable(error)).
template <class E>
bool succeeded(const Result<void, E>& result, E& error) {
    error = error_of(result);
    return result.ok();
}

}  // namespace conclab::test
