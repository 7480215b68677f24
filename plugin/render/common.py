"""What every CI renderer needs: thresholds, file paths, findings in a stable order."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from checks.annotation import SEVERITY_RANK, Annotation
from checks.engine import Result
from plugin.render.locate import region
from plugin.sourcemap import Region

FAIL_ON = ("error", "warning", "info", "never")


def at_or_above(severity: str, fail_on: str) -> bool:
    """Whether a finding of ``severity`` counts against the ``--fail-on`` threshold."""
    if fail_on == "never":
        return False
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[fail_on]


def display_path(source: str, cwd: str | None = None) -> str:
    """A stable, repository-relative POSIX path when the file is under ``cwd``."""
    if source in ("-", ""):
        return "-"
    path = Path(source)
    if path.is_absolute():
        try:
            path = path.relative_to(Path(cwd or os.getcwd()).resolve())
        except ValueError:
            return path.as_posix()
    return Path(os.path.normpath(path)).as_posix()


@dataclass(frozen=True)
class Finding:
    path: str
    result: Result
    annotation: Annotation
    region: Region | None

    @property
    def line(self) -> int:
        return self.region.start_line if self.region else 1

    @property
    def col(self) -> int:
        return self.region.start_col if self.region else 1


@dataclass(frozen=True)
class InputProblem:
    """A file that could not be checked, as the CLI reports it."""

    path: str
    problem: str
    pointer: str = ""  # JSON pointer of the problem, when the input is JSON

    @property
    def message(self) -> str:
        return f"{self.pointer}: {self.problem}" if self.pointer else self.problem


def findings(results: Sequence[Result], cwd: str | None = None) -> Iterator[Finding]:
    for result in results:
        path = display_path(result.source, cwd)
        for ann in result.annotations:
            yield Finding(path, result, ann, region(result.article, ann.target))


def by_importance(items: Iterable[Finding]) -> list[Finding]:
    """Errors first, then warnings, then info; files and lines in order within each."""
    return sorted(items, key=lambda f: (-SEVERITY_RANK[f.annotation.severity], f.path, f.line, f.col))
