"""``POST /v1/webhooks/<source>`` and ``GET /v1/articles/<id>/result``.

The order of the work on a delivery is deliberate:

1. the source must be known and configured (fail closed: no configuration, no entry);
2. the body is read once, raw, within ``WEBHOOK_MAX_BODY_BYTES`` (413 beyond);
3. its signature is verified over those exact bytes (401, saying nothing more);
4. only then is it parsed (400), de-duplicated on its delivery id (a redelivery
   gets the stored answer, nothing runs again), adapted from the CMS's shape (422
   with pointers into the payload) and checked;
5. the result, the delivery record and any callback are stored in one transaction,
   and the answer is 200 with the result, or 202 when it goes to a callback or the
   source is asynchronous.
"""
from __future__ import annotations

import hashlib
import json
import logging
import uuid
from datetime import datetime, timezone
from urllib.parse import quote

from flask import Blueprint, Response, current_app, request
from werkzeug.exceptions import RequestEntityTooLarge

from checks.registry import UnknownCheck
from plugin.adapters.arc import adapt_arc
from plugin.adapters.ghost import adapt_ghost
from plugin.adapters.payload import Adapted
from plugin import service
from plugin.adapters.wordpress import adapt_wordpress
from plugin.http.problems import TYPE_BASE as PROBLEM_BASE, ProblemError, problem_response
from plugin.store import Callback, Delivery, DuplicateDelivery, StoredResult, get_store
from plugin.validation import InvalidInput, Problem, has_surrogate_escape, lone_surrogates
from plugin.webhooks import clock, get_outbox
from plugin.webhooks.signatures import DEFAULT_TOLERANCE, SCHEMES, SignatureError, standard_key, verify

log = logging.getLogger("factcheck.webhooks")
bp = Blueprint("webhooks", __name__)

DEFAULT_MAX_BODY = 5 * 1024 * 1024


def problem(status: int, title: str, detail: str, errors: list[Problem] | None = None,
            slug: str | None = None, headers: dict | None = None) -> Response:
    """An RFC 9457 problem response, built like every other error of the app."""
    return problem_response(ProblemError(
        status, detail, title=title, type_=PROBLEM_BASE + (slug or title.lower().replace(" ", "-")),
        errors=errors or (), headers=headers))


def _generic(payload, *, source: str = "-") -> Adapted:
    from plugin.adapters.generic import article_from_json

    if isinstance(payload, dict) and "article" in payload:
        article = article_from_json(payload["article"], source=source, base="/article")
        return Adapted(article, payload["article"])
    return Adapted(article_from_json(payload, source=source), payload)


ADAPTERS = {"arc": adapt_arc, "wordpress": adapt_wordpress, "ghost": adapt_ghost, "generic": _generic}


def _json_response(body: dict, status: int, headers: dict | None = None) -> Response:
    return Response(json.dumps(body, ensure_ascii=False), status=status, mimetype="application/json",
                    headers=headers)


def _result_url(article_id: str, revision: str) -> str:
    return f"/v1/articles/{quote(article_id, safe='')}/result?revision={quote(revision, safe='')}"


def _replay(stored: Delivery) -> Response:
    headers = {"Webhook-Replayed": "true"}
    answer = stored.response
    if answer.get("result_url"):
        headers["Content-Location"] = answer["result_url"]
    elif answer.get("article_id") and answer.get("revision"):
        headers["Content-Location"] = _result_url(answer["article_id"], answer["revision"])
    return _json_response(answer, stored.status, headers)


def _edited_at(article) -> float | None:
    """When the CMS last edited the draft (Unix time), if it says: updated_at, else published_at.

    A date without an offset is read as UTC: only its order among the same
    article's other revisions matters here.
    """
    for date in (article.updated_at, article.published_at):
        if date is not None and date.value is not None:
            value = date.value if date.value.tzinfo else date.value.replace(tzinfo=timezone.utc)
            return value.timestamp()
    return None


def _revision_of(result: dict, generic: dict) -> str:
    if result.get("revision"):
        return result["revision"]
    # No revision from the CMS: name this version of the draft by its content.
    digest = hashlib.sha256(json.dumps(generic, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return "sha256:" + digest[:16]


def _now_from(payload, received: float) -> datetime:
    """The reference time: the generic envelope's ``now``, else when the delivery arrived."""
    raw = payload.get("now") if isinstance(payload, dict) and "article" in payload else None
    if raw is None:
        return datetime.fromtimestamp(received, timezone.utc)
    try:
        value = datetime.fromisoformat(str(raw).replace("z", "Z"))
    except ValueError:
        raise _Stop(problem(422, "Invalid payload", "The payload is not in the declared shape.",
                            [Problem("/now", "is not an ISO 8601 date-time")],
                            slug="invalid-payload")) from None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def source_settings(settings: dict) -> tuple[str | None, list[str], str | None]:
    """The scheme and secrets of a source's settings, and what is wrong with them (fail closed)."""
    scheme = settings.get("scheme")
    raw = settings.get("secrets")
    raw = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    secrets = [s for s in raw if isinstance(s, str) and s]
    if scheme not in SCHEMES:
        return scheme, secrets, f"scheme must be one of {', '.join(SCHEMES)}"
    if scheme == "none":
        return scheme, [], None
    if not secrets:
        return scheme, secrets, "a signed scheme needs at least one secret"
    if scheme == "standard":
        try:
            for secret in secrets:
                standard_key(secret)
        except ValueError as exc:
            return scheme, secrets, str(exc)
    return scheme, secrets, None


class _Stop(Exception):
    """Ends the handling of a delivery early with this response."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status)
        self.response = response


@bp.post("/v1/webhooks/<source>")
def receive(source: str):
    try:
        return _receive(source)
    except _Stop as stop:
        return stop.response


def _receive(source: str) -> Response:
    config = current_app.config
    settings = _settings(source)
    body = _bounded_body(int(config.get("WEBHOOK_MAX_BODY_BYTES", DEFAULT_MAX_BODY)))
    received = clock()()
    delivery_id = _authenticate(source, settings, body, received)
    payload = _parse(body)
    if delivery_id is None:  # the scheme carries none: the sender may still name its delivery
        key = (request.headers.get("Idempotency-Key") or request.headers.get("webhook-id") or "").strip()
        delivery_id = key.strip('"') or None
    body_sha = hashlib.sha256(body).hexdigest()
    store = get_store(current_app)
    _replay_if_seen(store, source, delivery_id, body_sha)
    adapted = _adapt(source, payload)
    if delivery_id is None and adapted.delivery_id:
        delivery_id = adapted.delivery_id
        _replay_if_seen(store, source, delivery_id, None)
    if adapted.article is None:
        return _json_response({"status": "ignored", "detail": adapted.ignored, "event": adapted.event}, 200)
    callback_url = _callback_url(source, settings, payload)
    now = _now_from(payload, received)
    try:
        # The same path as /v1/check: the server's enabled checks, severities,
        # time zone and house style apply to webhook deliveries too.
        checks = settings.get("checks") or service.enabled_checks(current_app.config)
        result = service.run(adapted.article, checks=checks, now=now, config=current_app.config,
                             source=f"webhook:{source}")
    except UnknownCheck as exc:
        log.error("webhook source %s names an unknown check: %s", source, exc)
        return problem(503, "Source misconfigured", "This webhook source is not configured correctly.",
                       slug="source-not-configured")

    # Store the result, the delivery record and the callback at once, then answer.
    result_json = result.to_json()
    revision = _revision_of(result_json, adapted.generic)
    result_json["revision"] = revision
    article_id = result_json["article_id"]
    url = _result_url(article_id, revision)
    callback = None
    if callback_url is not None:
        sent_at = datetime.fromtimestamp(received, timezone.utc).isoformat().replace("+00:00", "Z")
        envelope = {"type": "article.checked", "timestamp": sent_at, "data": result_json}
        callback = Callback("msg_" + uuid.uuid4().hex, callback_url,
                            json.dumps(envelope, ensure_ascii=False).encode())
    if callback is not None or settings.get("async"):
        status = 202
        answer: dict = {"status": "accepted", "article_id": article_id, "revision": revision,
                        "result_url": url}
        if callback is not None:
            answer["callback"] = {"id": callback.message_id}
        if delivery_id is not None:
            answer["delivery_id"] = delivery_id
    else:
        status, answer = 200, result_json
    delivery = Delivery(source, delivery_id, body_sha, status, answer) if delivery_id else None
    try:
        store.save_outcome(StoredResult(article_id, revision, source, received, result_json,
                                        _edited_at(adapted.article)),
                           delivery=delivery, callback=callback, now=clock()())
    except DuplicateDelivery:  # the same delivery, stored by a concurrent request first
        _replay_if_seen(store, source, delivery_id, None)
        raise
    if callback is not None and config.get("CALLBACK_WORKER", True):
        get_outbox(current_app).notify(float(config.get("CALLBACK_POLL_SECONDS", 1.0)))
    return _json_response(answer, status, {"Content-Location": url})


def _settings(source: str) -> dict:
    """The source's settings; unknown (404) or unusable (503) sources stop here."""
    if source not in ADAPTERS:
        raise _Stop(problem(404, "Not found", f"There is no webhook source {source!r}; the sources are "
                            + ", ".join(sorted(ADAPTERS)) + ".", slug="not-found"))
    settings = (current_app.config.get("WEBHOOK_SOURCES") or {}).get(source)
    settings = settings if isinstance(settings, dict) else {}
    trouble = source_settings(settings)[2]
    if trouble:
        log.error("webhook source %s is not usable: %s", source, trouble)
        raise _Stop(problem(503, "Source not configured",
                            "This webhook source is not enabled on this server.",
                            slug="source-not-configured"))
    return settings


def _bounded_body(limit: int) -> bytes:
    body = None
    if request.content_length is None or request.content_length <= limit:
        body = _read_body(limit)
    if body is None:
        raise _Stop(problem(413, "Payload too large", f"The body must be at most {limit} bytes.",
                            slug="payload-too-large"))
    return body


def _authenticate(source: str, settings: dict, body: bytes, now: float) -> str | None:
    """Verify the signature over the raw body; returns the delivery id the scheme carries."""
    scheme, secrets, _ = source_settings(settings)
    tolerance = float(current_app.config.get("WEBHOOK_TOLERANCE_SECONDS", DEFAULT_TOLERANCE))
    try:
        return verify(scheme, request.headers, body, secrets, now=now, tolerance=tolerance)
    except SignatureError as exc:
        log.warning("webhook %s refused: %s", source, exc)
        raise _Stop(problem(401, "Unauthorized", "The request could not be authenticated.",
                            slug="unauthorized")) from None


def _parse(body: bytes):
    if request.mimetype != "application/json" and not request.mimetype.endswith("+json"):
        raise _Stop(problem(415, "Unsupported media type", "The body must be JSON (application/json).",
                            slug="unsupported-media-type"))
    try:
        # Decoded strictly first: json.loads on bytes would let UTF-8-encoded
        # surrogates through ("surrogatepass"), text that cannot be stored.
        payload = json.loads(body.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise _Stop(problem(400, "Malformed JSON", f"The body is not valid JSON: {exc}.",
                            [Problem("", "is not valid JSON")], slug="malformed-json")) from None
    except RecursionError:
        raise _Stop(problem(400, "Malformed JSON", "The body is nested too deeply.",
                            [Problem("", "is nested too deeply")], slug="malformed-json")) from None
    if has_surrogate_escape(body):
        surrogates = lone_surrogates(payload)
        if surrogates:  # unstorable text: refuse it here rather than fail at the store
            raise _Stop(problem(422, "Invalid payload", "The payload holds text that is not Unicode.",
                                surrogates, slug="invalid-payload"))
    return payload


def _replay_if_seen(store, source: str, delivery_id: str | None, body_sha: str | None) -> None:
    """A delivery seen before ends here with its stored answer (or 422 for another body)."""
    if delivery_id is None:
        return
    stored = store.delivery(source, delivery_id)
    if stored is None:
        return
    if body_sha is not None and stored.body_sha256 != body_sha:
        raise _Stop(problem(422, "Delivery id reused",
                            "This delivery id was already used for a different payload.",
                            [Problem("", "differs from the payload first delivered under this id")],
                            slug="delivery-id-reused"))
    raise _Stop(_replay(stored))


def _adapt(source: str, payload) -> Adapted:
    try:
        return ADAPTERS[source](payload, source=f"webhook:{source}")
    except InvalidInput as exc:
        raise _Stop(problem(422, "Invalid payload", f"The payload is not a valid {source} article.",
                            exc.problems, slug="invalid-payload")) from None
    except Exception:  # a shape the adapter's schema let through but it cannot read
        log.exception("the %s adapter failed on a payload", source)
        raise _Stop(problem(422, "Invalid payload", f"The payload could not be read as a {source} article.",
                            [Problem("", "could not be read")], slug="invalid-payload")) from None


def _callback_url(source: str, settings: dict, payload) -> str | None:
    """The callback asked for (query or generic envelope) or configured; refused ones stop here."""
    requested = request.args.get("callback_url")
    if requested is None and source == "generic" and isinstance(payload, dict) and "article" in payload:
        requested = payload.get("callback_url")
    if requested is not None and not isinstance(requested, str):
        raise _Stop(problem(422, "Callback URL refused", "The callback URL must be a string.",
                            [Problem("/callback_url", "must be of type string")], slug="callback-refused"))
    if requested and not settings.get("callback_from_request", True):
        raise _Stop(problem(422, "Callback URL refused", "This source only calls back its configured URL.",
                            [Problem("/callback_url", "is not accepted from the request for this source")],
                            slug="callback-refused"))
    url = requested or settings.get("callback_url")
    if url:
        refused = _check_callback(url)
        if refused is not None:
            raise _Stop(refused)
    return url or None


def _read_body(limit: int) -> bytes | None:
    """The raw body, read in pieces and given up on past ``limit`` bytes (None then).

    A chunked request has no Content-Length to check up front, so the limit
    applies while reading: an oversize body is never held in memory whole.
    """
    request.max_content_length = None  # this limit, not the app-wide one, applies here
    stream = request.stream
    pieces: list[bytes] = []
    size = 0
    try:
        while True:
            piece = stream.read(min(65536, limit + 1 - size))
            if not piece:
                return b"".join(pieces)
            size += len(piece)
            if size > limit:
                return None
            pieces.append(piece)
    except RequestEntityTooLarge:
        return None


def _check_callback(url: str) -> Response | None:
    from plugin.callbacks import CallbackRefused

    outbox = get_outbox(current_app)
    if not outbox.secrets:
        log.error("a callback was requested but CALLBACK_SECRET is not configured")
        return problem(503, "Callbacks not configured", "This server cannot send callbacks.",
                       slug="callbacks-not-configured")
    try:
        outbox.guard.check_url(url)
    except CallbackRefused as exc:
        return problem(422, "Callback URL refused", f"The callback URL is not allowed: {exc}.",
                       [Problem("/callback_url", str(exc))], slug="callback-refused")
    return None


@bp.get("/v1/articles/<path:article_id>/result")
def article_result(article_id: str):
    revision = request.args.get("revision")
    stored = get_store(current_app).result(article_id, revision)
    if stored is None:
        what = f"revision {revision!r} of article {article_id!r}" if revision else f"article {article_id!r}"
        return problem(404, "Not found", f"No result is stored for {what}.", slug="not-found")
    return _json_response(stored.result, 200)


# -- documentation (GET /openapi.json) -----------------------------------------------
def openapi_paths() -> dict:
    from plugin.http.openapi import ref

    def header(name: str, description: str, schema: dict | None = None) -> dict:
        return {"name": name, "in": "header", "required": False, "description": description,
                "schema": schema or {"type": "string"}}

    def fails(description: str) -> dict:
        return {"description": description, "content": {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}

    location = {"Content-Location": {"description": "Where the stored result can be fetched.",
                                     "schema": {"type": "string"}}}
    replayed = {"Webhook-Replayed": {"description": "true when this is the stored answer to a redelivery.",
                                     "schema": {"const": "true"}}}
    accepted = {
        "type": "object", "required": ["status", "article_id", "revision", "result_url"],
        "properties": {"status": {"const": "accepted"}, "article_id": {"type": "string"},
                       "revision": {"type": "string"}, "result_url": {"type": "string"},
                       "callback": {"type": "object", "required": ["id"],
                                    "properties": {"id": {"type": "string",
                                                          "description": "The callback's webhook-id."}}},
                       "delivery_id": {"type": "string"}}}
    ignored = {"type": "object", "required": ["status"],
               "properties": {"status": {"const": "ignored"}, "detail": {"type": ["string", "null"]},
                              "event": {"type": ["string", "null"]}}}
    generic_envelope = {"type": "object", "required": ["article"],
                        "properties": {"article": ref("article"),
                                       "now": {"type": "string", "description": "Reference time, ISO 8601."},
                                       "callback_url": {"type": "string"}}}
    receive_op = {
        "operationId": "receiveWebhook", "summary": "A CMS posts a draft to be checked and stored",
        "description": "The body is the source's own payload: an ANS story or IFX event (arc), a WordPress "
                       "REST post (wordpress), a Ghost webhook body (ghost), or the generic article, bare "
                       "or in an envelope (generic); see docs/webhooks.md. The signature headers that "
                       "count are those of the source's configured scheme; it is verified over the raw "
                       "body before anything is parsed.",
        "tags": ["webhooks"],
        "parameters": [
            {"name": "source", "in": "path", "required": True, "description": "Which CMS is calling.",
             "schema": {"enum": sorted(ADAPTERS)}},
            {"name": "callback_url", "in": "query", "required": False,
             "description": "Post the result here (https, public address) instead of answering with it.",
             "schema": {"type": "string"}},
            header("webhook-id", "Standard Webhooks: the message id (also the delivery id)."),
            header("webhook-timestamp", "Standard Webhooks: Unix seconds, within WEBHOOK_TOLERANCE_SECONDS.",
                   {"type": "string", "pattern": "^[0-9]{1,12}$"}),
            header("webhook-signature", "Standard Webhooks: space-separated v1,<base64 HMAC-SHA256 of "
                                        "<webhook-id>.<webhook-timestamp>.<body>>."),
            header("X-Hub-Signature-256", "GitHub style: sha256=<hex HMAC-SHA256 of the body>."),
            header("X-GitHub-Delivery", "GitHub style: the delivery id."),
            header("X-Ghost-Signature", "Ghost: sha256=<hex HMAC-SHA256 of body + t>, t=<milliseconds>."),
            header("Idempotency-Key", "A delivery id from any sender whose scheme carries none."),
        ],
        "requestBody": {"required": True, "content": {"application/json": {"schema": {
            "description": "The CMS's payload; for the generic source, an Article or a generic envelope.",
            "anyOf": [ref("article"), generic_envelope, {"type": "object"}, {"type": "array"}]}}}},
        "responses": {
            "200": {"description": "Checked: the result as POST /v1/check returns it, or (nothing to check, "
                                   "e.g. a deleted post) {\"status\": \"ignored\"}.",
                    "headers": {**location, **replayed},
                    "content": {"application/json": {"schema": {"anyOf": [ref("result"), ignored]}}}},
            "202": {"description": "Checked and stored; the result goes to a callback, or the source is "
                                   "asynchronous.", "headers": {**location, **replayed},
                    "content": {"application/json": {"schema": accepted}}},
            "400": fails("The body is not valid JSON."),
            "401": fails("Missing or bad signature, or a stale timestamp (the answer never says which)."),
            "404": fails("No such source."),
            "413": fails("The body is larger than WEBHOOK_MAX_BODY_BYTES."),
            "415": fails("The body is not sent as application/json."),
            "422": fails("The payload is not in the source's shape, the callback URL is refused, or the "
                         "delivery id was used for another payload; errors points into the payload."),
            "500": fails("An internal failure."),
            "503": fails("The source is not configured, or a callback was asked for and CALLBACK_SECRET "
                         "is not set."),
        },
    }
    result_op = {
        "operationId": "getArticleResult", "summary": "The stored result of an article",
        "tags": ["webhooks"],
        "parameters": [
            {"name": "article_id", "in": "path", "required": True, "schema": {"type": "string"},
             "description": "The article's id; it may hold slashes."},
            {"name": "revision", "in": "query", "required": False, "schema": {"type": "string"},
             "description": "That revision's result; default: the latest edit "
                            "(updated_at, else published_at; else the one stored last)."},
        ],
        "responses": {
            "200": {"description": "The stored result.",
                    "content": {"application/json": {"schema": ref("result")}}},
            "404": fails("No result is stored for that article (or revision)."),
            "500": fails("An internal failure."),
        },
    }
    return {"/v1/webhooks/{source}": {"post": receive_op},
            "/v1/articles/{article_id}/result": {"get": result_op}}
