"""Terminal text: ``path:line:col: severity check/rule message``."""
from __future__ import annotations

from typing import Sequence

from checks.engine import Result
from plugin.render.locate import describe

COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
RESET = "\033[0m"


def render(results: Sequence[Result], *, colour: bool = False, **_options) -> str:
    lines = []
    totals = {"error": 0, "warning": 0, "info": 0}
    for result in results:
        for ann in result.annotations:
            severity = f"{COLOURS[ann.severity]}{ann.severity}{RESET}" if colour else ann.severity
            lines.append(f"{result.source}:{describe(result.article, ann.target)}: "
                         f"{severity} {ann.check}/{ann.rule} {ann.message}")
        for err in result.check_errors:
            lines.append(f"{result.source}: check {err.check} failed: {err.message}")
        for key, count in result.summary.items():
            totals[key] += count
    files = len(results)
    lines.append(f"{files} file{'s' if files != 1 else ''} checked: "
                 f"{totals['error']} error(s), {totals['warning']} warning(s), {totals['info']} info")
    return "\n".join(lines) + "\n"
