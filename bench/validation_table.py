#!/usr/bin/env python3
"""Markdown tables for docs/validation.md from bench/recipes_vs_real.sh's reports (OUT=DIR):
for each server, DIR/SHAPE-calibration.json and DIR/SHAPE-validation.json.

    python3 bench/validation_table.py DIR
"""
import json
import os
import sys

SHAPES = ["express", "node-cluster", "flask-dev", "gunicorn-sync", "gunicorn-gthread",
          "gunicorn-gevent"]


def workload(p):
    if p["cpu_ms"] > 0 and p["io_ms"] > 0:
        return "mixed %g ms CPU + %g ms I/O" % (p["cpu_ms"], p["io_ms"])
    if p["cpu_ms"] > 0:
        return "CPU %g ms" % p["cpu_ms"]
    if p["io_ms"] > 0:
        return "I/O %g ms" % p["io_ms"]
    return "no work"


def main(folder):
    for shape in SHAPES:
        cal_path = os.path.join(folder, shape + "-calibration.json")
        val_path = os.path.join(folder, shape + "-validation.json")
        if not os.path.exists(val_path):
            continue
        cal = json.load(open(cal_path)) if os.path.exists(cal_path) else {}
        val = json.load(open(val_path))
        print("### %s\n" % val["shape"])
        if cal:
            released = cal.get("overhead_released_us")
            print("calibrate: real %s req/s at %d connections; fitted %.0f µs%s in %d steps; "
                  "verified ratio %.2f (%s)%s\n" % (
                      format(round(cal["real"]["rps"]), ","), cal["connections"],
                      cal["overhead_us"] or 0,
                      " + %.0f µs without the GIL" % released if released else "",
                      len(cal["steps"]), cal["ratio"] or 0,
                      "within ±5 %" if cal["verified"] else "not within ±5 %",
                      "; " + cal["why_not"] if cal.get("why_not") else
                      "; verified " + cal["verified_how"] if cal.get("verified_how") else ""))
            # The later stages' costs, fitted or given (null when neither).
            later = []
            if cal.get("resume_us"):
                later.append("%.1f µs after each I/O wait" % cal["resume_us"])
            if cal.get("connection_us"):
                later.append("%.1f µs per new connection%s" % (
                    cal["connection_us"], "" if cal.get("connection") else " (given)"))
            if later:
                print("also: %s\n" % "; ".join(later))
        print("| workload | conns | real req/s | model req/s | req/s × | real p99 ms | "
              "model p99 ms | p99 × | verdict |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
        for p in val["points"]:
            # "≥": the p99 is a request still unanswered when the run ended (a lower bound).
            # With repeats, the real server's runs' range after its median (its error bar).
            def ranged(side, low, high, text):
                if side.get("runs", 1) > 1 and side.get(low) is not None:
                    def number(v):  # whole above 1,000, else one decimal (a p99 of 25.4 ms)
                        return format(round(v), ",") if v >= 1000 else "%.1f" % v
                    return "%s (%s–%s)" % (text, number(side[low]), number(side[high]))
                return text
            def p99(side):
                return ("≥" if side.get("p99_lower_bound") else "") + "%.1f" % side["p99_ms"]
            real = p["real"]
            print("| %s | %s | %s | %s | %.2f | %s | %s | %.2f%s | %s |" % (
                workload(p), format(p["connections"], ","),
                ranged(real, "rps_low", "rps_high", format(round(real["rps"], 1), ",.1f")),
                format(round(p["model"]["rps"], 1), ",.1f"), p["rps_ratio"],
                ranged(real, "p99_low_ms", "p99_high_ms", p99(real)),
                p99(p["model"]), p["p99_ratio"], "" if p["p99_counts"] else " (not counted)",
                p["verdict"].replace("|", "/")))
        spread = val.get("within_real_spread", 0)
        print("\nfidelity %.2f (worst req/s ratio %.2f, worst counted p99 ratio %.2f); %d of %d "
              "points outside%s\n" % (
                  val["fidelity"], val["worst_rps_ratio"], val["worst_p99_ratio"], val["outside"],
                  len(val["points"]),
                  "; %d within only against the real server's own spread" % spread if spread else ""))


if __name__ == "__main__":
    main(sys.argv[1])
