#!/usr/bin/env python3
"""A tiny Flask app on Werkzeug's threaded development server (app.run(threaded=True): one new
thread per connection, Connection: close after every response), the real thing the
gil-threads --threads 0 --keep-alive off model stands in for. GET /?cpu_ms=X&io_ms=Y burns X ms of
thread CPU time in pure Python (holding the GIL), then sleeps Y ms (releasing it).

    python3 bench/werkzeug_app.py PORT

Werkzeug logs every request, as the dev server does by default; werkzeug_vs_model.sh sends that
to /dev/null, but the formatting is part of the real per-request cost and stays.
"""
import sys
import time

from flask import Flask, request

app = Flask(__name__)


@app.route("/")
def index():
    cpu_ms = float(request.args.get("cpu_ms", 0))
    io_ms = float(request.args.get("io_ms", 0))
    if cpu_ms > 0:
        deadline = time.thread_time_ns() + int(cpu_ms * 1e6)
        x = 0
        while time.thread_time_ns() < deadline:
            for i in range(50):
                x = (x * 31 + i) & 0xFFFF
    if io_ms > 0:
        time.sleep(io_ms / 1000.0)
    return "hello\n"


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), threaded=True)
