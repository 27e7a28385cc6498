// The reference Express app of `conclab-cli validate` (docs/validation.md).
//
// GET /?cpu_ms=X&io_ms=Y computes for X ms, then waits Y ms on a timer (like a downstream call),
// then answers "hello". Without the parameters it does nothing of its own: the route
// `conclab-cli calibrate` fits the framework to.
//
//   NODE_PATH=/usr/share/nodejs node express_app.js PORT              one process, one event loop
//   NODE_PATH=/usr/share/nodejs node express_app.js PORT --cluster N  Node's cluster module: N
//                                                                     workers, round-robin
// (Debian's node-express lives in /usr/share/nodejs.)
"use strict";
const cluster = require("cluster");
const express = require("express");

const port = Number(process.argv[2]);
const at = process.argv.indexOf("--cluster");
const workers = at > 0 ? Number(process.argv[at + 1]) : 0;
if (!(port > 0) || (at > 0 && !(workers > 0))) {
    console.error("usage: node express_app.js PORT [--cluster WORKERS]");
    process.exit(2);
}

if (workers > 0 && cluster.isPrimary) {
    cluster.schedulingPolicy = cluster.SCHED_RR;  // the default on Linux, said out loud
    for (let i = 0; i < workers; i++) cluster.fork();
    // A worker that dies is replaced, as a production cluster script does.
    cluster.on("exit", () => cluster.fork());
} else {
    const app = express();
    app.disable("etag");
    app.get("/", (req, res) => {
        const cpuMs = Number(req.query.cpu_ms || 0);
        const ioMs = Number(req.query.io_ms || 0);
        // A busy loop for cpu_ms of wall time: Node has no thread CPU clock, and
        // process.cpuUsage() (getrusage) is too coarse for a few milliseconds.
        if (cpuMs > 0) {
            const end = process.hrtime.bigint() + BigInt(Math.round(cpuMs * 1e6));
            while (process.hrtime.bigint() < end) {}
        }
        if (ioMs > 0) {
            setTimeout(() => res.send("hello\n"), ioMs);
        } else {
            res.send("hello\n");
        }
    });
    app.listen(port, "127.0.0.1", () => {
        if (!cluster.isWorker) console.log(`listening on http://127.0.0.1:${port}/`);
    });
}
