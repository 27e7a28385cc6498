#include "engine_text.hpp"

#include <QCoreApplication>
#include <QRegularExpression>

#include <array>
#include <atomic>
#include <vector>

namespace conclab::ui {

namespace {

// One message the engine writes: its English as a pattern (anchored, figures captured) and the
// template a translator words, %1..%n being the captures in order. Why a table and not a tr() in
// the engine: the engine has no Qt, and the CLI and its reports must stay English.
struct Known {
    const char* pattern;
    const char* text;  // the English template, looked up in the "EngineText" context
    // Only frames other messages ("%1: %2"): filled in whatever the language, its translation
    // being the same text.
    bool frame = false;
};

// First match wins: the specific before the general ("server worker N failed: …" before
// "server worker N: …"). Kept beside the engine sentence each one mirrors (file named).
// clang-format off
constexpr std::array kKnown{
    // experiment/tick_aggregator.cpp warnings_of(): the live warnings of the last tick.
    Known{R"(the server failed to accept (\d+) connection\(s\), usually for lack of file descriptors \(ulimit -n\))",
          QT_TRANSLATE_NOOP("EngineText", "the server failed to accept %1 connection(s), usually for lack of file descriptors (ulimit -n)")},
    Known{R"(load generator saturated \((\d+) % CPU on (\d+) thread\(s\)\): latencies include its own delay)",
          QT_TRANSLATE_NOOP("EngineText", "load generator saturated (%1 % CPU on %2 thread(s)): latencies include its own delay")},
    Known{R"(errors: (.+) in the last tick)",
          QT_TRANSLATE_NOOP("EngineText", "errors: %1 in the last tick")},
    Known{R"((\d+) connect)", QT_TRANSLATE_NOOP("EngineText", "%1 connect")},
    Known{R"((\d+) read)", QT_TRANSLATE_NOOP("EngineText", "%1 read")},
    Known{R"((\d+) write)", QT_TRANSLATE_NOOP("EngineText", "%1 write")},
    Known{R"((\d+) timeout)", QT_TRANSLATE_NOOP("EngineText", "%1 timeout")},
    Known{R"((\d+) status)", QT_TRANSLATE_NOOP("EngineText", "%1 status")},
    Known{R"((\d+) parse)", QT_TRANSLATE_NOOP("EngineText", "%1 parse")},
    Known{R"((\d+) reset)", QT_TRANSLATE_NOOP("EngineText", "%1 reset")},
    Known{R"(open loop falling behind: (\d+) late, (\d+) dropped in the last tick \(no free connection: the server, or the pool of max_connections, cannot keep up with the rate\))",
          QT_TRANSLATE_NOOP("EngineText", "open loop falling behind: %1 late, %2 dropped in the last tick (no free connection: the server, or the pool of max_connections, cannot keep up with the rate)")},
    Known{R"(cannot open connections: (.+))",
          QT_TRANSLATE_NOOP("EngineText", "cannot open connections: %1")},
    // experiment/experiment_sampler.cpp fd_limit_hint(), after a connect error.
    Known{R"((.+) \(limit (\d+) descriptors; raise it with `ulimit -n (\d+)` before starting Concurrency Lab\))",
          QT_TRANSLATE_NOOP("EngineText", "%1 (limit %2 descriptors; raise it with `ulimit -n %3` before starting Concurrency Lab)")},
    // The system's words for a failed connect (Boost.Asio's error_code::message()).
    Known{R"(Connection refused)", QT_TRANSLATE_NOOP("EngineText", "Connection refused")},
    Known{R"(Too many open files)", QT_TRANSLATE_NOOP("EngineText", "Too many open files")},
    // experiment/experiment.cpp: a note on the whole run, and tick_aggregator's "at 3.20 s: ".
    Known{R"(the server's keep-alive timeout is lifted \(keepalive_timeout_s 0\) so that the (\d+) idle connections stay open; set --keepalive-timeout to keep one)",
          QT_TRANSLATE_NOOP("EngineText", "the server's keep-alive timeout is lifted (keepalive_timeout_s 0) so that the %1 idle connections stay open; set --keepalive-timeout to keep one")},
    Known{R"(at ([\d.]+) s: (.+))", QT_TRANSLATE_NOOP("EngineText", "at %1 s: %2")},
    Known{R"(every server worker has exited; see the warnings)",
          QT_TRANSLATE_NOOP("EngineText", "every server worker has exited; see the warnings")},
    // process/worker_record.cpp, worker_liveness.cpp: the server host's problems.
    Known{R"(server worker (\d+) sent an unreadable line: (.*))",
          QT_TRANSLATE_NOOP("EngineText", "server worker %1 sent an unreadable line: %2")},
    Known{R"(server worker (\d+) failed: (.+))",
          QT_TRANSLATE_NOOP("EngineText", "server worker %1 failed: %2")},
    Known{R"(server worker (\d+) has sent no report for ([\d.]+) s \(stopped, e\.g\. by SIGSTOP, or starved of CPU\); its last figures are left out of the live counts)",
          QT_TRANSLATE_NOOP("EngineText", "server worker %1 has sent no report for %2 s (stopped, e.g. by SIGSTOP, or starved of CPU); its last figures are left out of the live counts")},
    Known{R"(server worker (\d+) reports again)",
          QT_TRANSLATE_NOOP("EngineText", "server worker %1 reports again")},
    Known{R"(server worker (\d+) timed out: its serving loop has not been free for ([\d.]+) s \(worker_timeout_s ([\d.]+) s, gunicorn's WORKER TIMEOUT\); killing it)",
          QT_TRANSLATE_NOOP("EngineText", "server worker %1 timed out: its serving loop has not been free for %2 s (worker_timeout_s %3 s, gunicorn's WORKER TIMEOUT); killing it")},
    Known{R"(server worker (\d+) exited unexpectedly \((.+)\); starting a replacement)",
          QT_TRANSLATE_NOOP("EngineText", "server worker %1 exited unexpectedly (%2); starting a replacement")},
    Known{R"(server worker (\d+) was killed after timing out \((.+)\); starting a replacement)",
          QT_TRANSLATE_NOOP("EngineText", "server worker %1 was killed after timing out (%2); starting a replacement")},
    Known{R"(server worker (\d+) exited unexpectedly \((.+)\); not replaced: (\d+) restarts already)",
          QT_TRANSLATE_NOOP("EngineText", "server worker %1 exited unexpectedly (%2); not replaced: %3 restarts already")},
    Known{R"(server worker (\d+) was killed after timing out \((.+)\); not replaced: (\d+) restarts already)",
          QT_TRANSLATE_NOOP("EngineText", "server worker %1 was killed after timing out (%2); not replaced: %3 restarts already")},
    Known{R"(server worker (\d+) exited unexpectedly \((.+)\); it never got ready, so it is not replaced)",
          QT_TRANSLATE_NOOP("EngineText", "server worker %1 exited unexpectedly (%2); it never got ready, so it is not replaced")},
    Known{R"(server worker (\d+): (.+))", QT_TRANSLATE_NOOP("EngineText", "server worker %1: %2")},
    // process/worker_process.cpp describe_exit() and short_exit(): why a worker ended.
    Known{R"(exit status (\d+))", QT_TRANSLATE_NOOP("EngineText", "exit status %1")},
    Known{R"(status (\d+))", QT_TRANSLATE_NOOP("EngineText", "status %1")},
    Known{R"(signal (\d+) \((.+)\))", QT_TRANSLATE_NOOP("EngineText", "signal %1 (%2)")},
    Known{R"(Killed)", QT_TRANSLATE_NOOP("EngineText", "Killed")},
    Known{R"(Terminated)", QT_TRANSLATE_NOOP("EngineText", "Terminated")},
    // process/worker_liveness.cpp WorkerDeath::marker(): the chart marker of a worker's death.
    Known{R"(worker (\d+) killed \((.+)\) → (\d+))",
          QT_TRANSLATE_NOOP("EngineText", "worker %1 killed (%2) → %3")},
    Known{R"(worker (\d+) killed \((.+)\))", QT_TRANSLATE_NOOP("EngineText", "worker %1 killed (%2)")},
    Known{R"(worker (\d+) exited \((.+)\) → (\d+))",
          QT_TRANSLATE_NOOP("EngineText", "worker %1 exited (%2) → %3")},
    Known{R"(worker (\d+) exited \((.+)\))", QT_TRANSLATE_NOOP("EngineText", "worker %1 exited (%2)")},
    Known{R"(worker (\d+) timed out \((.+)\) → (\d+))",
          QT_TRANSLATE_NOOP("EngineText", "worker %1 timed out (%2) → %3")},
    Known{R"(worker (\d+) timed out \((.+)\))",
          QT_TRANSLATE_NOOP("EngineText", "worker %1 timed out (%2)")},
    // experiment/experiment.cpp adjust(): the plan's marker and the knobs it refuses.
    Known{R"(plan stopped: connections set by hand)",
          QT_TRANSLATE_NOOP("EngineText", "plan stopped: connections set by hand")},
    Known{R"(plan stopped: rate set by hand)",
          QT_TRANSLATE_NOOP("EngineText", "plan stopped: rate set by hand")},
    Known{R"(connections do not apply in an open loop \(the pool grows as needed up to max_connections\); change rate instead)",
          QT_TRANSLATE_NOOP("EngineText", "connections do not apply in an open loop (the pool grows as needed up to max_connections); change rate instead")},
    Known{R"(rate applies to open-loop runs only \(start the run with a rate above 0\))",
          QT_TRANSLATE_NOOP("EngineText", "rate applies to open-loop runs only (start the run with a rate above 0)")},
    Known{R"(threads apply to gil-threads only)",
          QT_TRANSLATE_NOOP("EngineText", "threads apply to gil-threads only")},
    Known{R"(workers apply to process-per-core only)",
          QT_TRANSLATE_NOOP("EngineText", "workers apply to process-per-core only")},
    Known{R"(killing a worker applies to process-per-core only \(the other models are one server process: killing it ends the run\))",
          QT_TRANSLATE_NOOP("EngineText", "killing a worker applies to process-per-core only (the other models are one server process: killing it ends the run)")},
    // Why a run cannot start (experiment.cpp machine_problem(): process/fd_limit.cpp,
    // core/machine_limits.cpp), and a registry field's bad value (core/run_fields.cpp).
    Known{R"(too many open files: this run needs about (\d+) file descriptors, but the limit is (\d+) \(hard limit (\d+)\); use fewer connections, or raise the limit \(e\.g\. `ulimit -n 65536` in the shell that starts Concurrency Lab, or LimitNOFILE= / /etc/security/limits\.conf\)(; as root the hard limit itself can be raised \(`ulimit -Hn N`, up to fs\.nr_open\))?)",
          QT_TRANSLATE_NOOP("EngineText", "too many open files: this run needs about %1 file descriptors, but the limit is %2 (hard limit %3); use fewer connections, or raise the limit (e.g. `ulimit -n 65536` in the shell that starts Concurrency Lab, or LimitNOFILE= / /etc/security/limits.conf)%4")},
    Known{R"(; as root the hard limit itself can be raised \(`ulimit -Hn N`, up to fs\.nr_open\))",
          QT_TRANSLATE_NOOP("EngineText", "; as root the hard limit itself can be raised (`ulimit -Hn N`, up to fs.nr_open)")},
    Known{R"(a thread per connection needs (\d+) threads, but this machine can start about (-?\d+) more \(kernel\.threads-max (\d+), kernel\.pid_max (\d+), vm\.max_map_count (\d+) = two maps per thread stack, (\d+) tasks already running\); use fewer connections or a thread pool \(--threads N\), or raise them as root: sysctl -w kernel\.pid_max=4194304 kernel\.threads-max=N vm\.max_map_count=N)",
          QT_TRANSLATE_NOOP("EngineText", "a thread per connection needs %1 threads, but this machine can start about %2 more (kernel.threads-max %3, kernel.pid_max %4, vm.max_map_count %5 = two maps per thread stack, %6 tasks already running); use fewer connections or a thread pool (--threads N), or raise them as root: sysctl -w kernel.pid_max=4194304 kernel.threads-max=N vm.max_map_count=N")},
    // core/atomic_file.cpp and regular_file.cpp: a file that cannot be written or read.
    Known{R"(cannot write : no file name given)",
          QT_TRANSLATE_NOOP("EngineText", "cannot write : no file name given")},
    Known{R"(cannot write (.+?): (.+))", QT_TRANSLATE_NOOP("EngineText", "cannot write %1: %2")},
    Known{R"(it is a folder)", QT_TRANSLATE_NOOP("EngineText", "it is a folder")},
    Known{R"(no such folder (.+))", QT_TRANSLATE_NOOP("EngineText", "no such folder %1")},
    Known{R"(the folder (.+) is not writable)",
          QT_TRANSLATE_NOOP("EngineText", "the folder %1 is not writable")},
    Known{R"(the file exists \(use --force to overwrite it\))",
          QT_TRANSLATE_NOOP("EngineText", "the file exists (use --force to overwrite it)")},
    Known{R"(scenario file (.+))", QT_TRANSLATE_NOOP("EngineText", "scenario file %1")},
    Known{R"(cannot open (.+?): (.+))", QT_TRANSLATE_NOOP("EngineText", "cannot open %1: %2")},
    Known{R"((.+): is not a regular file \(a folder, FIFO or device\); (.+))",
          QT_TRANSLATE_NOOP("EngineText", "%1: is not a regular file (a folder, FIFO or device); %2")},
    Known{R"((.+): is larger than (\d+) MiB; (.+) \(is this the right file\?\))",
          QT_TRANSLATE_NOOP("EngineText", "%1: is larger than %2 MiB; %3 (is this the right file?)")},
    Known{R"(a scenario file is a small JSON object)",
          QT_TRANSLATE_NOOP("EngineText", "a scenario file is a small JSON object")},
    Known{R"(No such file or directory)", QT_TRANSLATE_NOOP("EngineText", "No such file or directory")},
    // scenario/scenario.cpp: a scenario file refused, naming its file and field.
    Known{R"((.+\.json): (.+))", QT_TRANSLATE_NOOP("EngineText", "%1: %2"), true},
    Known{R"x(field "([a-z_]+)": (.+))x", QT_TRANSLATE_NOOP("EngineText", "field \"%1\": %2")},
    Known{R"(is not a scenario field \(a typo\?\))",
          QT_TRANSLATE_NOOP("EngineText", "is not a scenario field (a typo?)")},
    Known{R"(name is required and must be a non-empty string)",
          QT_TRANSLATE_NOOP("EngineText", "name is required and must be a non-empty string")},
    Known{R"(([a-z_]+) must be a string)", QT_TRANSLATE_NOOP("EngineText", "%1 must be a string")},
    Known{R"(a scenario must be a JSON object)",
          QT_TRANSLATE_NOOP("EngineText", "a scenario must be a JSON object")},
    Known{R"(invalid settings: (.+))", QT_TRANSLATE_NOOP("EngineText", "invalid settings: %1")},
    Known{R"(warmup_s must be shorter than the duration)",
          QT_TRANSLATE_NOOP("EngineText", "warmup_s must be shorter than the duration")},
    Known{R"(([a-z_]+) must be one of (.+), got ([^;]+))",
          QT_TRANSLATE_NOOP("EngineText", "%1 must be one of %2, got %3")},
    Known{R"(([a-z_]+) must be a whole number, got ([^;]+))",
          QT_TRANSLATE_NOOP("EngineText", "%1 must be a whole number, got %2")},
    Known{R"(([a-z_]+) must be a number, got ([^;]+))",
          QT_TRANSLATE_NOOP("EngineText", "%1 must be a number, got %2")},
    Known{R"(([a-z_]+) must be a finite number)",
          QT_TRANSLATE_NOOP("EngineText", "%1 must be a finite number")},
    Known{R"(([a-z_]+) must be (-?[\d.e+-]+\.\.[\d.e+-]+), got ([^:;]+))",
          QT_TRANSLATE_NOOP("EngineText", "%1 must be %2, got %3")},
    // The registry's choices (core/run_fields.cpp), as "(changed: model event-loop → …)" and
    // calibration's steps name them.
    Known{R"(event-loop)", QT_TRANSLATE_NOOP("EngineText", "event-loop")},
    Known{R"(gil-threads)", QT_TRANSLATE_NOOP("EngineText", "gil-threads")},
    Known{R"(process-per-core)", QT_TRANSLATE_NOOP("EngineText", "process-per-core")},
    Known{R"(round-robin)", QT_TRANSLATE_NOOP("EngineText", "round-robin")},
    Known{R"(kernel)", QT_TRANSLATE_NOOP("EngineText", "kernel")},
    Known{R"(on)", QT_TRANSLATE_NOOP("EngineText", "on")},
    Known{R"(off)", QT_TRANSLATE_NOOP("EngineText", "off")},
    // experiment/calibration.cpp: the progress of each run, what was fitted and why not.
    Known{R"(measuring the real server \((.+)\) at (\d+) connections?)",
          QT_TRANSLATE_NOOP("EngineText", "measuring the real server (%1) at %2 connection(s)")},
    Known{R"(measuring (.+) with no overhead at (\d+) connections?)",
          QT_TRANSLATE_NOOP("EngineText", "measuring %1 with no overhead at %2 connection(s)")},
    Known{R"(step (\d+): (.+))", QT_TRANSLATE_NOOP("EngineText", "step %1: %2")},
    Known{R"(the real server)", QT_TRANSLATE_NOOP("EngineText", "the real server")},
    Known{R"((.+) with ([\d.]+) µs overhead at (\d+) connections?)",
          QT_TRANSLATE_NOOP("EngineText", "%1 with %2 µs overhead at %3 connection(s)")},
    Known{R"(the real server at 1 connection)",
          QT_TRANSLATE_NOOP("EngineText", "the real server at 1 connection")},
    Known{R"(the model with ([\d.]+) µs held at 1 connection)",
          QT_TRANSLATE_NOOP("EngineText", "the model with %1 µs held at 1 connection")},
    Known{R"(verifying: the real server again)",
          QT_TRANSLATE_NOOP("EngineText", "verifying: the real server again")},
    Known{R"(verifying: the model with ([\d.]+) µs overhead)",
          QT_TRANSLATE_NOOP("EngineText", "verifying: the model with %1 µs overhead")},
    Known{R"(overhead_us \(framework cost per request, holding the GIL\): ([\d.]+) µs, fitted in a closed loop to the real server's saturated rate at (\d+) connections?)",
          QT_TRANSLATE_NOOP("EngineText", "framework cost per request, holding the GIL: %1 µs, fitted in a closed loop to the real server's saturated rate at %2 connection(s)")},
    Known{R"(overhead_us \(framework cost per request\): ([\d.]+) µs, fitted in a closed loop to the real server's saturated rate at (\d+) connections?)",
          QT_TRANSLATE_NOOP("EngineText", "framework cost per request: %1 µs, fitted in a closed loop to the real server's saturated rate at %2 connection(s)")},
    Known{R"(overhead_released_us: not fitted, set to 0: (.+) has no GIL, so all of the framework's cost is one figure)",
          QT_TRANSLATE_NOOP("EngineText", "framework cost without the GIL: not fitted, set to 0: %1 has no GIL, so all of the framework's cost is one figure")},
    Known{R"(overhead_released_us \(framework cost without the GIL\): not fitted, set to 0 \(it needs more than 1 connection and the loop to converge first\))",
          QT_TRANSLATE_NOOP("EngineText", "framework cost without the GIL: not fitted, set to 0 (it needs more than 1 connection and the loop to converge first)")},
    Known{R"(overhead_released_us \(framework cost without the GIL\): not fitted, set to 0: (.+), within ±(\d+) % or slower)",
          QT_TRANSLATE_NOOP("EngineText", "framework cost without the GIL: not fitted, set to 0: %1, within ±%2 % or slower")},
    Known{R"(overhead_released_us \(framework cost without the GIL\): not fitted, set to 0: (.+), but with ([\d.]+) µs released the model could not be brought within ±(\d+) % at (\d+) connections? again: the difference at 1 connection is not work beside the GIL here \(on a busy machine it is mostly waiting for a core\))",
          QT_TRANSLATE_NOOP("EngineText", "framework cost without the GIL: not fitted, set to 0: %1, but with %2 µs released the model could not be brought within ±%3 % at %4 connection(s) again: the difference at 1 connection is not work beside the GIL here (on a busy machine it is mostly waiting for a core)")},
    Known{R"(overhead_released_us \(framework cost without the GIL\): ([\d.]+) µs, what the real server still costs more at 1 connection \((.+)\))",
          QT_TRANSLATE_NOOP("EngineText", "framework cost without the GIL: %1 µs, what the real server still costs more at 1 connection (%2)")},
    Known{R"(at 1 connection the real server ran at (\d+) req/s, the model with the held part alone at ([\d.]+)× that)",
          QT_TRANSLATE_NOOP("EngineText", "at 1 connection the real server ran at %1 req/s, the model with the held part alone at %2× that")},
    Known{R"(the real server closed the connection after (\d+) % of its responses \(the client reconnected (\d+) times for (\d+) responses\), while the model keeps connections alive: choose a shape that closes \(Flask dev server, gunicorn sync\) or --keep-alive off)",
          QT_TRANSLATE_NOOP("EngineText", "the real server closed the connection after %1 % of its responses (the client reconnected %2 times for %3 responses), while the model keeps connections alive: choose a shape that closes (Flask dev server, gunicorn sync) or --keep-alive off")},
    Known{R"(the real server kept its connections alive \(the client reconnected (\d+) times for (\d+) responses\), while the model closes after every response: choose a shape that keeps connections alive or --keep-alive on)",
          QT_TRANSLATE_NOOP("EngineText", "the real server kept its connections alive (the client reconnected %1 times for %2 responses), while the model closes after every response: choose a shape that keeps connections alive or --keep-alive on")},
    Known{R"(the real server \((\d+) req/s\) is faster than the model with no overhead at all \((\d+) req/s\): the model cannot be made faster, so the overhead stays 0)",
          QT_TRANSLATE_NOOP("EngineText", "the real server (%1 req/s) is faster than the model with no overhead at all (%2 req/s): the model cannot be made faster, so the overhead stays 0")},
    Known{R"(the verification's median ran at ([\d.]+)× the real server, outside ±(\d+) % although the loop got within it: the machine's load moved \(see the load average\), or the runs are too short)",
          QT_TRANSLATE_NOOP("EngineText", "the verification's median ran at %1× the real server, outside ±%2 % although the loop got within it: the machine's load moved (see the load average), or the runs are too short")},
    Known{R"(after (\d+) steps the model runs at ([\d.]+)× the real server, outside ±(\d+) %: the real server's own runs spread (\d+) % \(more than the tolerance\); measure longer \(--duration\) or more often \(--repeat\), or on a quieter machine)",
          QT_TRANSLATE_NOOP("EngineText", "after %1 steps the model runs at %2× the real server, outside ±%3 %: the real server's own runs spread %4 % (more than the tolerance); measure longer (--duration) or more often (--repeat), or on a quieter machine")},
    Known{R"(after (\d+) steps the model runs at ([\d.]+)× the real server, outside ±(\d+) %: the model's rate does not follow its overhead as 1/rate = t0 \+ overhead/parallelism here \(the model or the load generator is short of CPU on this machine, or the real server's cost depends on the load\))",
          QT_TRANSLATE_NOOP("EngineText", "after %1 steps the model runs at %2× the real server, outside ±%3 %: the model's rate does not follow its overhead as 1/rate = t0 + overhead/parallelism here (the model or the load generator is short of CPU on this machine, or the real server's cost depends on the load)")},
    Known{R"(not verified)", QT_TRANSLATE_NOOP("EngineText", "not verified")},
    // experiment/sweep.cpp check_little(): why a sweep point fails Little's law, and
    // usl_fit.cpp: why the USL cannot be fitted, or why its fit is to be taken with care.
    Known{R"(no response completed in the measured window)",
          QT_TRANSLATE_NOOP("EngineText", "no response completed in the measured window")},
    Known{R"((\d+) failed requests held connections but count in neither X nor R)",
          QT_TRANSLATE_NOOP("EngineText", "%1 failed requests held connections but count in neither X nor R")},
    Known{R"(only ([\d.]+) of (\d+) connections were open on average \(connect failures or slow connects\))",
          QT_TRANSLATE_NOOP("EngineText", "only %1 of %2 connections were open on average (connect failures or slow connects)")},
    Known{R"(the load generator was saturated \((\d+) % CPU\): time spent in the client between requests is outside R)",
          QT_TRANSLATE_NOOP("EngineText", "the load generator was saturated (%1 % CPU): time spent in the client between requests is outside R")},
    Known{R"(X·R below N: connections spent time outside measured requests \(client delay between a response and the next request, reconnects\))",
          QT_TRANSLATE_NOOP("EngineText", "X·R below N: connections spent time outside measured requests (client delay between a response and the next request, reconnects)")},
    Known{R"(X·R above N: requests that started before the measured window ended in it \(longer latencies than the step, or too few responses; lengthen the step or the warm-up\))",
          QT_TRANSLATE_NOOP("EngineText", "X·R above N: requests that started before the measured window ended in it (longer latencies than the step, or too few responses; lengthen the step or the warm-up)")},
    Known{R"(the load is the same at every point of a sweep of idle connections)",
          QT_TRANSLATE_NOOP("EngineText", "the load is the same at every point of a sweep of idle connections")},
    Known{R"(every point needs N >= 1 and a throughput above 0 \(N = ([\d.]+) has none\))",
          QT_TRANSLATE_NOOP("EngineText", "every point needs N >= 1 and a throughput above 0 (N = %1 has none)")},
    Known{R"(needs a point at N = 1 \(λ is the throughput of one client alone\))",
          QT_TRANSLATE_NOOP("EngineText", "needs a point at N = 1 (λ is the throughput of one client alone)")},
    Known{R"(needs at least (\d+) points \((\d+) recommended\), got (\d+))",
          QT_TRANSLATE_NOOP("EngineText", "needs at least %1 points (%2 recommended), got %3")},
    Known{R"((only \d+ points; the USL wants at least \d+ for σ and κ to be trusted); (σ at its bound 1: .+))",
          QT_TRANSLATE_NOOP("EngineText", "%1; %2")},
    Known{R"(only (\d+) points; the USL wants at least (\d+) for σ and κ to be trusted)",
          QT_TRANSLATE_NOOP("EngineText", "only %1 points; the USL wants at least %2 for σ and κ to be trusted")},
    Known{R"(σ at its bound 1: throughput does not grow with N at all \(one request at a time\))",
          QT_TRANSLATE_NOOP("EngineText", "σ at its bound 1: throughput does not grow with N at all (one request at a time)")},
    // experiment/validation.cpp: each point's progress and verdict (Model vs real).
    Known{R"((.+) at cpu ([\d.]+) ms, io ([\d.]+) ms, (\d+) connections?)",
          QT_TRANSLATE_NOOP("EngineText", "%1 at cpu %2 ms, io %3 ms, %4 connection(s)")},
    Known{R"(ok)", QT_TRANSLATE_NOOP("EngineText", "ok")},
    Known{R"(OFF \((.+)\): likely (.+))", QT_TRANSLATE_NOOP("EngineText", "OFF (%1): likely %2")},
    Known{R"(OFF: (.+))", QT_TRANSLATE_NOOP("EngineText", "OFF: %1")},
    Known{R"(the real server failed (\d+) requests \(connect (\d+), read (\d+), timeout (\d+)\): its rate is what it survived, not its capacity)",
          QT_TRANSLATE_NOOP("EngineText", "the real server failed %1 requests (connect %2, read %3, timeout %4): its rate is what it survived, not its capacity")},
    Known{R"(the real server's accept queue overflowed \(connects retried after 1 s show as a max of (\d+) ms\): its listen backlog or accept loop holds fewer than the model's)",
          QT_TRANSLATE_NOOP("EngineText", "the real server's accept queue overflowed (connects retried after 1 s show as a max of %1 ms): its listen backlog or accept loop holds fewer than the model's")},
    Known{R"(the real server's CPU work costs more than cpu_ms of thread CPU \(its interpreter, garbage collection, a busy loop that shares the core\))",
          QT_TRANSLATE_NOOP("EngineText", "the real server's CPU work costs more than cpu_ms of thread CPU (its interpreter, garbage collection, a busy loop that shares the core)")},
    Known{R"(the model's CPU work costs more here than the real server's \(the fitted overhead is too large under CPU load\))",
          QT_TRANSLATE_NOOP("EngineText", "the model's CPU work costs more here than the real server's (the fitted overhead is too large under CPU load)")},
    Known{R"(the model serves more at once than the real server \(a limit of threads, connections or the accept queue the model lacks\))",
          QT_TRANSLATE_NOOP("EngineText", "the model serves more at once than the real server (a limit of threads, connections or the accept queue the model lacks)")},
    Known{R"(the model is slower here: the framework cost fitted at zero work is larger than the real server pays on this workload)",
          QT_TRANSLATE_NOOP("EngineText", "the model is slower here: the framework cost fitted at zero work is larger than the real server pays on this workload")},
};

// core/server_shapes.cpp: each shape's name and description (tst_engine_text checks that every
// shape of the engine has both here).
constexpr std::array<const char*, 12> kShapeTexts{
    QT_TRANSLATE_NOOP("EngineText", "Node / Express"),
    QT_TRANSLATE_NOOP("EngineText", "one Node process: one event loop serves every connection and keeps it alive"),
    QT_TRANSLATE_NOOP("EngineText", "Node cluster"),
    QT_TRANSLATE_NOOP("EngineText", "Node's cluster module: worker processes (one per core unless told), the primary hands connections out round-robin, an event loop in each"),
    QT_TRANSLATE_NOOP("EngineText", "Flask dev server (Werkzeug)"),
    QT_TRANSLATE_NOOP("EngineText", "Werkzeug's threaded server: a thread per connection under one GIL, and the connection closes after each response"),
    QT_TRANSLATE_NOOP("EngineText", "gunicorn sync"),
    QT_TRANSLATE_NOOP("EngineText", "gunicorn's sync workers: processes with one thread each, accepting one connection at a time and closing it after the response"),
    QT_TRANSLATE_NOOP("EngineText", "gunicorn gthread"),
    QT_TRANSLATE_NOOP("EngineText", "gunicorn's gthread workers: processes with a pool of threads under one GIL each, connections kept alive 2 s, up to 1,000 per worker"),
    QT_TRANSLATE_NOOP("EngineText", "gunicorn gevent"),
    QT_TRANSLATE_NOOP("EngineText", "gunicorn -k gevent: processes, each one event loop of green threads, up to 1,000 connections per worker"),
};
// clang-format on

struct Compiled {
    QRegularExpression re;
    const char* text;
    bool frame;
};

const std::vector<Compiled>& compiled() {
    static const std::vector<Compiled> all = [] {
        std::vector<Compiled> out;
        for (const Known& k : kKnown) {
            out.push_back(
                {QRegularExpression(QStringLiteral("^(?:%1)$").arg(QString::fromUtf8(k.pattern))),
                 k.text, k.frame});
        }
        return out;
    }();
    return all;
}

std::array<std::atomic<int>, kKnown.size()> g_hits{};

QString translated(const char* english) {
    return QCoreApplication::translate("EngineText", english);
}

QString shape_text(const QString& english) {
    for (const char* text : kShapeTexts) {
        if (english == QString::fromUtf8(text)) return translated(text);
    }
    return english;
}

// %1..%9 of `text` replaced in one pass: a part that itself holds "%2" stays as it is.
QString filled(const QString& text, const QStringList& parts) {
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const int n = i + 1 < text.size() ? text[i + 1].digitValue() : -1;
        if (c == u'%' && n >= 1 && n <= parts.size()) {
            out += parts[n - 1];
            ++i;
        } else {
            out += c;
        }
    }
    return out;
}

QString translate(const QString& english, int depth);

// A list of known messages joined by `separator`, each translated; `list` itself if one of its
// items is not known.
QString translate_list(const QString& list, const QString& separator, int depth) {
    if (!list.contains(separator)) return list;
    QStringList items = list.split(separator);
    for (QString& item : items) {
        const QString said = translate(item, depth + 1);
        if (said == item) return list;
        item = said;
    }
    return items.join(separator);
}

// A captured part: a known message or shape name in its own right ("signal 9 (Killed)"), a list
// of them ("3 read, 2 reset", "…; …"), or a figure, kept as it is.
QString translate_part(const QString& part, int depth) {
    const QString whole = translate(part, depth + 1);
    if (whole != part) return whole;
    const QString items = translate_list(part, QStringLiteral(", "), depth);
    return items != part ? items : translate_list(part, QStringLiteral("; "), depth);
}

QString translate(const QString& english, int depth) {
    if (depth > 4 || english.isEmpty()) return english;
    const auto& all = compiled();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const QRegularExpressionMatch m = all[i].re.match(english);
        if (!m.hasMatch()) continue;
        ++g_hits[i];
        // No translation loaded (the English window): the engine's own sentence, as the CLI's.
        if (!all[i].frame && translated(all[i].text) == QString::fromUtf8(all[i].text)) {
            return english;
        }
        QStringList parts;
        for (int c = 1; c <= all[i].re.captureCount(); ++c) {  // an absent one is empty
            parts << translate_part(m.captured(c), depth);
        }
        return filled(translated(all[i].text), parts);
    }
    // Several messages in one ("…; …", as a sweep point's reasons): each on its own.
    const QString shape = shape_text(english);
    return shape != english ? shape : translate_list(english, QStringLiteral("; "), depth);
}

}  // namespace

QString engine_text(const QString& english) {
    return translate(english, 0);
}

QString engine_text(const std::string& english) {
    return engine_text(QString::fromStdString(english));
}

QString shape_name_text(std::string_view name) {
    return shape_text(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())));
}

QString shape_description_text(const ServerShape& shape) {
    return shape_text(QString::fromUtf8(shape.description.data(),
                                        static_cast<qsizetype>(shape.description.size())));
}

int engine_text_pattern_count() {
    return static_cast<int>(kKnown.size());
}

QString engine_text_pattern(int index) {
    return QString::fromUtf8(kKnown.at(static_cast<std::size_t>(index)).pattern);
}

QString engine_text_template(int index) {
    return QString::fromUtf8(kKnown.at(static_cast<std::size_t>(index)).text);
}

int engine_text_hits(int index) {
    return g_hits.at(static_cast<std::size_t>(index)).load();
}

}  // namespace conclab::ui
