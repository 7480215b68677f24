"""Request ids, JSON-lines logs and per-request metrics, for every blueprint.

Each request gets an id: the caller's ``X-Request-ID`` when it is sane (1-128
characters of letters, digits and ``._:-``), else a fresh one. It is returned
in the ``X-Request-ID`` response header and stamped on every log line written
while the request runs, including the engine's report of a failing check.
"""
from __future__ import annotations

import json
import logging
import random
import re
import sys
import time
import traceback
from datetime import datetime, timezone
from typing import Any

from flask import Flask, Response, g, has_request_context, request

from plugin.http.metrics import Metrics

REQUEST_ID_HEADER = "X-Request-ID"
_SANE_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")

access_log = logging.getLogger("factcheck.access")

# Attributes every LogRecord has; anything else was passed as ``extra=``.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}

# json.dumps(..., ensure_ascii=False, default=str) builds this encoder anew for every line.
_encode_line = json.JSONEncoder(ensure_ascii=False, default=str).encode


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, message, request_id, extras."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None)
        if request_id is None and has_request_context():
            request_id = g.get("request_id")
        if request_id is not None:
            out["request_id"] = request_id
        for key, value in record.__dict__.items():
            if key not in _STANDARD and key not in out:
                out[key] = value
        if record.exc_info:
            out["exception"] = "".join(traceback.format_exception(*record.exc_info)).rstrip()
        return _encode_line(out)


def configure_logging(level: str, stream=None) -> logging.Handler:
    """Send the ``factcheck`` loggers to ``stream`` (stderr) as JSON lines, once per process."""
    logger = logging.getLogger("factcheck")
    for old in [h for h in logger.handlers if getattr(h, "_factcheck_json", False)]:
        logger.removeHandler(old)
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    handler.setFormatter(JsonLinesFormatter())
    handler._factcheck_json = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(level)
    return handler


def new_request_id() -> str:
    # 128 random bits as 32 hex digits, like a uuid4 without its cost; the
    # random module reseeds itself in each forked worker, so ids stay unique.
    return "%032x" % random.getrandbits(128)


def init_app(app: Flask) -> Metrics:
    metrics = Metrics()
    app.extensions["factcheck.metrics"] = metrics

    # Below, g and request are looked up once per hook: each use of the proxies
    # costs a context lookup, and these hooks run on every request.
    @app.before_request
    def _start() -> None:
        request_g = g._get_current_object()
        request_g.started = time.perf_counter()
        given = request.headers.get(REQUEST_ID_HEADER, "")
        request_g.request_id = given if _SANE_ID.match(given) else new_request_id()

    @app.after_request
    def _finish(response: Response) -> Response:
        request_g, req = g._get_current_object(), request._get_current_object()
        request_id = request_g.get("request_id") or new_request_id()
        response.headers[REQUEST_ID_HEADER] = request_id
        started = request_g.get("started")
        seconds = time.perf_counter() - started if started is not None else 0.0
        rule = req.url_rule
        endpoint = rule.rule if rule is not None else "unmatched"
        status = response.status_code
        metrics.observe_request(endpoint, req.method, status, seconds)
        if app.config.get("ACCESS_LOG", True) and access_log.isEnabledFor(logging.INFO):
            access_log.info("request", extra={
                "method": req.method, "path": req.path, "endpoint": endpoint,
                "status": status, "duration_ms": round(seconds * 1000, 3)})
        return response

    return metrics
