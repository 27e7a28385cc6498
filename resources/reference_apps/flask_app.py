#!/usr/bin/env python3
"""The reference Flask app of `conclab-cli validate` (docs/validation.md).

GET /?cpu_ms=X&io_ms=Y burns X ms of this thread's CPU time in pure Python (holding the GIL),
then sleeps Y ms (releasing it, like a downstream call), then answers "hello". Without the
parameters it does nothing of its own: the route `conclab-cli calibrate` fits the framework to.

Flask dev server (Werkzeug, a thread per connection, closes after each response):
    /usr/bin/python3 flask_app.py PORT
gunicorn (sync, gthread or gevent workers):
    /usr/bin/python3 -m gunicorn --chdir DIR -b 127.0.0.1:PORT -k gthread -w 1 --threads 10 \
        flask_app:app

Werkzeug logs every request, as the dev server does by default: send it to /dev/null, but the
formatting is part of the real per-request cost and stays.
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
        # gevent patches time.sleep: a green thread yields to the others, as real I/O would.
        time.sleep(io_ms / 1000.0)
    return "hello\n"


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), threaded=True)
