"""Terminal text: ``path:line:col: severity check/rule message``.

Coloured when writing to a terminal (the CLI decides), plain when piped, so
editors and ``grep`` can read it. Findings without a known file position
(a JSON field the file does not show) give the block or field address
instead of ``line:col``.
"""
from __future__ import annotations

from typing import Sequence

from checks.engine import Result
from plugin.render.common import InputProblem
from plugin.render.locate import describe, line_col

COLOURS = {"error": "\033[1;31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD = "\033[1m"
DIM = "\033[2m"
RESET = "\033[0m"


def render(results: Sequence[Result], *, colour: bool = False, problems: Sequence[InputProblem] = (),
           stats: dict | None = None, **_options) -> str:
    def paint(code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if colour else text

    lines = []
    totals = {"error": 0, "warning": 0, "info": 0}
    for result in results:
        path = result.source  # as given on the command line
        # Reading order of the file when positions are known (a date field at
        # the foot of a text file comes last, not first as in the JSON result).
        positions = {id(a): line_col(result.article, a.target) for a in result.annotations}
        ordered = sorted(result.annotations, key=lambda a: positions[id(a)] or (0, 0)) \
            if all(positions.values()) else result.annotations
        for ann in ordered:
            lines.append(f"{paint(BOLD, path + ':' + describe(result.article, ann.target))}: "
                         f"{paint(COLOURS[ann.severity], ann.severity)} "
                         f"{paint(DIM, ann.check + '/' + ann.rule)} {ann.message}")
        for err in result.check_errors:
            lines.append(f"{path}: check {err.check} failed: {err.message}")
        for key, count in result.summary.items():
            totals[key] += count
    files = len(results)
    summary = (f"{files} file{'s' if files != 1 else ''} checked: "
               f"{totals['error']} error(s), {totals['warning']} warning(s), {totals['info']} info")
    extra = []
    if problems:
        extra.append(f"{len(problems)} not checked")
    for key, label in (("suppressed", "suppressed inline"), ("baselined", "in the baseline")):
        if stats and stats.get(key):
            extra.append(f"{stats[key]} {label}")
    if extra:
        summary += " (" + ", ".join(extra) + ")"
    lines.append(summary)
    return "\n".join(lines) + "\n"
