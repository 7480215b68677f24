"""Mapping a target back to a line and column of the input file, when known."""
from __future__ import annotations

from checks.model import Article, Target
from plugin.sourcemap import Region, SourceMap


def region(article: Article, target: Target) -> Region | None:
    """1-based start and (exclusive) end line/column of the target in its file, or None.

    Inputs that record a source map (Markdown, JSON files) map every offset
    exactly; plain text falls back to the line where each block or field starts.
    """
    source_map = article.source_map
    if isinstance(source_map, SourceMap):
        found = source_map.region(target)
        if found is not None:
            return found
    start = _line_col(article, target, target.start)
    if start is None:
        return None
    end = _line_col(article, target, max(target.end - 1, target.start))
    if end is None or target.end <= target.start:
        return Region(start[0], start[1], start[0], start[1])
    return Region(start[0], start[1], end[0], end[1] + 1)


def _line_col(article: Article, target: Target, offset: int) -> tuple[int, int] | None:
    if target.block_id is not None and target.field is None:
        try:
            block = article.block(target.block_id)
        except KeyError:
            return None
        if block.source_line is None:
            return None
        before = block.text[:offset]
        line = block.source_line + before.count("\n")
        col = offset - (before.rfind("\n") + 1) + 1
        return line, col
    if target.field is not None and target.block_id is None:
        line = article.field_lines.get(target.field)
        return (line, offset + 1) if line is not None else None
    if target.block_id is not None:
        try:
            block = article.block(target.block_id)
        except KeyError:
            return None
        return (block.source_line, 1) if block.source_line is not None else None
    return None


def line_col(article: Article, target: Target) -> tuple[int, int] | None:
    """1-based (line, column) of the target's start in the source file, or None."""
    found = region(article, target)
    return (found.start_line, found.start_col) if found is not None else None


def address(target: Target) -> str:
    where = target.block_id if target.field is None else (
        target.field if target.block_id is None else f"{target.block_id}.{target.field}")
    return f"{where}[{target.start}:{target.end}]"


def describe(article: Article, target: Target) -> str:
    """``line:col`` when the file position is known, else the target's address."""
    position = line_col(article, target)
    if position is not None:
        return f"{position[0]}:{position[1]}"
    return address(target)
