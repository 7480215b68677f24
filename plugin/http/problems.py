"""Every error as ``application/problem+json`` (RFC 9457).

Handlers are registered on the app, not on a blueprint, so they answer for
every blueprint (the webhooks and the sidebar too): a view raises
``ProblemError`` (or any werkzeug ``HTTPException``) and the client gets
``{"type", "title", "status", "detail"}`` plus, for validation failures,
``errors: [{"pointer", "message"}]`` listing every problem. An unexpected
exception is logged with its traceback and answered with a bare 500 that
names the request id and nothing else.
"""
from __future__ import annotations

import logging
from typing import Any, Iterable

from flask import Flask, Response, g, json
from werkzeug.exceptions import HTTPException

from plugin.validation import Problem

MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "https://factcheck.invalid/problems/"

log = logging.getLogger("factcheck.http")

# status -> (type slug, title); the slug makes a stable "type" URI per kind.
_KINDS = {
    400: ("malformed-request", "Malformed request"),
    401: ("unauthorized", "Unauthorized"),
    403: ("forbidden", "Forbidden"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    406: ("not-acceptable", "Not acceptable"),
    409: ("conflict", "Conflict"),
    413: ("body-too-large", "Request body too large"),
    415: ("unsupported-media-type", "Unsupported media type"),
    422: ("invalid-request", "Invalid request"),
    429: ("too-many-requests", "Too many requests"),
    500: ("internal-error", "Internal error"),
    503: ("unavailable", "Service unavailable"),
}


class ProblemError(Exception):
    """Raise from any view to answer with a problem document."""

    def __init__(self, status: int, detail: str, *, title: str | None = None,
                 type_: str | None = None, errors: Iterable[Problem] = (),
                 headers: dict[str, str] | None = None, **extensions: Any):
        super().__init__(detail)
        slug, default_title = _KINDS.get(status, ("error", "Error"))
        self.status = status
        self.detail = detail
        self.title = title or default_title
        self.type = type_ or TYPE_BASE + slug
        self.errors = list(errors)
        self.headers = headers or {}
        self.extensions = extensions


def invalid(problems: Iterable[Problem], detail: str | None = None, *,
            title: str = "Invalid request", slug: str = "invalid-request") -> ProblemError:
    """422 listing every problem, each with its JSON pointer."""
    problems = list(problems)
    if detail is None:
        count = len(problems)
        detail = f"The request has {count} problem{'s' if count != 1 else ''}; see errors."
    return ProblemError(422, detail, title=title, type_=TYPE_BASE + slug, errors=problems)


def problem_response(exc: ProblemError) -> Response:
    body: dict[str, Any] = {"type": exc.type, "title": exc.title, "status": exc.status,
                            "detail": exc.detail}
    request_id = g.get("request_id")
    if request_id:
        body["instance"] = f"urn:request:{request_id}"
    if exc.errors:
        body["errors"] = [p.to_json() for p in exc.errors]
    body.update(exc.extensions)
    response = Response(json.dumps(body), status=exc.status, mimetype=MEDIA_TYPE)
    for key, value in exc.headers.items():
        response.headers[key] = value
    return response


def _from_http_exception(exc: HTTPException) -> ProblemError:
    status = exc.code or 500
    detail = exc.description or ""
    headers: dict[str, str] = {}
    if status == 405 and getattr(exc, "valid_methods", None):
        headers["Allow"] = ", ".join(exc.valid_methods)
    if status == 404:
        detail = "There is nothing at this address; GET /openapi.json lists the endpoints."
    elif status == 405:
        detail = f"This endpoint does not accept that method; use {headers.get('Allow', 'another method')}."
    elif status == 413:
        detail = "The request body is larger than this server accepts."
    return ProblemError(status, detail, headers=headers)


def init_app(app: Flask) -> None:
    @app.errorhandler(ProblemError)
    def _problem(exc: ProblemError):
        return problem_response(exc)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        if exc.code is None:  # a RequestRedirect and the like carry their own response
            return exc
        if 300 <= exc.code < 400:
            return exc
        return problem_response(_from_http_exception(exc))

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        log.error("unhandled error", exc_info=exc)
        return problem_response(ProblemError(
            500, "The server failed to answer this request. The failure is logged under this "
                 "request's id."))
