#pragma once
// The line protocol between the engine and its server worker processes, over a socketpair.
// Text lines keep it debuggable (strace shows them) and it carries a few lines per 100 ms.
//
//   engine -> worker   "workload <overhead_us> <cpu_ms> <io_ms> <overhead_released_us>"
//                      "threads <n>"
//                      "drain" (scale-down: finish what is in service, then exit) | "quit"
//                      "conn" with one socket descriptor attached (SCM_RIGHTS): serve it
//                      (round-robin scheduling, where the engine accepts for its workers)
//   worker -> engine   "ready <pid>"
//                      "taken"  the serving loop has taken the last "conn" (Node's cluster
//                               worker acknowledges each handle the same way: the primary
//                               hands it the next one only then)
//                      "stats <requests> <connections> <in_service> <in_service_peak> <waiting>
//                             <cpu_ns> <accept_errors> <in_service_area_us> <waiting_area_us>
//                             <waiting_peak> <clock_us> <heartbeat_us>"
//                                                            (every 100 ms and at exit)
//                      "loop <started_ns> <clock_ns> <busy_ns> <delay_max_ns> <histogram>"
//                      "gil <started_ns> <clock_ns> <held_ns> <waiting_area_ns> <acquisitions>
//                           <switches> <drop_requests> <histogram>"
//                                        the model's internals, just before each stats line
//                                        (histogram: DurationHistogram::encode())
//                      "res <rss_kib> <threads> <fds> <voluntary_switches> <involuntary_switches>"
//                                        the process's resources, just before each stats line
//                                        (switches cumulative, from getrusage)
//                      "error <text>"   a rejected command or a non-fatal problem
//                      "fatal <text>"   the worker cannot serve and exits

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/run_config.hpp"
#include "metrics/process_resources.hpp"
#include "server/server.hpp"

namespace conclab::worker_protocol {

struct Ready {
    int pid = 0;
};
struct Stats {
    std::uint64_t requests = 0;
    int connections = 0;
    int in_service = 0;
    int in_service_peak = 0;
    int waiting = 0;
    std::uint64_t cpu_ns = 0;
    std::uint64_t accept_errors = 0;
    std::uint64_t in_service_area_us = 0;  // time integrals since start, see ServerStats
    std::uint64_t waiting_area_us = 0;
    int waiting_peak = 0;
    std::int64_t clock_us = 0;
    // When the worker's serving loop was last free (ServerStats::heartbeat_us): the reporter
    // thread only carries it, as gunicorn's arbiter reads the time its worker last touched a
    // file, so a worker stuck serving reports on, with an ageing heartbeat.
    std::int64_t heartbeat_us = 0;
};
struct Error {
    std::string text;
};
struct Fatal {
    std::string text;
};
struct LoopInternals {
    LoopReading reading;
};
struct GilInternals {
    GlobalInterpreterLock::Stats reading;
};
struct Resources {
    ProcessResources reading;
};
struct Taken {};
using WorkerMessage =
    std::variant<Ready, Stats, Error, Fatal, LoopInternals, GilInternals, Resources, Taken>;

struct SetWorkload {
    Workload workload;
};
struct SetThreads {
    int threads = 0;
};
struct Drain {};
struct Quit {};
struct Adopt {};  // the descriptor travels beside the line
using EngineCommand = std::variant<SetWorkload, SetThreads, Drain, Quit, Adopt>;

std::string encode(const WorkerMessage& message);  // one line, with '\n'
std::string encode(const EngineCommand& command);
std::optional<WorkerMessage> parse_worker_message(std::string_view line);
std::optional<EngineCommand> parse_engine_command(std::string_view line);

}  // namespace conclab::worker_protocol
