"""CORS for the browser callers (the sidebar runs on the CMS's origin).

Only origins listed in ``CORS_ORIGINS`` (or any, with ``"*"``) get the
``Access-Control-Allow-*`` headers; a preflight (``OPTIONS`` with
``Access-Control-Request-Method``) to a known route is answered 204 here,
before any view runs.
"""
from __future__ import annotations

from flask import Flask, Response, request

ALLOWED_HEADERS = ("Content-Type", "X-Request-ID", "Idempotency-Key", "Authorization")
EXPOSED_HEADERS = ("X-Request-ID",)


def _allowed_origin(app: Flask) -> str | None:
    allowed = app.config.get("CORS_ORIGINS")
    if not allowed:  # the default: no header to read
        return None
    origin = request.headers.get("Origin")
    if not origin:
        return None
    if "*" in allowed or origin.rstrip("/") in allowed:
        return origin
    return None


def init_app(app: Flask) -> None:
    @app.before_request
    def _preflight():
        if request.method != "OPTIONS" or "Access-Control-Request-Method" not in request.headers:
            return None
        if request.url_rule is None:
            return None  # unknown address or method: the usual 404/405
        response = Response(status=204)
        origin = _allowed_origin(app)
        if origin is not None:
            methods = sorted(m for m in (request.url_rule.methods or ()) if m != "HEAD")
            response.headers["Access-Control-Allow-Methods"] = ", ".join(methods)
            response.headers["Access-Control-Allow-Headers"] = ", ".join(ALLOWED_HEADERS)
            response.headers["Access-Control-Max-Age"] = str(app.config.get("CORS_MAX_AGE", 600))
        return response

    @app.after_request
    def _headers(response: Response) -> Response:
        # Plain header edits: response.vary parses and re-serialises a header set.
        vary = response.headers.get("Vary")
        if not vary:
            response.headers["Vary"] = "Origin"
        elif "origin" not in vary.lower():
            response.headers["Vary"] = f"{vary}, Origin"
        origin = _allowed_origin(app)
        if origin is not None:
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Expose-Headers"] = ", ".join(EXPOSED_HEADERS)
        return response
