"""Where each checked text came from in its file, and which findings it suppresses.

The checks read plain text: a Markdown paragraph without its ``**`` and link
brackets, a front-matter value without its quotes, a JSON string with its
escapes decoded. A finding's offsets are code-point offsets into that text.
To show the finding in a file (SARIF regions, GitHub annotations, the text
report) each offset must be mapped back to a 1-based line and column of the
file. An adapter that knows the way records it here, unit by unit.

A ``UnitMap`` is a list of runs ``(text_offset, line, column)``: from
``text_offset`` on, consecutive characters of the text sit at consecutive
columns of ``line``, until the next run starts. Markup that was stripped,
an escape that was decoded or a line break simply starts a new run, so the
map stays small (a few runs per line) however long the text is.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterable

from checks.model import Target

ALL = "*"  # a suppression that covers every check


@dataclass(frozen=True)
class Region:
    """1-based start line/column; end line/column point just past the span."""

    start_line: int
    start_col: int
    end_line: int
    end_col: int


class UnitMap:
    """Text offsets of one unit -> (line, column) in the file (both 1-based)."""

    __slots__ = ("_offsets", "_places", "length", "end")

    def __init__(self, runs: Iterable[tuple[int, int, int]], length: int,
                 end: tuple[int, int] | None = None):
        runs = list(runs)
        if not runs:
            raise ValueError("a unit map needs at least one run")
        self._offsets = [r[0] for r in runs]
        self._places = [(r[1], r[2]) for r in runs]
        self.length = length
        # Where the text ends in the file (the position just past its last char).
        self.end = end

    @classmethod
    def at(cls, line: int, col: int, length: int) -> "UnitMap":
        """A text copied verbatim from one place of one line."""
        return cls([(0, line, col)], length, (line, col + length))

    @classmethod
    def start_only(cls, line: int, col: int, length: int) -> "UnitMap":
        """A text whose start is known but not where each character sits (an
        escaped or folded string): every offset maps to that start."""
        return cls([(0, line, col)], length, None)

    @property
    def runs(self) -> list[tuple[int, int, int]]:
        return [(o, line, col) for o, (line, col) in zip(self._offsets, self._places)]

    @property
    def exact(self) -> bool:
        return self.end is not None

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, column) of the character at ``offset``."""
        if self.end is None:  # only the start is known
            return self._places[0]
        if offset >= self.length:
            return self.end
        i = bisect_right(self._offsets, offset) - 1
        start = self._offsets[max(i, 0)]
        line, col = self._places[max(i, 0)]
        return line, col + (offset - start)

    def region(self, start: int, end: int) -> Region:
        line, col = self.position(start)
        if self.end is None:
            return Region(line, col, line, col)
        if end <= start:
            return Region(line, col, line, col)
        last_line, last_col = self.position(end - 1)
        return Region(line, col, last_line, last_col + 1)


class Builder:
    """Builds a text and its ``UnitMap`` together, one character or slice at a time."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.runs: list[tuple[int, int, int]] = []
        self._next: tuple[int, int] | None = None  # where the next char would continue the run
        self.last: tuple[int, int] | None = None  # place just past the last char added
        self.approximate = False  # only the start is known (an escaped value)

    def add(self, text: str, line: int, col: int) -> None:
        """Append ``text``, which sits at ``line``/``col`` onwards in the file (one line)."""
        if not text:
            return
        if self._next != (line, col):
            self.runs.append((self.length, line, col))
        self.parts.append(text)
        self.length += len(text)
        self._next = (line, col + len(text))
        self.last = self._next

    def add_synthetic(self, text: str) -> None:
        """Append text that is in no single place of the file (a joining newline):
        it maps to the place just past the previous character."""
        if not text:
            return
        place = self.last or (1, 1)
        self.runs.append((self.length, place[0], place[1]))
        self.parts.append(text)
        self.length += len(text)
        self._next = None

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def rstrip(self) -> None:
        """Drop trailing whitespace (and runs that start inside it)."""
        text = self.text
        keep = len(text.rstrip())
        if keep == len(text):
            return
        self.parts = [text[:keep]]
        self.length = keep
        self.runs = [r for r in self.runs if r[0] < keep]

    def build(self) -> UnitMap | None:
        if not self.runs:
            return None
        if self.approximate:
            return UnitMap.start_only(self.runs[0][1], self.runs[0][2], self.length)
        return UnitMap(self.runs, self.length, self._end_place())

    def _end_place(self) -> tuple[int, int]:
        if not self.runs:
            return (1, 1)
        offset, line, col = self.runs[-1]
        return line, col + (self.length - offset)


@dataclass
class SourceMap:
    """Positions of an article's units in its file, and its inline suppressions."""

    units: dict[tuple[str | None, str | None], UnitMap] = field(default_factory=dict)
    # block id -> check ids ("repeated-caption"), rule ids ("page-furniture/read-more") or ALL
    suppressed: dict[str, frozenset[str]] = field(default_factory=dict)

    def region(self, target: Target) -> Region | None:
        unit = self.units.get((target.block_id, target.field))
        if unit is None:
            return None
        return unit.region(target.start, target.end)

    def is_suppressed(self, check: str, rule: str, block_id: str | None) -> bool:
        if block_id is None:
            return False
        specs = self.suppressed.get(block_id)
        if not specs:
            return False
        return ALL in specs or check in specs or f"{check}/{rule}" in specs
