"""A tiny Flask app for the load generator's integration tests and bench/real_servers_vs_wrk.sh.

GET /?cpu_ms=&io_ms=  burns cpu_ms of this thread's CPU time (pure Python, holds the GIL), then
                      sleeps io_ms (releases the GIL, like a downstream call), then answers "ok".
GET /count            how many / requests this server has answered, over all its processes.

Answers are counted by appending one byte per answer to the file named by CONCLAB_COUNT_FILE
(O_APPEND writes of one byte are atomic, so gunicorn's worker processes and threads share the
count without locks). Without that variable nothing is counted and /count says 0.

Run under Werkzeug:  /usr/bin/python3 flask_app.py PORT
Run under gunicorn:  /usr/bin/python3 -m gunicorn --chdir DIR --bind 127.0.0.1:PORT flask_app:app
"""

import os
import sys
import time

from flask import Flask, request

app = Flask(__name__)
_count_path = os.environ.get("CONCLAB_COUNT_FILE")
_count_fd = None


def _count_answer():
    global _count_fd
    if _count_path is None:
        return
    if _count_fd is None:  # opened lazily: gunicorn may import the app before it forks
        _count_fd = os.open(_count_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    os.write(_count_fd, b".")


@app.route("/")
def work():
    cpu_ms = float(request.args.get("cpu_ms", 0))
    io_ms = float(request.args.get("io_ms", 0))
    if cpu_ms > 0:
        end = time.thread_time() + cpu_ms / 1000.0
        while time.thread_time() < end:
            pass
    if io_ms > 0:
        time.sleep(io_ms / 1000.0)
    _count_answer()
    return "ok\n", 200, {"Content-Type": "text/plain"}


@app.route("/count")
def count():
    n = os.path.getsize(_count_path) if _count_path and os.path.exists(_count_path) else 0
    return f"{n}\n", 200, {"Content-Type": "text/plain"}


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    app.run(host="127.0.0.1", port=port, threaded=True)
