"""Ghost: a post webhook ``{"post": {"current", "previous"}}`` (or an Admin API
``{"posts": [post]}`` response, or a bare post) -> Article.

What is read from the post:

- ``id`` -> ``id``; ``updated_at`` -> ``revision`` and ``updated_at``; ``published_at``
  (null for drafts) -> ``published_at``;
- ``title`` -> ``headline``; ``meta_title``, ``og_title``, ``twitter_title`` ->
  ``alternative_headlines`` ``seo``, ``social``, ``twitter``;
- ``custom_excerpt`` -> ``standfirst``; ``authors[].name`` -> ``byline``; ``slug``;
- ``feature_image`` with its ``feature_image_caption`` (HTML) and ``feature_image_alt`` ->
  the first block, an image with id ``feature_image``;
- the body: ``html`` when present, else ``lexical`` (the editor's JSON, sent as a string):
  paragraphs, headings, quotes and asides, list items, image cards (caption is HTML,
  ``altText``), HTML/markdown/embed cards as ``embed``. Ghost's ``<!--kg-card-...-->``
  markers are comments and disappear.

Block ids are ``b1``, ``b2``, ... in reading order (Ghost has no ids for body nodes).
A ``post.deleted`` event (empty ``current``) has nothing to check.
"""
from __future__ import annotations

import json
from typing import Any

from plugin.adapters.html import html_blocks, html_to_text
from plugin.adapters.payload import Adapted, Origins, build, iso_utc, nonempty, shape_problems
from plugin.validation import InvalidInput, Problem

_TEXT = {"type": ["string", "null"]}
POST_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["id", "title"],
    "properties": {
        "id": {"type": "string", "minLength": 1},
        "title": {"type": "string"},
        "html": _TEXT, "lexical": _TEXT, "custom_excerpt": _TEXT,
        "meta_title": _TEXT, "og_title": _TEXT, "twitter_title": _TEXT,
        "feature_image": _TEXT, "feature_image_caption": _TEXT, "feature_image_alt": _TEXT,
        "published_at": _TEXT, "updated_at": _TEXT, "slug": _TEXT,
        "authors": {"type": "array", "items": {"type": "object"}},
    },
}
ALTERNATIVES = (("meta_title", "seo"), ("og_title", "social"), ("twitter_title", "twitter"))


def _kids(node: dict, key: str = "children") -> list[dict]:
    value = node.get(key)
    return [c for c in value if isinstance(c, dict)] if isinstance(value, list) else []


def _inline_text(node: dict) -> str:
    kind = node.get("type")
    if kind in ("text", "extended-text") and isinstance(node.get("text"), str) and not node.get("children"):
        return node["text"]
    if kind == "linebreak":
        return "\n"
    if kind == "tab":
        return "\t"
    return "".join(_inline_text(c) for c in _kids(node))


def lexical_blocks(lexical: dict) -> list[dict]:
    """Blocks of a Lexical editor state (Ghost's Koenig editor)."""
    out: list[dict] = []

    def visit(node: dict) -> None:
        kind = node.get("type")
        if kind in ("paragraph", "extended-text"):
            text = _inline_text(node).strip()
            if text:
                out.append({"type": "paragraph", "text": text})
        elif kind in ("heading", "extended-heading"):
            text = _inline_text(node).strip()
            if text:
                out.append({"type": "heading", "text": text})
        elif kind in ("quote", "aside", "extended-quote"):
            text = _inline_text(node).strip()
            if text:
                out.append({"type": "quote", "text": text})
        elif kind == "list":
            for item in _kids(node):
                nested = [c for c in _kids(item) if c.get("type") == "list"]
                text = _inline_text({"children": [c for c in _kids(item) if c.get("type") != "list"]}).strip()
                if text:
                    out.append({"type": "paragraph", "text": text})
                for sub in nested:
                    visit(sub)
        elif kind == "image":
            block: dict = {"type": "image", "caption": html_to_text(node.get("caption") or "")}
            if nonempty(node.get("alt") or node.get("altText")):
                block["alt"] = (node.get("alt") or node.get("altText")).strip()
            out.append(block)
        elif kind == "gallery":
            for image in _kids(node, "images"):
                visit({**image, "type": "image"})
        elif kind in ("html", "markdown", "embed", "bookmark", "codeblock", "video", "audio", "file",
                      "callout", "toggle", "button", "product", "header", "signup", "email", "paywall"):
            text = html_to_text(node.get("html") or node.get("markdown") or node.get("code") or
                                node.get("calloutText") or node.get("content") or "")
            out.append({"type": "embed", "text": text} if text else {"type": "embed"})
        elif kind == "horizontalrule":
            return
        else:
            for child in _kids(node):
                visit(child)

    root = lexical.get("root") if isinstance(lexical, dict) else None
    if isinstance(root, dict):
        visit(root)
    return out


def post_to_generic(post: dict, base: str = "") -> tuple[dict, Origins]:
    origins = Origins(base)
    out: dict = {"id": post["id"], "headline": html_to_text(post["title"])}
    origins.add("/id", base + "/id")
    origins.add("/headline", base + "/title")
    if nonempty(post.get("updated_at")):
        out["revision"] = post["updated_at"]
        origins.add("/revision", base + "/updated_at")
    alternatives = {key: html_to_text(post[name]) for name, key in ALTERNATIVES if nonempty(post.get(name))}
    if alternatives:
        out["alternative_headlines"] = alternatives
        for name, key in ALTERNATIVES:
            origins.add(f"/alternative_headlines/{key}", f"{base}/{name}")
    if nonempty(post.get("custom_excerpt")):
        out["standfirst"] = html_to_text(post["custom_excerpt"])
        origins.add("/standfirst", base + "/custom_excerpt")
    if nonempty(post.get("slug")):
        out["slug"] = post["slug"]
    names = [a["name"] for a in post.get("authors") or [] if nonempty(a.get("name"))]
    if names:
        out["byline"] = names
    for name in ("published_at", "updated_at"):
        if nonempty(post.get(name)):
            out[name] = iso_utc(post[name])
            origins.add(f"/{name}", f"{base}/{name}")
    blocks: list[dict] = []
    if nonempty(post.get("feature_image")) or nonempty(post.get("feature_image_caption")):
        image: dict = {"id": "feature_image", "type": "image",
                       "caption": html_to_text(post.get("feature_image_caption"))}
        if nonempty(post.get("feature_image_alt")):
            image["alt"] = post["feature_image_alt"].strip()
        origins.add("/blocks/0", base + "/feature_image_caption")
        blocks.append(image)
    if nonempty(post.get("html")):
        body, where = html_blocks(post["html"]), base + "/html"
    else:
        body, where = lexical_blocks(json.loads(post["lexical"])) if nonempty(post.get("lexical")) else [], \
            base + "/lexical"
    for n, item in enumerate(body, start=1):
        origins.add(f"/blocks/{len(blocks)}", where)
        blocks.append({"id": f"b{n}", **item})
    out["blocks"] = blocks
    return out, origins


def adapt_ghost(payload: Any, *, source: str = "-") -> Adapted:
    base, post, event = "", payload, None
    if isinstance(payload, dict) and isinstance(payload.get("post"), dict) and "current" in payload["post"]:
        base, post = "/post/current", payload["post"]["current"]
        event = payload.get("event") if isinstance(payload.get("event"), str) else None
        if post == {}:
            return Adapted(None, {}, None, event or "post.deleted", ignored="the post was deleted")
    elif isinstance(payload, dict) and isinstance(payload.get("posts"), list) and payload["posts"]:
        base, post = "/posts/0", payload["posts"][0]
    problems = shape_problems(post, POST_SCHEMA, base)
    if not problems and nonempty(post.get("lexical")) and not nonempty(post.get("html")):
        try:
            if not isinstance(json.loads(post["lexical"]), dict):
                raise ValueError("not an object")
        except ValueError as exc:
            problems = [Problem(base + "/lexical", f"is not the editor's JSON: {exc}")]
        except RecursionError:
            problems = [Problem(base + "/lexical", "is not the editor's JSON: it is nested too deeply")]
    if problems:
        raise InvalidInput(problems, source)
    try:
        generic, origins = post_to_generic(post, base)
    except RecursionError:  # the lexical tree is walked recursively; the HTML one is capped
        raise InvalidInput([Problem(base + "/lexical", "is nested too deeply to read")], source) from None
    # Ghost sends no delivery id; a post's id and update time name one version of it.
    delivery_id = f"{post['id']}@{post['updated_at']}" if nonempty(post.get("updated_at")) else None
    return Adapted(build(generic, origins, source=source), generic, delivery_id, event)
