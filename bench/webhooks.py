#!/usr/bin/env python3
"""Webhook delivery latency and throughput against the running suite (./run, which allows loopback targets).

    ./run &
    python3 bench/webhooks.py            # SINGLES=50 writes one by one, BULK=2000 events in one import, SUBSCRIBERS=4

A receiver on 127.0.0.1 answers 204 at once and notes when each delivery arrived. Latency: plans created one at a
time (POST /api/v1/plans), from the event's time (the write, stamped in its transaction) to its arrival. Throughput:
one import of BULK plans (BULK events in one transaction) to SUBSCRIBERS subscriptions at once, from the import's
answer to the last arrival. Prints a Markdown table for BENCHMARKS.md.
"""
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
BASE = os.environ.get("INDICATOR_URL", "http://localhost:8081")
SINGLES = int(os.environ.get("SINGLES", "50"))
BULK = int(os.environ.get("BULK", "2000"))
SUBSCRIBERS = int(os.environ.get("SUBSCRIBERS", "4"))
SECRET = "bench-secret-of-at-least-24-characters"
arrivals = {}  # path -> list of (arrival epoch seconds, event)
lock = threading.Lock()


class Receiver(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real receiver behind a web server would

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        now = time.time()
        with lock:
            arrivals.setdefault(self.path, []).append((now, json.loads(body)))
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def token(role):
    return subprocess.check_output(["java", "-Dplanmonitor.root=" + ROOT, "-jar", os.path.join(ROOT, "deploy/launcher/target/launcher.jar"),
                                    "token", role], stderr=subprocess.DEVNULL, cwd=ROOT).decode().strip()


def call(method, path, tok, body=None, content_type="application/json", query=""):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(BASE + path + query, data=data, method=method,
                                     headers={"Authorization": "Bearer " + tok, "Content-Type": content_type})
    with urllib.request.urlopen(request, timeout=120) as answer:
        text = answer.read()
        return json.loads(text) if text else None


def subscribe(admin, port, path):
    return call("POST", "/api/v1/subscriptions", admin, {"targetUrl": f"http://127.0.0.1:{port}{path}",
                                                         "types": ["gov.planmonitor.indicator.plan.created"], "secret": SECRET})["id"]


def wait_for(path, count, limit=600):
    deadline = time.time() + limit
    while time.time() < deadline:
        with lock:
            if len(arrivals.get(path, [])) >= count:
                return list(arrivals[path])
        time.sleep(0.01)
    raise SystemExit(f"{path}: {len(arrivals.get(path, []))} of {count} deliveries arrived in {limit} s")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    admin, planner = token("admin"), token("planner")
    run = uuid.uuid4().hex[:6].upper()
    subscriptions = []

    one = "/latency"
    subscriptions.append(subscribe(admin, port, one))
    for i in range(SINGLES):
        call("POST", "/api/v1/plans", planner, {"code": f"WB{run}S{i}", "kind": "FIVE_YEAR", "startYear": 2021, "endYear": 2025,
                                                "titleZh": "推送基准", "titleEn": "Webhook bench"})
        time.sleep(0.2)
    got = wait_for(one, SINGLES)
    latencies = [(arrived - datetime.fromisoformat(event["time"].replace("Z", "+00:00")).timestamp()) * 1000 for arrived, event in got]

    paths = [f"/bulk{n}" for n in range(SUBSCRIBERS)]
    for path in paths:
        subscriptions.append(subscribe(admin, port, path))
    rows = ["code,kind,startYear,endYear,titleZh,titleEn,parent"] + [f"WB{run}B{i},FIVE_YEAR,2021,2025,推送基准,Webhook bench," for i in range(BULK)]
    call("POST", "/api/v1/imports", planner, "\n".join(rows).encode(), "text/csv", "?entity=plans")
    imported = time.time()
    ends = {}
    for path in paths:
        got = wait_for(path, BULK)
        ends[path] = max(arrived for arrived, _ in got)
        ids = [event["id"] for _, event in got]
        assert len(set(ids)) == BULK and ids == sorted(ids, key=int), path + ": every event once, in order"
    last = max(ends.values())
    for sid in subscriptions:
        call("DELETE", f"/api/v1/subscriptions/{sid}", admin)

    print("| Measure | Value |")
    print("|---|---:|")
    print(f"| Latency, write to arrival, {SINGLES} single writes: median | {statistics.median(latencies):.0f} ms |")
    print(f"| p95 / max | {percentile(latencies, 95):.0f} / {max(latencies):.0f} ms |")
    print(f"| {BULK} events of one import to {SUBSCRIBERS} subscriptions: all delivered after | {last - imported:.1f} s |")
    print(f"| Throughput, one subscription (its own queue, one at a time, in order) | {BULK / (min(ends.values()) - imported):.0f} events/s |")
    print(f"| Throughput, {SUBSCRIBERS} subscriptions together | {BULK * SUBSCRIBERS / (last - imported):.0f} deliveries/s |")


if __name__ == "__main__":
    sys.exit(main())
