#include "experiment/diagnosis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace conclab {

namespace {

// "98", "9", "2.6": whole numbers print whole, small fractional ones with one decimal.
std::string number(double v) {
    char text[32];
    if (std::fabs(v) >= 10 || std::fabs(v - std::round(v)) < 0.05) {
        std::snprintf(text, sizeof text, "%.0f", v);
    } else {
        std::snprintf(text, sizeof text, "%.1f", v);
    }
    return text;
}

double mean_of(const Summary& s, std::string_view key) {
    const auto& v = s.internal(key);
    return v ? v->mean : 0;
}

bool has(const Summary& s, std::string_view key) {
    return s.internal(key).has_value();
}

Model inner_model(const RunConfig& c) {
    return c.server.model == Model::ProcessPerCore ? c.server.inner : c.server.model;
}

void load_generator_saturated(const RunConfig& c, const Summary& s, const DiagnosisThresholds& t,
                              std::vector<Diagnosis>& out) {
    const double capacity = 100.0 * c.load.threads;
    if (s.measured_s <= 0 || s.load_cpu_pct_mean < t.load_cpu_share * capacity) return;
    out.push_back({"load-generator-saturated",
                   "The load generator is saturated (" + number(s.load_cpu_pct_mean) +
                       " % CPU on " + std::to_string(c.load.threads) +
                       " thread(s)): the numbers show its limit, not the server's.",
                   {{"load_cpu_pct_mean", s.load_cpu_pct_mean},
                    {"load_threads", static_cast<double>(c.load.threads)}}});
}

void gil_bound(const RunConfig& c, const Summary& s, const DiagnosisThresholds& t,
               std::vector<Diagnosis>& out) {
    if (!has(s, "gil_held_pct") || !has(s, "gil_waiting_threads")) return;
    const double held = mean_of(s, "gil_held_pct");
    const double waiting = mean_of(s, "gil_waiting_threads");
    if (held < t.gil_held_pct || waiting < t.gil_waiting_threads) return;
    const bool per_worker = c.server.model == Model::ProcessPerCore;  // the figures are means
    out.push_back({"gil-bound",
                   "The GIL is held " + number(held) + " % of the time" +
                       (per_worker ? " in each worker" : "") + " and " + number(waiting) +
                       (number(waiting) == "1" ? " thread waits" : " threads wait") +
                       " for it: more threads cannot help; more processes can" +
                       (per_worker ? ", up to one per core." : "."),
                   {{"gil_held_pct", held},
                    {"gil_waiting_threads", waiting},
                    {"gil_wait_p99_ms", mean_of(s, "gil_wait_p99_ms")},
                    {"gil_drop_requests_per_s", mean_of(s, "gil_drop_requests_per_s")}}});
}

void loop_blocked(const RunConfig& c, const Summary& s, const DiagnosisThresholds& t,
                  std::vector<Diagnosis>& out) {
    if (!has(s, "loop_utilization_pct") || !has(s, "loop_delay_p99_ms")) return;
    const double busy = mean_of(s, "loop_utilization_pct");
    const double late = mean_of(s, "loop_delay_p99_ms");
    if (busy < t.loop_busy_pct || late < t.loop_delay_ms) return;
    out.push_back({"loop-blocked",
                   "The event loop is busy " + number(busy) + " % of the time and fires timers " +
                       number(late) + " ms late: CPU work on the loop blocks every connection.",
                   {{"loop_utilization_pct", busy},
                    {"loop_delay_p99_ms", late},
                    {"loop_delay_max_ms",
                     s.internal("loop_delay_max_ms") ? s.internal("loop_delay_max_ms")->max : 0},
                    {"cpu_ms", c.server.workload.cpu_ms}}});
}

void uneven_workers(const RunConfig& c, const Summary& s, const DiagnosisThresholds& t,
                    std::vector<Diagnosis>& out) {
    // A lost worker is worker_lost's to name (worker_slots() is 0 then).
    const int slots = worker_slots(c, s);
    if (slots == 0) return;
    const double fair = 100.0 / slots;
    const auto& workers = *s.workers;
    std::uint64_t total = 0;
    for (const WorkerShare& w : workers) total += w.requests;
    if (total < t.uneven_min_requests) return;
    const auto top = std::max_element(
        workers.begin(), workers.end(),
        [](const WorkerShare& a, const WorkerShare& b) { return a.share_pct < b.share_pct; });
    if (top->share_pct < t.uneven_factor * fair || top->share_pct < fair + t.uneven_points) return;
    const int index = static_cast<int>(top - workers.begin()) + 1;
    const bool kernel = c.server.scheduling == Scheduling::Kernel;
    std::string text = "Worker " + std::to_string(index) + " (PID " + std::to_string(top->pid) +
                       ") served " + number(top->share_pct) + " % of the requests: ";
    text += kernel ? "the kernel's accept is uneven under a burst; round-robin evens it."
                   : "round-robin evens out connections, not the requests they carry.";
    out.push_back({"uneven-workers",
                   text,
                   {{"worker", static_cast<double>(index)},
                    {"pid", static_cast<double>(top->pid)},
                    {"share_pct", top->share_pct},
                    {"fair_share_pct", fair},
                    {"workers", static_cast<double>(slots)}}});
}

// The I/O-bound pool: every thread is taken, requests queue, yet the GIL is mostly free: the
// threads are waiting on I/O, so more of them (or an event loop) would serve the queue.
void thread_pool_exhausted(const RunConfig& c, const Summary& s, const DiagnosisThresholds& t,
                           std::vector<Diagnosis>& out) {
    if (inner_model(c) != Model::GilThreads || c.server.threads == 0) return;
    if (!has(s, "gil_held_pct") || !s.server_in_service_max || !s.server_waiting_max) return;
    const int processes =
        c.server.model == Model::ProcessPerCore ? std::max(1, c.server.workers) : 1;
    const double pool = static_cast<double>(c.server.threads) * processes;
    const double held = mean_of(s, "gil_held_pct");
    if (held >= t.pool_gil_held_pct || *s.server_in_service_max < t.pool_busy_share * pool ||
        *s.server_waiting_max < pool) {
        return;
    }
    // "Up to N wait" is a count at an instant: the whole peak (the table's "peak waiting"),
    // not the highest tick average that decided the rule.
    const double waiting_peak =
        s.server_waiting_peak ? static_cast<double>(*s.server_waiting_peak) : *s.server_waiting_max;
    out.push_back({"thread-pool-exhausted",
                   "All " + number(pool) + " threads are busy and up to " + number(waiting_peak) +
                       " requests wait for one, while the GIL is held only " + number(held) +
                       " % of the time: the threads wait on I/O; more threads (or an event loop) "
                       "would serve the queue.",
                   {{"threads", pool},
                    {"server_in_service_max", *s.server_in_service_max},
                    {"server_waiting_max", *s.server_waiting_max},
                    {"server_waiting_peak", waiting_peak},
                    {"gil_held_pct", held}}});
}

// 1 % or more of the requests counted were still unanswered when the run ended after waiting
// longer than the answered requests' p99: the server served some connections and left the
// others waiting, not yet accepted or starved (real gunicorn -k gevent, CPU-bound at 1,000
// connections: about 600 of 4,000 for the whole run, the answered ones' p99 2.7 ms). A fair but
// slow server's last requests have waited less than its tail: not these. Seen from the client,
// so it speaks for a real server too; the tail is a lower bound.
void requests_unanswered(const Summary& s, std::vector<Diagnosis>& out) {
    const std::uint64_t starved = s.unanswered_beyond_p99;
    const double counted = static_cast<double>(s.requests + s.unanswered);
    if (starved == 0 || !s.unanswered_longest_ms || starved * 100 < counted) return;
    const double share = 100.0 * static_cast<double>(starved) / counted;
    out.push_back({"requests-unanswered",
                   "Requests with no response when the run ended, after waiting longer than the "
                   "answered ones' p99: " +
                       number(static_cast<double>(starved)) + " (" + number(share) +
                       " % of those counted), some for " + number(*s.unanswered_longest_ms / 1000) +
                       " s: the server served some connections and left others waiting (not yet "
                       "accepted, or starved); the latency tail is a lower bound.",
                   {{"unanswered", static_cast<double>(starved)},
                    {"unanswered_pct", share},
                    {"unanswered_longest_ms", *s.unanswered_longest_ms}}});
}

// "killed (SIGKILL)", "exited (status 1)", "was killed after timing out".
std::string how_it_ended(const WorkerLoss& loss) {
    if (loss.timed_out) return "was killed after timing out (" + loss.cause + ")";
    return (loss.cause.rfind("SIG", 0) == 0 ? "was killed (" : "exited (") + loss.cause + ")";
}

// A worker died during the run: name it and say whether the rate came back once it was
// replaced; this, not the balancer, explains an uneven split of the requests.
void worker_lost(const Summary& s, const DiagnosisThresholds& t, std::vector<Diagnosis>& out) {
    if (s.worker_losses.empty()) return;
    const WorkerLoss& first = s.worker_losses.front();
    const std::size_t more = s.worker_losses.size() - 1;
    char when[32];
    std::snprintf(when, sizeof when, "%.1f s", first.t_s);
    std::string text =
        "Worker " + std::to_string(first.pid) + " " + how_it_ended(first) + " at " + when +
        (first.replacement != 0 ? " and was replaced by " + std::to_string(first.replacement)
                                : std::string(" and was not replaced"));
    if (more > 0) text += " (and " + std::to_string(more) + " more later)";
    const double lost = static_cast<double>(s.error_kinds.reset);
    if (lost > 0) {
        text += lost == 1 ? "; the request in service on it was lost"
                          : "; the " + number(lost) + " requests in service on it were lost";
    }
    std::vector<std::pair<std::string, double>> evidence{
        {"pid", static_cast<double>(first.pid)},
        {"t_s", first.t_s},
        {"replacement_pid", static_cast<double>(first.replacement)},
        {"workers_lost", static_cast<double>(s.worker_losses.size())},
        {"requests_lost", lost}};
    if (first.rps_before && first.rps_after && *first.rps_before > 0) {
        const double before = *first.rps_before, after = *first.rps_after;
        const bool back = after >= t.recovered_share * before;
        text += back ? ". The rate was back to " + number(after) + " req/s (" + number(before) +
                           " before) within " + number(kLossWindowS) + " s."
                     : ". The rate stayed at " + number(after) + " req/s against " +
                           number(before) + " before: the server did not recover.";
        evidence.push_back({"rps_before", before});
        evidence.push_back({"rps_after", after});
    } else {
        text += ".";
    }
    out.push_back({"worker-lost", text, evidence});
}

// Slow clients on a thread pool: each one holds a thread reading a request that never ends
// (gunicorn has no header timeout), so the pool serves the load with what is left. True when
// they held every thread: then the pool's queue is theirs, not the I/O waits' (no
// thread-pool-exhausted).
bool slow_clients_hold_pool(const RunConfig& c, const Summary& s, std::vector<Diagnosis>& out) {
    if (inner_model(c) != Model::GilThreads || c.server.threads == 0) return false;
    if (!s.slow_clients || s.slow_clients->open_max == 0 || !s.server_in_service_max) {
        return false;
    }
    const int processes =
        c.server.model == Model::ProcessPerCore ? std::max(1, c.server.workers) : 1;
    const int pool = c.server.threads * processes;
    // Held: as many threads as slow clients stayed open, at most the pool; and the servers
    // measured at least that many requests in service (a slow client is in service).
    const int held = std::min(pool, s.slow_clients->open_max);
    if (*s.server_in_service_max < held - 0.5) return false;
    const bool all = held == pool;
    std::string text = std::string(all ? "All " : "") + std::to_string(held) + " of the pool's " +
                       std::to_string(pool) + " threads were held by slow clients";
    if (all) {
        text +=
            ": every thread waits in recv() for a request that never ends, so the pool "
            "served " +
            number(s.rps) + " req/s";
        text += s.slow_clients->closed_by_server == 0
                    ? ". A header timeout (Node's headersTimeout) or an event loop would shrug "
                      "them off."
                    : " (the server closed them " +
                          std::to_string(s.slow_clients->closed_by_server) +
                          " times; they came back).";
    } else {
        text += ", each reading a request that never ends; the other " +
                std::to_string(pool - held) + " served the load (" + number(s.rps) + " req/s).";
    }
    out.push_back(
        {"slow-clients-hold-pool",
         text,
         {{"threads_held", static_cast<double>(held)},
          {"threads", static_cast<double>(pool)},
          {"slow_clients_open_max", static_cast<double>(s.slow_clients->open_max)},
          {"slow_clients_closed_by_server", static_cast<double>(s.slow_clients->closed_by_server)},
          {"server_in_service_max", *s.server_in_service_max},
          {"rps", s.rps}}});
    return all;
}

}  // namespace

int worker_slots(const RunConfig& c, const Summary& s) {
    if (!s.workers || s.workers->size() < 2 || !s.worker_losses.empty()) return 0;
    const int slots =
        std::clamp(std::max(1, c.server.workers), 1, static_cast<int>(s.workers->size()));
    return slots < 2 ? 0 : slots;
}

std::vector<Diagnosis> diagnose(const RunConfig& config, const Summary& summary,
                                const DiagnosisThresholds& limits) {
    std::vector<Diagnosis> out;
    load_generator_saturated(config, summary, limits, out);
    requests_unanswered(summary, out);
    gil_bound(config, summary, limits, out);
    loop_blocked(config, summary, limits, out);
    worker_lost(summary, limits, out);
    uneven_workers(config, summary, limits, out);
    if (!slow_clients_hold_pool(config, summary, out)) {
        thread_pool_exhausted(config, summary, limits, out);
    }
    return out;
}

}  // namespace conclab
