#pragma once
// One result type for every call that can fail in a way the caller must handle: a value, or the
// reason it could not be made, worded for the user. It replaces the conventions that grew before
// it (an empty std::string for success, `bool f(…, QString* error)`, an error member in a
// struct).
//
// Which convention is for what:
// - Result<T> / Result<> (error: std::string, English, shown through ui's engine_text): every
//   engine call whose caller handles the failure where it calls — a file read or written
//   (read_regular_file, write_file_atomically), text parsed (parse_scenario, parse_saved_runs,
//   parse_connection_list, parse_worker_arguments), a socket or a process made (open_listen_socket,
//   WorkerProcess::spawn), a limit checked (check_fd_limit, check_output_path), a fault injected
//   (Experiment::kill_worker).
// - Result<T, QString> / Result<void, QString>: the same in ui/ and app/, where the message is
//   already translated (export_panel, write_report, DataExporter::write, write_slide, …).
// - Exceptions, only where no caller on the way can do anything but pass the failure up:
//   StartError out of Experiment::start() and ServerHost::start() (the run cannot begin; the
//   front end shows the message), and FieldError and JsonFieldError inside the scenario and
//   report readers: thrown deep in a recursive read, caught at the reader's edge and returned as
//   a Result (parse_scenario, parse_saved_runs), so they never cross a layer. The one exception
//   to that is run_result_from_json, a building block that throws JsonFieldError as its header
//   says.
// - Records of a finished piece of work that also say what went wrong part-way keep an error
//   field beside what was measured (RunResult::fatal_error, SweepResult::error,
//   CalibrationResult::error, ValidationResult::error): the points measured before the failure
//   are still the user's.
//
// Written by hand because std::expected is C++23: the CI's clang-14 with libstdc++ 12 has none.
// The class is [[nodiscard]], so dropping a result is a compiler warning (an error in CI).
//
//   Result<int> parse_port(std::string_view text);
//   if (auto port = parse_port(text); !port) return Failure{port.error()};
//   Result<> write(…) { if (bad) return Failure{"cannot write " + path}; return {}; }

#include <cassert>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace conclab {

// The reason a call failed. A distinct type, so that a Result<std::string> can tell a value from
// an error when either is returned.
template <class E = std::string>
struct Failure {
    E error;
};
template <class E>
Failure(E) -> Failure<E>;
Failure(const char*)->Failure<std::string>;

template <class T = void, class E = std::string>
class [[nodiscard]] Result {
public:
    // NOLINTBEGIN(google-explicit-constructor): a value or a Failure converts, as with expected.
    Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    template <class F, class = std::enable_if_t<std::is_constructible_v<E, F>>>
    Result(Failure<F> failure) : state_(std::in_place_index<1>, std::move(failure.error)) {}
    // NOLINTEND(google-explicit-constructor)

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    // The value; only when ok().
    T& value() & { return checked_value(); }
    const T& value() const& { return const_cast<Result*>(this)->checked_value(); }
    T&& value() && { return std::move(checked_value()); }
    T* operator->() { return &checked_value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return checked_value(); }
    const T& operator*() const& { return value(); }
    T value_or(T fallback) const& { return ok() ? std::get<0>(state_) : std::move(fallback); }

    // The reason; only when !ok().
    const E& error() const {
        assert(!ok());
        return std::get<1>(state_);
    }

private:
    T& checked_value() {
        assert(ok());
        return std::get<0>(state_);
    }
    std::variant<T, E> state_;
};

// A call that returns nothing but may fail: `return {};` is success.
template <class E>
class [[nodiscard]] Result<void, E> {
public:
    Result() = default;
    template <class F, class = std::enable_if_t<std::is_constructible_v<E, F>>>
    Result(Failure<F> failure)  // NOLINT(google-explicit-constructor)
        : failed_(true), error_(std::move(failure.error)) {}

    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const E& error() const {
        assert(failed_);
        return error_;
    }

private:
    bool failed_ = false;
    E error_{};
};

}  // namespace conclab
