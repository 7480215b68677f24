"""Mapping a target back to a line and column of the input file, when known."""
from __future__ import annotations

from checks.model import Article, Target


def line_col(article: Article, target: Target) -> tuple[int, int] | None:
    """1-based (line, column) of the target's start in the source file, or None.

    Known for inputs that record where their blocks and fields start (plain
    text and Markdown); a JSON document has no useful line for prose.
    """
    if target.block_id is not None and target.field is None:
        try:
            block = article.block(target.block_id)
        except KeyError:
            return None
        if block.source_line is None:
            return None
        before = block.text[: target.start]
        line = block.source_line + before.count("\n")
        col = target.start - (before.rfind("\n") + 1) + 1
        return line, col
    if target.field is not None and target.block_id is None:
        line = article.field_lines.get(target.field)
        return (line, target.start + 1) if line is not None else None
    return None


def describe(article: Article, target: Target) -> str:
    """``line:col`` when the file position is known, else the target's address."""
    position = line_col(article, target)
    if position is not None:
        return f"{position[0]}:{position[1]}"
    where = target.block_id if target.field is None else (
        target.field if target.block_id is None else f"{target.block_id}.{target.field}")
    return f"{where}[{target.start}:{target.end}]"
