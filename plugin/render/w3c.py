"""The W3C Web Annotation form of a result, for annotation-aware editors.

``POST /v1/check?format=w3c`` (or ``Accept: application/ld+json;
profile="http://www.w3.org/ns/anno.jsonld"``) answers with an
``AnnotationCollection`` whose first page holds one ``Annotation`` per finding.

Each annotation targets the text it flags: the ``source`` names the block (or
the metadata field) and two selectors pick the span inside it, a
``TextQuoteSelector`` (exact text with up to 32 characters of prefix and suffix,
robust to edits) and a ``TextPositionSelector`` (code-point offsets, start
included, end excluded: the model's own counting, and the spec's).

IRIs: the project has no public URL for a draft, so everything is named under
``urn:factcheck:``, with the article id (and block id or field path)
percent-encoded:

    urn:factcheck:article:<article>                          the article
    urn:factcheck:article:<article>:block:<block>            a block's text (an image's caption)
    urn:factcheck:article:<article>:block:<block>:<field>    a block's property (credit, alt, attribution)
    urn:factcheck:article:<article>:field:<path>             a metadata field (headline, ...)
    urn:factcheck:article:<article>:annotation:<id>          a finding (its fingerprint id)

Bodies: the message (``commenting``), the check and rule (``classifying``,
``"<check>/<rule>"``), the severity (``classifying``, ``"severity:<level>"``),
the suggestion if any (``editing``: the replacement or inserted text, empty for
a deletion), the related places (``linking``), and for a dismissed finding
shown on request a ``moderating`` body with the value ``dismissed``.
Motivation: ``editing`` when the finding carries a fix, ``questioning`` for
errors and warnings, ``assessing`` for info.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from flask import Request, Response, abort

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MEDIA_TYPE = f'application/ld+json; profile="{CONTEXT}"'
FORMATS = ("json", "w3c")
CREATOR = {"type": "Software", "name": "factcheck"}


def _enc(value: str) -> str:
    return quote(value, safe="")


def article_iri(article_id: str) -> str:
    return f"urn:factcheck:article:{_enc(article_id)}"


def source_iri(article_id: str, target: dict) -> str:
    base = article_iri(article_id)
    block, field = target.get("block_id"), target.get("field")
    if block is not None:
        iri = f"{base}:block:{_enc(block)}"
        return f"{iri}:{_enc(field)}" if field is not None else iri
    return f"{base}:field:{_enc(field)}"


def specific_resource(article_id: str, target: dict) -> dict:
    selectors: list[dict] = [{"type": "TextQuoteSelector", "exact": target["quote"]}]
    if target.get("prefix"):
        selectors[0]["prefix"] = target["prefix"]
    if target.get("suffix"):
        selectors[0]["suffix"] = target["suffix"]
    selectors.append({"type": "TextPositionSelector", "start": target["start"], "end": target["end"]})
    return {"type": "SpecificResource", "source": source_iri(article_id, target), "selector": selectors}


def _motivation(ann: dict) -> str:
    if ann.get("suggestion"):
        return "editing"
    return "assessing" if ann["severity"] == "info" else "questioning"


def annotation(ann: dict, *, article_id: str, created: str) -> dict:
    # Messages are written in English whatever the draft's language.
    message = {"type": "TextualBody", "purpose": "commenting", "value": ann["message"],
               "format": "text/plain", "language": "en"}
    bodies: list[dict] = [
        message,
        {"type": "TextualBody", "purpose": "classifying", "value": f"{ann['check']}/{ann['rule']}"},
        {"type": "TextualBody", "purpose": "classifying", "value": f"severity:{ann['severity']}"},
    ]
    suggestion = ann.get("suggestion")
    if suggestion:
        bodies.append({"type": "TextualBody", "purpose": "editing", "value": suggestion.get("text", ""),
                       "format": "text/plain"})
    for related in ann.get("related", ()):
        bodies.append({**specific_resource(article_id, related), "purpose": "linking"})
    if ann.get("dismissed"):
        bodies.append({"type": "TextualBody", "purpose": "moderating", "value": "dismissed"})
    return {
        "id": f"{article_iri(article_id)}:annotation:{ann['id']}",
        "type": "Annotation",
        "motivation": _motivation(ann),
        "created": created,
        "creator": CREATOR,
        "body": bodies,
        "target": specific_resource(article_id, ann["target"]),
    }


def utc_stamp(moment: datetime) -> str:
    """xsd:dateTime in UTC with a Z, as the model requires for ``created``."""
    moment = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def collection(result: dict, *, now: datetime) -> dict:
    """A result (its JSON form) as a Web Annotation collection."""
    article_id = result["article_id"]
    created = utc_stamp(now)
    items = [annotation(a, article_id=article_id, created=created)
             for a in result["annotations"]]
    revision = result.get("revision")
    label = f"factcheck findings for article {article_id}"
    if revision:
        label += f" (revision {revision})"
    out: dict[str, Any] = {
        "@context": CONTEXT,
        "id": f"{article_iri(article_id)}:annotations" + (f":{_enc(revision)}" if revision else ""),
        "type": "AnnotationCollection",
        "label": label,
        "created": created,
        "creator": CREATOR,
        "total": len(items),
    }
    if items:  # the model wants ``first`` whenever the collection is not empty
        out["first"] = {"id": out["id"] + ":page:0", "type": "AnnotationPage", "startIndex": 0,
                        "items": items}
    return out


# -- content negotiation --------------------------------------------------------
def _split_unquoted(text: str, separator: str) -> list[str]:
    """Split on ``separator`` except inside double quotes (a profile URI may hold commas)."""
    parts, buf, quoted = [], "", False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == separator and not quoted:
            parts.append(buf)
            buf = ""
        else:
            buf += ch
    parts.append(buf)
    return parts


def _media_ranges(header: str) -> list[tuple[str, dict[str, str]]]:
    """Parse an Accept header into (type, params), keeping quoted parameter values whole."""
    ranges: list[tuple[str, dict[str, str]]] = []
    for part in _split_unquoted(header, ","):
        pieces = _split_unquoted(part, ";")
        kind = pieces[0].strip().lower()
        if not kind:
            continue
        params = {}
        for piece in pieces[1:]:
            name, _, value = piece.partition("=")
            params[name.strip().lower()] = value.strip().strip('"')
        ranges.append((kind, params))
    return ranges


def _quality(params: dict[str, str]) -> float:
    try:
        return max(0.0, min(1.0, float(params.get("q", "1"))))
    except ValueError:
        return 0.0


@lru_cache(maxsize=256)  # clients send a handful of distinct headers; parsing one is ~5-20 µs
def accepts_w3c(header: str | None) -> bool:
    """True when the Accept header prefers JSON-LD Web Annotations over plain JSON.

    A tie goes to plain JSON, the default; an explicit application/json beats a
    wildcard of the same weight.
    """
    if not header:
        return False
    best_ld = best_json = 0.0
    for kind, params in _media_ranges(header):
        q = _quality(params)
        if kind == "application/ld+json":
            profiles = params.get("profile", CONTEXT).split()
            if CONTEXT in profiles:
                best_ld = max(best_ld, q)
        elif kind in ("application/json", "application/*", "*/*"):
            # A wildcard is a weaker wish than an explicit application/json.
            best_json = max(best_json, q - (0.001 if kind != "application/json" else 0.0))
    return best_ld > 0 and best_ld > best_json


def requested(req: Request) -> bool:
    """Did the caller ask for the W3C form (``?format=w3c`` or the Accept type)?

    ``?format=`` wins over Accept; a format other than json or w3c is a 400.
    """
    args = req.args
    fmt = args.get("format") if "format" in args else None  # a miss in get() costs an exception
    if fmt is not None:
        if fmt not in FORMATS:
            from plugin.dismissals import problem
            from plugin.validation import Problem
            abort(problem(400, "Bad request", [Problem(
                "/format", f"query parameter format must be one of {', '.join(FORMATS)}, not {fmt!r}")]))
        return fmt == "w3c"
    return accepts_w3c(req.headers.get("Accept"))


def response(result: dict, *, now: datetime) -> Response:
    body = json.dumps(collection(result, now=now), ensure_ascii=False)
    out = Response(body, status=200, mimetype="application/ld+json")
    out.headers["Content-Type"] = MEDIA_TYPE
    out.headers["Vary"] = "Accept"
    return out
