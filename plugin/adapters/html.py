"""HTML from a CMS -> plain text and blocks, with Python's own HTML parser.

CMSes hand us HTML in many places: an ANS text element's ``content``, a
WordPress ``title.rendered``, a Ghost ``html`` body or ``feature_image_caption``.
Checks read plain text, and every offset they report is into that plain text,
so what this module returns *is* the text of the block: entities decoded,
inline markup (``<em>``, ``<a>``, ``<span>`` nested to any depth) dropped
without adding spaces, whitespace collapsed the way a browser shows it,
``<br>`` as a line break, and block-level elements separated by line breaks.

``html_to_text`` turns one fragment into one string. ``html_blocks`` splits a
whole body into the generic article's block dicts (paragraph, heading, quote
with its ``<cite>``, image with its ``<figcaption>`` and ``alt``, list items as
paragraphs, tables/code/iframes as ``embed``), without ids: the caller names
them, since each CMS has its own way to address a block.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr"})
# Elements whose content is never shown as text.
HIDDEN = frozenset({"script", "style", "template", "noscript", "head", "title", "object", "svg",
                    "math", "button", "select", "textarea"})
BLOCK_LEVEL = frozenset({
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
CONTAINERS = frozenset({"div", "section", "article", "main", "header", "footer", "aside", "body",
                        "html", "hgroup", "center", "details", "nav"})
EMBEDS = frozenset({"table", "pre", "iframe", "video", "audio", "form", "dl", "object", "embed",
                    "canvas", "svg", "math", "code"})
# An open <p> is closed by the start of any of these (HTML's implied end tags).
_CLOSES_P = BLOCK_LEVEL - {"caption", "dd", "dt", "li", "td", "th", "tr", "tbody", "thead", "tfoot",
                           "summary", "figcaption"}
_IMPLIED_SIBLING = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr"},
                    "td": {"td", "th"}, "th": {"td", "th"}, "option": {"option"}}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list["Node | str"] = field(default_factory=list)

    def find(self, *tags: str) -> "Node | None":
        for child in self.children:
            if isinstance(child, Node):
                if child.tag in tags:
                    return child
                found = child.find(*tags)
                if found is not None:
                    return found
        return None

    def find_all(self, *tags: str) -> list["Node"]:
        out: list[Node] = []
        for child in self.children:
            if isinstance(child, Node):
                if child.tag in tags:
                    out.append(child)
                out.extend(child.find_all(*tags))
        return out

    def without(self, *tags: str) -> "Node":
        """A copy with every descendant element of the given tags left out."""
        kept = [c if isinstance(c, str) else c.without(*tags)
                for c in self.children if isinstance(c, str) or c.tag not in tags]
        return Node(self.tag, self.attrs, kept)


# Deeper elements are unwrapped (their content kept in the deepest open one), as
# browsers also stop nesting at some depth: every walk of the tree recurses, and
# hundreds of nested <div>s would otherwise exhaust Python's recursion limit.
MAX_DEPTH = 200


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]
        self.unwrapped: dict[str, int] = {}  # open start tags not nested, by tag

    def _close(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_starttag(self, tag: str, attrs) -> None:
        open_tags = [n.tag for n in self.stack]
        if tag in _CLOSES_P and "p" in open_tags:
            self._close("p")
        siblings = _IMPLIED_SIBLING.get(tag)
        if siblings and self.stack[-1].tag in siblings:
            self.stack.pop()
        if tag not in VOID and len(self.stack) >= MAX_DEPTH:
            self.unwrapped[tag] = self.unwrapped.get(tag, 0) + 1
            return
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs) -> None:
        before = self.unwrapped.get(tag, 0)
        self.handle_starttag(tag, attrs)
        if self.unwrapped.get(tag, 0) > before:  # never opened, so nothing to close
            self.unwrapped[tag] = before
        elif tag not in VOID:
            self._close(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.unwrapped.get(tag):
            self.unwrapped[tag] -= 1
            return
        if tag == "br":  # "</br>" is read as <br> by browsers too
            self.stack[-1].children.append(Node("br"))
            return
        if tag == "p" and "p" not in [n.tag for n in self.stack]:
            self.stack[-1].children.append(Node("p"))  # a stray </p> is an empty paragraph
            return
        self._close(tag)

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    """The element tree of an HTML fragment (comments and doctypes dropped)."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# Sentinels while flattening: a soft break between block-level elements, a hard <br>.
# Text never carries them: browsers drop a NUL in body text, and U+0001 is an
# invisible control character, so both leave the text (see _visible).
_SOFT, _HARD = "\x00", "\x01"
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


def _visible(data: str) -> str:
    """Text data without the characters the flattening uses as sentinels."""
    if _SOFT in data or _HARD in data:
        return data.replace(_SOFT, "").replace(_HARD, "")
    return data


def _flatten(node: Node | str, out: list[str], pre: bool = False) -> None:
    if isinstance(node, str):
        node = _visible(node)
        out.append(node.replace("\n", _HARD) if pre else node)
        return
    if node.tag in HIDDEN:
        return
    if node.tag == "br":
        out.append(_HARD)
        return
    if node.tag == "img":
        return
    block = node.tag in BLOCK_LEVEL
    if block:
        out.append(_SOFT)
    for child in node.children:
        _flatten(child, out, pre or node.tag == "pre")
    if block:
        out.append(_SOFT)


def _finish(raw: str) -> str:
    text = _HTML_SPACE.sub(" ", raw)
    text = re.sub(f" *([{_SOFT}{_HARD}]) *", r"\1", text)
    text = re.sub(f"{_SOFT}+", _SOFT, text)
    # A soft break next to a hard one adds nothing; alone it is one line break.
    text = re.sub(f"{_SOFT}(?={_HARD})|(?<={_HARD}){_SOFT}", "", text)
    text = text.strip(f" {_SOFT}")
    # Browsers do not render a trailing <br>.
    text = text.rstrip(f"{_HARD} ")
    return text.replace(_SOFT, "\n").replace(_HARD, "\n")


def node_text(node: Node | str) -> str:
    out: list[str] = []
    _flatten(node, out)
    return _finish("".join(out))


def html_to_text(html: str | None) -> str:
    """The plain text a reader sees for an HTML fragment ("" for None)."""
    if not isinstance(html, str) or not html:
        return ""
    if "<" not in html and "&" not in html:
        return _finish(_visible(html))
    return node_text(parse(html))


# -- splitting a body into blocks ---------------------------------------------------

def _is_blank(child: Node | str) -> bool:
    return isinstance(child, str) and not child.strip()


def _image_block(img: Node | None, caption: Node | None) -> dict:
    out: dict = {"type": "image", "caption": node_text(caption) if caption is not None else ""}
    alt = (img.attrs.get("alt") or "").strip() if img is not None else ""
    if alt:
        out["alt"] = alt
    return out


def _quote_block(quote: Node) -> dict:
    cite = quote.find("cite") or quote.find("footer")
    out: dict = {"type": "quote", "text": node_text(quote.without("cite", "footer"))}
    if cite is not None and node_text(cite):
        out["attribution"] = node_text(cite)
    return out


def _embed(node: Node) -> dict:
    out: dict = {"type": "embed"}
    text = node_text(node)
    if text:
        out["text"] = text
    media = node.find("iframe", "video", "audio", "source")
    src = node.attrs.get("src") or (media.attrs.get("src") if media is not None else None)
    if src:
        out["url"] = src
    return out


def _outermost(node: Node, tag: str) -> list[Node]:
    """Descendants with the tag that are not inside another one: each figure of a
    gallery once (all of them, nested ones too, took time exponential in the depth)."""
    out: list[Node] = []
    for child in node.children:
        if isinstance(child, Node):
            out.extend([child] if child.tag == tag else _outermost(child, tag))
    return out


def _figure(node: Node) -> list[dict]:
    inner = [c for c in node.children if isinstance(c, Node) and c.tag != "figcaption"]
    nested = _outermost(node, "figure")
    if nested:  # a gallery: figures inside a figure (or inside its list)
        out: list[dict] = []
        for fig in nested:
            out.extend(_figure(fig))
        return out
    quote = node.find("blockquote")
    if quote is not None:
        return [_quote_block(quote)]
    caption = node.find("figcaption")
    img = node.find("img")
    if img is not None:
        return [_image_block(img, caption)]
    if any(c.tag in EMBEDS or c.find(*EMBEDS) is not None for c in inner):
        return [_embed(node)]
    if caption is not None:
        return [_image_block(None, caption)]
    return [_embed(node)] if node_text(node) else []


def _list_items(node: Node) -> list[dict]:
    out: list[dict] = []
    for child in node.children:
        if isinstance(child, Node) and child.tag == "li":
            text = node_text(child.without("ul", "ol"))
            if text:
                out.append({"type": "paragraph", "text": text})
            for sub in child.children:
                if isinstance(sub, Node) and sub.tag in ("ul", "ol"):
                    out.extend(_list_items(sub))
        elif isinstance(child, Node) and child.tag in ("ul", "ol"):
            out.extend(_list_items(child))
    return out


def _element_blocks(node: Node) -> list[dict]:
    tag = node.tag
    if tag in HIDDEN or tag in ("hr", "br", "wbr"):
        return []
    if tag in HEADINGS:
        text = node_text(node)
        return [{"type": "heading", "text": text}] if text else []
    if tag == "blockquote":
        return [_quote_block(node)]
    if tag == "figure":
        return _figure(node)
    if tag in ("ul", "ol"):
        return _list_items(node)
    if tag == "img":
        return [_image_block(node, None)]
    if tag in EMBEDS:
        return [_embed(node)]
    if tag == "p":
        # A paragraph holding only an image (as editors often produce) is the image.
        meaningful = [c for c in node.children if not _is_blank(c)]
        if meaningful and all(isinstance(c, Node) and (c.tag == "img" or (c.tag == "a" and c.find("img")))
                              for c in meaningful):
            return [_image_block(node.find("img"), None)]
        text = node_text(node)
        return [{"type": "paragraph", "text": text}] if text else []
    if tag in CONTAINERS or any(isinstance(c, Node) and c.tag in BLOCK_LEVEL for c in node.children):
        return _children_blocks(node.children)
    text = node_text(node)
    return [{"type": "paragraph", "text": text}] if text else []


_BLANK_LINE = re.compile(r"\n[ \t\r\f]*\n")


def _children_blocks(children: list[Node | str]) -> list[dict]:
    """Blocks of a sequence of sibling nodes; runs of inline content are paragraphs.

    In classic (pre-block) WordPress content paragraphs are separated by blank
    lines rather than ``<p>`` tags, so a blank line in loose text ends a run.
    """
    out: list[dict] = []
    run: list[Node | str] = []

    def flush() -> None:
        if run:
            text = node_text(Node("p", {}, list(run)))
            if text:
                out.append({"type": "paragraph", "text": text})
            run.clear()

    for child in children:
        if isinstance(child, str):
            parts = _BLANK_LINE.split(child)
            for i, part in enumerate(parts):
                if i:
                    flush()
                run.append(part)
        elif child.tag in BLOCK_LEVEL or child.tag in EMBEDS or child.tag in HIDDEN or (
                child.tag == "img" and not run_has_text(run)):
            flush()
            out.extend(_element_blocks(child))
        else:
            run.append(child)
    flush()
    return out


def run_has_text(run: list[Node | str]) -> bool:
    return any(node_text(c) for c in run)


def html_blocks(html: str | None) -> list[dict]:
    """The generic article blocks (without ids) of an HTML body, in reading order."""
    if not isinstance(html, str) or not html.strip():
        return []
    return _children_blocks(parse(html).children)
