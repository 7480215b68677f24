"""Reading a JSON request body safely: media type, size, syntax.

The size limit is the app's ``MAX_CONTENT_LENGTH``: werkzeug refuses a body
whose ``Content-Length`` is over it before anything is read (413), and when a
body comes without one (chunked) it stops reading at the limit and refuses it
then. Blueprints that need the raw bytes (a webhook verifying a signature)
use ``raw_body``; those that want the document use ``json_body``.
"""
from __future__ import annotations

import json
from typing import Any

from flask import request

from plugin.http.problems import ProblemError


def is_json_media_type(mimetype: str) -> bool:
    return mimetype == "application/json" or (
        mimetype.startswith("application/") and mimetype.endswith("+json"))


def raw_body(*, require_json: bool = True) -> bytes:
    if require_json and not is_json_media_type(request.mimetype):
        given = request.mimetype or "none"
        raise ProblemError(415, f"The body must be JSON sent as Content-Type: application/json "
                                f"(this request's type: {given}).",
                           headers={"Accept-Post": "application/json"})
    charset = request.mimetype_params.get("charset")
    if charset and charset.lower().replace("-", "") != "utf8":
        raise ProblemError(415, f"JSON bodies must be UTF-8 (this request says charset={charset}).")
    # get_data() goes through werkzeug's limited stream: 413 past MAX_CONTENT_LENGTH.
    return request.get_data(cache=True)


def json_body() -> Any:
    data = raw_body()
    if not data.strip():
        raise ProblemError(400, "The request body is empty; send a JSON document.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProblemError(400, f"The body is not UTF-8 text (invalid byte at offset {exc.start}).") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProblemError(400, f"The body is not valid JSON: {exc.msg} at line {exc.lineno}, "
                                f"column {exc.colno}.") from None
    except RecursionError:
        raise ProblemError(400, "The body is not acceptable JSON: it is nested too deeply.") from None
