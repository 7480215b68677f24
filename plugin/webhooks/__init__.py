"""CMS webhooks, stored results and callbacks (issue 4).

``init_app(app)`` registers the blueprint (``POST /v1/webhooks/<source>`` and
``GET /v1/articles/<id>/result``), the store and the callback outbox. Nothing is
opened or started until it is needed: the SQLite file is created on the first
stored result, and the outbox worker starts when a callback is queued, or at
the first request when the store already holds callbacks still pending (the
process restarted with deliveries in flight).

Configuration (``app.config``; see docs/webhooks.md):

- ``WEBHOOK_SOURCES``: per source (``arc``, ``wordpress``, ``ghost``, ``generic``):
  ``{"scheme": "standard"|"github"|"ghost"|"none", "secrets": [...], "async": bool,
  "callback_url": str, "checks": [ids]}``. A source that is not listed is refused.
- ``WEBHOOK_TOLERANCE_SECONDS`` (300), ``WEBHOOK_MAX_BODY_BYTES`` (5 MiB),
  ``WEBHOOK_CLOCK`` (a function returning Unix seconds; tests inject one).
- ``STORE_PATH`` (default ``<instance_path>/factcheck.sqlite3``) or ``STORE`` (an instance);
  ``STORE_RETENTION_SECONDS`` (30 days): how long delivery ids and finished callbacks are kept.
- ``CALLBACK_SECRET`` (``whsec_...``, or a list while rotating), ``CALLBACK_MAX_ATTEMPTS`` (8),
  ``CALLBACK_BACKOFF_BASE_SECONDS`` (5), ``CALLBACK_BACKOFF_MAX_SECONDS`` (21600),
  ``CALLBACK_TIMEOUT_SECONDS`` ([5, 15]: connect, read), ``CALLBACK_ALLOW_NETWORKS`` ([]),
  ``CALLBACK_ALLOW_HTTP`` (false), ``CALLBACK_WORKER`` (true), ``CALLBACK_POLL_SECONDS`` (1),
  ``CALLBACK_CLOCK`` (defaults to ``WEBHOOK_CLOCK``), ``CALLBACK_RESOLVER`` (tests).
"""
from __future__ import annotations

import os
import time

from flask import Flask, current_app

EXTENSION = "factcheck.outbox"


def clock(app: Flask | None = None):
    app = app or current_app
    return app.config.get("WEBHOOK_CLOCK") or time.time


def get_outbox(app: Flask | None = None):
    """The app's callback outbox (created on first use)."""
    from plugin.callbacks import AddressGuard, Outbox
    from plugin.store import get_store

    app = app or current_app
    outbox = app.extensions.get(EXTENSION)
    if outbox is None:
        config = app.config
        networks = config.get("CALLBACK_ALLOW_NETWORKS") or ()
        guard = AddressGuard([networks] if isinstance(networks, str) else networks,
                             resolver=config.get("CALLBACK_RESOLVER"),
                             allow_http=bool(config.get("CALLBACK_ALLOW_HTTP", False)))
        outbox = Outbox(
            get_store(app),
            secret=config.get("CALLBACK_SECRET"),
            guard=guard,
            clock=config.get("CALLBACK_CLOCK") or clock(app),
            max_attempts=int(config.get("CALLBACK_MAX_ATTEMPTS", 8)),
            backoff_base=float(config.get("CALLBACK_BACKOFF_BASE_SECONDS", 5.0)),
            backoff_max=float(config.get("CALLBACK_BACKOFF_MAX_SECONDS", 6 * 3600)),
            timeout=tuple(config.get("CALLBACK_TIMEOUT_SECONDS", (5.0, 15.0))),
            retention_seconds=float(config.get("STORE_RETENTION_SECONDS", 30 * 86400)),
        )
        app.extensions[EXTENSION] = outbox
    return outbox


def start_worker(app: Flask) -> None:
    if app.config.get("CALLBACK_WORKER", True):
        get_outbox(app).start(float(app.config.get("CALLBACK_POLL_SECONDS", 1.0)))


def init_app(app: Flask) -> None:
    from plugin.http import openapi
    from plugin.store import SQLiteStore, get_store
    from plugin.webhooks.views import bp, openapi_paths

    app.register_blueprint(bp)
    openapi.add_paths(app, openapi_paths())
    started: dict[str, int] = {}

    @app.before_request
    def _resume_pending_callbacks() -> None:
        # Once per process (gunicorn forks after import): resume callbacks left pending.
        if started.get("pid") == os.getpid():
            return
        started["pid"] = os.getpid()
        store = get_store(app)
        if isinstance(store, SQLiteStore) and not store.exists():
            return
        if store.next_due() is not None:
            start_worker(app)
