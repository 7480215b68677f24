"""A Markdown draft with YAML, TOML or JSON front matter (Hugo, Jekyll) -> Article.

Front matter (``---`` YAML, ``+++`` TOML, or a bare JSON object, as Hugo reads
them) gives the metadata:

- ``title`` -> headline (else the first ``# heading`` before any other block);
- ``description`` or ``summary`` -> standfirst;
- ``seo_title``/``seoTitle``/``meta_title`` and ``social_title``/``og_title``
  (or an ``alternative_headlines`` table) -> alternative headlines;
- ``author``/``authors`` (strings, or tables with a ``name``) -> byline;
- ``date``/``publishDate``/``pubdate`` -> published_at,
  ``lastmod``/``modified``/``last_modified_at``/``updated`` -> updated_at
  (ISO 8601, and Jekyll's ``2025-05-15 10:00:00 +0400``);
- ``images``/``image``/``cover``/``featured_image`` entries that are tables
  with a ``caption`` (and ``credit``/``attr``, ``alt``) -> image blocks.
Keys may also sit under Hugo's ``params`` table.

The body gives the blocks: paragraphs (list items included), headings,
block quotes (a last line starting with a dash is the attribution), and images:
a Hugo ``figure`` shortcode (``{{< figure src=... caption=... attr=... >}}``),
a Jekyll ``{% include figure.html caption=... credit=... %}``, an HTML
``<figure>`` with a ``<figcaption>``, or a Markdown image paragraph whose
caption is its title, the text on the lines under it, or an all-italic
paragraph right after it. Code, tables and other shortcodes are not prose
and are left out.

The text the checks read is plain: emphasis markers, link targets, inline
HTML and escapes are stripped. A ``plugin.sourcemap.SourceMap`` records where
every character came from, so each finding maps back to a file line and
column. Block ids are ``L<n>``, the file line where the block starts.

Inline suppressions are HTML comments: ``<!-- factcheck: ignore ID[, ID] -->``
covers the next block (or, inside a paragraph, that paragraph);
``<!-- factcheck: disable ID -->`` ... ``<!-- factcheck: enable ID -->``
covers a range of blocks. ID is a check (``repeated-caption``), a rule
(``page-furniture/read-more``), or nothing for every check.
"""
from __future__ import annotations

import html
import json
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Iterator
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from markdown_it import MarkdownIt

from checks.credits import find_inline_credit
from checks.dates import parse_date_field
from checks.model import Article, Block, DateField
from plugin.sourcemap import ALL, Builder, SourceMap, UnitMap
from plugin.validation import InvalidInput, Problem

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mdx"}

# Block structure only: inline markup is stripped here, with positions, so
# markdown-it's own inline pass (the slow part) is switched off.
_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable(["inline", "text_join"])

Pos = Callable[[int], tuple[int, int]]

# -- front matter ----------------------------------------------------------

TITLE_KEYS = ("title",)
STANDFIRST_KEYS = ("description", "summary", "subtitle", "standfirst")
ALT_HEADLINE_KEYS = {
    "seo": ("seo_title", "seoTitle", "seotitle", "meta_title", "metaTitle"),
    "social": ("social_title", "socialTitle", "og_title", "ogTitle", "twitter_title"),
    "web": ("linkTitle", "linktitle", "short_title"),
}
AUTHOR_KEYS = ("authors", "author", "byline")
PUBLISHED_KEYS = ("date", "publishDate", "publishdate", "pubdate", "published_at")
UPDATED_KEYS = ("lastmod", "modified", "last_modified_at", "updated", "updated_at")
IMAGE_KEYS = ("images", "image", "cover", "featured_image", "featuredImage")
CREDIT_KEYS = ("credit", "attr", "attribution", "copyright", "source")
_JEKYLL_DATETIME = re.compile(
    r"^(?P<day>\d{4}-\d{2}-\d{2})[ Tt](?P<time>\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)"
    r"\s*(?P<zone>Z|z|[+-]\d{2}:?\d{2})?$")


@dataclass
class FrontMatter:
    data: dict[str, Any]
    # Locates a value: (key path, value) -> its map in the file, or None.
    locate: Callable[[tuple, str], UnitMap | None]
    # The raw text of a scalar as written (for dates), or None.
    raw: Callable[[tuple], str | None]
    line_of: Callable[[tuple], int | None]


def _split_front_matter(lines: list[str], text: str) -> tuple[str, int, int, int] | None:
    """(kind, first content line, end line (exclusive), first body line), 0-based."""
    if not lines:
        return None
    first = lines[0].lstrip("\ufeff").rstrip()
    if first in ("---", "+++"):
        closers = ("---", "...") if first == "---" else ("+++",)
        for i in range(1, len(lines)):
            if lines[i].rstrip() in closers:
                return ("yaml" if first == "---" else "toml"), 1, i, i + 1
        return None
    if first.startswith("{"):
        try:
            _obj, end = json.JSONDecoder().raw_decode(text.lstrip("\ufeff"))
        except json.JSONDecodeError:
            return None
        last = text.lstrip("\ufeff")[:end].count("\n")
        return "json", 0, last + 1, last + 1
    return None


def _unit_at(line: int, col: int, raw: str, value: str) -> UnitMap:
    if raw == value:
        return UnitMap.at(line, col, len(value))
    return UnitMap.start_only(line, col, len(value))


def _yaml_front(block: str, offset: int, source: str) -> FrontMatter:
    loader = yaml.SafeLoader(block)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1 + offset}, column {mark.column + 1})" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc)
        problem = Problem("", f"front matter is not valid YAML: {reason}{where}")
        raise InvalidInput([problem], source) from None
    finally:
        loader.dispose()
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict):
        raise InvalidInput([Problem("", "front matter must be a mapping of keys to values")], source)

    def find(path: tuple) -> Any:
        current = node
        for key in path:
            if isinstance(current, yaml.MappingNode):
                current = next((v for k, v in current.value if getattr(k, "value", None) == key), None)
            elif isinstance(current, yaml.SequenceNode) and isinstance(key, int):
                current = current.value[key] if key < len(current.value) else None
            else:
                return None
            if current is None:
                return None
        return current

    def locate(path: tuple, value: str) -> UnitMap | None:
        found = find(path)
        if not isinstance(found, yaml.ScalarNode):
            return None
        start, end = found.start_mark, found.end_mark
        line, col = start.line + 1 + offset, start.column + 1
        raw = block[start.index:end.index]
        if found.style in ('"', "'"):
            return _unit_at(line, col + 1, raw[1:-1], value)
        if found.style in ("|", ">"):
            return UnitMap.start_only(line + 1, 1, len(value))
        return _unit_at(line, col, raw, value)

    def raw(path: tuple) -> str | None:
        found = find(path)
        if not isinstance(found, yaml.ScalarNode):
            return None
        text = block[found.start_mark.index:found.end_mark.index]
        return text[1:-1] if found.style in ('"', "'") else text

    def line_of(path: tuple) -> int | None:
        found = find(path)
        return None if found is None else found.start_mark.line + 1 + offset

    return FrontMatter(data, locate, raw, line_of)


class _TextLocator:
    """Finds values in TOML or JSON front matter by looking for them after their key."""

    def __init__(self, lines: list[str], offset: int):
        self.lines = lines
        self.offset = offset  # 0-based file line of lines[0]
        self.used: set[tuple[int, int]] = set()

    def _key_lines(self, key: str) -> Iterator[tuple[int, int]]:
        pattern = re.compile(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*[=:]\s*")
        for i, line in enumerate(self.lines):
            match = pattern.match(line)
            if match:
                yield i, match.end()

    _NEXT_KEY = re.compile(r"^\s*(?:[\"']?[\w.-]+[\"']?\s*[=:]|\[)")

    def locate(self, path: tuple, value: str) -> UnitMap | None:
        key = next((k for k in reversed(path) if isinstance(k, str)), None)
        if key is None:
            return None
        fallback = None
        for i, start in self._key_lines(key):
            fallback = fallback or (i, start)
            j = i
            while j < len(self.lines):
                col = self.lines[j].find(value, start) if value else -1
                if col >= 0 and (j, col) not in self.used:
                    self.used.add((j, col))
                    return UnitMap.at(self.offset + j + 1, col + 1, len(value))
                j, start = j + 1, 0
                if j < len(self.lines) and self._NEXT_KEY.match(self.lines[j]):
                    break
        if fallback:
            return UnitMap.start_only(self.offset + fallback[0] + 1, fallback[1] + 1, len(value))
        return None

    def raw(self, path: tuple) -> str | None:
        key = next((k for k in reversed(path) if isinstance(k, str)), None)
        for i, start in self._key_lines(key or ""):
            literal = self.lines[i][start:].split(" #")[0].strip().rstrip(",")
            if len(literal) >= 2 and literal[0] == literal[-1] and literal[0] in "\"'":
                literal = literal[1:-1]
            return literal or None
        return None

    def line_of(self, path: tuple) -> int | None:
        key = next((k for k in reversed(path) if isinstance(k, str)), None)
        for i, _start in self._key_lines(key or ""):
            return self.offset + i + 1
        return None


def _text_front(kind: str, block_lines: list[str], offset: int, source: str) -> FrontMatter:
    block = "\n".join(block_lines)
    try:
        data = tomllib.loads(block) if kind == "toml" else json.loads(block)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInput([Problem("", f"front matter is not valid TOML: {exc}")], source) from None
    except json.JSONDecodeError as exc:
        problem = Problem("", f"front matter is not valid JSON: {exc.msg} "
                              f"(line {exc.lineno + offset}, column {exc.colno})")
        raise InvalidInput([problem], source) from None
    if not isinstance(data, dict):
        raise InvalidInput([Problem("", "front matter must be a mapping of keys to values")], source)
    locator = _TextLocator(block_lines, offset)
    return FrontMatter(data, locator.locate, locator.raw, locator.line_of)


def _lookup(data: dict, keys: tuple[str, ...]) -> tuple[tuple, Any] | None:
    """The first of ``keys`` present (top level, then under ``params``)."""
    for scope in ((), ("params",)):
        table = data
        for part in scope:
            table = table.get(part) if isinstance(table, dict) else None
        if not isinstance(table, dict):
            continue
        for key in keys:
            if key in table and table[key] not in (None, "", []):
                return scope + (key,), table[key]
    return None


def _date_field(name: str, value: Any, raw: str | None) -> DateField:
    if isinstance(value, bool):
        raise ValueError("is a true/false value, not a date")
    if raw is None or not raw.strip():
        raw = value.isoformat() if isinstance(value, (date, datetime)) else str(value)
    text = raw.strip()
    match = _JEKYLL_DATETIME.match(text)
    if match:
        zone = match.group("zone") or ""
        if zone and zone not in "Zz" and ":" not in zone:
            zone = zone[:3] + ":" + zone[3:]
        time = match.group("time")
        if len(time.split(":")[0]) == 1:
            time = "0" + time
        parsed = datetime.fromisoformat(f"{match.group('day')}T{time}{zone.upper()}")
        return DateField(name, raw, parsed, False)
    parsed_field = parse_date_field(name, text)
    assert parsed_field is not None
    return DateField(name, raw, parsed_field.value, parsed_field.date_only)


# -- inline Markdown -> plain text with a position map ---------------------

_SPECIAL = re.compile(r"[\\\n`<{!\[*_~&]")
_ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+\.[A-Za-z]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?\s*/?>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SUPPRESSION = re.compile(r"<!--\s*factcheck:\s*(?P<verb>ignore|disable|enable)\b(?P<ids>.*?)-->", re.S)


def _matching(s: str, i: int, hi: int, open_: str, close: str) -> int:
    """Index of the bracket closing the one at ``i``, or -1."""
    depth = 0
    j = i
    while j < hi:
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "`":  # brackets inside code spans do not count
            run = len(s[j:hi]) - len(s[j:hi].lstrip("`"))
            end = s.find("`" * run, j + run, hi)
            j = (end + run) if end >= 0 else j + run
            continue
        if c == open_:
            depth += 1
        elif c == close:
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


def _link_end(s: str, i: int, hi: int) -> int:
    """Given ``s[i]`` just after a link's ``]``, the index past its target, or -1."""
    if i < hi and s[i] == "(":
        end = _matching(s, i, hi, "(", ")")
        return end + 1 if end >= 0 else -1
    if i < hi and s[i] == "[":
        end = s.find("]", i, hi)
        return end + 1 if end >= 0 else -1
    return -1


class Inline:
    """Strips inline Markdown from a slice of a block's content, keeping positions."""

    def __init__(self, s: str, pos: Pos, comments: list[tuple[int, str]]):
        self.s = s
        self.pos = pos
        self.comments = comments  # (offset, text) of HTML comments met on the way

    def strip(self, lo: int, hi: int, out: Builder) -> None:
        s = self.s
        i = lo
        while i < hi:
            match = _SPECIAL.search(s, i, hi)
            j = match.start() if match else hi
            if j > i:
                line, col = self.pos(i)
                out.add(s[i:j], line, col)
            if j >= hi:
                return
            i = self._special(j, hi, out)

    def _emit(self, text: str, at: int, out: Builder) -> None:
        line, col = self.pos(at)
        out.add(text, line, col)

    def _special(self, i: int, hi: int, out: Builder) -> int:
        s = self.s
        c = s[i]
        nxt = s[i + 1] if i + 1 < hi else ""
        if c == "\\":
            if nxt == "\n":
                self._emit("\n", i + 1, out)
                return i + 2
            if nxt and nxt in _ASCII_PUNCT:
                self._emit(nxt, i + 1, out)
                return i + 2
            self._emit(c, i, out)
            return i + 1
        if c == "\n":
            self._emit("\n", i, out)
            return i + 1
        if c == "`":
            run = len(s[i:hi]) - len(s[i:hi].lstrip("`"))
            end = s.find("`" * run, i + run, hi)
            if end < 0:
                self._emit(s[i:i + run], i, out)
                return i + run
            lo, up = i + run, end
            if up - lo >= 2 and s[lo] == " " and s[up - 1] == " ":
                lo, up = lo + 1, up - 1
            for k in range(lo, up):  # a code span may wrap; map char by char
                self._emit(s[k], k, out)
            return end + run
        if c == "<":
            if s.startswith("<!--", i):
                end = s.find("-->", i + 4, hi)
                if end >= 0:
                    self.comments.append((i, s[i:end + 3]))
                    return end + 3
            match = _AUTOLINK.match(s, i, hi)
            if match:
                self.strip(match.start(1), match.end(1), out)
                return match.end()
            match = _HTML_TAG.match(s, i, hi)
            if match:
                return match.end()
            self._emit(c, i, out)
            return i + 1
        if c == "{" and nxt in ("{", "%"):
            if s.startswith(("{{<", "{{%"), i):
                end = s.find("}}", i + 3, hi)
                if end >= 0:
                    return end + 2
            if s.startswith("{%", i):
                end = s.find("%}", i + 2, hi)
                if end >= 0:
                    return end + 2
            self._emit(c, i, out)
            return i + 1
        if c == "!" and nxt == "[":
            close = _matching(s, i + 1, hi, "[", "]")
            end = _link_end(s, close + 1, hi) if close >= 0 else -1
            if end >= 0:
                return end  # an inline image is not prose
            self._emit(c, i, out)
            return i + 1
        if c == "[":
            close = _matching(s, i, hi, "[", "]")
            if close >= 0 and s.startswith("[^", i):
                return close + 1  # a footnote reference
            end = _link_end(s, close + 1, hi) if close >= 0 else -1
            if end >= 0:
                self.strip(i + 1, close, out)
                return end
            self._emit(c, i, out)
            return i + 1
        if c in "*_~":
            run_end = i
            while run_end < hi and s[run_end] == c:
                run_end += 1
            before = s[i - 1] if i > 0 else " "
            after = s[run_end] if run_end < hi else " "
            literal = (
                (c == "_" and before.isalnum() and after.isalnum())
                or (c == "~" and run_end - i < 2)
                or (before.isspace() and after.isspace())
            )
            if literal:
                self._emit(s[i:run_end], i, out)
            return run_end
        if c == "&":
            match = _ENTITY.match(s, i, hi)
            if match:
                self._emit(html.unescape(match.group()), i, out)
                return match.end()
            self._emit(c, i, out)
            return i + 1
        self._emit(c, i, out)
        return i + 1


# -- shortcodes and figures ------------------------------------------------

_SHORTCODE = re.compile(r"\{\{[<%]\s*(?P<name>/?[\w./-]+)(?P<params>.*?)\s*/?[%>]\}\}", re.S)
_INCLUDE = re.compile(r"\{%-?\s*include\s+(?P<name>[\w./-]+)(?P<params>.*?)-?%\}", re.S)
_PARAM = re.compile(
    r"(?P<key>[\w-]+)\s*=\s*"
    r"(?:\"(?P<dq>(?:[^\"\\]|\\.)*)\"|'(?P<sq>[^']*)'|`(?P<bq>[^`]*)`|(?P<bare>[^\s\"'`]+))",
    re.S)
_FIGURE_NAMES = re.compile(r"(?:^|/)(?:figure|image|img|photo|picture)[\w-]*(?:\.html)?$", re.I)
_IMAGE_LEAD = re.compile(r"^\s*!\[")
_FIGCAPTION = re.compile(r"<figcaption[^>]*>(?P<caption>.*?)</figcaption>", re.S | re.I)
_IMG_ALT = re.compile(r"<img\b[^>]*?\balt\s*=\s*\"(?P<alt>[^\"]*)\"", re.S | re.I)
_ATTRIBUTION = re.compile(r"^[ \t]*(?:—|―|–|--|-)[ \t]*(?=\S)", re.M)
_EMPHASIS_ONLY = re.compile(r"^\s*(?P<m>\*{1,2}|_{1,2})(?=\S)(?P<body>.+?)(?<=\S)(?P=m)\s*$", re.S)


def _params(text: str, base: int) -> dict[str, tuple[int, int]]:
    """Shortcode parameters -> the (start, end) of each value, offsets from ``base``."""
    out: dict[str, tuple[int, int]] = {}
    for match in _PARAM.finditer(text):
        group = next(g for g in ("dq", "sq", "bq", "bare") if match.group(g) is not None)
        out[match.group("key").lower()] = (base + match.start(group), base + match.end(group))
    return out


@dataclass
class _Spec:
    """A block being built."""

    kind: str
    line: int  # 1-based file line where it starts
    text: Builder = field(default_factory=Builder)
    credit: Builder | None = None
    alt: Builder | None = None
    attribution: Builder | None = None
    suppress: set[str] = field(default_factory=set)
    open_caption: bool = False  # an uncaptioned Markdown image: a caption may follow


# -- the adapter -----------------------------------------------------------

def is_markdown(path: str, text: str) -> bool:
    if Path(path).suffix.lower() in MARKDOWN_SUFFIXES:
        return True
    first = text.lstrip("\ufeff").split("\n", 1)[0].rstrip()
    return first in ("---", "+++")


def _line_starts(content: str, first_line: int, lines: list[str]) -> list[tuple[int, int, int]]:
    """For each line of a block's content: (content offset, file line 1-based, column 1-based)."""
    out = []
    offset = 0
    for k, piece in enumerate(content.split("\n")):
        index = first_line + k
        source = lines[index] if index < len(lines) else piece
        body, src = piece.rstrip(), source.rstrip()
        if body and src.endswith(body):
            col = len(src) - len(body)
        else:
            found = source.find(piece.strip()) if piece.strip() else -1
            col = found - (len(piece) - len(piece.lstrip())) if found >= 0 else 0
        out.append((offset, index + 1, max(col, 0) + 1))
        offset += len(piece) + 1
    return out


def _pos_function(starts: list[tuple[int, int, int]]) -> Pos:
    offsets = [s[0] for s in starts]

    def pos(i: int) -> tuple[int, int]:
        from bisect import bisect_right
        k = max(bisect_right(offsets, i) - 1, 0)
        offset, line, col = starts[k]
        return line, col + (i - offset)

    return pos


def _suppression_ids(text: str) -> set[str]:
    ids = {part for part in re.split(r"[\s,]+", text.strip()) if part}
    return ids or {ALL}


def article_from_markdown(text: str, *, source: str = "-", article_id: str | None = None,
                          extra_credits: tuple[str, ...] = ()) -> Article:
    lines = [line.rstrip("\r") for line in text.split("\n")]
    split = _split_front_matter(lines, text)
    front: FrontMatter | None = None
    body_start = 0
    if split is not None:
        kind, first, end, body_start = split
        block_lines = lines[first:end]
        if kind == "yaml":
            front = _yaml_front("\n".join(block_lines), first, source)
        else:
            front = _text_front(kind, block_lines, first, source)
    data = front.data if front else {}
    units: dict[tuple[str | None, str | None], UnitMap] = {}
    field_lines: dict[str, int] = {}
    problems: list[Problem] = []

    def string_field(keys, name: str) -> str | None:
        found = _lookup(data, keys)
        if found is None:
            return None
        path, value = found
        if not isinstance(value, str):
            problems.append(Problem("", f"front matter `{'.'.join(map(str, path))}` must be a string"))
            return None
        located = front.locate(path, value) if front else None
        if located is not None:
            units[(None, name)] = located
        line = front.line_of(path) if front else None
        if line is not None:
            field_lines[name] = line
        return value

    headline = string_field(TITLE_KEYS, "headline")
    standfirst = string_field(STANDFIRST_KEYS, "standfirst")
    alternative: dict[str, str] = {}
    for key, names in ALT_HEADLINE_KEYS.items():
        value = string_field(names, f"alternative_headlines.{key}")
        if value:
            alternative[key] = value
    table = data.get("alternative_headlines")
    if isinstance(table, dict):
        for key, value in table.items():
            if isinstance(value, str) and value and key not in alternative:
                alternative[key] = value
                located = front.locate(("alternative_headlines", key), value) if front else None
                if located is not None:
                    units[(None, f"alternative_headlines.{key}")] = located

    byline: list[str] = []
    found = _lookup(data, AUTHOR_KEYS)
    if found is not None:
        path, value = found
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, dict):
                item = item.get("name") or item.get("display_name")
            if isinstance(item, str) and item.strip():
                byline.append(item.strip())
        line = front.line_of(path) if front else None
        if line is not None:
            field_lines["byline"] = line

    dates: dict[str, DateField | None] = {"published_at": None, "updated_at": None}
    for name, keys in (("published_at", PUBLISHED_KEYS), ("updated_at", UPDATED_KEYS)):
        found = _lookup(data, keys)
        if found is None:
            continue
        path, value = found
        raw = front.raw(path) if front else None
        try:
            dates[name] = _date_field(name, value, raw)
        except ValueError as exc:
            key = ".".join(map(str, path))
            problems.append(Problem("", f"front matter `{key}` is not a valid date: {exc}"))
            continue
        located = front.locate(path, dates[name].raw) if front else None
        if located is not None:
            units[(None, name)] = located
        line = front.line_of(path) if front else None
        if line is not None:
            field_lines[name] = line

    zone = data.get("timezone")
    if zone is not None:
        try:
            ZoneInfo(str(zone))
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(Problem("", f"front matter `timezone`: {zone!r} is not a known IANA time zone"))
            zone = None
    if problems:
        raise InvalidInput(problems, source)

    specs: list[_Spec] = []
    specs.extend(_front_images(data, front))
    body = _Body(lines, body_start, extra_credits)
    body.parse()
    specs.extend(body.specs)
    if headline is None and body.headline is not None:
        headline, builder, line = body.headline
        map_ = builder.build()
        if map_ is not None:
            units[(None, "headline")] = map_
        field_lines["headline"] = line

    blocks: list[Block] = []
    suppressed: dict[str, frozenset[str]] = {}
    used: dict[str, int] = {}
    for spec in specs:
        base = f"L{spec.line}"
        used[base] = used.get(base, 0) + 1
        block_id = base if used[base] == 1 else f"{base}.{used[base]}"
        caption = spec.text.text
        text_map = spec.text.build()
        if text_map is not None:
            units[(block_id, None)] = text_map
        extra: dict[str, Any] = {}
        for name in ("credit", "alt", "attribution"):
            builder = getattr(spec, name)
            if builder is not None and builder.text.strip():
                extra[name] = builder.text
                built = builder.build()
                if built is not None:
                    units[(block_id, name)] = built
        if spec.kind == "image":
            inline = None if extra.get("credit") else find_inline_credit(caption, extra_credits)
            blocks.append(Block(id=block_id, type="image", text=caption, credit=extra.get("credit"),
                                alt=extra.get("alt"), inline_credit=inline, source_line=spec.line))
        else:
            blocks.append(Block(id=block_id, type=spec.kind, text=caption,
                                attribution=extra.get("attribution"), source_line=spec.line))
        if spec.suppress:
            suppressed[block_id] = frozenset(spec.suppress)

    slug = data.get("slug") if isinstance(data.get("slug"), str) else None
    identifier = article_id or _string(data.get("id")) or slug or (
        Path(source).stem if source not in ("-", "") else "stdin")
    language = _string(data.get("language")) or _string(data.get("lang")) or "en"
    return Article(
        id=identifier,
        headline=headline or "",
        blocks=blocks,
        language=language,
        alternative_headlines=alternative,
        standfirst=standfirst,
        slug=slug,
        byline=byline,
        dateline=_string(data.get("dateline")),
        published_at=dates["published_at"],
        updated_at=dates["updated_at"],
        timezone=str(zone) if zone else None,
        source=source,
        field_lines=field_lines,
        source_map=SourceMap(units=units, suppressed=suppressed),
    )


def _string(value: Any) -> str | None:
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        return str(value)
    return None


def _front_images(data: dict, front: FrontMatter | None) -> list[_Spec]:
    """Image tables in the front matter that carry a caption or credit."""
    specs = []
    found = _lookup(data, IMAGE_KEYS)
    if found is None or front is None:
        return specs
    path, value = found
    items = [(path + (i,), v) for i, v in enumerate(value)] if isinstance(value, list) else [(path, value)]
    for item_path, item in items:
        if not isinstance(item, dict):
            continue
        caption_key = next((k for k in ("caption", "title") if isinstance(item.get(k), str)), None)
        credit_key = next((k for k in CREDIT_KEYS if isinstance(item.get(k), str)), None)
        if caption_key is None and credit_key is None:
            continue
        line = front.line_of(item_path) or 1
        spec = _Spec("image", line)
        for key, attr in ((caption_key, "text"), (credit_key, "credit"),
                          ("alt" if isinstance(item.get("alt"), str) else None, "alt")):
            if key is None:
                continue
            value_text = item[key]
            builder = Builder()
            located = front.locate(item_path + (key,), value_text)
            if located is not None:
                builder.add(value_text, *located.position(0))
                builder.approximate = not located.exact
            else:
                builder.add(value_text, line, 1)
                builder.approximate = True
            if attr == "text":
                spec.text = builder
            else:
                setattr(spec, attr, builder)
        specs.append(spec)
    return specs


class _Body:
    """Walks the Markdown body's block tokens and builds block specs."""

    def __init__(self, lines: list[str], start: int, extra_credits: tuple[str, ...]):
        self.lines = lines
        self.start = start  # 0-based file line of the body's first line
        self.extra_credits = extra_credits
        self.specs: list[_Spec] = []
        self.headline: tuple[str, Builder, int] | None = None
        self.pending_ignore: set[str] = set()
        self.disabled: set[str] = set()

    # suppression comments
    def _comment(self, text: str, inline_spec: _Spec | None = None) -> None:
        for match in _SUPPRESSION.finditer(text):
            verb, ids = match.group("verb"), _suppression_ids(match.group("ids"))
            if verb == "ignore":
                if inline_spec is not None:
                    inline_spec.suppress |= ids
                else:
                    self.pending_ignore |= ids
            elif verb == "disable":
                self.disabled |= ids
                if inline_spec is not None:
                    inline_spec.suppress |= ids
            elif ALL in ids:
                self.disabled.clear()
            else:
                self.disabled -= ids

    def _add(self, spec: _Spec) -> _Spec:
        spec.suppress |= self.disabled | self.pending_ignore
        self.pending_ignore = set()
        self.specs.append(spec)
        return spec

    def _content(self, token) -> tuple[str, Pos]:
        first = self.start + token.map[0]
        starts = _line_starts(token.content, first, self.lines)
        return token.content, _pos_function(starts)

    def parse(self) -> None:
        body = "\n".join(self.lines[self.start:])
        tokens = _MD.parse(body)
        quote_depth = 0
        quote: _Spec | None = None
        quote_parts: list[tuple[Builder, int]] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            if kind == "blockquote_open":
                if quote_depth == 0:
                    quote = _Spec("quote", self.start + token.map[0] + 1)
                    quote_parts = []
                quote_depth += 1
            elif kind == "blockquote_close":
                quote_depth -= 1
                if quote_depth == 0 and quote is not None:
                    self._finish_quote(quote, quote_parts)
                    quote = None
            elif kind == "html_block":
                self._html_block(token)
            elif kind in ("heading_open", "paragraph_open") and i + 1 < len(tokens):
                inline = tokens[i + 1]
                if inline.type == "inline" and inline.map is not None:
                    if quote_depth:
                        content, pos = self._content(inline)
                        comments: list[tuple[int, str]] = []
                        builder = Builder()
                        Inline(content, pos, comments).strip(0, len(content), builder)
                        builder.rstrip()
                        for _offset, comment in comments:
                            self._comment(comment, quote)
                        quote_parts.append((builder, self.start + inline.map[0] + 1))
                    elif kind == "heading_open":
                        self._heading(inline, token.tag)
                    else:
                        self._paragraph(inline)
                    i += 2
                    continue
            i += 1

    def _heading(self, inline, tag: str) -> None:
        content, pos = self._content(inline)
        comments: list[tuple[int, str]] = []
        builder = Builder()
        Inline(content, pos, comments).strip(0, len(content), builder)
        builder.rstrip()
        line = self.start + inline.map[0] + 1
        if tag == "h1" and self.headline is None and not self.specs:
            self.headline = (builder.text, builder, line)
            return
        spec = self._add(_Spec("heading", line))
        spec.text = builder
        for _offset, comment in comments:
            self._comment(comment, spec)

    def _paragraph(self, inline) -> None:
        content, pos = self._content(inline)
        line = self.start + inline.map[0] + 1
        if self._figures(content, pos, line):
            return
        if _IMAGE_LEAD.match(content) and self._markdown_image(content, pos, line):
            return
        # An all-italic paragraph right after an uncaptioned image is its caption.
        last = self.specs[-1] if self.specs else None
        match = _EMPHASIS_ONLY.match(content)
        if (match and last is not None and last.kind == "image" and not last.text.text.strip()
                and last.open_caption):
            builder = Builder()
            Inline(content, pos, []).strip(match.start("body"), match.end("body"), builder)
            last.text = builder
            last.open_caption = False
            return
        comments: list[tuple[int, str]] = []
        builder = Builder()
        Inline(content, pos, comments).strip(0, len(content), builder)
        builder.rstrip()
        spec = _Spec("paragraph", line)
        for _offset, comment in comments:
            self._comment(comment, spec)
        if not builder.text.strip():
            # Nothing but markup (a lone shortcode, a comment): not a block.
            return
        spec.text = builder
        self._add(spec)

    def _figures(self, content: str, pos: Pos, line: int) -> bool:
        """A paragraph made only of shortcodes/includes: figures become image blocks."""
        matches = list(_SHORTCODE.finditer(content)) + list(_INCLUDE.finditer(content))
        if not matches:
            return False
        matches.sort(key=lambda m: m.start())
        rest = content
        for match in reversed(matches):
            rest = rest[:match.start()] + rest[match.end():]
        if rest.strip():
            return False  # prose with an inline shortcode: read as a paragraph
        for match in matches:
            name = match.group("name")
            if not _FIGURE_NAMES.search(name):
                continue
            params = _params(match.group("params"), match.start("params"))
            caption = params.get("caption") or params.get("title")
            credit = next((params[k] for k in CREDIT_KEYS if k in params), None)
            alt = params.get("alt")
            start_line = pos(match.start())[0]
            spec = self._add(_Spec("image", start_line))
            inline = Inline(content, pos, [])
            if caption:
                inline.strip(caption[0], caption[1], spec.text)
            else:
                spec.text = Builder()
            if credit:
                spec.credit = Builder()
                inline.strip(credit[0], credit[1], spec.credit)
            if alt:
                spec.alt = Builder()
                inline.strip(alt[0], alt[1], spec.alt)
        return True

    def _markdown_image(self, content: str, pos: Pos, line: int) -> bool:
        start = content.index("![")
        close = _matching(content, start + 1, len(content), "[", "]")
        if close < 0 or close + 1 >= len(content) or content[close + 1] != "(":
            return False
        end = _matching(content, close + 1, len(content), "(", ")")
        if end < 0:
            return False
        target = content[close + 2:end]
        title = re.search(r"\s+(?:\"((?:[^\"\\]|\\.)*)\"|'([^']*)'|\(([^)]*)\))\s*$", target)
        rest_start = end + 1
        first_line_rest = content[rest_start:].split("\n", 1)[0]
        if first_line_rest.strip():
            return False  # an inline picture in the middle of prose
        spec = self._add(_Spec("image", line))
        inline = Inline(content, pos, [])
        spec.alt = Builder()
        inline.strip(start + 2, close, spec.alt)
        newline = content.find("\n", rest_start)
        if newline >= 0 and content[newline:].strip():
            body_lo = newline + 1
            match = _EMPHASIS_ONLY.match(content, body_lo)
            if match:
                inline.strip(match.start("body"), match.end("body"), spec.text)
            else:
                inline.strip(body_lo, len(content), spec.text)
            spec.text.rstrip()
        elif title:
            group = next(g for g in (1, 2, 3) if title.group(g) is not None)
            base = close + 2
            inline.strip(base + title.start(group), base + title.end(group), spec.text)
        else:
            spec.open_caption = True
        return True

    def _html_block(self, token) -> None:
        content, pos = self._content(token)
        if _SUPPRESSION.search(content):
            self._comment(content)
        match = _FIGCAPTION.search(content)
        if match is None:
            return
        line = self.start + token.map[0] + 1
        spec = self._add(_Spec("image", line))
        inline = Inline(content, pos, [])
        inline.strip(match.start("caption"), match.end("caption"), spec.text)
        spec.text.rstrip()
        _strip_leading(spec.text)
        alt = _IMG_ALT.search(content)
        if alt and alt.group("alt"):
            spec.alt = Builder()
            inline.strip(alt.start("alt"), alt.end("alt"), spec.alt)

    def _finish_quote(self, quote: _Spec, parts: list[tuple[Builder, int]]) -> None:
        parts = [p for p, _line in parts if p.text.strip()]
        if not parts:
            return
        builder = Builder()
        for n, part in enumerate(parts):
            if n:
                builder.add_synthetic("\n\n")
            _append(builder, part)
        # "— Name" on the quote's last line is its attribution.
        text = builder.text
        cut = max(text.rfind("\n"), -1) + 1
        match = _ATTRIBUTION.match(text, cut)
        if cut > 0 and match:
            quote.attribution = Builder()
            _append(quote.attribution, builder, match.end())
            body = Builder()
            _append(body, builder, 0, cut)
            body.rstrip()
            builder = body
        quote.text = builder
        self._add(quote)


def _append(target: Builder, part: Builder, skip: int = 0, stop: int | None = None) -> None:
    """Copy ``part[skip:stop]`` onto ``target`` with its positions."""
    text = part.text
    stop = len(text) if stop is None else stop
    runs = part.runs
    for k, (offset, line, col) in enumerate(runs):
        end = min(runs[k + 1][0] if k + 1 < len(runs) else len(text), stop)
        if end <= skip:
            continue
        lo = max(offset, skip)
        if lo >= end:
            break
        target.add(text[lo:end], line, col + (lo - offset))


def _strip_leading(builder: Builder) -> None:
    text = builder.text
    lead = len(text) - len(text.lstrip())
    if lead:
        fresh = Builder()
        _append(fresh, builder, lead)
        builder.parts, builder.runs, builder.length = fresh.parts, fresh.runs, fresh.length
        builder.last, builder._next = fresh.last, fresh._next
