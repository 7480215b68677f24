"""Webhook round trips in-process: verify, adapt, check, store, answer.

    python -m bench.webhooks [--requests N] [--store-dir DIR]

First the CPU cost alone: adapt each fixture payload and run every check. Then,
for each source, posts the test fixture payload N times (each a new signed
delivery, so nothing is answered from the idempotency records) through the
app's test client onto a SQLite store in a temporary directory, and prints the
median and 99th-percentile time per request. Then queues N callbacks and times
how long the outbox takes to deliver them to a receiver on 127.0.0.1.
"""
from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from checks.engine import run_checks
from plugin import create_app
from plugin.adapters.arc import adapt_arc
from plugin.adapters.ghost import adapt_ghost
from plugin.adapters.wordpress import adapt_wordpress
from plugin.webhooks import get_outbox
from plugin.webhooks.signatures import sign_ghost, sign_github, standard_headers
from plugin.webhooks.views import _generic

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "cms"
STANDARD = "whsec_" + "YmVuY2htYXJrLXNlY3JldC1mb3ItdGhlLXdlYmhvb2tz"
CALLBACK = "whsec_" + "YmVuY2htYXJrLWNhbGxiYWNrLXNpZ25pbmcta2V5LTAx"


def _headers(source: str, body: bytes, n: int, now: float) -> dict:
    if source == "arc":
        return standard_headers(STANDARD, f"msg_{n}", int(now), body)
    if source == "wordpress":
        return {"X-Hub-Signature-256": sign_github("bench", body), "X-GitHub-Delivery": f"d{n}"}
    if source == "ghost":
        return {"X-Ghost-Signature": sign_ghost("bench", body, int(now * 1000)), "Idempotency-Key": f"k{n}"}
    return {"Idempotency-Key": f"k{n}"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--store-dir", help="where to put the SQLite file (default: a temporary directory)")
    args = parser.parse_args()
    payloads = {"arc": "arc/story.json", "wordpress": "wordpress/post-blocks.json",
                "ghost": "ghost/post.edited.json", "generic": "generic/article.json"}
    with tempfile.TemporaryDirectory(dir=args.store_dir) as tmp:
        app = create_app({
            "STORE_PATH": str(Path(tmp) / "bench.sqlite3"), "CALLBACK_SECRET": CALLBACK,
            "CALLBACK_WORKER": False, "CALLBACK_ALLOW_HTTP": True,
            "CALLBACK_ALLOW_NETWORKS": ["127.0.0.1/32"],
            "WEBHOOK_SOURCES": {"arc": {"scheme": "standard", "secrets": [STANDARD]},
                                "wordpress": {"scheme": "github", "secrets": ["bench"]},
                                "ghost": {"scheme": "ghost", "secrets": ["bench"]},
                                "generic": {"scheme": "none"}}})
        client = app.test_client()
        adapt = {"arc": adapt_arc, "wordpress": adapt_wordpress, "ghost": adapt_ghost,
                 "generic": lambda data, source: _generic(data, source=source)}
        print("adapt + check only (no HTTP, no store), median ms over the same payloads:")
        for source, name in payloads.items():
            data = json.loads((FIXTURES / name).read_bytes())
            now = datetime.now(timezone.utc)
            times = []
            for _ in range(args.requests):
                started = time.perf_counter()
                run_checks(adapt[source](data, source="-").article, now=now)
                times.append((time.perf_counter() - started) * 1000)
            print(f"  {source:<10} {statistics.median(times):>8.2f}")
        print(f"{'source':<10} {'bytes':>6} {'median ms':>10} {'p99 ms':>8}"
              f"  ({args.requests} signed deliveries each)")
        for source, name in payloads.items():
            body = (FIXTURES / name).read_bytes()
            times = []
            for n in range(args.requests):
                headers = _headers(source, body, n, time.time())
                started = time.perf_counter()
                response = client.post(f"/v1/webhooks/{source}", data=body, headers=headers,
                                       content_type="application/json")
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (source, response.status_code, response.get_json())
            times.sort()
            print(f"{source:<10} {len(body):>6} {statistics.median(times):>10.2f} "
                  f"{times[int(len(times) * 0.99) - 1]:>8.2f}")

        received = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                received.append(self.rfile.read(int(self.headers["Content-Length"])))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *a):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/hook"
        body = (FIXTURES / "generic/article.json").read_bytes()
        for n in range(args.requests):
            client.post(f"/v1/webhooks/generic?callback_url={url}", data=body,
                        headers={"Idempotency-Key": f"cb{n}"}, content_type="application/json")
        outbox = get_outbox(app)
        started = time.perf_counter()
        while outbox.run_pending(limit=50):
            pass
        elapsed = time.perf_counter() - started
        server.shutdown()
        print(f"callbacks: {len(received)} delivered to 127.0.0.1 in {elapsed * 1000:.0f} ms "
              f"({elapsed * 1000 / max(1, len(received)):.2f} ms each, one sender thread)")


if __name__ == "__main__":
    main()
