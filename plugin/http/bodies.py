"""Reading a JSON request body safely: media type, size, syntax.

The size limit is the app's ``MAX_CONTENT_LENGTH``: werkzeug refuses a body
whose ``Content-Length`` is over it before anything is read (413). A body sent
without one (chunked; the server marks its end with ``wsgi.input_terminated``)
is read here in chunks and refused as soon as it passes the limit: werkzeug
alone would hand back the first ``MAX_CONTENT_LENGTH`` bytes, silently cut.
Blueprints that need the raw bytes (a webhook verifying a signature) use
``raw_body``; those that want the document use ``json_body``.
"""
from __future__ import annotations

import json
from typing import Any

from flask import g, request

from plugin.http.problems import ProblemError, invalid
from plugin.validation import has_surrogate_escape, lone_surrogates


def is_json_media_type(mimetype: str) -> bool:
    return mimetype == "application/json" or (
        mimetype.startswith("application/") and mimetype.endswith("+json"))


def raw_body(*, require_json: bool = True) -> bytes:
    req = request._get_current_object()  # one context lookup, not one per attribute
    if require_json and not is_json_media_type(req.mimetype):
        given = req.mimetype or "none"
        raise ProblemError(415, f"The body must be JSON sent as Content-Type: application/json "
                                f"(this request's type: {given}).",
                           headers={"Accept-Post": "application/json"})
    charset = req.mimetype_params.get("charset")
    if charset and charset.lower().replace("-", "") != "utf8":
        raise ProblemError(415, f"JSON bodies must be UTF-8 (this request says charset={charset}).")
    cached = g.get("raw_body")
    if cached is not None:
        return cached
    limit = req.max_content_length
    if req.content_length is None and limit is not None and req.environ.get("wsgi.input_terminated"):
        data = _read_capped(req.environ["wsgi.input"], limit)
    else:
        # A Content-Length over the limit raises 413 here, before anything is read.
        data = req.get_data(cache=True)
    g.raw_body = data
    return data


def _read_capped(stream, limit: int, chunk: int = 64 * 1024) -> bytes:
    parts: list[bytes] = []
    total = 0
    while True:
        part = stream.read(min(chunk, limit + 1 - total))
        if not part:
            return b"".join(parts)
        total += len(part)
        if total > limit:
            raise ProblemError(413, "The request body is larger than this server accepts.")
        parts.append(part)


def json_body() -> Any:
    data = raw_body()
    if not data.strip():
        raise ProblemError(400, "The request body is empty; send a JSON document.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProblemError(400, f"The body is not UTF-8 text (invalid byte at offset {exc.start}).") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProblemError(400, f"The body is not valid JSON: {exc.msg} at line {exc.lineno}, "
                                f"column {exc.colno}.") from None
    except RecursionError:
        raise ProblemError(400, "The body is not acceptable JSON: it is nested too deeply.") from None
    except ValueError:  # an integer past Python's digit limit (4,300 digits)
        raise ProblemError(400, "The body is not acceptable JSON: it holds a number with too many "
                                "digits.") from None
    if has_surrogate_escape(data):
        surrogates = lone_surrogates(doc)
        if surrogates:
            raise invalid(surrogates)
    return doc
