"""A tiny Flask app on Werkzeug's threaded development server: the real server of the end-to-end
tests of `conclab-cli calibrate` and `compare --target`.

    python3 tests/app/flask_app.py [PORT]   (0 or nothing = any free port)

Prints "Serving on http://127.0.0.1:PORT/" once listening, then serves until killed.
Routes:
  GET /?cpu_ms=X&io_ms=Y  burns X ms of thread CPU time (holding the GIL, as Python code does)
                          and sleeps Y ms (releasing it, as a downstream call does); no
                          parameters = no work of its own ("hello world")
  POST /echo              200 with the body when the header X-Token is "lab" and the body is
                          not empty, else 400: checks that -X, -H and --body arrive
"""
import logging
import sys
import time

from flask import Flask, request
from werkzeug.serving import make_server

app = Flask(__name__)


@app.get("/")
def work():
    cpu_ms = float(request.args.get("cpu_ms", 0))
    io_ms = float(request.args.get("io_ms", 0))
    if cpu_ms > 0:
        end = time.thread_time() + cpu_ms / 1000
        while time.thread_time() < end:
            pass
    if io_ms > 0:
        time.sleep(io_ms / 1000)
    return "ok\n"


@app.post("/echo")
def echo():
    body = request.get_data()
    if request.headers.get("X-Token") != "lab" or not body:
        return "need X-Token: lab and a body\n", 400
    return body


def main():
    # One log line per request would slow the server down and fill the test's pipe.
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    # threaded=True: ThreadedWSGIServer, one thread per connection, as `flask run` does.
    server = make_server("127.0.0.1", port, app, threaded=True)
    print(f"Serving on http://127.0.0.1:{server.server_port}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
