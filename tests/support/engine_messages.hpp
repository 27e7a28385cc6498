#pragma once
// The engine's English messages, made by the engine's own code wherever a test can reach it (the
// tick aggregator, the worker records, the liveness judge, the validation judge, the sweep's
// checks, the registry, files, short real runs refusing knobs), for tst_engine_text: a sentence
// changed in the engine and not in ui/engine_text's table shows there. What a test cannot make
// (a calibration against a real server, a hint of a function of its own file) is copied, and
// says from where.
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <boost/asio/error.hpp>
#include <cmath>
#include <list>
#include <string>
#include <vector>

#include "core/atomic_file.hpp"
#include "core/machine_limits.hpp"
#include "core/regular_file.hpp"
#include "core/start_error.hpp"
#include "experiment/experiment.hpp"
#include "experiment/measurement_runner.hpp"
#include "experiment/sweep.hpp"
#include "experiment/tick_aggregator.hpp"
#include "experiment/usl_fit.hpp"
#include "experiment/validation.hpp"
#include "process/fd_limit.hpp"
#include "process/worker_liveness.hpp"
#include "process/worker_record.hpp"
#include "result_text.hpp"
#include "scenario/scenario.hpp"
#include "validation_points.hpp"

namespace conclab::test {

namespace wp = worker_protocol;

// The live warnings of ticks that have everything wrong at once, and the run's list of them.
inline std::vector<std::string> tick_warnings() {
    std::vector<std::string> out;
    TickAggregator ticks(0, 2);
    TickInput in;
    in.t_s = 0.25;
    in.tick_s = 0.25;
    in.load.cpu_ns = 480'000'000;  // 192 % of 2 threads' 200 %
    in.load.errors = {
        .connect = 1, .read = 2, .write = 3, .timeout = 4, .status = 5, .parse = 6, .reset = 7};
    in.load.late = 3;
    in.load.dropped = 2;
    in.load.connect_error =
        boost::system::error_code(boost::asio::error::connection_refused).message();
    HostTick host;
    host.accept_errors = 5;
    in.host = host;
    ticks.add(in);
    out.insert(out.end(), ticks.warnings().begin(), ticks.warnings().end());
    out.insert(out.end(), ticks.run_warnings().begin(), ticks.run_warnings().end());
    in.t_s = 0.5;
    in.load.errors = {.read = 3};
    in.load.connect_error = std::make_error_code(std::errc::too_many_files_open).message();
    // As experiment_sampler.cpp fd_limit_hint() words it (a function of its own file).
    in.fd_limit_hint =
        "(limit 1024 descriptors; raise it with `ulimit -n 524288` before starting Concurrency "
        "Lab)";
    ticks.add(in);
    out.insert(out.end(), ticks.warnings().begin(), ticks.warnings().end());
    // A real server still busy before a run (experiment/measurement_runner.cpp).
    out.push_back("at 0.00 s: " + settle_note(12.25));
    out.push_back("at 0.00 s: " + settle_note(Failure{std::string("no answer within 60 s")}));
    return out;
}

// What the server host says of its workers: unreadable lines, errors, silence, time-outs, deaths.
inline std::vector<std::string> worker_problems() {
    std::vector<std::string> problems;
    std::map<int, std::uint64_t> by_pid;
    WorkerRecord w;
    w.pid = 4242;
    w.take_message("nonsense", problems, by_pid);
    for (const wp::WorkerMessage& m : {wp::WorkerMessage{wp::Error{"threads must be 0..256"}},
                                       wp::WorkerMessage{wp::Fatal{"cannot listen"}}}) {
        std::string line = wp::encode(m);
        line.pop_back();
        w.take_message(line, problems, by_pid);
    }
    w.last.clock_us = 1'000'000;
    HostTick tick;
    std::uint64_t total = 0;
    w.collect_into(tick, total, 5'500'000, problems);  // silent 4.5 s
    w.last.clock_us = 5'600'000;
    w.collect_into(tick, total, 5'700'000, problems);  // reports again
    std::list<WorkerRecord> workers(1);
    workers.front().pid = 4243;
    workers.front().ready = true;
    workers.front().last.heartbeat_us = 1'000'000;
    mark_timed_out_workers(workers, 5.0, 10'000'000, problems);
    const int killed = SIGKILL, terminated = SIGTERM, exited_1 = 1 << 8;  // wait statuses
    WorkerRecord dead;
    dead.pid = 4244;
    dead.ready = true;
    for (int status : {killed, terminated, exited_1, SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL,
                       SIGINT, SIGPIPE, SIGHUP, SIGQUIT, SIGXCPU}) {
        problems.push_back(judge_unexpected_exit(dead, status, 0).problem);
        problems.push_back(judge_unexpected_exit(dead, status, kMaxWorkerRestarts).problem);
    }
    dead.timed_out = true;
    problems.push_back(judge_unexpected_exit(dead, killed, 0).problem);
    problems.push_back(judge_unexpected_exit(dead, killed, kMaxWorkerRestarts).problem);
    dead.timed_out = false;
    dead.ready = false;
    problems.push_back(judge_unexpected_exit(dead, exited_1, 0).problem);
    for (bool timed_out : {false, true}) {
        dead.timed_out = timed_out;
        for (int status : {killed, exited_1}) {
            for (int replacement : {0, 4250}) {
                problems.push_back(describe_death(dead, status, replacement).marker());
            }
        }
    }
    return problems;
}

// Short real runs that refuse knobs, and the markers of a plan taken over by hand.
inline std::vector<std::string> refusals_and_markers() {
    std::vector<std::string> out;
    auto keep = [&out](const std::vector<std::string>& v) {
        out.insert(out.end(), v.begin(), v.end());
    };
    for (bool open : {false, true}) {
        RunConfig c;
        c.server.model = Model::EventLoop;
        c.load.connections = 2;
        c.load.rate = open ? 200 : 0;
        c.load.idle_connections = open ? 0 : 3;  // the keep-alive note
        c.stages = {Stage{5, open ? 300.0 : 3.0}};
        c.duration_s = 5;
        c.tick_s = 0.1;
        Experiment e(c);
        e.start();
        keep(e.adjust(Knobs{{"connections", 4}}));
        keep(e.adjust(Knobs{{"rate", 100}}));
        keep(e.adjust(Knobs{{"threads", 8}}));
        keep(e.adjust(Knobs{{"workers", 3}}));
        out.push_back(error_of(e.kill_worker()));
        e.stop();
        const RunResult r = e.result();
        keep(r.warnings);
        // A knob's marker is worded from its fields (knob_change_text); a note from its text.
        for (const AdjustEvent& event : r.events) {
            if (!event.note.empty()) out.push_back(event.label());
        }
        QTest::qVerify(r.events.size() >= 2, "r.events.size() >= 2", "a change and the plan's end",
                       __FILE__, __LINE__);
    }
    return out;
}

// Model vs real: the verdict of each kind of point, judged by the engine (judge_point).
inline std::vector<std::string> validation_verdicts() {
    std::vector<std::string> out;
    auto judge = [&out](ValidationPoint point, double real_rps, double model_rps,
                        auto&& real_summary) {
        ValidationPointResult p;
        p.point = point;
        p.real.rps = real_rps;
        p.model.rps = model_rps;
        p.real.p99_ms = p.model.p99_ms = 10;
        real_summary(p.real_run.summary);
        judge_point(p, ValidationSettings{});
        out.push_back(p.verdict);
    };
    auto none = [](Summary&) {};
    judge({0, 50, 10}, 1000, 1000, none);            // ok
    judge({2, 0, 10}, 1000, 1500, none);             // the real server's CPU costs more
    judge({2, 0, 10}, 1000, 500, none);              // the model's CPU costs more
    judge({0, 50, 10}, 1000, 1500, none);            // the model serves more at once
    judge({0, 50, 10}, 1000, 500, none);             // the model is slower
    judge({0, 50, 10}, 1000, 1500, [](Summary& s) {  // the real server failed
        s.requests = 1000;
        s.errors = 200;
        s.error_kinds.connect = 150;
        s.error_kinds.read = 50;
    });
    judge({0, 50, 1000}, 1000, 1500, [](Summary& s) {  // its accept queue overflowed
        s.requests = 1000;
        s.latency = LatencySummary{};
        s.latency->max_ms = 1030;
        s.listen_overflows = 40;
    });
    judge({0, 50, 1000}, 1000, 1500, [](Summary& s) {  // a remote one's: connects retried
        s.requests = 1000;
        s.latency = LatencySummary{};
        s.latency->max_ms = 1030;
        s.slow_connects = 12;
    });
    out.push_back([] {  // no connect retried, a long tail: it accepted slowly
        ValidationPointResult p;
        p.point = {2, 0, 100};
        p.real.rps = p.model.rps = 450;
        p.real.p99_ms = 1600;
        p.model.p99_ms = 220;
        p.p99_counts = true;
        p.real_run.summary.requests = 1800;
        p.real_run.summary.latency = LatencySummary{};
        p.real_run.summary.latency->max_ms = 3965;
        p.real_run.summary.listen_overflows = 0;
        judge_point(p, ValidationSettings{});
        return p.verdict;
    }());
    // As validate_model() words a point's runs and a point it could not measure.
    out.push_back("the real server at cpu 2.0 ms, io 0.0 ms, 100 connections");
    out.push_back("gunicorn gthread at cpu 1.0 ms, io 20.0 ms, 1000 connections");
    out.push_back("the real server at cpu 2.0 ms, io 0.0 ms, 100 connections (a race: more runs)");
    out.push_back("OFF: the real server answered no request");
    // Little's law: one side kept far fewer of its connections busy (req/s × mean latency).
    for (const bool model_fewer : {true, false}) {
        ValidationPointResult p;
        p.point = {2, 0, 1000};
        p.real.rps = p.model.rps = p.real_run.summary.rps = p.model_run.summary.rps = 467;
        p.real.p99_ms = model_fewer ? 2612 : 812;
        p.model.p99_ms = model_fewer ? 812 : 2612;
        p.p99_counts = true;
        p.real_run.summary.latency = p.model_run.summary.latency = LatencySummary{};
        p.real_run.summary.latency->mean_ms = model_fewer ? 2000 : 450;
        p.model_run.summary.latency->mean_ms = model_fewer ? 450 : 2000;
        judge_point(p, ValidationSettings{});
        out.push_back(p.verdict);
    }
    // Same rate, the real server's p99 a turn more than its p50.
    out.push_back(test::cpu_bound_tail_point(40.1, 21.3).verdict);
    // One side left requests unanswered when its run ended.
    out.push_back(test::unanswered_point(0, 118, 142, 1500).verdict);
    out.push_back(test::unanswered_point(118, 0, 1500, 142).verdict);
    // ok only against the real server's own spread (its runs' p99 224–4,200 ms).
    out.push_back(test::spread_point(224.4, 231.0, 4199.6, 4199.6).verdict);
    // The model's tail far longer at the same rate, with and without dropped handshakes.
    out.push_back(test::long_model_tail(0).verdict);
    out.push_back(test::long_model_tail(37).verdict);
    // A race judged by its tallies over nine runs a side: the same, and not.
    out.push_back(test::race_point({231, 4199.6, 240, 3183.2, 236, 228, 3900, 229, 3700},
                                   {3183.2, 252, 4199.6, 3246.8, 267, 4199.6, 3400, 245, 4100})
                      .verdict);
    out.push_back(test::race_point({231, 4199.6, 240, 236, 228, 245, 233, 250, 229},
                                   {3183.2, 252, 4199.6, 3246.8, 3300, 4199.6, 3900, 3400, 4100})
                      .verdict);
    return out;
}

// A sweep: why a point fails Little's law (check_little) and what the USL fit says (fit_usl).
inline std::vector<std::string> sweep_notes() {
    std::vector<std::string> out;
    SweepPoint p;
    p.connections = 10;
    p.client_open = 6;
    p.load_cpu_pct = 195;
    p.errors = 3;
    out.push_back(check_little(p, 2).reason);  // no response, errors, few open, saturated
    SweepPoint below;
    below.connections = 10;
    below.client_open = 10;
    below.requests = 1000;
    below.rps = 100;
    below.mean_ms = 50;  // X·R = 5 of 10
    out.push_back(check_little(below, 2).reason);
    below.mean_ms = 200;  // X·R = 20 of 10
    out.push_back(check_little(below, 2).reason);
    out.push_back(fit_usl({1, 2, 4, 8}, {100, 100, 100, 100}).caution);  // few points, σ at 1
    out.push_back(fit_usl({1, 2, 4, 8, 16}, {100, 190, 360, 600, 800}).caution);
    out.push_back(fit_usl({1, 2, 4, 8, 16, 32}, {100, 100, 100, 100, 100, 100}).caution);
    out.push_back(fit_usl({2, 4, 8, 16}, {100, 190, 360, 600}).why_not);
    out.push_back(fit_usl({1, 2, 4}, {100, 190, 360}).why_not);
    out.push_back(fit_usl({1, 2, 0, 8}, {100, 190, 360, 600}).why_not);
    // sweep.cpp: a sweep of idle connections has no USL (its load does not change).
    out.push_back("the load is the same at every point of a sweep of idle connections");
    return out;
}

// Why a run cannot start: the machine's limits, and the registry's checks of a value.
inline std::vector<std::string> start_errors() {
    std::vector<std::string> out;
    out.push_back(error_of(check_fd_limit(70000, FdLimit{1024, 4096})));
    // As experiment.cpp check_machine() completes it (the run's limit is raised to the hard
    // one first, so a test cannot reach it).
    out.push_back(out.back() +
                  "; as root the hard limit itself can be raised (`ulimit -Hn N`, up to "
                  "fs.nr_open)");
    MachineLimits machine;
    machine.threads_max = 190000;
    machine.pid_max = 32768;
    machine.max_map_count = 65530;
    out.push_back(error_of(check_thread_limit(100000, machine, 300)));
    RunConfig c;
    auto set = [&](const char* key, const char* text) {
        out.push_back(error_of(set_field_from_text(*find_run_field(key), c, text)));
    };
    set("model", "evented");
    set("connections", "1.5");
    set("cpu_ms", "lots");
    set("connections", "0");
    out.push_back(error_of(check_field_value(*find_run_field("cpu_ms"), INFINITY)));
    // A scenario file refused, by the scenario reader.
    for (const char* text : {R"({"name": "x", "conections": 10})", R"({"connections": 10})",
                             R"({"name": 3})", R"([1, 2])", R"({"name": "x", "connections": 0})"}) {
        out.push_back("/home/me/" + std::string("s.json: ") + error_of(parse_scenario(text)));
    }
    // Files that cannot be written or read (core/atomic_file, core/regular_file).
    QTemporaryDir dir;
    const std::string here = dir.path().toStdString();
    auto write_error = [](const std::string& path, bool overwrite) {
        return error_of(write_file_atomically(path, "{}", overwrite));
    };
    out.push_back(write_error(here, true));                   // a folder
    out.push_back(write_error(here + "/none/s.json", true));  // no such folder
    out.push_back(write_error("", true));                     // no name
    if (!write_file_atomically(here + "/s.json", "{}", true)) qFatal("cannot write s.json");
    out.push_back(write_error(here + "/s.json", false));  // exists
    out.push_back(error_of(load_scenario_file(here + "/absent.json")));
    out.push_back(error_of(load_scenario_file(here)));  // a folder
    out.push_back(error_of(read_regular_file(here + "/s.json", 1,
                                             "a scenario file is a small JSON object")));  // > 1 B
    if (::chmod(dir.path().toUtf8().constData(), 0500) == 0 && ::geteuid() != 0) {
        out.push_back(write_error(here + "/t.json", true));  // a folder it may not write
    } else {  // root writes anywhere: as check_output_path() words it for another user
        out.push_back("cannot write " + here + "/t.json: the folder " + here + " is not writable");
    }
    ::chmod(dir.path().toUtf8().constData(), 0700);
    RunConfig bad;
    bad.load.connections = 0;
    bad.warmup_s = 5;
    bad.duration_s = 2;
    try {
        Experiment(bad).start();
    } catch (const StartError& e) {
        out.push_back(e.what());
    }
    return out;
}

// Each reason scenario.cpp gives for a field of a scenario file, JSON that json_limits refuses and
// settings validate() refuses, from small broken files read by the engine's own parse_scenario;
// and a file that opens but cannot be read (regular_file).
inline std::vector<std::string> scenario_field_errors() {
    std::vector<std::string> out;
    for (
        const char* fields :
        {R"("compare": 3)",
         R"("compare": ["evented"])",
         R"("compare": [{"treads": 2}])",
         R"("compare": [{"threads": 9999}])",
         R"("compare": ["event-loop", "gil-threads", "event-loop", "gil-threads", "event-loop"])",
         R"("stages": 3)",
         R"("stages": [4])",
         R"("stages": [{"duration": 5, "tagret": 2}])",
         R"("stages": [{"target": 2}])",
         R"("stages": [{"duration": 5}])",
         R"("shape": "apache")",
         R"("sweep": [])",
         R"("sweep": {"conections": [1]})",
         R"("sweep": {"models": "event-loop", "connections": [1]})",
         R"("sweep": {"models": ["evented"], "connections": [1]})",
         R"("sweep": {"models": ["event-loop", "gil-threads", "process-per-core", "event-loop"], "connections": [1]})",
         R"("sweep": {})",
         R"("sweep": {"from": 1, "to": 8})",
         R"("sweep": {"from": 8, "to": 1, "steps": 3})",
         R"("sweep": {"connections": []})",
         R"("sweep": {"connections": [0]})",
         R"("sweep": {"connections": [1], "step_duration": 0})",
         R"("sweep": {"connections": [1], "warmup": -1})",
         R"("sweep": {"connections": [1], "idle": 1})",
         R"("sweep": {"connections": [1]}, "rate": 100)",
         R"("sweep": {"connections": [1]}, "stages": [{"duration": 5, "target": 2}])"}) {
        out.push_back(error_of(parse_scenario(std::string(R"({"name": "x", )") + fields + "}")));
    }
    // Broken JSON, and run settings the scenario's validate() refuses.
    const std::string deep = std::string(40, '[') + std::string(40, ']');
    std::string many_stages = R"({"duration": 1, "target": 1})";
    for (int i = 0; i < 100; ++i) many_stages += R"(, {"duration": 1, "target": 1})";
    for (const std::string& text :
         {std::string(R"({"name": "x", "connections": 1e400})"),
          std::string(R"({"name": "x", "connections": NaN})"),
          std::string(R"({"name": "x", "connections": })"), deep,
          R"({"name": "x", "description": )" + deep + "}",
          std::string(R"({"name": "x", "stages": [{"duration": 0, "target": 2}]})"),
          std::string(R"({"name": "x", "stages": [{"duration": 5, "target": 1e9}]})"),
          std::string(R"({"name": "x", "stages": [{"duration": 5, "target": 1.5}]})"),
          std::string(
              R"({"name": "x", "rate": 100, "stages": [{"duration": 5, "target": 0.0001}]})"),
          std::string(R"({"name": "x", "rate": 100, "stages": [{"duration": 5, "target": 1e9}]})"),
          R"({"name": "x", "stages": [)" + many_stages + "]}",
          std::string(R"({"name": "x", "rate": 0.01, "duration_s": 10})"),
          std::string(R"({"name": "x", "tick_s": 20, "duration_s": 10})")}) {
        out.push_back(error_of(parse_scenario(text)));
    }
    // /proc/self/mem opens as a regular file of size 0; reading its address 0 fails with EIO.
    out.push_back(error_of(read_regular_file("/proc/self/mem", 1024, "")));
    return out;
}

// Lines of a calibration against a real server, which a unit test cannot run: copied from
// experiment/calibration.cpp with figures of a real run (tst_real_server runs the real thing).
inline std::vector<std::string> calibration_lines() {
    const std::string figures =
        "at 1 connection the real server ran at 1850 req/s, the model with the held part alone "
        "at 1.142× that";
    return {
        "measuring the real server (http://127.0.0.1:5000/) at 50 connections",
        "measuring Flask dev server (Werkzeug) with no overhead at 50 connections",
        "step 2: the real server",
        "step 2: gil-threads with 306.0 µs overhead at 50 connections",
        "the real server at 1 connection",
        "the model with 306.0 µs held at 1 connection",
        "verifying: the real server again",
        "verifying: the model with 306.0 µs overhead",
        "overhead_us (framework cost per request, holding the GIL): 306.0 µs, fitted in a closed "
        "loop to the real server's saturated rate at 50 connections",
        "overhead_us (framework cost per request): 41.5 µs, fitted in a closed loop to the real "
        "server's saturated rate at 50 connections",
        "overhead_released_us: not fitted, set to 0: Node / Express has no GIL, so all of the "
        "framework's cost is one figure",
        "overhead_released_us (framework cost without the GIL): not fitted, set to 0 (it needs "
        "more than 1 connection and the loop to converge first)",
        "overhead_released_us (framework cost without the GIL): not fitted, set to 0: " + figures +
            ", within ±10 % or slower",
        "overhead_released_us (framework cost without the GIL): not fitted, set to 0: " + figures +
            ", but with 61.2 µs released the model could not be brought within ±10 % at 50 "
            "connections again: the difference at 1 connection is not work beside the GIL here "
            "(on a busy machine it is mostly waiting for a core)",
        "overhead_released_us (framework cost without the GIL): 61.2 µs, what the real server "
        "still costs more at 1 connection (" +
            figures + ")",
        "the real server closed the connection after 100 % of its responses (the client "
        "reconnected 5120 times for 5120 responses), while the model keeps connections alive: "
        "choose a shape that closes (Flask dev server, gunicorn sync) or --keep-alive off",
        "3 model runs were run again because one worker had served less than half its share "
        "(the connections landed on the worker that won the kernel's accept race): a small cost "
        "per new connection lets one worker take a whole burst",
        "the real server was still getting faster after 5 unmeasured runs (its last ended 12 % "
        "faster than it began): calibrate again once it has settled",
        "the real server kept its connections alive (the client reconnected 0 times for 5120 "
        "responses), while the model closes after every response: choose a shape that keeps "
        "connections alive or --keep-alive on",
        "the real server (21000 req/s) is faster than the model with no overhead at all (19000 "
        "req/s): the model cannot be made faster, so the overhead stays 0",
        "the verification's median ran at 0.871× the real server, outside ±10 % although the "
        "loop got within it: the machine's load moved (see the load average), or the runs are "
        "too short",
        "after 6 steps the model runs at 0.812× the real server, outside ±10 %: the real "
        "server's own runs spread 23 % (more than the tolerance); measure longer (--duration) "
        "or more often (--repeat), or on a quieter machine",
        "after 6 steps the model runs at 0.812× the real server, outside ±10 %: the model's rate "
        "does not follow its overhead as 1/rate = t0 + overhead/parallelism here (the model or "
        "the load generator is short of CPU on this machine, or the real server's cost depends "
        "on the load)",
        "not verified",
        "against the median of the real server's 15 runs in this calibration (11420 req/s), not "
        "the verification's own pairs (1.082×): its runs spread 21 % while the model's stayed "
        "within 5 %, a wander of the server's own that pairs of runs do not cancel",
        // experiment_sampler.cpp: the run's end when the last worker is gone for good.
        "every server worker has exited; see the warnings",
        "warming up the real server (not counted)",
        // The cost after I/O (experiment/calibration_resume.cpp, calibration_fit.cpp).
        "resume_us (framework cost after each I/O wait): 104.0 µs, fitted in a closed loop to "
        "the real server's rate with 50 ms of I/O at 118 connections (real 1246 req/s; the model "
        "without it at 1.335× that)",
        "resume_us (framework cost after each I/O wait): 104.0 µs, the nearest of 5 steps, at "
        "1.070× the real server with 50 ms of I/O at 118 connections, outside ±5 % (real 1246 "
        "req/s; the model without it at 1.335× that)",
        "resume_us (framework cost after each I/O wait): not fitted, set to 0 (it needs the "
        "overhead verified first)",
        "resume_us (framework cost after each I/O wait): not fitted, set to 0: the model has no "
        "GIL (a thread woken after I/O takes the GIL back from other waiters; an event loop "
        "resumes a request on the thread it is already running)",
        "resume_us (framework cost after each I/O wait): not fitted, set to 0: with 50 ms of I/O "
        "its 10 threads, not its CPU, bound the rate (10 ÷ 50 ms = 200 req/s, below its "
        "zero-work 6812 req/s): the cost after I/O does not show in its rate",
        "resume_us (framework cost after each I/O wait): not fitted, set to 0: keeping it busy "
        "with 50 ms of I/O takes 1500 connections, more than 1000",
        "resume_us (framework cost after each I/O wait): not fitted, set to 0: no zero-work rate "
        "to size the run with",
        "resume_us (framework cost after each I/O wait): not fitted, set to 0: the real server "
        "did not wait (p50 0.812 ms with ?io_ms=50): it does not follow the ?io_ms= convention "
        "of docs/validation.md",
        "resume_us (framework cost after each I/O wait): not fitted, set to 0: with 50 ms of I/O "
        "at 118 connections the model ran at 1.021× and 0.987× the real server, within ±5 % or "
        "slower",
        "cost after I/O: the real server with 50 ms of I/O at 118 connections",
        "cost after I/O: the model with 104.0 µs after each wait with 50 ms of I/O at 118 "
        "connections",
        "resume_us (framework cost after each I/O wait): not fitted, set to 0: with 50 ms of I/O "
        "at 1000 connections the real server served 19512 req/s, 98 % of what its connections "
        "allow (20000 req/s): its CPU does not bound it there, so the cost after I/O does not "
        "show",
        // The cost per new connection (experiment/calibration_connection.cpp).
        "cost per new connection: the real server with a new connection per request at 10 "
        "connections",
        "cost per new connection: the model with 85.0 µs with a new connection per request at 10 "
        "connections",
        "connection_us (framework cost per new connection): 85.0 µs, fitted in a closed loop to "
        "the real server's rate with a new connection per request at 10 connections (real 5350 "
        "req/s; the model without it at 1.307× that)",
        "connection_us (framework cost per new connection): 85.0 µs, the nearest of 4 steps, at "
        "1.071× the real server with a new connection per request at 10 connections, outside ±5 "
        "% (real 5350 req/s; the model without it at 1.307× that)",
        "connection_us (framework cost per new connection): 85.0 µs, as given (--connection-us, or "
        "its slider), not fitted",
        "connection_us (framework cost per new connection): not fitted, set to 0: the model "
        "closes every connection, so the overhead fitted at zero work includes it",
        "connection_us (framework cost per new connection): not fitted, set to 0 (it needs the "
        "overhead verified first)",
        "connection_us (framework cost per new connection): not fitted, set to 0: asked with "
        "Connection: close, the real server closed only 3 of 5000 connections after their "
        "response",
        "connection_us (framework cost per new connection): not fitted, set to 0: with a new "
        "connection per request at 10 connections the model ran at 1.021× and 0.987× the real "
        "server, within ±5 % or slower",
        "connection_us (framework cost per new connection): 95.9 µs, the first estimate, kept: "
        "the overhead fitted with it was not verified, so it was not fitted further",
    };
}

}  // namespace conclab::test
