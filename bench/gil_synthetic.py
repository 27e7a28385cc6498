#!/usr/bin/env python3
"""The GIL benchmark's CPython side: N threads, each looping {pure-Python CPU work until the thread
has used CPU_US of CPU time; time.sleep(SLEEP_MS)} for SECONDS after a short warm-up. Prints one
line: "rate <iterations per second> cpu <process CPU %, 100 = one core>".
bench_gil_synthetic (C++) does the same with the engine's GlobalInterpreterLock.

    python3 bench/gil_synthetic.py THREADS [SECONDS=4] [CPU_US=600] [SLEEP_MS=50]
"""
import os
import sys
import threading
import time

threads = int(sys.argv[1])
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 4.0
cpu_ns = int(float(sys.argv[3] if len(sys.argv) > 3 else 600) * 1000)
sleep_s = float(sys.argv[4] if len(sys.argv) > 4 else 50) / 1000.0
warmup_s = 1.0

counting = False
stopping = False
counts = [0] * threads


def worker(index):
    clock = time.thread_time_ns
    x = 0
    while not stopping:
        deadline = clock() + cpu_ns
        while clock() < deadline:  # pure Python bytecode: holds the GIL throughout
            for i in range(50):
                x = (x * 31 + i) & 0xFFFF
        if counting:
            counts[index] += 1
        time.sleep(sleep_s)  # releases the GIL around the wait


# Enough stack for 1,000 threads without exhausting memory.
threading.stack_size(256 * 1024)
workers = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(threads)]
for w in workers:
    w.start()
time.sleep(warmup_s)
counting = True
t0, c0 = time.monotonic(), time.process_time()
time.sleep(seconds)
counting = False
t1, c1 = time.monotonic(), time.process_time()
total = sum(counts)
stopping = True
print("rate %.1f cpu %.0f" % (total / (t1 - t0), 100.0 * (c1 - c0) / (t1 - t0)))
sys.stdout.flush()
os._exit(0)  # do not wait for 1,000 sleeping threads
