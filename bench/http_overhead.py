"""What a /v1/check request costs outside the checks: CPU per request, in-process.

    python bench/http_overhead.py [--rounds 7] [--min-words 700] [--max-words 1400] [--with-store]

Sends the corpus articles bench/http_throughput.py uses (read in place from
``../shared/corpus``) straight into the WSGI app, no server or sockets, and
measures process CPU time per request for:

- ``bare``: bench/http_throughput.py's bare Flask JSON endpoint;
- ``no findings``: this service with every family's run replaced by one that
  finds nothing: parsing, validation, the article model, metrics, the log,
  hooks and encoding, no checking;
- ``replayed``: every family's run replaced by a replay of what it really finds
  on that article (computed beforehand), so annotations, ids, the per-family
  metrics and the larger answer are paid too, the checks themselves not.

As under ``factcheck serve`` with two workers, Prometheus runs in multiprocess
mode and the start-up heap is frozen. ``--with-store`` first creates the
SQLite store file (one dismissal of another article), as on a server that has
seen a dismissal or a webhook. Prints the best of ``--rounds`` passes.
"""
from __future__ import annotations

import argparse
import dataclasses
import gc
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp(prefix="factcheck-metrics-"))

from bench import corpus  # noqa: E402
from bench.http_throughput import NOW, _words, bare_app  # noqa: E402


def _environ(body: bytes) -> dict:
    return {
        "REQUEST_METHOD": "POST", "SCRIPT_NAME": "", "PATH_INFO": "/v1/check", "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1:8000", "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(body)), "wsgi.input": io.BytesIO(body), "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr, "wsgi.multithread": False, "wsgi.multiprocess": True,
        "wsgi.run_once": False, "wsgi.version": (1, 0), "REMOTE_ADDR": "127.0.0.1",
    }


def cpu_per_request(app, bodies: list[bytes], rounds: int) -> float:
    """Best CPU milliseconds per request over ``rounds`` passes through every body."""
    statuses = set()

    def start_response(status, headers, exc_info=None):
        statuses.add(status)

    def one(body: bytes) -> None:
        out = app(_environ(body), start_response)
        b"".join(out)
        getattr(out, "close", lambda: None)()

    for body in bodies[:20]:  # first requests: lazy imports, caches
        one(body)
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for body in bodies:
            one(body)
        best = min(best, (time.process_time() - started) * 1000 / len(bodies))
    if statuses != {"200 OK"}:
        raise SystemExit(f"unexpected answers: {sorted(statuses)}")
    return best


def factcheck_app(docs: list[dict], replay: bool, store: str):
    """The service, each family's run answering from ``_REPLAY`` (filled when ``replay``)."""
    from datetime import datetime

    from checks import registry
    from checks.engine import Context
    from plugin import create_app
    from plugin.adapters.generic import article_from_json
    from plugin.http import observe

    app = create_app({"STORE_PATH": store})
    observe.configure_logging(app.config["LOG_LEVEL"], stream=open(os.devnull, "w"))
    families = registry._registry()
    _REAL_RUNS.update({f.id: f.run for f in families.values() if f.id not in _REAL_RUNS})
    _REPLAY.clear()
    if replay:
        context = Context(now=datetime.fromisoformat(NOW))
        for doc in docs:
            article = article_from_json(doc)
            for family_id, run in _REAL_RUNS.items():
                _REPLAY[(doc["id"], family_id)] = list(run(article, context))
    for family in list(families.values()):
        families[family.id] = dataclasses.replace(
            family, run=lambda article, ctx, fid=family.id: _REPLAY.get((article.id, fid), []))
    return app


_REAL_RUNS: dict = {}
_REPLAY: dict[tuple[str, str], list] = {}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--min-words", type=int, default=700)
    parser.add_argument("--max-words", type=int, default=1400)
    parser.add_argument("--with-store", action="store_true")
    args = parser.parse_args(argv)

    records = corpus.load()
    if records is None:
        print(f"bench/http_overhead.py: no corpus at {corpus.CORPUS}; nothing to measure")
        return 0
    from plugin.validation import is_valid

    docs = [corpus.to_article(r) for r in records]
    docs = [d for d in docs if args.min_words <= _words(d) <= args.max_words and is_valid(d, "article")]
    bodies = [json.dumps({"article": d, "now": NOW}, ensure_ascii=False).encode() for d in docs]

    store = os.path.join(tempfile.mkdtemp(prefix="factcheck-store-"), "factcheck.sqlite3")
    if args.with_store:
        from plugin.dismissals import DismissalStore

        DismissalStore(store).dismiss("another-article", "fc_" + "0" * 20, "bench", None,
                                      "2026-01-01T00:00:00Z")
    # Each mode in its own app; the registry is patched in place, so replay comes last.
    apps = {"bare": bare_app(), "no findings": factcheck_app(docs, False, store)}
    gc.collect()
    gc.freeze()
    figures = {kind: cpu_per_request(app, bodies, args.rounds) for kind, app in apps.items()}
    figures["replayed"] = cpu_per_request(factcheck_app(docs, True, store), bodies, args.rounds)

    print(f"{len(bodies)} articles of {args.min_words}-{args.max_words} words; best of {args.rounds} "
          f"passes; store file: {'yes' if args.with_store else 'no'}")
    for kind, ms in figures.items():
        print(f"  {kind:12s} {ms:6.3f} ms CPU/request  ({ms / figures['bare']:.2f}x bare)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
