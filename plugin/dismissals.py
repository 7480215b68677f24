"""Dismissals that persist: an editor marks a finding as not a problem.

    POST   /v1/articles/<article_id>/dismissals                  {"annotation_id", "reason"?, "who"}
    DELETE /v1/articles/<article_id>/dismissals/<annotation_id>   {"who"} in the body or ?who=
    DELETE /v1/articles/<article_id>/dismissals                   {"annotation_id", "who"}
    GET    /v1/articles/<article_id>/dismissals                   what is dismissed now
    GET    /v1/articles/<article_id>/dismissals/audit             every dismiss and undo, oldest first

Article ids may hold slashes (``news/2025/harbour``): the routes take the
whole path before ``/dismissals``. A dismissal is keyed by article id and annotation id. Annotation ids are
fingerprints of the flagged text (``checks.annotation.assign_ids``), so a
dismissal keeps applying to later revisions of the draft for as long as the
flagged text is unchanged, and stops applying when that text is edited.

``/v1/check`` leaves dismissed findings out of its answer (and out of the
summary counts); ``?include_dismissed=true`` keeps them, marked
``"dismissed": true``. See ``apply``.

Storage: two tables of their own in the SQLite file at config ``STORE_PATH``
(the file the webhook result store uses too). ``dismissals`` holds what is
dismissed now; ``dismissal_audit`` is append-only: who dismissed or restored
what, when and why. Times come from the server's clock (config ``CLOCK``, a
callable returning an aware datetime, lets tests fix it), never from the
client, so the trail cannot be back-dated.
"""
from __future__ import annotations

import hmac
import os
import re
import sqlite3
import threading
from contextlib import closing, contextmanager
from datetime import datetime, timezone
from typing import Any, Iterator

from flask import Blueprint, Flask, abort, current_app, jsonify, request

from plugin.validation import Problem, has_surrogate_escape, lone_surrogates

bp = Blueprint("dismissals", __name__)

ANNOTATION_ID = re.compile(r"^fc_[0-9a-f]{20}$")
MAX_ARTICLE_ID = 200  # as in schemas/article.schema.json
MAX_WHO = 200
MAX_REASON = 2000
TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}

AUDIT_INSERT = ("INSERT INTO dismissal_audit (article_id, annotation_id, action, who, reason, at)"
                " VALUES (?, ?, ?, ?, ?, ?)")

SCHEMA = """
CREATE TABLE IF NOT EXISTS dismissals (
    article_id    TEXT NOT NULL,
    annotation_id TEXT NOT NULL,
    who           TEXT NOT NULL,
    reason        TEXT,
    dismissed_at  TEXT NOT NULL,
    PRIMARY KEY (article_id, annotation_id)
);
CREATE TABLE IF NOT EXISTS dismissal_audit (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id    TEXT NOT NULL,
    annotation_id TEXT NOT NULL,
    action        TEXT NOT NULL CHECK (action IN ('dismiss', 'undo')),
    who           TEXT NOT NULL,
    reason        TEXT,
    at            TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dismissal_audit_by_article ON dismissal_audit (article_id, seq);
"""


# -- the store ---------------------------------------------------------------
# Read connections a forked worker inherited: SQLite forbids using or closing
# them in the child, so they are only kept from the collector.
_INHERITED_READERS: list = []


class DismissalStore:
    """Dismissals and their audit trail in one SQLite file.

    A connection per write keeps it safe under threaded and multi-process
    servers; SQLite's own locking serialises writers. Reads of the dismissals
    (one per checked article) go through a connection kept per thread.
    """

    def __init__(self, path: str):
        self.path = path
        self._ready = False
        self._lock = threading.Lock()
        self._readers = threading.local()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 10000")
        return conn

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._ensure_schema()
        with closing(self._connect()) as conn:
            with conn:  # commit on success, roll back on error
                yield conn

    def _ensure_schema(self) -> None:
        if self._ready:
            return
        with self._lock:
            if self._ready:
                return
            directory = os.path.dirname(os.path.abspath(self.path))
            os.makedirs(directory, exist_ok=True)
            with closing(self._connect()) as conn:
                conn.executescript(SCHEMA)
            self._ready = True

    def dismissed_ids(self, article_id: str) -> dict[str, dict]:
        """Current dismissals of one article, by annotation id (no file, none)."""
        if not self._ready and not os.path.exists(self.path):
            return {}  # reading must not create the store
        self._ensure_schema()
        rows = self._reader().execute(
            "SELECT annotation_id, who, reason, dismissed_at FROM dismissals"
            " WHERE article_id = ? ORDER BY dismissed_at, annotation_id", (article_id,)).fetchall()
        return {r["annotation_id"]: _dismissal_json(article_id, r) for r in rows}

    def _reader(self) -> sqlite3.Connection:
        """A connection kept open for reads, one per thread and process.

        Every /v1/check reads here once the file exists: opening a connection
        (file, schema parse) costs ~150 µs, a read on an open one ~2 µs. In
        autocommit each SELECT sees the latest commit of any process. The file's
        identity is checked on each read so that a file replaced underneath (a
        restored backup) is reopened, as a fresh connection per read would.
        """
        try:
            stat = os.stat(self.path)
            file = (stat.st_dev, stat.st_ino)
        except OSError:
            file = None  # gone: a fresh connection each time, as before
        pid = os.getpid()
        readers = self._readers
        conn = getattr(readers, "conn", None)
        if conn is not None and readers.pid == pid and file is not None and readers.file == file:
            return conn
        if conn is not None:
            if readers.pid == pid:
                conn.close()
            else:  # opened before a fork: the parent's, never to be closed here
                _INHERITED_READERS.append(conn)
        readers.conn, readers.pid, readers.file = self._connect(), pid, file
        return readers.conn

    def dismiss(self, article_id: str, annotation_id: str, who: str, reason: str | None,
                at: str) -> tuple[dict, bool]:
        """Record a dismissal; returns (record, created). Re-dismissing updates who and why."""
        with self._transaction() as conn:
            old = conn.execute("SELECT who, reason, dismissed_at FROM dismissals"
                               " WHERE article_id = ? AND annotation_id = ?",
                               (article_id, annotation_id)).fetchone()
            if old is not None and old["who"] == who and old["reason"] == reason:
                return _dismissal_json(article_id, {"annotation_id": annotation_id, **dict(old)}), False
            conn.execute(
                "INSERT INTO dismissals (article_id, annotation_id, who, reason, dismissed_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id, annotation_id)"
                " DO UPDATE SET who = excluded.who, reason = excluded.reason,"
                " dismissed_at = excluded.dismissed_at",
                (article_id, annotation_id, who, reason, at))
            conn.execute(AUDIT_INSERT, (article_id, annotation_id, "dismiss", who, reason, at))
        record = {"annotation_id": annotation_id, "who": who, "reason": reason, "dismissed_at": at}
        return _dismissal_json(article_id, record), old is None

    def undo(self, article_id: str, annotation_id: str, who: str, at: str) -> bool:
        """Lift a dismissal; False when there was none."""
        with self._transaction() as conn:
            gone = conn.execute("DELETE FROM dismissals WHERE article_id = ? AND annotation_id = ?",
                                (article_id, annotation_id)).rowcount
            if gone:
                conn.execute(AUDIT_INSERT, (article_id, annotation_id, "undo", who, None, at))
        return bool(gone)

    def audit(self, article_id: str) -> list[dict]:
        if not self._ready and not os.path.exists(self.path):
            return []
        with self._transaction() as conn:
            rows = conn.execute("SELECT seq, annotation_id, action, who, reason, at FROM dismissal_audit"
                                " WHERE article_id = ? ORDER BY seq", (article_id,)).fetchall()
        return [dict(r) for r in rows]


def _dismissal_json(article_id: str, row: Any) -> dict:
    return {"article_id": article_id, "annotation_id": row["annotation_id"], "who": row["who"],
            "reason": row["reason"], "dismissed_at": row["dismissed_at"]}


def store_path(app: Flask) -> str:
    path = app.config.get("STORE_PATH")
    return str(path) if path else os.path.join(app.instance_path, "factcheck.sqlite3")


def get_store(app: Flask | None = None) -> DismissalStore:
    """The app's store (one per app and path; the lead unifies it with the result store)."""
    app = app or current_app._get_current_object()  # one context lookup, not four
    path = store_path(app)
    stores: dict = app.extensions.setdefault("factcheck.dismissals", {})
    if path not in stores:
        stores[path] = DismissalStore(path)
    return stores[path]


def _now() -> str:
    clock = current_app.config.get("CLOCK")
    moment = clock() if clock else datetime.now(timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


# -- /v1/check integration ------------------------------------------------------
def include_flag(args: Any) -> bool:
    """``include_dismissed`` from the query string; a value that is not a yes/no is a 400."""
    if "include_dismissed" not in args:  # werkzeug's get() raises and catches a KeyError for it
        return False
    raw = args.get("include_dismissed")
    if raw is None:
        return False
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    abort(problem(400, "Bad request", [Problem(
        "/include_dismissed", f"query parameter include_dismissed must be true or false, not {raw!r}")]))


def apply(result: dict, args: Any = None) -> dict:
    """Drop (or, with ``include_dismissed``, mark) the dismissed findings of a result.

    ``result`` is the JSON form of one result; the summary is recomputed so it
    counts only the findings still open.
    """
    include = include_flag(request.args if args is None else args)
    dismissed = get_store().dismissed_ids(result["article_id"])
    if not dismissed:
        return result
    kept = []
    for ann in result["annotations"]:
        if ann["id"] in dismissed:
            if not include:
                continue
            ann = {**ann, "dismissed": True}
        kept.append(ann)
    summary = {key: 0 for key in result["summary"]}
    for ann in kept:
        if not ann.get("dismissed"):
            summary[ann["severity"]] += 1
    return {**result, "annotations": kept, "summary": summary}


def result_hook(out: dict, _result: Any, req: Any) -> dict:
    """``apply`` in the shape of the HTTP service's result hooks
    (``app.extensions["factcheck.result_hooks"]``); applying twice changes nothing."""
    return apply(out, req.args)


# -- HTTP ---------------------------------------------------------------------
def problem(status: int, title: str, problems: list[Problem] = (), detail: str | None = None):
    """An RFC 9457 problem response, built like every other error of the app."""
    from plugin.http.problems import ProblemError, problem_response

    problems = list(problems)
    detail = detail or "; ".join(f"{p.pointer}: {p.message}" for p in problems) or title
    return problem_response(ProblemError(status, detail, title=title, errors=problems))


@bp.before_request
def _authorised() -> Any:
    """With DISMISSAL_TOKENS set, every dismissal route asks for one of them as a
    bearer token: dismissals hide findings from every editor, and the audit
    names people."""
    tokens = current_app.config.get("DISMISSAL_TOKENS")
    if not tokens or request.method == "OPTIONS":
        return None  # open (the default), or a CORS preflight, which carries no credentials
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    given = given.strip().encode()
    if scheme.lower() == "bearer" and any(hmac.compare_digest(given, t.encode()) for t in tokens):
        return None
    response = problem(401, "Unauthorized", detail="A valid bearer token is required to read or "
                                                   "change dismissals.")
    response.headers["WWW-Authenticate"] = 'Bearer realm="factcheck dismissals"'
    return response


def _check_article_id(article_id: str) -> None:
    if not article_id.strip() or len(article_id) > MAX_ARTICLE_ID:
        abort(problem(404, "Not found", [Problem("", "no such article id")]))


def _json_body(*, required: bool) -> dict:
    if not request.content_length and not request.data:
        if required:
            abort(problem(400, "Bad request", [Problem("", "a JSON object body is required")]))
        return {}
    if not request.is_json:
        abort(problem(415, "Unsupported media type",
                      [Problem("", "the body must be application/json")]))
    try:  # strictly: the JSON parser would let UTF-8-encoded surrogates through
        request.get_data().decode("utf-8")
    except UnicodeDecodeError as exc:
        abort(problem(400, "Bad request", [Problem("", f"the body is not UTF-8 text (invalid byte at "
                                                       f"offset {exc.start})")]))
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(problem(400, "Bad request", [Problem("", "the body must be a JSON object")]))
    if has_surrogate_escape(request.get_data()):
        surrogates = lone_surrogates(body)
        if surrogates:  # SQLite cannot store such text
            abort(problem(422, "Invalid dismissal", surrogates))
    return body


def _text(body: dict, key: str, *, required: bool, limit: int, found: list[Problem]) -> str | None:
    value = body.get(key)
    if value is None:
        if required:
            found.append(Problem(f"/{key}", "is required"))
        return None
    if not isinstance(value, str):
        found.append(Problem(f"/{key}", "must be of type string"))
        return None
    value = value.strip()
    if not value:
        if required:
            found.append(Problem(f"/{key}", "must not be empty"))
        return None
    if len(value) > limit:
        found.append(Problem(f"/{key}", f"must be at most {limit} characters"))
    return value


def _annotation_id(value: Any, where: str, found: list[Problem]) -> str | None:
    if value is None:
        found.append(Problem(where, "is required"))
    elif not isinstance(value, str) or not ANNOTATION_ID.fullmatch(value):
        found.append(Problem(where, "must be an annotation id such as fc_0123456789abcdef0123"))
    else:
        return value
    return None


@bp.post("/v1/articles/<path:article_id>/dismissals")
def dismiss(article_id: str):
    _check_article_id(article_id)
    body = _json_body(required=True)
    found: list[Problem] = []
    for key in body:
        if key not in ("annotation_id", "reason", "who"):
            found.append(Problem(f"/{key}", "is not a known field"))
    annotation_id = _annotation_id(body.get("annotation_id"), "/annotation_id", found)
    who = _text(body, "who", required=True, limit=MAX_WHO, found=found)
    reason = _text(body, "reason", required=False, limit=MAX_REASON, found=found)
    if found:
        return problem(422, "Invalid dismissal", sorted(found, key=lambda p: p.pointer))
    record, created = get_store().dismiss(article_id, annotation_id, who, reason, _now())
    response = jsonify(record)
    response.status_code = 201 if created else 200
    return response


def _undo(article_id: str, annotation_id: Any, body: dict):
    found: list[Problem] = []
    annotation_id = _annotation_id(annotation_id, "/annotation_id", found)
    if "who" not in body and request.args.get("who"):
        body = {**body, "who": request.args["who"]}
    who = _text(body, "who", required=True, limit=MAX_WHO, found=found)
    if found:
        return problem(422, "Invalid request", found)
    if not get_store().undo(article_id, annotation_id, who, _now()):
        return problem(404, "Not found", [Problem("/annotation_id", "is not dismissed on this article")])
    return jsonify({"article_id": article_id, "annotation_id": annotation_id, "dismissed": False})


@bp.delete("/v1/articles/<path:article_id>/dismissals/<annotation_id>")
def undo_one(article_id: str, annotation_id: str):
    _check_article_id(article_id)
    return _undo(article_id, annotation_id, _json_body(required=False))


@bp.delete("/v1/articles/<path:article_id>/dismissals")
def undo_by_body(article_id: str):
    _check_article_id(article_id)
    body = _json_body(required=True)
    return _undo(article_id, body.get("annotation_id"), body)


@bp.get("/v1/articles/<path:article_id>/dismissals")
def list_dismissals(article_id: str):
    _check_article_id(article_id)
    current = get_store().dismissed_ids(article_id)
    return jsonify({"article_id": article_id, "dismissals": list(current.values())})


@bp.get("/v1/articles/<path:article_id>/dismissals/audit")
def audit(article_id: str):
    _check_article_id(article_id)
    return jsonify({"article_id": article_id, "audit": get_store().audit(article_id)})


# -- registration and documentation ---------------------------------------------
def init_app(app: Flask) -> None:
    """Register the dismissals API, its part in /v1/check results, and its documentation."""
    from plugin.http import openapi

    app.register_blueprint(bp)
    # Where the HTTP service post-processes /v1/check results, dismissals take part.
    hooks = app.extensions.setdefault("factcheck.result_hooks", [])
    if result_hook not in hooks:
        hooks.append(result_hook)
    openapi.add_paths(app, openapi_paths())
    for path in ("/v1/check", "/v1/check/batch"):
        openapi.add_parameters(app, path, "post", [INCLUDE_DISMISSED])


INCLUDE_DISMISSED = {
    "name": "include_dismissed", "in": "query", "required": False,
    "description": "true keeps dismissed findings in the answer, marked \"dismissed\": true (the summary "
                   "still counts only open ones); default false leaves them out. Accepts "
                   "1/true/yes/on and 0/false/no/off; anything else is a 400.",
    "schema": {"type": "string"},
}


def openapi_paths() -> dict:
    from plugin.http.openapi import errors, json_body, ok, problem, ref

    article = {"name": "article_id", "in": "path", "required": True,
               "description": "The article's id (1-200 characters); it may hold slashes.",
               "schema": {"type": "string", "minLength": 1}}
    annotation = {"name": "annotation_id", "in": "path", "required": True,
                  "description": "The dismissed finding's id; any other form is a 422.",
                  "schema": {"type": "string", "pattern": ANNOTATION_ID.pattern}}
    who = {"name": "who", "in": "query", "required": False,
           "description": "Who undoes it, when the body does not say.", "schema": {"type": "string"}}
    record = {"type": "object", "required": ["article_id", "annotation_id", "who", "reason", "dismissed_at"],
              "properties": {"article_id": {"type": "string"},
                             "annotation_id": {"type": "string", "pattern": ANNOTATION_ID.pattern},
                             "who": {"type": "string"}, "reason": {"type": ["string", "null"]},
                             "dismissed_at": {"type": "string", "format": "date-time",
                                              "description": "The server's clock, UTC."}}}
    undone = {"type": "object", "required": ["article_id", "annotation_id", "dismissed"],
              "properties": {"article_id": {"type": "string"}, "annotation_id": {"type": "string"},
                             "dismissed": {"const": False}}}
    undo_body = {"type": "object", "required": ["who"],
                 "properties": {"annotation_id": {"type": "string", "pattern": ANNOTATION_ID.pattern},
                                "who": {"type": "string", "minLength": 1, "maxLength": MAX_WHO}}}
    audit_entry = {"type": "object", "required": ["seq", "annotation_id", "action", "who", "reason", "at"],
                   "properties": {"seq": {"type": "integer"}, "annotation_id": {"type": "string"},
                                  "action": {"enum": ["dismiss", "undo"]}, "who": {"type": "string"},
                                  "reason": {"type": ["string", "null"]},
                                  "at": {"type": "string", "format": "date-time"}}}
    bad = {"400": problem("The body is missing, not JSON or not a JSON object, or not UTF-8."),
           "404": problem("The article id is empty or too long."),
           "415": problem("The body is not sent as application/json."),
           "422": problem("The body breaks the contract; errors lists every problem by JSON pointer.")}
    created = {"description": "Dismissed now.", "content": {"application/json": {"schema": record}}}
    not_dismissed = problem("The article id is empty or too long, or the finding is not dismissed.")
    optional_undo = {**json_body(undo_body), "required": False}
    paths = {
        "/v1/articles/{article_id}/dismissals": {
            "post": {"operationId": "dismiss", "summary": "Dismiss one finding of an article",
                     "tags": ["dismissals"], "parameters": [article],
                     "requestBody": json_body(ref("dismissal-request"), {
                         "annotation_id": "fc_0123456789abcdef0123", "who": "Rana Haddad",
                         "reason": "Intentional"}),
                     "responses": {"201": created,
                                   **ok("Already dismissed; who and reason are as given now.", record),
                                   **bad, **errors(413, 500)}},
            "delete": {"operationId": "undoDismissalByBody", "summary": "Undo a dismissal named in the body",
                       "tags": ["dismissals"], "parameters": [article, who],
                       "requestBody": json_body({**undo_body, "required": ["annotation_id"]}),
                       "responses": {**ok("No longer dismissed.", undone), **bad, "404": not_dismissed,
                                     **errors(413, 500)}},
            "get": {"operationId": "listDismissals", "summary": "What is dismissed on an article now",
                    "tags": ["dismissals"], "parameters": [article],
                    "responses": {**ok("The current dismissals.", {
                        "type": "object", "required": ["article_id", "dismissals"],
                        "properties": {"article_id": {"type": "string"},
                                       "dismissals": {"type": "array", "items": record}}}),
                                  "404": bad["404"], **errors(500)}},
        },
        "/v1/articles/{article_id}/dismissals/{annotation_id}": {
            "delete": {"operationId": "undoDismissal", "summary": "Undo one dismissal",
                       "description": "who comes from the body or, failing that, from ?who=.",
                       "tags": ["dismissals"], "parameters": [article, annotation, who],
                       "requestBody": optional_undo,
                       "responses": {**ok("No longer dismissed.", undone), **bad, "404": not_dismissed,
                                     **errors(413, 500)}},
        },
        "/v1/articles/{article_id}/dismissals/audit": {
            "get": {"operationId": "dismissalAudit", "summary": "Every dismiss and undo on an article",
                    "description": "Oldest first; times are the server's.",
                    "tags": ["dismissals"], "parameters": [article],
                    "responses": {**ok("The audit trail.", {
                        "type": "object", "required": ["article_id", "audit"],
                        "properties": {"article_id": {"type": "string"},
                                       "audit": {"type": "array", "items": audit_entry}}}),
                                  "404": bad["404"], **errors(500)}},
        },
    }
    unauthorised = problem("DISMISSAL_TOKENS is set and the request carries none of them as "
                           "Authorization: Bearer <token>.")
    for operations in paths.values():
        for operation in operations.values():
            operation["responses"]["401"] = unauthorised
    return paths
