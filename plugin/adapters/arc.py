"""Arc XP: an ANS story (bare, or inside an IFX event envelope) -> Article.

What is read (ANS 0.10.x):

- ``_id`` -> ``id``; ``revision.revision_id`` (else ``last_updated_date``) -> ``revision``;
- ``headlines.basic`` -> ``headline``, every other headline -> ``alternative_headlines``;
- ``subheadlines.basic`` (else ``description.basic``) -> ``standfirst``;
- ``credits.by[]`` ``byline`` or ``name`` -> ``byline`` (unresolved references have no name
  and are left out);
- ``first_publish_date`` (else ``publish_date``) -> ``published_at``,
  ``last_updated_date`` -> ``updated_at``;
- ``promo_items.basic`` when it is an image with a caption -> the first image block;
- ``content_elements``: ``text`` -> paragraph (a heading when its HTML is one ``<hN>``),
  ``header`` -> heading, ``image`` -> image (caption, ``credits.by`` names as credit,
  ``alt_text``), ``quote`` -> quote (its text elements, ``citation`` as attribution),
  ``blockquote`` -> quote, ``list`` -> one paragraph per item, ``element_group`` -> its
  elements, ``raw_html`` and ``correction`` -> embed (kept, not read as story text).
  Other types (references, oembeds, dividers, unknown ones) carry no story text and
  are skipped.

Block ids are the ANS ``_id``s. An element without one, or one whose ``_id`` an
earlier element already used (ANS does not forbid it), is named by its JSON
pointer in the story, e.g. ``content_elements/4``.
"""
from __future__ import annotations

import re
from typing import Any

from plugin.adapters.html import HEADINGS, _quote_block, html_to_text, parse
from plugin.adapters.payload import (Adapted, Origins, build, iso_utc, nonempty,
                                     shape_problems)
from plugin.validation import InvalidInput, pointer

_DICT = {"type": "object", "additionalProperties": {"type": ["string", "null"]}}
_DATE = {"type": ["string", "null"]}
ELEMENT = {
    "type": "object",
    "required": ["type"],
    "properties": {"type": {"type": "string"}, "_id": {"type": "string"}},
    "allOf": [
        {"if": {"required": ["type"],
                "properties": {"type": {"enum": ["text", "header", "raw_html", "blockquote"]}}},
         "then": {"required": ["content"], "properties": {"content": {"type": "string"}}}},
        {"if": {"required": ["type"], "properties": {"type": {"const": "image"}}},
         "then": {"properties": {"caption": {"type": ["string", "null"]},
                                 "alt_text": {"type": ["string", "null"]},
                                 "credits": {"$ref": "#/$defs/credits"}}}},
        {"if": {"required": ["type"], "properties": {"type": {"enum": ["quote", "element_group"]}}},
         "then": {"required": ["content_elements"],
                  "properties": {"content_elements": {"type": "array",
                                                      "items": {"$ref": "#/$defs/element"}}}}},
        {"if": {"required": ["type"], "properties": {"type": {"const": "list"}}},
         "then": {"required": ["items"],
                  "properties": {"items": {"type": "array", "items": {"$ref": "#/$defs/element"}}}}},
    ],
}
STORY_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["type", "_id", "headlines"],
    "properties": {
        "type": {"const": "story"},
        "_id": {"type": "string", "minLength": 1},
        "headlines": {**_DICT, "required": ["basic"],
                      "properties": {"basic": {"type": "string", "minLength": 1}}},
        "subheadlines": _DICT,
        "description": _DICT,
        "credits": {"$ref": "#/$defs/credits"},
        "content_elements": {"type": "array", "items": {"$ref": "#/$defs/element"}},
        "promo_items": {"type": "object", "additionalProperties": {"type": "object"}},
        "created_date": _DATE, "last_updated_date": _DATE, "publish_date": _DATE,
        "first_publish_date": _DATE, "display_date": _DATE,
        "language": {"type": ["string", "null"]},
        "revision": {"type": "object"},
    },
    "$defs": {
        "element": ELEMENT,
        "credits": {"type": "object",
                    "additionalProperties": {"type": "array",
                                             "items": {"type": "object", "required": ["type"]}}},
    },
}
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_KEY = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


def _names(credits: Any) -> list[str]:
    """Public names in ``credits.by``; unresolved references (no name) are left out."""
    people = credits.get("by") if isinstance(credits, dict) else None
    out = []
    for person in people if isinstance(people, list) else []:
        if isinstance(person, dict):
            name = nonempty(person.get("byline")) or nonempty(person.get("name"))
            if name:
                out.append(html_to_text(name))
    return out


class _Builder:
    def __init__(self, base: str) -> None:
        self.blocks: list[dict] = []
        self.used: set[str] = set()
        self.origins = Origins(base)
        self.base = base

    def add(self, block: dict, path: list, element: dict) -> None:
        ans_id = element.get("_id")
        where = pointer(path)
        fresh = isinstance(ans_id, str) and ans_id and ans_id not in self.used
        block_id = ans_id if fresh else where.lstrip("/")
        if block_id in self.used:  # a pointer can only collide with a hostile _id
            block_id = f"{block_id}#{len(self.blocks)}"
        self.used.add(block_id)
        self.origins.add(f"/blocks/{len(self.blocks)}", self.base + where)
        self.blocks.append({"id": block_id, **block})

    def image(self, element: dict, path: list) -> None:
        block: dict = {"type": "image", "caption": html_to_text(element.get("caption"))}
        credit = ", ".join(_names(element.get("credits")))
        if credit:
            block["credit"] = credit
        if nonempty(element.get("alt_text")):
            block["alt"] = element["alt_text"].strip()
        self.add(block, path, element)

    def element(self, element: dict, path: list) -> None:
        kind = element.get("type")
        if kind == "text":
            self.text(element, path)
        elif kind == "header":
            text = html_to_text(element["content"])
            if text:
                self.add({"type": "heading", "text": text}, path, element)
        elif kind == "image":
            self.image(element, path)
        elif kind == "quote":
            parts: list[str] = []
            images: list[tuple[dict, list]] = []
            self._quote_text(element, path, parts, images)
            block: dict = {"type": "quote", "text": "\n".join(parts)}
            citation = element.get("citation")
            if isinstance(citation, dict) and nonempty(citation.get("content")):
                block["attribution"] = html_to_text(citation["content"])
            self.add(block, path, element)
            for image, image_path in images:
                self.image(image, image_path)
        elif kind == "blockquote":
            quote = _quote_block(parse(element["content"]))
            self.add(quote, path, element)
        elif kind == "list":
            for i, item in enumerate(element["items"]):
                self.element(item, path + ["items", i])
        elif kind == "element_group":
            for i, item in enumerate(element["content_elements"]):
                self.element(item, path + ["content_elements", i])
        elif kind in ("raw_html", "correction"):
            text = html_to_text(element.get("content") or element.get("text") or "")
            self.add({"type": "embed", "text": text} if text else {"type": "embed"}, path, element)

    def text(self, element: dict, path: list) -> None:
        html = element["content"]
        tree = parse(html)
        meaningful = [c for c in tree.children if not (isinstance(c, str) and not c.strip())]
        only_heading = len(meaningful) == 1 and getattr(meaningful[0], "tag", "") in HEADINGS
        kind = "heading" if only_heading else "paragraph"
        text = html_to_text(html)
        if text:
            self.add({"type": kind, "text": text}, path, element)

    def _quote_text(self, element: dict, path: list, parts: list[str], images: list) -> None:
        for i, child in enumerate(element.get("content_elements") or []):
            child_path = path + ["content_elements", i]
            kind = child.get("type")
            if kind in ("text", "header", "blockquote") and isinstance(child.get("content"), str):
                text = html_to_text(child["content"])
                if text:
                    parts.append(text)
            elif child.get("type") == "quote":
                self._quote_text(child, child_path, parts, images)
            elif child.get("type") == "image":
                images.append((child, child_path))


def ans_to_generic(story: dict, base: str = "") -> tuple[dict, Origins]:
    builder = _Builder(base)
    origins = builder.origins
    headlines = story["headlines"]
    out: dict = {"id": story["_id"], "headline": html_to_text(headlines["basic"])}
    origins.add("/id", base + "/_id")
    origins.add("/headline", base + "/headlines/basic")
    revision = story.get("revision")
    if isinstance(revision, dict) and nonempty(revision.get("revision_id")):
        out["revision"] = revision["revision_id"]
        origins.add("/revision", base + "/revision/revision_id")
    elif nonempty(story.get("last_updated_date")):
        out["revision"] = story["last_updated_date"]
        origins.add("/revision", base + "/last_updated_date")
    language = story.get("language")
    if isinstance(language, str) and _LANGUAGE.match(language):
        out["language"] = language
    alternatives = {key: html_to_text(value) for key, value in headlines.items()
                    if key != "basic" and _KEY.match(key) and nonempty(value)}
    if alternatives:
        out["alternative_headlines"] = alternatives
        for key in alternatives:
            origins.add(f"/alternative_headlines/{key}", pointer(["headlines", key], base))
    for name in ("subheadlines", "description"):
        value = (story.get(name) or {}).get("basic")
        if nonempty(value):
            out["standfirst"] = html_to_text(value)
            origins.add("/standfirst", f"{base}/{name}/basic")
            break
    byline = _names(story.get("credits"))
    if byline:
        out["byline"] = byline
        origins.add("/byline", base + "/credits/by")
    for target, names in (("published_at", ("first_publish_date", "publish_date")),
                          ("updated_at", ("last_updated_date",))):
        for name in names:
            if nonempty(story.get(name)):
                out[target] = iso_utc(story[name])
                origins.add(f"/{target}", f"{base}/{name}")
                break
    if nonempty(story.get("slug")):
        out["slug"] = story["slug"]
    for key, promo in (story.get("promo_items") or {}).items():
        if key == "basic" and promo.get("type") == "image" and nonempty(promo.get("caption")):
            builder.image(promo, ["promo_items", "basic"])
    for i, element in enumerate(story.get("content_elements") or []):
        builder.element(element, ["content_elements", i])
    out["blocks"] = builder.blocks
    return out, origins


def adapt_arc(payload: Any, *, source: str = "-") -> Adapted:
    """An ANS story, or an IFX event ``{"key", "uuid", "body": story}``, as an Article."""
    base, story, delivery_id, event = "", payload, None, None
    if isinstance(payload, dict) and isinstance(payload.get("body"), dict) and "key" in payload:
        base, story = "/body", payload["body"]
        delivery_id = payload.get("uuid") if isinstance(payload.get("uuid"), str) else None
        event = payload.get("key") if isinstance(payload.get("key"), str) else None
    if event is not None and event.endswith(":delete"):
        return Adapted(None, {}, delivery_id, event, ignored="a delete event has nothing to check")
    problems = shape_problems(story, STORY_SCHEMA, base)
    if problems:
        raise InvalidInput(problems, source)
    generic, origins = ans_to_generic(story, base)
    return Adapted(build(generic, origins, source=source), generic, delivery_id, event)
