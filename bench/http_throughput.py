"""HTTP throughput benchmark: the full checker against a bare Flask JSON endpoint.

    python bench/http_throughput.py [--duration 5] [--connections 4] [--workers 2] [--rounds 6]
                         [--min-words 700] [--max-words 1400] [--loader auto|wrk|python]

Starts two servers on 127.0.0.1 under the same gunicorn settings
(``plugin.http.serve.options``: sync workers, preloaded app):

(a) this service (``create_app()`` with its embedded defaults), and
(b) a bare Flask app whose ``POST /v1/check`` only parses the JSON body and
    returns a small JSON object.

Both get the same bounded load, one after the other, alternating for
``--rounds`` rounds so that a noisy neighbour hurts both alike: a fixed
duration at a fixed number of open connections, each request a
``POST /v1/check`` carrying one of many distinct real articles from
``../shared/corpus/articles.jsonl`` (read in place; converted with
``bench/corpus.py``), rotated so that no cache can flatter the figures.
The load comes from wrk (Debian package ``wrk``) when installed, else from a
Python load generator (which costs CPU on the same machine and so reads low).
Prints req/s, p50 and p99 for each, the throughput ratio, and the server
processes' CPU time per request (read from /proc), which other load on the
machine disturbs far less than req/s.
"""
from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path, where this
# file's name would hide the standard library's http package: drop it.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import http.client  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import urllib.request  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402

NOW = "2026-11-01T00:00:00+00:00"

WRK_SCRIPT = r"""
local bodies = {}
local counter = 0
local threads = {}

setup = function(thread)
  thread:set("offset", #threads * 7919)
  table.insert(threads, thread)
end

init = function(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
  counter = tonumber(offset) or 0
end

request = function()
  counter = counter + 1
  return wrk.format("POST", "/v1/check", {["Content-Type"] = "application/json"},
                    bodies[(counter % #bodies) + 1])
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "RESULT {\"requests\": %d, \"duration_us\": %d, \"p50_us\": %d, \"p99_us\": %d, " ..
    "\"max_us\": %d, \"non2xx\": %d, \"socket_errors\": %d}\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
"""


# -- the two servers ----------------------------------------------------------

def bare_app():
    from flask import Flask, jsonify, request

    app = Flask("bare")

    @app.post("/v1/check")
    def check():
        payload = request.get_json()
        return jsonify({"article_id": payload["article"]["id"], "ok": True})

    @app.get("/healthz")
    def healthz():
        return jsonify({"status": "ok"})

    return app


def run_server(kind: str, port: int, workers: int) -> None:
    from plugin.http.serve import serve

    if kind == "bare":
        serve("127.0.0.1", port, workers, factory=bare_app)
    else:
        serve("127.0.0.1", port, workers)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(kind: str, workers: int) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--serve", kind,
                             "--port", str(port), "--workers", str(workers)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                if response.status == 200:
                    return proc, port
        except OSError:
            time.sleep(0.2)
        if proc.poll() is not None:
            break
    proc.kill()
    raise SystemExit(f"the {kind} server did not start")


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a server: its master and every worker, so far.

    Neighbours on a shared machine change req/s and latency from run to run;
    the CPU a server spends per request does not depend on them, which makes
    it the steadier figure for the ratio.
    """
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            pids += [int(p) for p in fh.read().split()]
    except OSError:
        return float("nan")
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, IndexError, ValueError):
            continue
    return total


def stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# -- load -----------------------------------------------------------------------

def load_wrk(port: int, bodies: Path, script: Path, duration: int, connections: int) -> dict:
    out = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--timeout", "5s", "-s", str(script),
         f"http://127.0.0.1:{port}", "--", str(bodies)],
        capture_output=True, text=True, check=True).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("RESULT "))
    raw = json.loads(line[len("RESULT "):])
    return {"rps": raw["requests"] / (raw["duration_us"] / 1e6), "p50_ms": raw["p50_us"] / 1000,
            "p99_ms": raw["p99_us"] / 1000, "requests": raw["requests"],
            "errors": raw["non2xx"] + raw["socket_errors"]}


def load_python(port: int, bodies: list[bytes], duration: int, connections: int) -> dict:
    latencies: list[list[float]] = [[] for _ in range(connections)]
    errors = [0] * connections
    stop_at = time.perf_counter() + duration

    def worker(n: int) -> None:
        i = n * 7919
        while time.perf_counter() < stop_at:
            body = bodies[i % len(bodies)]
            i += 1
            started = time.perf_counter()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("POST", "/v1/check", body, {"Content-Type": "application/json"})
                response = conn.getresponse()
                response.read()
                conn.close()
                if response.status != 200:
                    errors[n] += 1
            except OSError:
                errors[n] += 1
            latencies[n].append(time.perf_counter() - started)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    every = sorted(x for per in latencies for x in per)
    return {"rps": len(every) / elapsed, "p50_ms": every[len(every) // 2] * 1000,
            "p99_ms": every[int(len(every) * 0.99)] * 1000, "requests": len(every),
            "errors": sum(errors)}


# -- main -----------------------------------------------------------------------

def _words(doc: dict) -> int:
    return sum(len((b.get("text") or b.get("caption") or "").split()) for b in doc["blocks"])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds of load per run (default 5)")
    parser.add_argument("--connections", type=int, default=4, help="open connections (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server (default 2)")
    parser.add_argument("--rounds", type=int, default=6, help="alternating rounds (default 6)")
    parser.add_argument("--min-words", type=int, default=700)
    parser.add_argument("--max-words", type=int, default=1400)
    parser.add_argument("--loader", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument("--serve", choices=("factcheck", "bare"), help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.serve:
        run_server(args.serve, args.port, args.workers)
        return 0

    records = corpus.load()
    if records is None:
        print(f"bench/http_throughput.py: no corpus at {corpus.CORPUS}; nothing to measure")
        return 0
    docs = [corpus.to_article(r) for r in records]
    docs = [d for d in docs if args.min_words <= _words(d) <= args.max_words]
    if len(docs) < 20:
        print(f"bench/http_throughput.py: only {len(docs)} articles of "
              f"{args.min_words}-{args.max_words} words")
        return 1
    from plugin.validation import is_valid

    docs = [d for d in docs if is_valid(d, "article")]
    words = [_words(d) for d in docs]
    bodies = [json.dumps({"article": d, "now": NOW}, ensure_ascii=False).encode() for d in docs]

    loader = args.loader
    if loader == "auto":
        loader = "wrk" if shutil.which("wrk") else "python"
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    try:
        bodies_file = tmp / "bodies.jsonl"
        bodies_file.write_bytes(b"\n".join(bodies) + b"\n")
        script = tmp / "rotate.lua"
        script.write_text(WRK_SCRIPT, encoding="utf-8")

        print(f"articles: {len(docs)} distinct, {min(words)}-{max(words)} words "
              f"(median {statistics.median(words):.0f}), median body "
              f"{statistics.median(len(b) for b in bodies) / 1024:.1f} KiB")
        print(f"servers: gunicorn, {args.workers} sync workers each, 127.0.0.1; load: {loader}, "
              f"{args.connections} connections, {args.duration} s per run, {args.rounds} rounds; "
              f"cores: {os.cpu_count()}")
        servers = {kind: start(kind, args.workers) for kind in ("bare", "factcheck")}
        runs: dict[str, list[dict]] = {"bare": [], "factcheck": []}
        try:
            for kind in ("bare", "factcheck"):  # warm-up: imports, first requests
                _run(loader, servers[kind][1], bodies, bodies_file, script, 2, args.connections)
            for n in range(args.rounds):
                for kind in ("bare", "factcheck"):
                    proc, port = servers[kind]
                    cpu_before = cpu_seconds(proc.pid)
                    figures = _run(loader, port, bodies, bodies_file, script,
                                   args.duration, args.connections)
                    figures["cpu_ms"] = ((cpu_seconds(proc.pid) - cpu_before) * 1000
                                         / max(1, figures["requests"]))
                    runs[kind].append(figures)
                    print(f"  round {n + 1} {kind:9s} {figures['rps']:8.0f} req/s  "
                          f"p50 {figures['p50_ms']:6.2f} ms  p99 {figures['p99_ms']:6.2f} ms  "
                          f"server CPU {figures['cpu_ms']:5.2f} ms/request  "
                          f"({figures['requests']} requests, {figures['errors']} errors)")
        finally:
            for proc, _port in servers.values():
                stop(proc)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    def med(kind: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[kind])

    ratios = [f["rps"] / b["rps"] for f, b in zip(runs["factcheck"], runs["bare"])]
    print()
    print(f"{'':10s} {'req/s':>8s} {'p50 ms':>8s} {'p99 ms':>8s} {'CPU ms/req':>11s}"
          f"   (medians over {args.rounds} rounds)")
    for kind in ("bare", "factcheck"):
        print(f"{kind:10s} {med(kind, 'rps'):8.0f} {med(kind, 'p50_ms'):8.2f} {med(kind, 'p99_ms'):8.2f} "
              f"{med(kind, 'cpu_ms'):11.3f}")
    ratio = statistics.median(ratios)
    print(f"throughput ratio factcheck/bare: {ratio:.2f} (per round: "
          f"{', '.join(f'{r:.2f}' for r in ratios)}); target >= 0.50 with p99 < 50 ms")
    print(f"server CPU per request, bare/factcheck (the throughput ratio on an idle machine): "
          f"{med('bare', 'cpu_ms') / med('factcheck', 'cpu_ms'):.2f}")
    errors = sum(r["errors"] for per in runs.values() for r in per)
    if errors:
        print(f"WARNING: {errors} failed requests")
    return 0


def _run(loader, port, bodies, bodies_file, script, duration, connections) -> dict:
    if loader == "wrk":
        return load_wrk(port, bodies_file, script, duration, connections)
    return load_python(port, bodies, duration, connections)


if __name__ == "__main__":
    sys.exit(main())
