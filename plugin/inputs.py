"""Reading an input file (or standard input) into an Article, whatever its form."""
from __future__ import annotations

import json
from pathlib import Path

from checks.model import Article
from plugin.adapters.generic import article_from_json
from plugin.adapters.jsonpos import source_map_for
from plugin.adapters.markdown import article_from_markdown, is_markdown
from plugin.adapters.plaintext import article_from_text
from plugin.sourcemap import SourceMap, UnitMap
from plugin.validation import InvalidInput, Problem

JSON_SUFFIXES = {".json"}


def read_source(path: str, stdin_text: str | None = None) -> str:
    if path == "-":
        if stdin_text is None:
            import sys
            return sys.stdin.read()
        return stdin_text
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput([Problem("", f"is not UTF-8 text ({exc.reason} at byte {exc.start})")],
                           path) from None
    except OSError as exc:
        raise InvalidInput([Problem("", f"cannot be read: {exc.strerror or exc}")], path) from None


def detect_format(path: str, text: str) -> str:
    suffix = Path(path).suffix.lower() if path != "-" else ""
    if suffix in JSON_SUFFIXES or (suffix == "" and text.lstrip().startswith("{")):
        return "json"
    if is_markdown(path if path != "-" else "", text):
        return "markdown"
    return "text"


def parse_article(text: str, *, source: str, fmt: str | None = None,
                  extra_credits: tuple[str, ...] = ()) -> Article:
    """Build the model from ``text``; raises InvalidInput naming every problem."""
    fmt = fmt or detect_format(source, text)
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InvalidInput([Problem("", f"is not valid JSON: {exc.msg} "
                                            f"(line {exc.lineno}, column {exc.colno})")],
                               source) from None
        article = article_from_json(data, source=source, extra_credits=extra_credits)
        # Map fields and blocks back to the file's lines; a scanner failure only
        # costs the positions, never the check.
        try:
            article.source_map = source_map_for(article, data, text)
        except (ValueError, IndexError):
            pass
        return article
    if not text.strip():
        raise InvalidInput([Problem("", "is empty")], source)
    if fmt == "markdown":
        return article_from_markdown(text, source=source, extra_credits=extra_credits)
    article = article_from_text(text, source=source, extra_credits=extra_credits)
    article.source_map = _plain_field_map(article, text)
    return article


def _plain_field_map(article: Article, text: str) -> SourceMap:
    """Plain-text fields (a headline, an "Updated:" value) sit somewhere inside their
    line; find where, so their columns are right. Blocks are verbatim lines and
    need no map."""
    lines = text.split("\n")
    units = {}
    for unit in article.units():
        line = article.field_lines.get(unit.field) if unit.block_id is None else None
        if line is None or not unit.text or line > len(lines):
            continue
        col = lines[line - 1].find(unit.text)
        if col >= 0:
            units[(None, unit.field)] = UnitMap.at(line, col + 1, len(unit.text))
    return SourceMap(units=units)


def load_article(path: str, *, fmt: str | None = None, extra_credits: tuple[str, ...] = ()) -> Article:
    return parse_article(read_source(path), source=path, fmt=fmt, extra_credits=extra_credits)
