#include "experiment/validation_reasons.hpp"

#include <optional>

#include "core/fixed_decimals.hpp"

namespace conclab {

namespace {

// How many connections each side kept busy (Little's law: req/s × mean latency), when both
// runs have latencies.
struct BusyConnections {
    double real = 0;
    double model = 0;
};
std::optional<BusyConnections> busy_connections(const ValidationPointResult& p) {
    const Summary& real = p.real_run.summary;
    const Summary& model = p.model_run.summary;
    if (!real.latency || !model.latency || real.latency->mean_ms <= 0 ||
        model.latency->mean_ms <= 0) {
        return std::nullopt;
    }
    return BusyConnections{real.rps * real.latency->mean_ms / 1000,
                           model.rps * model.latency->mean_ms / 1000};
}

}  // namespace

std::string likely_reason(const ValidationPointResult& p, bool rps_ok) {
    const Summary& real = p.real_run.summary;
    if (real.errors > 0 && real.errors * 100 > real.requests) {
        return "the real server failed " + std::to_string(real.errors) + " requests (connect " +
               std::to_string(real.error_kinds.connect) + ", read " +
               std::to_string(real.error_kinds.read) + ", timeout " +
               std::to_string(real.error_kinds.timeout) +
               "): its rate is what it survived, not its capacity";
    }
    // A response that took ≥ 0.9 s: a full accept queue (the kernel dropped a SYN, retried after
    // 1 s, or the handshake's last ACK), or a server that accepts slowly (Node: one accept per
    // turn of a busy loop), whose clients' first requests wait while the kernel holds them. The
    // kernel's count of overflows tells which; a retried connect alone proves an overflow.
    const bool long_tail =
        real.latency && real.latency->max_ms >= 900 && p.point.connections >= 100;
    const std::string slowest = fixed(real.latency ? real.latency->max_ms : 0, 0);
    if (long_tail && real.listen_overflows.value_or(0) > 0) {
        return "the real server's accept queue overflowed (the kernel dropped " +
               std::to_string(*real.listen_overflows) + " handshakes; the slowest response took " +
               slowest + " ms): its listen backlog or accept loop holds fewer than the model's";
    }
    if (long_tail && real.slow_connects > 0) {
        return "the real server's accept queue overflowed (" + std::to_string(real.slow_connects) +
               " connects were retried after 1 s; the slowest response took " + slowest +
               " ms): its listen backlog or accept loop holds fewer than the model's";
    }
    // Requests still unanswered when a run ended are in its p99 at how long they had waited
    // (Summary::unanswered): connections a side had not accepted yet, or starved. Real Express,
    // 1,000 connections × 50 ms of I/O: none; the model left about 120 in its accept queue after
    // 4 s (one accept per turn of its loop), its p99 1.5 s against 142 ms.
    const Summary& model = p.model_run.summary;
    const auto unanswered_text = [](const Summary& s) {
        return std::to_string(s.unanswered) +
               " requests unanswered when the run ended (the longest had waited " +
               fixed(s.unanswered_longest_ms.value_or(0) / 1000, 1) + " s)";
    };
    if (p.point.connections >= 100 && p.p99_ratio > 1 &&
        model.unanswered >= 2 * real.unanswered + 10) {
        return "the model left " + unanswered_text(model) + ", the real server " +
               std::to_string(real.unanswered) +
               ": the model took new connections more slowly than the real server (one accept "
               "per turn of its loop) or starved some";
    }
    if (p.point.connections >= 100 && p.p99_ratio < 1 &&
        real.unanswered >= 2 * model.unanswered + 10) {
        return "the real server left " + unanswered_text(real) + ", the model " +
               std::to_string(model.unanswered) +
               ": the real server took new connections more slowly than the model (one accept "
               "per turn of its loop) or starved some";
    }
    // The same rate and a model tail far longer than the real server's: some of the model's
    // connections waited to be taken, as when a loop loses the first burst's race (one accept
    // per turn once its turns grow long) or its accept queue overflows. Express's model, 50 ms
    // of I/O at 1,000 connections (2026-12-06 15:30): p99 1.1-1.4 s at 1.04× the real server's
    // rate, whose p99 was 163-203 ms; the fallback below had called it "serves more at once".
    if (rps_ok && p.p99_ratio > 1 && p.point.connections >= 100 && model.latency && real.latency &&
        model.latency->max_ms >= 900 && model.latency->max_ms >= 3 * real.latency->max_ms) {
        const std::string overflowed = model.listen_overflows.value_or(0) > 0
                                           ? "; the kernel dropped " +
                                                 std::to_string(*model.listen_overflows) +
                                                 " handshakes, retried after 1 s"
                                           : std::string();
        return "the model's slowest response took " + fixed(model.latency->max_ms, 0) +
               " ms, the real server's " + fixed(real.latency->max_ms, 0) +
               " ms, at about the same rate: some of the model's connections waited to be "
               "taken (it took the first burst of new connections more slowly than the real "
               "server, one accept per turn of its loop once its turns grew long" +
               overflowed + ")";
    }
    // Little's law: a closed loop keeps req/s × mean latency of its connections busy, all of
    // them when every one has been accepted; a side that keeps far fewer left the others waiting
    // to be accepted (its mean latency now includes requests left unanswered, at how long they
    // had waited, which the rate does not count: the estimate errs high).
    // Real Express, CPU-bound at 1,000 connections: about 930 busy, its p99 2.6 s; the model
    // about 210, its p99 0.8 s, before unanswered requests counted.
    if (const auto seen = busy_connections(p); seen && p.point.connections >= 100) {
        const double all = p.point.connections;
        const std::string of = " of " + std::to_string(p.point.connections);
        if (seen->model < 0.6 * all && seen->real >= 0.8 * all) {
            return "the model kept only about " + fixed(seen->model, 0) + of +
                   " connections busy (req/s × mean latency), the real server about " +
                   fixed(seen->real, 0) +
                   ": the model accepted new connections more slowly (it pays its cost per new "
                   "connection, connection_us, where it accepts; fitted with Connection: close, "
                   "that cost includes what closing one costs)";
        }
        if (seen->real < 0.6 * all && seen->model >= 0.8 * all) {
            return "the real server kept only about " + fixed(seen->real, 0) + of +
                   " connections busy (req/s × mean latency), the model about " +
                   fixed(seen->model, 0) +
                   ": the real server accepted new connections more slowly (one accept per turn "
                   "of a busy loop, as Node's and gthread's)";
        }
    }
    if (long_tail && real.listen_overflows && p.p99_ratio < 1) {  // measured: none
        return "the real server accepted new connections slowly (the kernel dropped no "
               "handshake, yet a response waited up to " +
               slowest +
               " ms): one accept per turn of its busy loop, as Node's, while the model accepted "
               "them sooner (its cost per new connection, --connection-us, is smaller)";
    }
    // Same rate, and the real server's p99 about a turn more than its p50 where the model's is
    // its p50: the real loop served some requests a turn late. Real Express, 10 connections x
    // 2 ms of CPU: p50 21 ms, p99 40 ms; a level-triggered epoll's ready list makes a connection
    // that was not readable when the loop polled wait behind the others (EventLoopServer).
    if (p.point.io_ms == 0 && p.point.cpu_ms > 0 && rps_ok && p.real.p50_ms > 0 &&
        p.model.p50_ms > 0 && p.real.p99_ms >= 1.6 * p.real.p50_ms &&
        p.model.p99_ms <= 1.2 * p.model.p50_ms) {
        return "the real server answered some requests a turn late (its p99 " +
               fixed(p.real.p99_ms / p.real.p50_ms, 1) +
               "× its p50), the model each in its "
               "turn (" +
               fixed(p.model.p99_ms / p.model.p50_ms, 1) +
               "×): a connection whose next request comes just after the loop polls waits a turn "
               "more, a race with the client's round trip that the load generator in the "
               "model's process wins more often";
    }
    if (p.point.io_ms == 0 && p.point.cpu_ms > 0) {
        return p.rps_ratio > 1 ? "the real server's CPU work costs more than cpu_ms of thread "
                                 "CPU (its interpreter, garbage collection, a busy loop that "
                                 "shares the core)"
                               : "the model's CPU work costs more here than the real server's "
                                 "(the fitted overhead is too large under CPU load)";
    }
    if (p.rps_ratio > 1) {
        return "the model serves more at once than the real server (a limit of threads, "
               "connections or the accept queue the model lacks)";
    }
    return "the model is slower here: the framework cost fitted at zero work is larger than the "
           "real server pays on this workload";
}

}  // namespace conclab
