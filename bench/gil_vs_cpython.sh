#!/usr/bin/env bash
# Is the engine's GIL faithful? The same synthetic program in real CPython (bench/gil_synthetic.py)
# and on the engine's GlobalInterpreterLock (bench_gil_synthetic): N threads, each looping
# {600 µs of CPU holding the GIL; sleep 50 ms without it}. Prints iterations/s and process CPU
# side by side for N = 10, 50, 100, 200, 1000, several repetitions each (the two sides alternate,
# so they share whatever else the machine is doing); min..max shows where a point is bistable.
#   bash bench/gil_vs_cpython.sh        (BIN=build/ci/bin REPS=3 SECONDS_PER_RUN=4 THREADS="10 50")
set -euo pipefail
bin=${BIN:-build/release/bin}
reps=${REPS:-3}
seconds=${SECONDS_PER_RUN:-4}
threads_list=${THREADS:-10 50 100 200 1000}
cpu_us=${CPU_US:-600}
sleep_ms=${SLEEP_MS:-50}
python=${PYTHON:-/usr/bin/python3}
here=$(cd "$(dirname "$0")" && pwd)
limit=$(( ${seconds%.*} * 3 + 30 ))  # seconds a run may take before it counts as stuck
[ -x "$bin/bench_gil_synthetic" ] || { echo "no $bin/bench_gil_synthetic (build first, or set BIN)"; exit 1; }

echo "N threads x {${cpu_us} us CPU under the GIL; sleep ${sleep_ms} ms}; ${seconds} s per run after 1 s warm-up; $reps runs each; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "ideal rate N / (${sleep_ms} ms + ${cpu_us} us), capped by the GIL at 1 s / ${cpu_us} us"
printf "%6s %8s | %-34s %7s | %-34s %7s | %6s\n" N ideal "CPython rate/s (min..max)" "CPU %" "model rate/s (min..max)" "CPU %" "model/CPython"
for n in $threads_list; do
    py_rates=() py_cpus=() m_rates=() m_cpus=()
    for _ in $(seq "$reps"); do
        # In a collapse CPython's main thread may not get the GIL back for minutes: give up then.
        if read -r _ rate _ cpu < <(timeout "$limit" "$python" "$here/gil_synthetic.py" "$n" "$seconds" "$cpu_us" "$sleep_ms"); then
            py_rates+=("$rate") py_cpus+=("$cpu")
        else
            py_rates+=(nan) py_cpus+=(nan)
        fi
        if read -r _ rate _ cpu < <(timeout "$limit" "$bin/bench_gil_synthetic" "$n" "$seconds" "$cpu_us" "$sleep_ms"); then
            m_rates+=("$rate") m_cpus+=("$cpu")
        else
            m_rates+=(nan) m_cpus+=(nan)
        fi
    done
    "$python" - "$n" "$cpu_us" "$sleep_ms" "${py_rates[*]}" "${py_cpus[*]}" "${m_rates[*]}" "${m_cpus[*]}" <<'PY'
import statistics as st, sys
n, cpu_us, sleep_ms = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
import math
pr, pc, mr, mc = ([float(x) for x in a.split()] for a in sys.argv[4:8])
ideal = min(n / (sleep_ms / 1e3 + cpu_us / 1e6), 1e6 / cpu_us)
ok = lambda r: [x for x in r if not math.isnan(x)]
stuck = lambda r: len(r) - len(ok(r))
def cell(r):
    text = "%7.0f (%5.0f..%5.0f)" % (st.median(ok(r)), min(ok(r)), max(ok(r))) if ok(r) else "      -"
    return text + (" %d stuck" % stuck(r) if stuck(r) else "")
med = lambda r: st.median(ok(r)) if ok(r) else float("nan")
print("%6d %8.0f | %-34s %7.0f | %-34s %7.0f | %6.2f" % (
    n, ideal, cell(pr), med(pc), cell(mr), med(mc), med(mr) / med(pr) if ok(pr) and med(pr) else float("nan")))
PY
done
echo "(medians of the runs that finished; 'stuck': no result within ${limit} s, the main thread"
echo " never got the GIL back: a collapse; CPU 100 % = one core)"
