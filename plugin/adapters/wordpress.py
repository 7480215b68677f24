"""WordPress: a REST API post (``/wp/v2/posts/<id>``) -> Article.

What is read:

- ``id`` -> ``id`` (as a string); ``modified_gmt`` -> ``revision``;
- ``title.raw`` (edit context) else ``title.rendered`` -> ``headline`` (HTML to text);
- ``excerpt.raw`` else ``excerpt.rendered`` -> ``standfirst``;
- ``date_gmt`` -> ``published_at`` and ``modified_gmt`` -> ``updated_at``: WordPress
  writes them without an offset, and ``_gmt`` means UTC, so ``Z`` is added. A draft's
  ``date_gmt`` is null (not yet scheduled);
- ``_embedded.author[].name`` -> ``byline``, and the featured image's ``caption`` and
  ``alt_text`` from ``_embedded["wp:featuredmedia"][0]`` -> the first block, an image with id
  ``featured_media`` (both only present with ``?_embed``);
- ``slug``;
- ``content.raw`` (Gutenberg block markup) else ``content.rendered`` (plain HTML) -> blocks.

Block markup is split on its ``<!-- wp:name {attrs} -->`` delimiters the way the block
editor's own parser does; each block's HTML then goes through the HTML parser:
paragraphs, headings, ``core/image`` (its ``<figcaption>`` is the caption, ``alt`` the
alt text), ``core/quote`` and ``core/pullquote`` (``<cite>`` is the attribution),
lists (one paragraph per item), galleries (one image per figure). Containers (group,
columns, ...) are read through. Code, tables, custom HTML and embeds become ``embed``
blocks (kept, not read as story text); spacers, separators and ``more`` are skipped.
Content without block delimiters (the classic editor, or ``content.rendered``) is read as
HTML, with ``[caption]`` shortcodes turned into images.

Block ids are ``b`` + the block's 1-based position: ``b3`` for the third top-level block, and
``b3.2`` for the second block it yields when it yields several (list items, gallery
images, inner blocks of a container).

The payload may also come wrapped as ``{"type": ..., "data": post}`` (the Standard
Webhooks envelope a small companion plugin would send).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from plugin.adapters.html import html_blocks, html_to_text
from plugin.adapters.payload import Adapted, Origins, build, iso_utc, nonempty, shape_problems
from plugin.validation import InvalidInput

_RENDERED = {"type": "object",
             "properties": {"raw": {"type": ["string", "null"]}, "rendered": {"type": ["string", "null"]}},
             "anyOf": [{"required": ["raw"]}, {"required": ["rendered"]}]}
POST_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["id", "title", "content"],
    "properties": {
        "id": {"type": ["integer", "string"], "minLength": 1, "minimum": 0},
        "title": _RENDERED,
        "content": _RENDERED,
        "excerpt": _RENDERED,
        "date_gmt": {"type": ["string", "null"]},
        "modified_gmt": {"type": ["string", "null"]},
        "slug": {"type": ["string", "null"]},
        "_embedded": {"type": "object", "properties": {
            "author": {"type": "array", "items": {"type": "object"}},
            "wp:featuredmedia": {"type": "array", "items": {"type": "object", "properties": {
                "caption": {"type": "object"}, "alt_text": {"type": ["string", "null"]}}}}}},
    },
}

# The block editor's delimiter grammar: <!-- wp:ns/name {"json":1} /--> and <!-- /wp:name -->.
_DELIMITER = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<ns>[a-z][a-z0-9_-]*/)?(?P<name>[a-z][a-z0-9_-]*)\s+"
    r"(?P<attrs>\{.*?\}\s+)?(?P<void>/)?-->", re.S)
_CAPTION = re.compile(r"\[caption(?P<attrs>[^\]]*)\](?P<inner>.*?)\[/caption\]", re.S)
_CAPTION_IMG = re.compile(r"^\s*(?P<img>(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(?P<text>.*)$", re.S)
_CAPTION_ATTR = re.compile(r'\bcaption="(?P<text>[^"]*)"')
_MEDIA_SHORTCODE = re.compile(
    r"\[(?:gallery|playlist|audio|video|embed)\b[^\]]*\](?:[^\[]*\[/(?:embed|video|audio)\])?")

SKIPPED = {"more", "nextpage", "separator", "spacer", "page-break", "comments", "latest-posts",
           "buttons", "button", "social-links", "navigation", "search", "query"}
LEAVES = {"image", "quote", "pullquote", "list", "gallery", "media-text", "cover"}
EMBED = {"code", "preformatted", "table", "html", "embed", "shortcode", "video", "audio", "file",
         "verse", "math"}


@dataclass
class GBlock:
    name: str
    attrs: dict
    inner: list["GBlock | str"] = field(default_factory=list)  # HTML strings and inner blocks

    def html(self) -> str:
        """The block's saved HTML with its inner blocks' HTML in place, delimiters removed."""
        return "".join(part if isinstance(part, str) else part.html() for part in self.inner)

    @property
    def children(self) -> list["GBlock"]:
        return [p for p in self.inner if isinstance(p, GBlock)]


def parse_blocks(markup: str) -> list[GBlock]:
    """The block tree of Gutenberg markup; HTML between blocks is a ``core/freeform`` block."""
    root = GBlock("root", {})
    stack = [root]
    position = 0
    for match in _DELIMITER.finditer(markup):
        if match.start() > position:
            stack[-1].inner.append(markup[position:match.start()])
        position = match.end()
        name = (match.group("ns") or "core/") + match.group("name")
        if match.group("closer"):
            for i in range(len(stack) - 1, 0, -1):
                if stack[i].name == name:
                    del stack[i:]
                    break
            continue
        try:
            attrs = json.loads(match.group("attrs")) if match.group("attrs") else {}
        except ValueError:
            attrs = {}
        block = GBlock(name, attrs if isinstance(attrs, dict) else {})
        stack[-1].inner.append(block)
        if not match.group("void"):
            stack.append(block)
    if position < len(markup):
        stack[-1].inner.append(markup[position:])
    top: list[GBlock] = []
    for part in root.inner:
        if isinstance(part, GBlock):
            top.append(part)
        elif part.strip():
            top.append(GBlock("core/freeform", {}, [part]))
    return top


def _shortcode_caption(match: re.Match) -> str:
    inner = match.group("inner")
    parts = _CAPTION_IMG.match(inner)
    img, text = (parts.group("img"), parts.group("text")) if parts else ("", inner)
    attribute = _CAPTION_ATTR.search(match.group("attrs"))
    if attribute and not text.strip():
        text = attribute.group("text")
    return f"<figure>{img}<figcaption>{text.strip()}</figcaption></figure>"


def classic_blocks(html: str) -> list[dict]:
    """Blocks of classic-editor HTML, with its caption shortcodes as images."""
    html = _CAPTION.sub(_shortcode_caption, html)
    html = _MEDIA_SHORTCODE.sub("", html)
    return html_blocks(html)


def _block_items(block: GBlock) -> list[dict]:
    short = block.name.removeprefix("core/")
    if short in SKIPPED:
        return []
    if short in EMBED or block.name.startswith("core-embed/"):
        text = html_to_text(block.html())
        return [{"type": "embed", "text": text} if text else {"type": "embed"}]
    if short == "freeform":
        return classic_blocks(block.html())
    if short in ("paragraph", "heading"):
        text = html_to_text(block.html())
        return [{"type": short, "text": text}] if text else []
    if short in LEAVES or not block.children:
        items = html_blocks(_CAPTION.sub(_shortcode_caption, block.html()))
        if short == "image":  # one image per image block, whatever the theme wraps it in
            images = [i for i in items if i["type"] == "image"]
            return images[:1] or [{"type": "image", "caption": ""}]
        return items
    # Containers (group, columns, column, ...): their inner blocks, in order.
    out: list[dict] = []
    for child in block.children:
        out.extend(_block_items(child))
    return out


def content_blocks(markup: str) -> list[tuple[dict, int, int | None]]:
    """(block, top-level index, sub-index or None) for a post's content."""
    out: list[tuple[dict, int, int | None]] = []
    if "<!-- wp:" not in markup:
        for i, item in enumerate(classic_blocks(markup)):
            out.append((item, i, None))
        return out
    for i, block in enumerate(parse_blocks(markup)):
        items = _block_items(block)
        for j, item in enumerate(items, start=1):
            out.append((item, i, j if len(items) > 1 else None))
    return out


def _field(value: Any, base: str, name: str) -> tuple[str | None, str]:
    """The raw (edit context) or rendered text of a ``{raw, rendered}`` object."""
    if not isinstance(value, dict):
        return None, f"{base}/{name}"
    for key in ("raw", "rendered"):
        if isinstance(value.get(key), str):
            return value[key], f"{base}/{name}/{key}"
    return None, f"{base}/{name}"


def post_to_generic(post: dict, base: str = "") -> tuple[dict, Origins]:
    origins = Origins(base)
    out: dict = {"id": str(post["id"])}
    origins.add("/id", base + "/id")
    title, where = _field(post["title"], base, "title")
    out["headline"] = html_to_text(title)
    origins.add("/headline", where)
    if nonempty(post.get("modified_gmt")):
        out["revision"] = post["modified_gmt"]
        origins.add("/revision", base + "/modified_gmt")
    excerpt, where = _field(post.get("excerpt"), base, "excerpt")
    if nonempty(excerpt) and html_to_text(excerpt):
        out["standfirst"] = html_to_text(excerpt)
        origins.add("/standfirst", where)
    if nonempty(post.get("slug")):
        out["slug"] = post["slug"]
    for target, name in (("published_at", "date_gmt"), ("updated_at", "modified_gmt")):
        if nonempty(post.get(name)):
            out[target] = iso_utc(post[name])
            origins.add(f"/{target}", f"{base}/{name}")
    authors = ((post.get("_embedded") or {}).get("author")) or []
    names = [html_to_text(a["name"]) for a in authors if nonempty(a.get("name"))]
    if names:
        out["byline"] = names
    content, where = _field(post["content"], base, "content")
    blocks = []
    media = ((post.get("_embedded") or {}).get("wp:featuredmedia")) or []
    featured = media[0] if isinstance(media, list) and media and isinstance(media[0], dict) else None
    if featured is not None and (featured.get("media_type") in (None, "image")):
        caption, caption_at = _field(featured.get("caption"), f"{base}/_embedded/wp:featuredmedia/0",
                                     "caption")
        image: dict = {"id": "featured_media", "type": "image", "caption": html_to_text(caption)}
        if nonempty(featured.get("alt_text")):
            image["alt"] = featured["alt_text"].strip()
        origins.add("/blocks/0", caption_at)
        blocks.append(image)
    for item, i, j in content_blocks(content or ""):
        block_id = f"b{i + 1}" if j is None else f"b{i + 1}.{j}"
        origins.add(f"/blocks/{len(blocks)}", where)
        blocks.append({"id": block_id, **item})
    out["blocks"] = blocks
    return out, origins


def adapt_wordpress(payload: Any, *, source: str = "-") -> Adapted:
    base, post, event = "", payload, None
    if isinstance(payload, dict) and isinstance(payload.get("data"), dict) and "type" in payload \
            and "content" not in payload:
        base, post = "/data", payload["data"]
        event = payload["type"] if isinstance(payload["type"], str) else None
    problems = shape_problems(post, POST_SCHEMA, base)
    if problems:
        raise InvalidInput(problems, source)
    generic, origins = post_to_generic(post, base)
    return Adapted(build(generic, origins, source=source), generic, None, event)
